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

/**
 * A short reply with a signature and a case sentence: it takes every path of a real draft
 * (markup, quote and signature detection, the phone library, the working-day calendar and its
 * time-zone formatter, the tone rules, LIX), so that analysing it once compiles them.
 */
const WARM_UP_DRAFT =
  "<p>Hej!</p><p>Tack för ditt mejl. Vi har tagit emot din ansökan och handlägger ärendet. " +
  "Det innebär att vi återkommer, och du kan överklaga beslutet.</p>" +
  '<div id="Signature"><p>Med vänliga hälsningar<br>Anna Berg<br>Handläggare<br>Medlemsservice, ' +
  "NVK<br>08-123 456 78<br>anna.berg@nvk.se</p></div>" +
  '<div id="divRplyFwdMsg"><p>Från: Erik &lt;erik@example.se&gt;</p></div><blockquote><p>Fråga</p></blockquote>';

/**
 * Runs one analysis of a built-in draft and throws the result away. The first analysis in a new
 * worker is several times slower than the next (every function runs cold, the phone metadata and
 * the date formatter are set up); done while the worker waits for the real draft, the author's
 * first analysis does not pay for it.
 */
export function warmUpAnalysis(config: PolicyConfig, now: Date): void {
  runAnalysis(config, { snapshot: { html: WARM_UP_DRAFT, subject: "Ärende", recipients: [] }, now });
}
