import type { Span } from "../findings";

// Phrase lists are matched as one compiled alternation per rule: whole words only (JavaScript's
// \b is ASCII-only and breaks on å/ä/ö, hence the explicit letter classes), case-insensitive,
// with any run of whitespace between the words of a phrase.

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A global, case-insensitive pattern matching any of `phrases` as whole words. */
export function phrasePattern(phrases: readonly string[]): RegExp {
  const alternatives = [...phrases]
    .sort((a, b) => b.length - a.length) // longest first, so "kan tyvärr inte" wins over "kan"
    .map((p) => p.trim().split(/\s+/).map(escape).join("\\s+"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "giu");
}

/** Spans of `pattern` matches inside `range` of `text`. */
export function findPhrases(text: string, pattern: RegExp, range: Span): Span[] {
  const spans: Span[] = [];
  const slice = text.slice(range.start, range.end);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(slice); m !== null; m = pattern.exec(slice)) {
    spans.push({ start: range.start + m.index, end: range.start + m.index + m[0].length });
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return spans;
}

/** Like {@link findPhrases}, lazily: matches are found one at a time as the caller asks. */
export function* eachPhrase(text: string, pattern: RegExp, range: Span): Generator<Span> {
  const slice = text.slice(range.start, range.end);
  const local = new RegExp(pattern.source, pattern.flags);
  for (let m = local.exec(slice); m !== null; m = local.exec(slice)) {
    yield { start: range.start + m.index, end: range.start + m.index + m[0].length };
    if (m[0].length === 0) local.lastIndex++;
  }
}

/** The first match of `pattern` inside `range`, without collecting the rest. */
export function firstPhrase(text: string, pattern: RegExp, range: Span): Span | undefined {
  pattern.lastIndex = 0;
  const m = pattern.exec(text.slice(range.start, range.end));
  return m === null ? undefined : { start: range.start + m.index, end: range.start + m.index + m[0].length };
}

export function containsPhrase(text: string, pattern: RegExp, ranges: readonly Span[]): boolean {
  return ranges.some((range) => firstPhrase(text, pattern, range) !== undefined);
}
