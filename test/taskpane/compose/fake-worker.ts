// A Worker stand-in for the compose tests: answers like analysis.worker.ts, a task later, with
// structured clones. Install it as globalThis.Worker; `instances` counts the workers started.
import { defaultConfig } from "../../../src/policy/config/defaults";
import type { PolicyConfig } from "../../../src/policy/config/schema";
import type { FromWorker, ToWorker } from "../../../src/taskpane/compose/analysis-protocol";
import { runAnalysis } from "../../../src/taskpane/compose/run-analysis";

/** A Worker stand-in: answers like analysis.worker.ts, a task later, with structured clones. */
export class FakeWorker {
  static instances: FakeWorker[] = [];
  static failing = false;
  onmessage: ((event: { data: FromWorker }) => void) | null = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  readonly received: ToWorker[] = [];
  terminated = false;
  private config: PolicyConfig = defaultConfig;

  constructor(readonly url: URL) {
    FakeWorker.instances.push(this);
  }

  postMessage(message: ToWorker): void {
    this.received.push(structuredClone(message));
    const failing = FakeWorker.failing;
    setTimeout(() => {
      if (this.terminated) return;
      if (failing) {
        this.onerror?.({ preventDefault: () => undefined });
        return;
      }
      if (message.type === "config") {
        this.config = structuredClone(message.config);
        return;
      }
      const analysis = runAnalysis(this.config, structuredClone(message.request));
      this.onmessage?.({ data: structuredClone({ id: message.id, analysis }) });
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}
