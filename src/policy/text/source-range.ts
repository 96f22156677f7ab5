// From the extracted text back to the body: which source characters produced a span of text, and
// the body with that span replaced, markup untouched. Small and free of the extractor, so that
// the task pane can tell whether a word can be replaced in place without bundling it.
import type { Span } from "../findings";
import type { DraftText } from "./draft-text";
import { decodeEntityAt } from "./entities";
import { isHtmlSpace } from "./html-space";
import { htmlEscape } from "./spans";

/** Source length of the character reference or character at `offset`. */
function sourceLengthAt(source: string, offset: number): number {
  return source.charCodeAt(offset) === 38 ? (decodeEntityAt(source, offset)?.length ?? 1) : 1;
}

/**
 * The source range that produced text[span], when it is one contiguous run of source text (no
 * markup, no synthesized line break inside); otherwise undefined. A span ending in a collapsed
 * space takes the whole run of source whitespace, so replacing it cannot leave stray blanks.
 */
export function sourceRangeOf(draft: DraftText, span: Span): Span | undefined {
  const { start, end } = span;
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end > draft.text.length ||
    start > end
  ) {
    return undefined;
  }
  if (draft.format === "text") return { start, end };
  const offsets = draft.sourceOffsets;
  const source = draft.source;
  if (!offsets || start === end) return undefined;

  const first = offsets[start] as number;
  if (first < 0) return undefined;
  let sourceEnd = first + sourceLengthAt(source, first);
  for (let k = start + 1; k < end; k++) {
    const offset = offsets[k] as number;
    if (offset < 0) return undefined;
    if (offset === offsets[k - 1]) continue; // second UTF-16 unit of one reference (&#x1F600;)
    if (offset !== sourceEnd) {
      // Only a collapsed whitespace run may lie between two text characters.
      if (draft.text.charCodeAt(k - 1) !== 32 || offset < sourceEnd) return undefined;
      for (let j = sourceEnd; j < offset; j++) if (!isHtmlSpace(source.charCodeAt(j))) return undefined;
    }
    sourceEnd = offset + sourceLengthAt(source, offset);
  }
  if (draft.text.charCodeAt(end - 1) === 32 && isHtmlSpace(source.charCodeAt(sourceEnd - 1))) {
    while (sourceEnd < source.length && isHtmlSpace(source.charCodeAt(sourceEnd))) sourceEnd++;
  }
  return { start: first, end: sourceEnd };
}

/**
 * The body with text[span] replaced, markup untouched: for HTML the replacement is escaped and
 * only spans from one contiguous run of source text can be replaced (undefined otherwise, so
 * the caller can say it cannot fix in place). Everything outside the span is kept byte for byte.
 */
export function replaceInSource(draft: DraftText, span: Span, replacement: string): string | undefined {
  const range = sourceRangeOf(draft, span);
  if (!range) return undefined;
  const inserted = draft.format === "html" ? htmlEscape(replacement) : replacement;
  return draft.source.slice(0, range.start) + inserted + draft.source.slice(range.end);
}
