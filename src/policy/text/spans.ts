/** Small helpers over spans and HTML text that rules and adapters share. */
import type { Span } from "../findings";

/** True when `span` lies within `outer` (an empty span at outer.end counts as inside). */
export function isInside(span: Span, outer: Span): boolean {
  return span.start >= outer.start && span.end <= outer.end && span.start <= span.end;
}

/** True when the two spans share at least one character. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for an HTML text node or a quoted attribute value. */
export function htmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);
}
