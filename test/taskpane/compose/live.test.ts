// The live analysis: polls, debounces, skips an unchanged draft, starts from a draft already
// analysed, and takes analyses that finish later (a worker) as well as synchronous ones.
import type { LiveScheduler, Snapshot, Visibility } from "../../../src/taskpane/compose/live";
import { LiveAnalyzer } from "../../../src/taskpane/compose/live";

/** Timers and idle callbacks run only when the test says so. */
function fakeScheduler() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const idle: Array<() => void> = [];
  const scheduler: LiveScheduler = {
    setTimeout: (run, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    idle: (run) => void idle.push(run),
  };
  /** Advances the clock, running due timers in order (and the promises they start). */
  const advance = async (ms: number): Promise<void> => {
    const until = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].run();
      await flush();
    }
    now = until;
  };
  const runIdle = async (): Promise<void> => {
    for (const run of idle.splice(0)) run();
    await flush();
  };
  return { scheduler, advance, runIdle, idleCount: () => idle.length };
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

const visible: Visibility = { isVisible: () => true, subscribe: () => () => undefined };

function draft(html: string): Snapshot {
  return { html, subject: "Fråga", recipients: ["anna@example.se"] };
}

function setup(options: { idle?: boolean; async?: boolean } = {}) {
  const clock = fakeScheduler();
  let current = draft("<p>Hej</p>");
  const analysed: string[] = [];
  const results: string[] = [];
  const live = new LiveAnalyzer<string>({
    read: async () => current,
    analyse: (snapshot) => {
      analysed.push(snapshot.html);
      return options.async ? Promise.resolve(`result of ${snapshot.html}`) : `result of ${snapshot.html}`;
    },
    onResult: (result) => results.push(result),
    onError: (error) => {
      throw error;
    },
    scheduler: clock.scheduler,
    visibility: visible,
    ...(options.idle === undefined ? {} : { idle: options.idle }),
  });
  return {
    live,
    clock,
    analysed,
    results,
    edit: (html: string) => {
      current = draft(html);
    },
  };
}

describe("LiveAnalyzer", () => {
  test("the first check analyses at once; an unchanged draft is not analysed again", async () => {
    const { live, clock, analysed, results } = setup();
    live.start();
    await flush();
    expect(analysed).toEqual(["<p>Hej</p>"]);
    expect(results).toEqual(["result of <p>Hej</p>"]);
    await clock.advance(10_000);
    await clock.runIdle();
    expect(analysed).toHaveLength(1);
    live.stop();
  });

  test("a change is analysed after the poll, the pause and idle time", async () => {
    const { live, clock, analysed, edit } = setup();
    live.start();
    await flush();
    edit("<p>Hej Anna</p>");
    await clock.advance(1500 + 250);
    expect(analysed).toHaveLength(1);
    expect(clock.idleCount()).toBe(1);
    await clock.runIdle();
    expect(analysed).toEqual(["<p>Hej</p>", "<p>Hej Anna</p>"]);
    live.stop();
  });

  test("off the main thread (idle: false), a change does not wait for idle time", async () => {
    const { live, clock, analysed, results, edit } = setup({ idle: false, async: true });
    live.start();
    await flush();
    edit("<p>Hej Anna</p>");
    await clock.advance(1500 + 250);
    expect(clock.idleCount()).toBe(0);
    expect(analysed).toEqual(["<p>Hej</p>", "<p>Hej Anna</p>"]);
    expect(results).toEqual(["result of <p>Hej</p>", "result of <p>Hej Anna</p>"]);
    live.stop();
  });

  test("started from a draft already on screen: no analysis unless it changed since", async () => {
    const same = setup();
    same.live.start(draft("<p>Hej</p>"));
    await flush();
    expect(same.analysed).toEqual([]);
    same.live.stop();

    const changed = setup({ idle: false });
    changed.edit("<p>Hej igen</p>"); // after the analysis that is on screen
    changed.live.start(draft("<p>Hej</p>"));
    await flush();
    await changed.clock.advance(250);
    expect(changed.analysed).toEqual(["<p>Hej igen</p>"]);
    changed.live.stop();
  });

  test("checkNow settles once an analysis in a worker has reported", async () => {
    const { live, results } = setup({ async: true });
    live.start();
    await flush();
    results.length = 0;
    await live.checkNow();
    expect(results).toEqual(["result of <p>Hej</p>"]);
    live.stop();
  });

  test("a result that arrives after stop() is dropped", async () => {
    const clock = fakeScheduler();
    let finish: (value: string) => void = () => undefined;
    const results: string[] = [];
    const live = new LiveAnalyzer<string>({
      read: async () => draft("<p>Hej</p>"),
      analyse: () =>
        new Promise<string>((resolve) => {
          finish = resolve;
        }),
      onResult: (result) => results.push(result),
      onError: () => undefined,
      scheduler: clock.scheduler,
      visibility: visible,
    });
    live.start();
    await flush();
    live.stop();
    finish("late");
    await flush();
    expect(results).toEqual([]);
  });
});
