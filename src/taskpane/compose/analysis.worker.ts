// The compose view's analysis worker: the policy engine and the lexicon live here, off the page's
// main thread, so that re-analysing a long draft never holds up the author's typing (and the
// lexicon compiles while the page renders). See analyser.ts for the page's side.
import { defaultConfig } from "../../policy/config/defaults";
import type { PolicyConfig } from "../../policy/config/schema";
import type { FromWorker, ToWorker } from "./analysis-protocol";
import { prepareAnalysis, runAnalysis, warmUpAnalysis } from "./run-analysis";

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
let config: PolicyConfig | undefined;
/** A real draft has been (or is about to be) analysed: warming up would only be in its way. */
let analysed = false;
let warm = false;

/**
 * Compiles the lexicon, then — in a later task, so that a draft that arrived meanwhile goes first
 * and makes it unnecessary — runs the engine once on a built-in draft (run-analysis.ts): the
 * first analysis in a new worker is several times slower than the next, and this way the
 * author's draft does not pay for it.
 */
function warmUp(settings: PolicyConfig): void {
  if (warm || analysed) return;
  warm = true;
  try {
    prepareAnalysis(settings);
  } catch {
    return; // Only a head start; the real analysis reports its own errors.
  }
  setTimeout(() => {
    if (analysed) return;
    try {
      warmUpAnalysis(settings, new Date());
    } catch {
      // As above.
    }
  }, 0);
}

/**
 * The page's configuration, sharing NVK's default lexicon object when its lexicon settings are
 * the default's: the lexicon is compiled once per lexicon object, and the copy that arrives by
 * message is always a new one.
 */
function received(sent: PolicyConfig): PolicyConfig {
  return JSON.stringify(sent.lexicon) === JSON.stringify(defaultConfig.lexicon)
    ? { ...sent, lexicon: defaultConfig.lexicon }
    : sent;
}

// A worker started by the page's head (taskpane.html, compose only) gets its configuration only
// once the page's bundle has run: start on NVK's defaults now; a task of its own, so that a
// message already waiting is handled first.
setTimeout(() => warmUp(config ?? defaultConfig), 0);

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === "config") {
    config = received(message.config);
    prepareAnalysis(config);
    const prepared = config;
    setTimeout(() => warmUp(prepared), 0);
    return;
  }
  analysed = true;
  try {
    if (!config) throw new Error("the analysis worker has no configuration");
    scope.postMessage({ id: message.id, analysis: runAnalysis(config, message.request) });
  } catch (error) {
    scope.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
};
