/**
 * The email text model: a draft body (HTML or plain text) as plain text, split into the author's
 * new text, their signature and the quoted history, with a way back to the HTML for fixes.
 */
import type { Span } from "../findings";
import { htmlToText } from "./html-to-text";
import { Lines, trimEndAt, trimStartAt } from "./lines";
import { findQuoteStart } from "./quote";
import { findSignatureStart } from "./signature";
import { isInside } from "./spans";

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

// Mapping text back to the body lives in source-range.ts (the task pane needs it without the
// extractor); re-exported for the callers that have the whole model anyway.
export { replaceInSource, sourceRangeOf } from "./source-range";
