/**
 * The author's signature block: from the last closing phrase ("Med vänliga hälsningar"), "-- "
 * delimiter or HTML signature container before the quoted history, to that history.
 */
import type { Line, Lines } from "./lines";
import { isBlankLine, shortLine } from "./lines";

/** Closing phrases that open a signature when they stand alone on a line (compared lower-cased). */
export const CLOSING_PHRASES: readonly string[] = [
  "med vänliga hälsningar",
  "med vänlig hälsning",
  "vänliga hälsningar",
  "vänlig hälsning",
  "bästa hälsningar",
  "bästa hälsning",
  "många hälsningar",
  "varma hälsningar",
  "hälsningar",
  "hälsning",
  "mvh",
  "vänligen",
  "kind regards",
  "best regards",
  "warm regards",
  "kindest regards",
  "regards",
  "best wishes",
  "best",
  "sincerely",
  "yours sincerely",
];

const PHRASES = new Set(CLOSING_PHRASES);

/** A name or title follows a closing phrase; a long line after it means prose, not a signature. */
const MAX_LINE_AFTER_PHRASE = 80;
/** An earlier candidate this close (non-blank lines between) belongs to the same signature. */
const MAX_GAP = 2;

/** "Med vänliga hälsningar," / "MVH!" / "Best regards." → true. */
export function isClosingPhrase(line: string): boolean {
  if (line.length > 40) return false;
  let end = line.length;
  while (end > 0 && ",!.: \t\u00a0".includes(line[end - 1] as string)) end--;
  const phrase = line
    .slice(0, end)
    .trim()
    .toLowerCase()
    .replace(/[ \t\u00a0]+/g, " ");
  return PHRASES.has(phrase);
}

/** "-- " (the Usenet signature delimiter); HTML collapses it to "--". */
function isDelimiter(text: string, line: Line): boolean {
  return shortLine(text, line, 2) === "--";
}

function nextNonBlank(text: string, lines: Lines, from: number, limit: number): Line | undefined {
  for (let j = from; j < lines.length && lines.start(j) < limit; j++) {
    const line = lines.at(j);
    if (!isBlankLine(text, line)) return line;
  }
  return undefined;
}

/**
 * Line indexes of signature openers before `limit`: closing phrases followed by something short
 * (or nothing), and "-- " delimiters.
 */
function candidates(text: string, lines: Lines, limit: number): number[] {
  const found: number[] = [];
  for (let i = 0; i < lines.length && lines.start(i) < limit; i++) {
    const line = lines.at(i);
    if (line.start === line.end) continue;
    const clipped: Line = { start: line.start, end: Math.min(line.end, limit) };
    if (isDelimiter(text, clipped)) {
      found.push(i);
      continue;
    }
    const content = shortLine(text, clipped, 40);
    if (content === undefined || !isClosingPhrase(content)) continue;
    const next = nextNonBlank(text, lines, i + 1, limit);
    if (next === undefined) {
      found.push(i);
      continue;
    }
    const nextText = shortLine(
      text,
      { start: next.start, end: Math.min(next.end, limit) },
      MAX_LINE_AFTER_PHRASE,
    );
    if (nextText !== undefined) found.push(i);
  }
  return found;
}

function nonBlankBetween(text: string, lines: Lines, from: number, to: number): number {
  let count = 0;
  for (let j = from + 1; j < to && count <= MAX_GAP; j++) if (!isBlankLine(text, lines.at(j))) count++;
  return count;
}

/**
 * Text offset where the signature starts, or undefined. `limit` is where quoted history starts
 * (or the text length); `containers` are HTML signature-container positions, already past blanks.
 */
export function findSignatureStart(
  text: string,
  lines: Lines,
  limit: number,
  containers: readonly number[],
): number | undefined {
  const found = candidates(text, lines, limit);
  let container: number | undefined;
  for (const pos of containers) if (pos < limit) container = pos;

  let index: number; // line of the current start
  let start: number;
  let k: number; // candidates before `index` are found[0..k)
  if (container !== undefined) {
    // The container wins over phrases inside it; a phrase just above it is the closing line.
    index = lines.indexAt(container);
    start = container;
    k = 0;
    while (k < found.length && (found[k] as number) < index) k++;
  } else {
    if (found.length === 0) return undefined;
    k = found.length - 1;
    index = found[k] as number;
    start = lines.start(index);
  }
  // Walk back over openers that belong together: "Mvh\nAnna\n-- \nAnna Berg, NVK".
  while (k > 0) {
    const previous = found[k - 1] as number;
    if (nonBlankBetween(text, lines, previous, index) > MAX_GAP) break;
    index = previous;
    start = lines.start(index);
    k--;
  }
  return start;
}
