import type { DraftFormat, DraftText } from "./text/draft-text";

/** What every surface hands the policy: the body as Outlook has it, plus what decides severity. */
export interface DraftInput {
  readonly body: string;
  readonly format: DraftFormat;
  readonly subject?: string;
  /** To, Cc and Bcc addresses. */
  readonly recipients?: readonly string[];
  /** Inferred from the subject prefix and quoted history when absent. */
  readonly kind?: DraftKind;
}

export type DraftKind = "new" | "reply" | "forward";

const REPLY_PREFIX = /^\s*(?:sv|re|aw|antw|vs)\s*:/i;
const FORWARD_PREFIX = /^\s*(?:vb|fw|fwd|wg|tr|vl)\s*:/i;

export function inferDraftKind(subject: string | undefined, text: DraftText): DraftKind {
  if (subject !== undefined && FORWARD_PREFIX.test(subject)) return "forward";
  if (subject !== undefined && REPLY_PREFIX.test(subject)) return "reply";
  return text.quoted ? "reply" : "new";
}

/** Findings in reading order: by position, then rule id. */
export function sortFindings<T extends { start: number; end: number; rule: string }>(findings: T[]): T[] {
  return findings.sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}
