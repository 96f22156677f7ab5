// The compose view's analysis worker: the policy engine and the lexicon live here, off the page's
// main thread, so that re-analysing a long draft never holds up the author's typing (and the
// lexicon compiles while the page renders). See analyser.ts for the page's side.
import type { PolicyConfig } from "../../policy/config/schema";
import type { FromWorker, ToWorker } from "./analysis-protocol";
import { prepareAnalysis, runAnalysis } from "./run-analysis";

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
let config: PolicyConfig | undefined;

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === "config") {
    config = message.config;
    prepareAnalysis(config);
    return;
  }
  try {
    if (!config) throw new Error("the analysis worker has no configuration");
    scope.postMessage({ id: message.id, analysis: runAnalysis(config, message.request) });
  } catch (error) {
    scope.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
};
