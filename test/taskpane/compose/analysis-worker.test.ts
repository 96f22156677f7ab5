// The analysis worker's own script: it answers each draft with what runAnalysis gives, warms up
// on its own before the page's configuration arrives, and a draft that is waiting goes first.
import { defaultConfig } from "../../../src/policy/config/defaults";
import type { FromWorker, ToWorker } from "../../../src/taskpane/compose/analysis-protocol";
import { runAnalysis } from "../../../src/taskpane/compose/run-analysis";

const now = new Date("2026-11-24T09:00:00Z");
const snapshot = { html: "<p>Hej!</p><p>Vi har erhållit din ansökan.</p>", subject: "Fråga", recipients: [] };

interface FakeScope {
  onmessage: ((event: { data: ToWorker }) => void) | null;
  postMessage: (message: FromWorker) => void;
}

/** Loads the worker script into a fresh module registry with `self` standing in for its scope. */
async function loadWorker(): Promise<{ scope: FakeScope; replies: FromWorker[] }> {
  const replies: FromWorker[] = [];
  const scope: FakeScope = {
    onmessage: null,
    postMessage: (message) => replies.push(structuredClone(message)),
  };
  (globalThis as { self?: unknown }).self = scope;
  await jest.isolateModulesAsync(async () => {
    await import("../../../src/taskpane/compose/analysis.worker");
  });
  return { scope, replies };
}

const send = (scope: FakeScope, message: ToWorker): void =>
  scope.onmessage?.({ data: structuredClone(message) });

describe("analysis.worker", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    jest.useRealTimers();
    delete (globalThis as { self?: unknown }).self;
  });

  test("answers a draft with runAnalysis's result, before its own warm-up runs", async () => {
    const { scope, replies } = await loadWorker();
    send(scope, { type: "config", config: defaultConfig });
    send(scope, { type: "analyse", id: 7, request: { snapshot, now } });
    expect(replies).toEqual([
      { id: 7, analysis: structuredClone(runAnalysis(defaultConfig, { snapshot, now })) },
    ]);
    jest.runAllTimers(); // The warm-ups find a draft already analysed and post nothing.
    expect(replies).toHaveLength(1);
  });

  test("warms up on its own before any message, and still answers afterwards", async () => {
    const { scope, replies } = await loadWorker();
    jest.runAllTimers();
    expect(replies).toEqual([]);
    send(scope, { type: "config", config: { ...defaultConfig } });
    send(scope, { type: "analyse", id: 1, request: { snapshot, now } });
    const reply = replies[0];
    expect(reply && "analysis" in reply ? reply.analysis.findings.map((f) => f.rule) : []).toContain(
      "jargon",
    );
  });

  test("a draft before any configuration is an error reply, not a crash", async () => {
    const { scope, replies } = await loadWorker();
    send(scope, { type: "analyse", id: 3, request: { snapshot, now } });
    expect(replies).toEqual([{ id: 3, error: "the analysis worker has no configuration" }]);
  });

  test("a configuration with its own lexicon changes is used as sent", async () => {
    const { scope, replies } = await loadWorker();
    const config = { ...defaultConfig, lexicon: { add: [], remove: ["erhålla"] } };
    send(scope, { type: "config", config });
    send(scope, { type: "analyse", id: 2, request: { snapshot, now } });
    const reply = replies[0];
    expect(
      reply && "analysis" in reply ? reply.analysis.findings.some((f) => f.rule === "jargon") : true,
    ).toBe(false);
  });
});
