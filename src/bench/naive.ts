/**
 * The naive baseline the benchmark compares against: one RegExp per lexicon form, each run over
 * the whole text (what a first implementation of P14 would do). Whole words only, with the
 * Unicode-aware boundaries JavaScript's ASCII-only `\b` cannot give.
 */
import type { Span } from "../policy/findings";
import type { LexiconEntry } from "../policy/language/types";

export interface NaiveHit extends Span {
  readonly form: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One global, case-insensitive, Unicode pattern per form of every entry. */
export function compileNaive(entries: readonly LexiconEntry[]): { form: string; pattern: RegExp }[] {
  return entries.flatMap((entry) =>
    entry.forms.map((form) => ({
      form,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escape(form)}(?![\\p{L}\\p{N}])`, "giu"),
    })),
  );
}

/** Every match of every form, in form order (no overlap resolution: the baseline is just the scan). */
export function findJargonNaive(
  text: string,
  patterns: readonly { form: string; pattern: RegExp }[],
): NaiveHit[] {
  const hits: NaiveHit[] = [];
  for (const { form, pattern } of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      hits.push({ start: m.index, end: m.index + m[0].length, form });
    }
  }
  return hits;
}
