// The page's side of the draft analysis. Where the browser has workers (every Outlook client the
// pane supports), the analysis runs in one (analysis.worker.ts): the page only posts a snapshot
// and receives the result, so a long draft is never analysed on the thread the author types on.
// Without a worker (tests, or when the worker cannot start), the same analysis runs on the page,
// from a chunk loaded on first use. Small and policy-free, so that the bootstrap can start the
// worker before the compose view's own code has arrived (compose-loader.ts).
import type { DraftAnalysis } from "../../policy/analyze";
import type { PolicyConfig } from "../../policy/config/schema";
import type { AnalysisRequest, FromWorker, ToWorker } from "./analysis-protocol";
import type * as RunAnalysis from "./run-analysis";

export interface DraftAnalyser {
  /** True when analyses run off the page's main thread. */
  readonly offThread: boolean;
  analyse(request: AnalysisRequest): Promise<DraftAnalysis>;
  /** Stops the worker; pending analyses never settle, later ones fail. */
  dispose(): void;
}

/** The performance measure of one analysis, request to result (the bench reads it). */
export const ANALYSIS_MEASURE = "bemotande:analysis";

function measure(start: number): void {
  try {
    performance.measure(ANALYSIS_MEASURE, { start, end: performance.now() });
  } catch {
    // Measuring must never break the pane.
  }
}

function timed(run: () => Promise<DraftAnalysis>): Promise<DraftAnalysis> {
  const start = typeof performance === "undefined" ? undefined : performance.now();
  const result = run();
  if (start !== undefined)
    void result.then(
      () => measure(start),
      () => undefined,
    );
  return result;
}

function onThePage(config: PolicyConfig): (request: AnalysisRequest) => Promise<DraftAnalysis> {
  let module: Promise<typeof RunAnalysis> | undefined;
  return async (request) => {
    module ??= import(/* webpackChunkName: "analysis" */ "./run-analysis");
    return (await module).runAnalysis(config, request);
  };
}

/** Where taskpane.html's head leaves the worker it started for a compose page. */
export const EARLY_WORKER_GLOBAL = "__bemotandeAnalysisWorker";

/** The worker the page's head started, once (the first analyser takes it). */
function takeEarlyWorker(): Worker | undefined {
  const scope = globalThis as Record<string, unknown>;
  const early = scope[EARLY_WORKER_GLOBAL];
  delete scope[EARLY_WORKER_GLOBAL];
  return typeof Worker === "function" && early instanceof Worker ? early : undefined;
}

function startWorker(): Worker | undefined {
  if (typeof Worker !== "function") return undefined;
  const early = takeEarlyWorker();
  if (early) return early;
  try {
    return new Worker(new URL("./analysis.worker.ts", import.meta.url), { name: "bemotande-analysis" });
  } catch {
    return undefined;
  }
}

interface Waiting {
  readonly request: AnalysisRequest;
  readonly resolve: (analysis: DraftAnalysis) => void;
  readonly reject: (error: unknown) => void;
}

export function createDraftAnalyser(config: PolicyConfig): DraftAnalyser {
  const inline = onThePage(config);
  const worker = startWorker();
  if (!worker) return { offThread: false, analyse: (request) => timed(() => inline(request)), dispose() {} };

  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  let failed = false;
  let disposed = false;
  /** The worker could not start or broke: what it still owed, and everything after, runs here. */
  const fallBack = (): void => {
    if (failed) return;
    failed = true;
    worker.terminate();
    for (const entry of waiting.values()) inline(entry.request).then(entry.resolve, entry.reject);
    waiting.clear();
  };
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const reply = event.data;
    const entry = waiting.get(reply.id);
    if (!entry) return;
    waiting.delete(reply.id);
    if ("error" in reply) entry.reject(new Error(reply.error));
    else entry.resolve(reply.analysis);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fallBack();
  };
  const post = (message: ToWorker): void => worker.postMessage(message);
  try {
    post({ type: "config", config });
  } catch {
    fallBack();
  }

  return {
    get offThread() {
      return !failed;
    },
    analyse: (request) =>
      timed(() => {
        if (disposed) return Promise.reject(new Error("the draft analyser was disposed"));
        if (failed) return inline(request);
        return new Promise<DraftAnalysis>((resolve, reject) => {
          const id = nextId++;
          waiting.set(id, { request, resolve, reject });
          try {
            post({ type: "analyse", id, request });
          } catch {
            fallBack();
          }
        });
      }),
    dispose() {
      disposed = true;
      failed = true;
      waiting.clear();
      worker.terminate();
    },
  };
}
