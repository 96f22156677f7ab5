import type { PolicyConfig } from "./config/schema";
import type { DraftInput, DraftKind } from "./draft";
import { inferDraftKind, sortFindings } from "./draft";
import type { Finding } from "./findings";
import type { Lexicon } from "./language/jargon";
import type { LixResult } from "./language/readability";
import {
  jargonFindings,
  lexiconFor,
  readabilityFindings,
  roundedLix,
  scanOwnText,
} from "./rules/language-rules";
import { checkIdentityNumbers } from "./rules/sensitive-rules";
import type { SignatureSummary } from "./rules/signature-rules";
import { checkSignature } from "./rules/signature-rules";
import { caseNoTimeline, followUpOffer, objectionFirst, refusalUnexplained } from "./rules/tone";
import type { DirectoryProfile } from "./signature/build-signature";
import type { DraftText } from "./text/draft-text";
import { extractDraftText } from "./text/draft-text";

// One entry point for the task pane, the CLI and tests: analyzeDraft runs every rule module in
// src/policy/rules; the send-time check (send-check.ts) runs the two it needs from the same
// modules, so a rule has one implementation. Rules read only the author's own text (and
// signature); quoted history belongs to someone else — except for sensitive data, which leaves
// the organisation whoever wrote it.

export type { DraftInput, DraftKind } from "./draft";
export { inferDraftKind } from "./draft";
export { lexiconFor, MIN_WORDS_FOR_LIX } from "./rules/language-rules";
export { listOf, signatureFieldName } from "./rules/signature-rules";
export type { SignatureSummary } from "./rules/signature-rules";

export type RuleGroup = "signature" | "jargon" | "readability" | "tone" | "sensitive";
export const ALL_RULE_GROUPS: readonly RuleGroup[] = [
  "signature",
  "jargon",
  "readability",
  "tone",
  "sensitive",
];

export interface AnalysisContext {
  readonly config: PolicyConfig;
  /** A compiled lexicon; by default the built-in one with the config's changes (compiled once per config). */
  readonly lexicon?: Lexicon;
  /** "Now", for dates the rules suggest. */
  readonly now?: Date;
  /**
   * The sender's directory profile (Graph's /me): the signature's name and address are checked
   * against it, and the compliant signature the finding suggests is built from it.
   */
  readonly profile?: DirectoryProfile;
  /** Which rule groups to run. */
  readonly rules?: readonly RuleGroup[];
}

export interface DraftAnalysis {
  /** Sorted by position, then rule id. */
  readonly findings: readonly Finding[];
  /** LIX of the author's text, one decimal. */
  readonly lix: number;
  readonly readability: LixResult;
  readonly signature: SignatureSummary;
  readonly kind: DraftKind;
  readonly text: DraftText;
}

/** push(...items) without the argument-count limit: a 1 MB body of jargon has 300k findings. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

export function analyzeDraft(input: DraftInput, context: AnalysisContext): DraftAnalysis {
  const { config } = context;
  const groups = new Set(context.rules ?? ALL_RULE_GROUPS);
  const now = context.now ?? new Date();
  const text = extractDraftText(input.body, input.format);
  const kind = input.kind ?? inferDraftKind(input.subject, text);
  const findings: Finding[] = [];

  const signature = checkSignature(text, {
    config,
    ...(context.profile ? { profile: context.profile } : {}),
  });
  if (groups.has("signature")) append(findings, signature.findings);

  const lexicon = groups.has("jargon") ? (context.lexicon ?? lexiconFor(config)) : undefined;
  const { jargon, readability } = scanOwnText(text, lexicon);
  if (groups.has("jargon")) append(findings, jargonFindings(jargon));
  if (groups.has("readability")) append(findings, readabilityFindings(text, readability, config));

  if (groups.has("tone")) {
    const tone = { text: text.text, authored: text.authored, kind, now, config };
    for (const rule of [objectionFirst, refusalUnexplained, caseNoTimeline, followUpOffer])
      append(findings, rule(tone));
  }

  if (groups.has("sensitive")) {
    append(
      findings,
      checkIdentityNumbers(text, {
        config,
        now,
        ...(input.recipients ? { recipients: input.recipients } : {}),
      }),
    );
  }

  return {
    findings: sortFindings(findings),
    lix: roundedLix(readability),
    readability,
    signature: signature.summary,
    kind,
    text,
  };
}
