// The compose start-up: the draft is read (recipients only when not already known) and
// analysed before the compose view renders, and the view takes what was prepared over once.
import type { MailboxAdapter } from "../../../src/office/mailbox";
import { defaultConfig } from "../../../src/policy/config/defaults";
import {
  abandonEarlyCompose,
  composeViewWithin,
  loadComposeView,
  loadedComposeView,
  prepareCompose,
  preparedCompose,
  startComposeEarly,
  takePreparedCompose,
} from "../../../src/taskpane/compose-loader";
import { FakeWorker } from "./fake-worker";
import { readSnapshot } from "../../../src/taskpane/compose/snapshot";

function composeAdapter(calls: string[]): MailboxAdapter {
  return {
    displayLanguage: "sv-SE",
    theme: undefined,
    getUser: () => ({ displayName: "Anna Berg", emailAddress: "anna.berg@nvk.se" }),
    getCurrentItem: () => Promise.resolve({ mode: "compose", kind: "message" }),
    getSubject: () => (calls.push("subject"), Promise.resolve("Fråga")),
    getBodyText: () => Promise.resolve(""),
    getBodyHtml: () => (calls.push("body"), Promise.resolve("<p>Vi har erhållit din ansökan.</p>")),
    setBodyHtml: () => Promise.resolve(),
    setSignature: () => Promise.resolve(),
    disableClientSignature: () => Promise.resolve(),
    getRecipients: () => (
      calls.push("recipients"),
      Promise.resolve({ to: ["a@x.se"], cc: ["b@x.se"], bcc: [] })
    ),
    onRecipientsChanged: () => Promise.resolve(() => Promise.resolve()),
    getSetting: () => undefined,
    setSetting: () => undefined,
    saveSettings: () => Promise.resolve(),
    onItemChanged: () => Promise.resolve(() => Promise.resolve()),
  };
}

test("readSnapshot asks for the recipients only when they are not known", async () => {
  const calls: string[] = [];
  const adapter = composeAdapter(calls);
  expect(await readSnapshot(adapter)).toEqual({
    html: "<p>Vi har erhållit din ansökan.</p>",
    subject: "Fråga",
    recipients: ["a@x.se", "b@x.se"],
  });
  expect(calls.sort()).toEqual(["body", "recipients", "subject"]);
  calls.length = 0;
  expect((await readSnapshot(adapter, ["c@x.se"])).recipients).toEqual(["c@x.se"]);
  expect(calls.sort()).toEqual(["body", "subject"]);
});

test("prepareCompose: the view's code and the first analysis come together", async () => {
  const adapter = composeAdapter([]);
  prepareCompose(adapter, defaultConfig);
  const prepared = preparedCompose(adapter, defaultConfig);
  expect(prepared).toBeDefined();
  expect(preparedCompose(composeAdapter([]), defaultConfig)).toBeUndefined();
  const module = await loadComposeView();
  expect(typeof module.default).toBe("function");
  expect(loadedComposeView()).toBe(module);
  expect(prepared?.first?.snapshot.html).toBe("<p>Vi har erhållit din ansökan.</p>");
  expect(prepared?.first?.analysis.findings.some((f) => f.rule === "jargon")).toBe(true);
  if (prepared) takePreparedCompose(prepared);
  expect(preparedCompose(adapter, defaultConfig)).toBeUndefined();
  prepared?.analyser.dispose();
});

describe("composeViewWithin: the pane's first render waits for the view, but not for long", () => {
  afterEach(() => jest.restoreAllMocks());

  test("true once the view's code and the first analysis are in; its timer is cleared", async () => {
    const setTimer = jest.spyOn(globalThis, "setTimeout");
    const clearTimer = jest.spyOn(globalThis, "clearTimeout");
    const adapter = composeAdapter([]);
    prepareCompose(adapter, defaultConfig);
    const prepared = preparedCompose(adapter, defaultConfig);
    await expect(composeViewWithin(60_000)).resolves.toBe(true);
    expect(prepared?.first?.analysis.findings.some((f) => f.rule === "jargon")).toBe(true);
    const index = setTimer.mock.calls.findIndex((call) => call[1] === 60_000);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(clearTimer).toHaveBeenCalledWith(setTimer.mock.results[index]?.value);
    if (prepared) takePreparedCompose(prepared);
    prepared?.analyser.dispose();
  });

  test("false when the draft has not been read and analysed in time; the view still comes later", async () => {
    let answer: (html: string) => void = () => undefined;
    const adapter: MailboxAdapter = {
      ...composeAdapter([]),
      getBodyHtml: () => new Promise<string>((resolve) => (answer = resolve)),
    };
    prepareCompose(adapter, defaultConfig);
    const prepared = preparedCompose(adapter, defaultConfig);
    await expect(composeViewWithin(20)).resolves.toBe(false);
    expect(prepared?.first).toBeUndefined();
    answer("<p>Hej</p>");
    await expect(composeViewWithin(60_000)).resolves.toBe(true);
    expect(prepared?.first?.snapshot.html).toBe("<p>Hej</p>");
    if (prepared) takePreparedCompose(prepared);
    prepared?.analyser.dispose();
  });
});

