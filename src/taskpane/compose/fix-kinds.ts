// Which fix a finding offers and how findings are recognised across analyses. Small and free of
// policy code, so the compose view's first render does not wait for the fixes themselves
// (fixes.ts, loaded when the pane is idle or on the first click).
import type { Finding } from "../../policy/findings";

/** The fix a finding offers, if any. */
export type FixKind = "signature" | "replace" | "follow-up";

export function fixKindOf(finding: Finding): FixKind | undefined {
  if (finding.rule === "signature.missing") return "signature";
  if (finding.rule === "jargon" && finding.suggestions.length > 0) return "replace";
  if (
    (finding.rule === "followup.no-date" || finding.rule === "case.no-timeline") &&
    finding.suggestions.length > 0
  ) {
    return "follow-up";
  }
  return undefined;
}

/** Keys that survive edits elsewhere in the text: rule, text and occurrence, not offsets. */
export function findingKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = `${finding.rule}|${finding.text}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}|${n}`;
  });
}

/**
 * The finding of `fresh` that is `finding` of `shown` (same rule, text and occurrence), with the
 * fresh offsets; undefined when the newer text no longer has it.
 */
export function sameFinding(
  shown: readonly Finding[],
  finding: Finding,
  fresh: readonly Finding[],
): Finding | undefined {
  const index = shown.indexOf(finding);
  if (index < 0) return undefined;
  const key = findingKeys(shown)[index];
  const at = findingKeys(fresh).findIndex((candidate) => candidate === key);
  return at < 0 ? undefined : fresh[at];
}
