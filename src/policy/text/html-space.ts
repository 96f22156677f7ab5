// HTML's ASCII whitespace, the characters that collapse in HTML text. A module of its own so that
// code mapping text back to HTML (source-range.ts) does not bundle the whole extractor.

/** Space, line feed, tab, carriage return or form feed. */
export function isHtmlSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
}
