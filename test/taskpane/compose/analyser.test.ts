// The draft analyser: in a worker where there is one (here a stand-in that speaks the same
// messages), on the page otherwise, and on the page again when the worker breaks.
import { analyzeDraft } from "../../../src/policy/analyze";
import { defaultConfig } from "../../../src/policy/config/defaults";
import { createDraftAnalyser } from "../../../src/taskpane/compose/analyser";
import { FakeWorker } from "./fake-worker";

const now = new Date("2026-11-24T09:00:00Z");
const snapshot = { html: "<p>Hej!</p><p>Vi har erhållit din ansökan.</p>", subject: "Fråga", recipients: [] };
const expected = analyzeDraft(
  { body: snapshot.html, format: "html", subject: snapshot.subject, recipients: [] },
  { config: defaultConfig, now },
);

describe("createDraftAnalyser", () => {
  const original = (globalThis as { Worker?: unknown }).Worker;
  afterEach(() => {
    (globalThis as { Worker?: unknown }).Worker = original;
    FakeWorker.instances = [];
    FakeWorker.failing = false;
  });

  test("without workers, the analysis runs on the page and gives what analyzeDraft gives", async () => {
    delete (globalThis as { Worker?: unknown }).Worker;
    const analyser = createDraftAnalyser(defaultConfig);
    expect(analyser.offThread).toBe(false);
    expect(await analyser.analyse({ snapshot, now })).toEqual(expected);
  });

  test("with a worker: the configuration once, then one message per analysis, results cloned back", async () => {
    (globalThis as { Worker?: unknown }).Worker = FakeWorker;
    const analyser = createDraftAnalyser(defaultConfig);
    expect(analyser.offThread).toBe(true);
    const [first, second] = await Promise.all([
      analyser.analyse({ snapshot, now }),
      analyser.analyse({ snapshot: { ...snapshot, html: "<p>Hej</p>" }, now }),
    ]);
    expect(first).toEqual(expected);
    expect(second.findings.some((f) => f.rule === "jargon")).toBe(false);
    const worker = FakeWorker.instances[0] as FakeWorker;
    expect(String(worker.url)).toMatch(/analysis\.worker\.ts$/);
    expect(worker.received.map((m) => m.type)).toEqual(["config", "analyse", "analyse"]);
    analyser.dispose();
    expect(worker.terminated).toBe(true);
    await expect(analyser.analyse({ snapshot, now })).rejects.toThrow(/disposed/);
  });

  test("a worker that fails: what it owed, and what follows, is analysed on the page", async () => {
    (globalThis as { Worker?: unknown }).Worker = FakeWorker;
    FakeWorker.failing = true;
    const analyser = createDraftAnalyser(defaultConfig);
    expect(await analyser.analyse({ snapshot, now })).toEqual(expected);
    expect(analyser.offThread).toBe(false);
    expect(FakeWorker.instances[0]?.terminated).toBe(true);
    expect(await analyser.analyse({ snapshot, now })).toEqual(expected);
  });
});
