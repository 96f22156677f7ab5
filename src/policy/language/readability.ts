import type { Span } from "../findings";
import { letterCountIn, WordStream } from "../text/tokens";
import { normalizeRanges } from "./jargon";
import type { LixBand } from "./lix-bands";
import { lixBand } from "./lix-bands";
import { splitSentences } from "./sentences";

// The bands and their labels live in lix-bands.ts (the task pane needs them without the scanner).
export { LIX_BAND_IDS, LIX_BANDS, lixBand, lixBandLabel } from "./lix-bands";
export type { LixBand } from "./lix-bands";

/**
 * LIX (läsbarhetsindex, Björnsson 1968): words per sentence plus the percentage of long words,
 * a long word having more than six letters.
 */

/** A word is long when it has more than this many letters. */
export const LONG_WORD_LETTERS = 6;

/** How many of the longest sentences {@link lix} reports. */
export const LONGEST_SENTENCE_COUNT = 3;

export interface LixResult {
  /** words/sentences + 100 × longWords/words; 0 for a text without words. Not rounded. */
  readonly lix: number;
  readonly words: number;
  readonly sentences: number;
  readonly longWords: number;
  readonly band: LixBand;
  /** The longest sentences by word count, longest first (ties: earlier first); at most three. */
  readonly longestSentences: readonly Span[];
}

/** A sentence and its number of words. */
export interface SentenceLength extends Span {
  readonly words: number;
}

/**
 * Every sentence of the text (or of the given ranges) with its word count. Words are the
 * tokenizer's tokens, numbers included; "t.ex." counts as two short words.
 */
export function sentenceLengths(text: string, ranges?: readonly Span[]): SentenceLength[] {
  return countWords(splitSentences(text, ranges), new WordStream(text));
}

function countWords(sentences: readonly Span[], words: WordStream, skipEmpty = false): SentenceLength[] {
  const out: SentenceLength[] = [];
  const n = words.count;
  let t = 0;
  for (const s of sentences) {
    while (t < n && words.start(t) < s.start) t++;
    let count = 0;
    while (t < n && words.end(t) <= s.end) {
      count++;
      t++;
    }
    if (count > 0 || !skipEmpty) out.push({ start: s.start, end: s.end, words: count });
  }
  return out;
}

/** The counts LIX is computed from; counts of consecutive parts of a text can be added up. */
export interface LixCounts {
  readonly words: number;
  readonly longWords: number;
  /** Sentences with at least one word, in text order. */
  readonly sentences: readonly SentenceLength[];
}

/**
 * LIX counts of the text, or of the given ranges only. `words`, when the caller already has them
 * (a {@link WordStream} over at least the ranges), saves a second pass.
 */
export function lixCounts(
  text: string,
  ranges?: readonly Span[],
  words: WordStream = new WordStream(text),
): LixCounts {
  const spans = ranges === undefined ? [{ start: 0, end: text.length }] : normalizeRanges(ranges);
  let count = 0;
  let longWords = 0;
  let r = 0;
  for (let t = 0; t < words.count; t++) {
    const start = words.start(t);
    const end = words.end(t);
    while (r < spans.length && (spans[r] as Span).end < end) r++;
    const span = spans[r];
    if (span === undefined) break;
    if (start < span.start) continue;
    count++;
    // A letter takes at least one code unit: most words are too short to count.
    if (end - start > LONG_WORD_LETTERS && letterCountIn(text, start, end) > LONG_WORD_LETTERS) longWords++;
  }
  const sentences = countWords(splitSentences(text, spans), words, true);
  return { words: count, longWords, sentences };
}

/** LIX from the counts of one or more consecutive parts of a text. */
export function lixFromCounts(parts: readonly LixCounts[]): LixResult {
  let words = 0;
  let longWords = 0;
  const lengths: SentenceLength[] = [];
  for (const part of parts) {
    words += part.words;
    longWords += part.longWords;
    for (const sentence of part.sentences) lengths.push(sentence);
  }
  const sentences = words === 0 ? 0 : Math.max(1, lengths.length);
  const value = words === 0 ? 0 : words / sentences + (100 * longWords) / words;
  const longestSentences = longest(lengths, LONGEST_SENTENCE_COUNT).map((s) => ({
    start: s.start,
    end: s.end,
  }));
  return { lix: value, words, sentences, longWords, band: lixBand(value), longestSentences };
}

/**
 * The `count` sentences with the most words, longest first, earlier first among equals: one pass
 * keeping a short sorted list, not a sort of every sentence of a long text.
 */
function longest(sentences: readonly SentenceLength[], count: number): SentenceLength[] {
  const top: SentenceLength[] = [];
  for (const s of sentences) {
    if (top.length === count && (top[count - 1] as SentenceLength).words >= s.words) continue;
    let k = Math.min(top.length, count - 1);
    top[k] = s;
    // Move it up past shorter ones only: an equal one seen earlier stays ahead.
    while (k > 0 && (top[k - 1] as SentenceLength).words < s.words) {
      top[k] = top[k - 1] as SentenceLength;
      top[k - 1] = s;
      k--;
    }
  }
  return top;
}

/** LIX of the text, or of the given ranges only (e.g. without quoted replies and signature). */
export function lix(text: string, ranges?: readonly Span[], words?: WordStream): LixResult {
  return lixFromCounts([lixCounts(text, ranges, words)]);
}
