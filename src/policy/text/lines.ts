/** Lines of extracted text, shared by the quote and signature detectors. */

/** A line of text: [start, end) excludes the line break ("\n", "\r\n" or "\r"). */
export interface Line {
  readonly start: number;
  readonly end: number;
}

/**
 * The lines of a text as one Int32Array of [start, end) pairs: a million Line objects kept alive
 * for a 1 MB body of blank lines would cost more in garbage collection than the whole analysis.
 */
export class Lines {
  private readonly bounds: Int32Array;
  readonly length: number;

  constructor(text: string) {
    this.bounds = text.indexOf("\r") < 0 ? lfBounds(text) : anyBounds(text);
    this.length = this.bounds.length / 2;
  }

  /** Line `index`, or undefined outside [0, length). */
  get(index: number): Line | undefined {
    if (index < 0 || index >= this.length) return undefined;
    return { start: this.bounds[index * 2] as number, end: this.bounds[index * 2 + 1] as number };
  }

  /** Line `index`, which the caller knows exists. */
  at(index: number): Line {
    return { start: this.bounds[index * 2] as number, end: this.bounds[index * 2 + 1] as number };
  }

  start(index: number): number {
    return this.bounds[index * 2] as number;
  }

  /** Index of the line containing `pos` (binary search). */
  indexAt(pos: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.start(mid) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Line bounds when "\n" is the only break (always so for extracted HTML): indexOf, not a char loop. */
function lfBounds(text: string): Int32Array {
  let count = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
  const bounds = new Int32Array(count * 2);
  let n = 0;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    bounds[n++] = start;
    bounds[n++] = i;
    start = i + 1;
  }
  bounds[n] = start;
  bounds[n + 1] = text.length;
  return bounds;
}

/** Line bounds with "\n", "\r\n" and lone "\r" as breaks. */
function anyBounds(text: string): Int32Array {
  let count = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  const bounds = new Int32Array(count * 2);
  let n = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      bounds[n++] = start;
      bounds[n++] = i;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  bounds[n] = start;
  bounds[n + 1] = text.length;
  return bounds;
}

/** Whitespace as far as line structure goes; U+00A0 included since Outlook pads with it. */
export function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0;
}

export function isBlankLine(text: string, line: Line): boolean {
  for (let i = line.start; i < line.end; i++) if (!isBlankChar(text.charCodeAt(i))) return false;
  return true;
}

/**
 * The line's text with surrounding blanks removed, or undefined when it is longer than `max`
 * characters: the detectors only look at short lines, and skipping long ones keeps a 1 MB
 * single-line body linear.
 */
export function shortLine(text: string, line: Line, max: number): string | undefined {
  let s = line.start;
  let e = line.end;
  while (s < e && isBlankChar(text.charCodeAt(s))) s++;
  while (e > s && isBlankChar(text.charCodeAt(e - 1))) e--;
  return e - s > max ? undefined : text.slice(s, e);
}

/** Moves `pos` back over blanks, not before `floor`. */
export function trimEndAt(text: string, pos: number, floor: number): number {
  while (pos > floor && isBlankChar(text.charCodeAt(pos - 1))) pos--;
  return pos;
}

/** Moves `pos` forward over blanks, not past `ceiling`. */
export function trimStartAt(text: string, pos: number, ceiling: number): number {
  while (pos < ceiling && isBlankChar(text.charCodeAt(pos))) pos++;
  return pos;
}
