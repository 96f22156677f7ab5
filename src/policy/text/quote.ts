/**
 * Where quoted history starts in extracted text: reply/forward header blocks, separator lines,
 * "On … wrote:" attributions and (plain text) ">" lines. Only short lines are examined and
 * everything is a forward scan, so the cost is linear in the text.
 */
import type { Line, Lines } from "./lines";
import { isBlankChar, isBlankLine, shortLine } from "./lines";

/** Header keys as Outlook, Gmail and Apple Mail write them, in Swedish and English. */
const FROM_KEYS = new Set(["från", "from"]);
const DATE_KEYS = new Set(["skickat", "sent", "datum", "date"]);
const TO_KEYS = new Set(["till", "to", "ämne", "subject"]);

/** Inner text of "-----Original Message-----"-style separators, lower-cased. */
const SEPARATORS = new Set([
  "original message",
  "ursprungligt meddelande",
  "originalmeddelande",
  "forwarded message",
  "vidarebefordrat meddelande",
]);

/** Separators written without dashes (Apple Mail). */
const BARE_SEPARATORS = new Set(["begin forwarded message:", "början av vidarebefordrat meddelande:"]);

/** How many lines after "Från:" may hold the rest of a header block (long "Till:" lists wrap). */
const HEADER_LOOKAHEAD = 10;
const MAX_ATTRIBUTION = 400;

/** The header key at the start of a line ("Från", "*From:*" → "från"/"from"), lower-cased. */
function headerKey(text: string, line: Line): string | undefined {
  // Most lines have no ":" near their start: rule them out before slicing anything.
  // (A bounded loop, not indexOf: that would scan to the end of the text for every line.)
  const limit = Math.min(line.end, line.start + 40);
  let colonAt = line.start;
  while (colonAt < limit && text.charCodeAt(colonAt) !== 58) colonAt++;
  if (colonAt >= limit) return undefined;
  const head = shortLine(text, { start: line.start, end: Math.min(line.end, line.start + 40) }, 40);
  if (head === undefined) return undefined;
  const colon = head.indexOf(":");
  if (colon <= 0) return undefined;
  let key = head.slice(0, colon);
  while (key.startsWith("*")) key = key.slice(1);
  while (key.endsWith("*")) key = key.slice(0, -1);
  return key.trim().toLowerCase();
}

/** Header keys per line, computed once: a block check looks ahead several lines. */
class HeaderKeys {
  private readonly keys: (string | null)[] = [];
  constructor(
    private readonly text: string,
    private readonly lines: Lines,
  ) {}

  at(index: number): string | undefined {
    let key = this.keys[index];
    if (key === undefined) {
      key = headerKey(this.text, this.lines.at(index)) ?? null;
      this.keys[index] = key;
    }
    return key ?? undefined;
  }
}

/** "Från:" followed by a date key and a recipient/subject key within the same block. */
function isHeaderBlock(text: string, lines: Lines, keys: HeaderKeys, index: number): boolean {
  const first = keys.at(index);
  if (first === undefined || !FROM_KEYS.has(first)) return false;
  let hasDate = false;
  let hasTo = false;
  const last = Math.min(lines.length - 1, index + HEADER_LOOKAHEAD);
  for (let j = index + 1; j <= last; j++) {
    const line = lines.at(j);
    if (isBlankLine(text, line)) break;
    const key = keys.at(j);
    if (key === undefined) continue;
    if (DATE_KEYS.has(key)) hasDate = true;
    else if (TO_KEYS.has(key)) hasTo = true;
    if (hasDate && hasTo) return true;
  }
  return false;
}

/** A rule line such as Outlook's "________________________________" above a plain-text header. */
function isRuleLine(line: string | undefined): boolean {
  if (line === undefined || line.length < 5) return false;
  const ch = line[0];
  if (ch !== "_" && ch !== "-") return false;
  for (let i = 1; i < line.length; i++) if (line[i] !== ch) return false;
  return true;
}