describe("starting before Office is ready (a page opened from the compose surface)", () => {
  const original = (globalThis as { Worker?: unknown }).Worker;
  beforeEach(() => {
    (globalThis as { Worker?: unknown }).Worker = FakeWorker;
    FakeWorker.instances = [];
  });
  afterEach(() => {
    (globalThis as { Worker?: unknown }).Worker = original;
    FakeWorker.instances = [];
  });

  test("prepareCompose takes the early worker over: one worker, already configured", async () => {
    startComposeEarly(defaultConfig);
    startComposeEarly(defaultConfig); // Once per page.
    expect(FakeWorker.instances).toHaveLength(1);
    expect(FakeWorker.instances[0]?.received.map((m) => m.type)).toEqual(["config"]);
    const adapter = composeAdapter([]);
    prepareCompose(adapter, defaultConfig);
    expect(FakeWorker.instances).toHaveLength(1);
    const prepared = preparedCompose(adapter, defaultConfig);
    await prepared?.settled;
    expect(prepared?.analyser.offThread).toBe(true);
    expect(prepared?.first?.analysis.findings.some((f) => f.rule === "jargon")).toBe(true);
    expect(FakeWorker.instances[0]?.received.map((m) => m.type)).toEqual(["config", "analyse"]);
    if (prepared) takePreparedCompose(prepared);
    prepared?.analyser.dispose();
  });

  test("the early read and analysis is the prepared first one: the draft is not read again", async () => {
    const early: string[] = [];
    startComposeEarly(defaultConfig, () => readSnapshot(composeAdapter(early)));
    const calls: string[] = [];
    const adapter = composeAdapter(calls);
    prepareCompose(adapter, defaultConfig);
    const prepared = preparedCompose(adapter, defaultConfig);
    await prepared?.settled;
    expect(early.sort()).toEqual(["body", "recipients", "subject"]);
    expect(calls).toEqual([]);
    expect(prepared?.first?.snapshot.recipients).toEqual(["a@x.se", "b@x.se"]);
    expect(prepared?.first?.analysis.findings.some((f) => f.rule === "jargon")).toBe(true);
    expect(FakeWorker.instances).toHaveLength(1);
    if (prepared) takePreparedCompose(prepared);
    prepared?.analyser.dispose();
  });

  test("when the early read fails, prepareCompose reads the draft itself", async () => {
    startComposeEarly(defaultConfig, () => Promise.reject(new Error("Office.js is not loaded")));
    const calls: string[] = [];
    const adapter = composeAdapter(calls);
    prepareCompose(adapter, defaultConfig);
    const prepared = preparedCompose(adapter, defaultConfig);
    await prepared?.settled;
    expect(calls.sort()).toEqual(["body", "recipients", "subject"]);
    expect(prepared?.first?.snapshot.html).toBe("<p>Vi har erhållit din ansökan.</p>");
    if (prepared) takePreparedCompose(prepared);
    prepared?.analyser.dispose();
  });

  test("a page that turns out not to be composing stops the early worker", () => {
    startComposeEarly(defaultConfig);
    abandonEarlyCompose();
    expect(FakeWorker.instances[0]?.terminated).toBe(true);
    // Nothing is left to take over: a later compose start makes its own worker.
    const adapter = composeAdapter([]);
    prepareCompose(adapter, defaultConfig);
    expect(FakeWorker.instances).toHaveLength(2);
    const prepared = preparedCompose(adapter, defaultConfig);
    if (prepared) takePreparedCompose(prepared);
    prepared?.analyser.dispose();
  });

  test("an early worker for another configuration is not used", () => {
    startComposeEarly({ ...defaultConfig });
    const adapter = composeAdapter([]);
    prepareCompose(adapter, defaultConfig);
    expect(FakeWorker.instances).toHaveLength(2);
    expect(FakeWorker.instances[0]?.terminated).toBe(true);
    const prepared = preparedCompose(adapter, defaultConfig);
    if (prepared) takePreparedCompose(prepared);
    prepared?.analyser.dispose();
  });
});
