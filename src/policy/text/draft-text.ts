/**
 * The email text model: a draft body (HTML or plain text) as plain text, split into the author's
 * new text, their signature and the quoted history, with a way back to the HTML for fixes.
 */
import type { Span } from "../findings";
import { decodeEntityAt } from "./entities";
import { htmlToText, isHtmlSpace } from "./html-to-text";
import { Lines, trimEndAt, trimStartAt } from "./lines";
import { findQuoteStart } from "./quote";
import { findSignatureStart } from "./signature";
import { htmlEscape, isInside } from "./spans";

export type DraftFormat = "html" | "text";

export interface DraftText {
  readonly format: DraftFormat;
  /** The body as given. */
  readonly source: string;
  /** Plain text of the whole body: author's text, signature, then quoted history. */
  readonly text: string;
  /** The author's new text (no signature, no quoted history), blanks trimmed at both ends. */
  readonly authored: Span;
  /** The author's own signature block, closing phrase included, trailing blanks trimmed. */
  readonly signature?: Span;
  /** Quoted history, from its separator/header to the end of text. */
  readonly quoted?: Span;
  /**
   * HTML only: for each index i of text, the offset in source of the character that produced
   * text[i] (references map to their "&"), or -1 for synthesized characters (line breaks from
   * <br>/<p>/<div>, separators between table cells).
   */
  readonly sourceOffsets?: Int32Array;
}

const extractions = new WeakMap<object, { readonly offsets: Int32Array }>();

function sourceOffsetsOf(this: object): Int32Array | undefined {
  return extractions.get(this)?.offsets;
}

/** First marker position that has text after it, moved past the blanks a block break leaves. */
function firstMark(text: string, marks: readonly number[]): number | undefined {
  let best: number | undefined;
  for (const mark of marks) {
    const pos = trimStartAt(text, mark, text.length);
    if (pos < text.length && (best === undefined || pos < best)) best = pos;
  }
  return best;
}

export function extractDraftText(body: string, format: DraftFormat): DraftText {
  let text: string;
  let html: { readonly offsets: Int32Array } | undefined;
  let quoteMark: number | undefined;
  let signatureMarks: number[] = [];
  if (format === "html") {
    const extracted = htmlToText(body);
    html = extracted;
    text = extracted.text;
    quoteMark = firstMark(text, extracted.quoteMarks);
    signatureMarks = extracted.signatureMarks.map((mark) => trimStartAt(text, mark, text.length));
  } else {
    text = body;
  }

  const lines = new Lines(text);
  const textQuote = findQuoteStart(text, lines, format === "text");
  let quoteStart: number | undefined = quoteMark;
  if (textQuote !== undefined && (quoteStart === undefined || textQuote < quoteStart)) quoteStart = textQuote;
  const limit = quoteStart ?? text.length;

  let signature: Span | undefined;
  const signatureStart = findSignatureStart(text, lines, limit, signatureMarks);
  if (signatureStart !== undefined) {
    const end = trimEndAt(text, limit, signatureStart);
    if (end > signatureStart) signature = { start: signatureStart, end };
  }

  const authoredLimit = signature ? signature.start : limit;
  const authoredStart = trimStartAt(text, 0, authoredLimit);
  const authored: Span = { start: authoredStart, end: trimEndAt(text, authoredLimit, authoredStart) };

  const draft: {
    -readonly [K in keyof DraftText]: DraftText[K];
  } = { format, source: body, text, authored };
  if (signature) draft.signature = signature;
  if (quoteStart !== undefined) draft.quoted = { start: quoteStart, end: text.length };
  if (html) {
    // Only a fix needs the per-character map: it is expanded on first read, not on every
    // analysis. One getter shared by all drafts (their extraction kept aside): a closure per
    // draft gave every draft a hidden class of its own, which kept it alive through young
    // collections and made extraction the analysis's main source of garbage-collection time.
    extractions.set(draft, html);
    Object.defineProperty(draft, "sourceOffsets", { enumerable: true, get: sourceOffsetsOf });
  }
  return draft;
}

/** The spans rules judge: the author's text, then their signature (empty spans left out). */
export function judgedSpans(draft: DraftText): Span[] {
  const spans: Span[] = [];
  if (draft.authored.end > draft.authored.start) spans.push(draft.authored);
  if (draft.signature && draft.signature.end > draft.signature.start) spans.push(draft.signature);
  return spans;
}

/** True when `span` lies in the author's text or signature, i.e. not in quoted history. */
export function isJudged(draft: DraftText, span: Span): boolean {
  return judgedSpans(draft).some((outer) => isInside(span, outer));
}

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