function isSeparator(line: string | undefined): boolean {
  if (line === undefined) return false;
  const lower = line.toLowerCase();
  if (BARE_SEPARATORS.has(lower)) return true;
  if (!lower.startsWith("--")) return false;
  let s = 0;
  let e = lower.length;
  while (s < e && (lower[s] === "-" || lower[s] === " ")) s++;
  while (e > s && (lower[e - 1] === "-" || lower[e - 1] === " ")) e--;
  return e < lower.length - 1 && SEPARATORS.has(lower.slice(s, e));
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** "Den 3 dec. 2026 kl. 10:12 skrev Anna Berg <anna@nvk.se>:" / "On Mon, …, Anna Berg wrote:". */
export function isAttribution(line: string): boolean {
  if (line.length > MAX_ATTRIBUTION || !line.endsWith(":")) return false;
  const lower = line.toLowerCase();
  const opens = lower.startsWith("den ") || lower.startsWith("on ") || hasDigit(lower.slice(0, 1));
  if (!opens || !hasDigit(lower)) return false;
  return lower.includes(" skrev ") || lower.endsWith(" skrev:") || lower.endsWith(" wrote:");
}

/** The last non-blank character code of a line, or -1. */
function lastCode(text: string, line: Line): number {
  for (let e = line.end; e > line.start; e--) {
    const c = text.charCodeAt(e - 1);
    if (!isBlankChar(c)) return c;
  }
  return -1;
}

/** True when the line (blanks skipped) starts with `prefix` (lower case), ignoring ASCII case. */
function startsWithWord(text: string, line: Line, prefix: string): boolean {
  let s = line.start;
  while (s < line.end && isBlankChar(text.charCodeAt(s))) s++;
  if (line.end - s < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) {
    const c = text.charCodeAt(s + k);
    if ((c >= 65 && c <= 90 ? c | 0x20 : c) !== prefix.charCodeAt(k)) return false;
  }
  return true;
}

function attributionAt(text: string, lines: Lines, index: number): boolean {
  const at = lines.at(index);
  // An attribution ends with ":" or, wrapped, starts with "Den"/"On": most lines are neither,
  // and are ruled out without slicing and lower-casing them.
  if (lastCode(text, at) !== 58 && !startsWithWord(text, at, "den ") && !startsWithWord(text, at, "on "))
    return false;
  const line = shortLine(text, at, MAX_ATTRIBUTION);
  if (line === undefined || line === "") return false;
  if (isAttribution(line)) return true;
  // Plain-text mailers wrap long attributions onto a second line.
  const lower = line.toLowerCase();
  if (!(lower.startsWith("den ") || lower.startsWith("on ")) || index + 1 >= lines.length) return false;
  const next = shortLine(text, lines.at(index + 1), MAX_ATTRIBUTION);
  return next !== undefined && next !== "" && isAttribution(`${line} ${next}`);
}

function startsWithDashOrEndsWithColon(text: string, line: Line): boolean {
  return startsWithWord(text, line, "-") || lastCode(text, line) === 58;
}

function startsWithQuoteMark(text: string, line: Line): boolean {
  return line.end > line.start && text.charCodeAt(line.start) === 62; // ">"
}

/**
 * A ">" line starts quoted history when the quoting continues on the next line, or when every
 * non-blank line after it is quoted too: a lone "> 50 personer" inside the text is not a quote.
 */
function quoteRunAt(text: string, lines: Lines, index: number, tailQuoted: boolean): boolean {
  if (!startsWithQuoteMark(text, lines.at(index))) return false;
  const next = lines.get(index + 1);
  return (next !== undefined && startsWithQuoteMark(text, next)) || tailQuoted;
}

/**
 * Text offset where quoted history starts, or undefined. `plain` enables ">" quoting, which only
 * plain-text mail uses.
 */
export function findQuoteStart(text: string, lines: Lines, plain: boolean): number | undefined {
  // tailQuoted[i]: every non-blank line from i on starts with ">". Only needed for plain text.
  let tailQuoted: boolean[] | undefined;
  if (plain) {
    tailQuoted = new Array<boolean>(lines.length + 1);
    tailQuoted[lines.length] = true;
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines.at(i);
      tailQuoted[i] =
        (tailQuoted[i + 1] as boolean) && (isBlankLine(text, line) || startsWithQuoteMark(text, line));
    }
  }
  const keys = new HeaderKeys(text, lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines.at(i);
    if (line.start === line.end) continue; // an empty line starts nothing
    if (isHeaderBlock(text, lines, keys, i)) {
      const above = lines.get(i - 1);
      return above !== undefined && isRuleLine(shortLine(text, above, 200)) ? above.start : line.start;
    }
    // Separators start with "-" or end with ":" ("Begin forwarded message:").
    if (startsWithDashOrEndsWithColon(text, line) && isSeparator(shortLine(text, line, 120)))
      return line.start;
    if (attributionAt(text, lines, i)) return line.start;
    if (tailQuoted && quoteRunAt(text, lines, i, tailQuoted[i + 1] === true)) return line.start;
  }
  return undefined;
}
