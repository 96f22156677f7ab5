// One analysis of the draft as the compose view asks for it: the whole policy (every rule group),
// the built-in lexicon with the configuration's changes, and the directory profile once known.
// Runs in the analysis worker (analysis.worker.ts), or on the page where there is no worker.
import type { DraftAnalysis } from "../../policy/analyze";
import { analyzeDraft, lexiconFor } from "../../policy/analyze";
import type { PolicyConfig } from "../../policy/config/schema";
import type { AnalysisRequest } from "./analysis-protocol";

export function runAnalysis(config: PolicyConfig, request: AnalysisRequest): DraftAnalysis {
  const { snapshot, profile, now } = request;
  return analyzeDraft(
    { body: snapshot.html, format: "html", subject: snapshot.subject, recipients: snapshot.recipients },
    { config, lexicon: lexiconFor(config), now, ...(profile ? { profile } : {}) },
  );
}

/** Compiles the lexicon for `config` now (it is cached per configuration), before a draft arrives. */
export function prepareAnalysis(config: PolicyConfig): void {
  lexiconFor(config);
}
