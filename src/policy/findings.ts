/** Types shared by every rule of the draft analysis (issue 3). */

export type Severity = "error" | "warning" | "info";

/** A requirement of NVK's policy, P1–P23 (shared/policy/README.md). */
export type PolicyRef = `P${number}`;

export type Language = "sv" | "en";

/** A text in both UI languages; the caller picks one. */
export interface Localized {
  readonly sv: string;
  readonly en: string;
}

/** A half-open range [start, end) of UTF-16 offsets into DraftText.text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * One thing a rule noticed. Offsets point into the extracted text (DraftText.text); the text
 * model maps them back to the HTML for replacements that keep formatting.
 */
export interface Finding extends Span {
  /** Stable rule id, e.g. "jargon", "signature.missing" (docs/rules.md lists them all). */
  readonly rule: string;
  readonly severity: Severity;
  readonly policy: PolicyRef;
  /** The text at [start, end); empty for findings about the whole message. */
  readonly text: string;
  readonly message: Localized;
  /** Replacement texts or phrasings to offer, best first; may be empty. */
  readonly suggestions: readonly string[];
}
