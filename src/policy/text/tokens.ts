/**
 * The shared word tokenizer of the draft analysis.
 *
 * A word is a run of letters, combining marks and digits, Unicode-aware: "å", "ä", "ö" (and a
 * decomposed "a" + U+030A) are inside words. JavaScript's `\b` is ASCII-only and is never used.
 * Inside a word these join the two sides into one token:
 *
 * - a hyphen (`-`, U+2010, U+2011) or an apostrophe (`'`, U+2019) between two word characters:
 *   "e-post", "icke-rökare", "2026-12-03", "Anna's" are one token each;
 * - `.`, `,` or `:` between two ASCII digits: "3.5", "1.000", "10.30", "10:30", "3,5" are one token.
 *
 * Everything else separates words: "t.ex." is the two tokens "t" and "ex", and "Stockholms- och"
 * is "Stockholms" followed by "och". Offsets are UTF-16 offsets into the original text.
 *
 * The scanner is a hand-written loop over char codes, not a `\p{…}` regular expression: it is
 * one linear pass, and it parses in every host this module runs in (the ES2016 event-handler
 * bundle included). Characters outside the Latin, Greek and Cyrillic blocks are classified by a
 * lazily built `\p{L}\p{M}\p{N}` test when the host supports it, else by a punctuation blacklist.
 */

/** A half-open range [start, end) of the text, and the text in it. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A token with its lower-cased, comparison-ready form (see {@link lowerWord}). */
export interface LowerToken extends Token {
  readonly lower: string;
}

/** Splits text into word tokens in one left-to-right pass. */
export function tokenize(text: string): Token[] {
  const words = new WordStream(text);
  const tokens: Token[] = [];
  for (let i = 0; i < words.count; i++) {
    const start = words.start(i);
    const end = words.end(i);
    tokens.push({ start, end, text: text.slice(start, end) });
  }
  return tokens;
}

/**
 * Tokenizes [from, to) of the text and lower-cases each word (see {@link lowerWord}); offsets
 * stay offsets into the original text even where lower-casing changes a word's length ("İ").
 * The analysis itself uses {@link WordStream}, which builds no object per word.
 */
export function tokenizeLower(text: string, from = 0, to = text.length): LowerToken[] {
  const words = new WordStream(text, from, to);
  const tokens: LowerToken[] = [];
  for (let i = 0; i < words.count; i++)
    tokens.push(new LazyToken(text, words.start(i), words.end(i), words.lower(i)));
  return tokens;
}

/**
 * The words of text[from, to) as positions only: what the analysis scans for jargon and LIX. A
 * word's lower-case form is built only when asked for, and {@link WordStream.hashAt} lets the
 * jargon matcher rule most words out without any string: for 10k words, 8k token objects and 8k
 * small strings (plus a lower-cased copy of the text) were most of the analysis's garbage.
 */
export class WordStream {
  /** Start offsets (into `text`) of the words, in order; entries past `count` are unused. */
  readonly starts: Int32Array;
  /** End offsets, likewise. */
  readonly ends: Int32Array;
  /**
   * {@link hashAt} of each word, or -1 when it has a character beyond Latin-1: computed while
   * the word is scanned, which saves the jargon matcher a second pass over every character.
   */
  private readonly hashes: Int32Array;
  readonly count: number;

  /**
   * `reuse`: a stream whose arrays this one may take over when they are big enough (the caller
   * is done with it) — scanning a long text block by block then allocates them once.
   */
  constructor(
    readonly text: string,
    from = 0,
    to = text.length,
    reuse?: WordStream,
  ) {
    // A word takes at least one character and one separator, so half the range (rounded up) is enough.
    const capacity = ((to - from + 1) >> 1) + 1;
    const fits = reuse !== undefined && reuse.starts.length >= capacity;
    this.starts = fits ? reuse.starts : new Int32Array(capacity);
    this.ends = fits ? reuse.ends : new Int32Array(capacity);
    this.hashes = fits ? reuse.hashes : new Int32Array(capacity);
    let count = 0;
    for (let i = from; i < to;) {
      const c = text.charCodeAt(i);
      let end: number;
      // Latin-1 by table (nearly every character of Swedish mail); the rest as wordCharWidth says.
      if (c < 0x100) {
        if (LATIN1_WORD[c] === 0) {
          i++;
          continue;
        }
        end = wordEnd(text, i + 1, to, LATIN1_LOWER[c] as number, false);
      } else {
        const w = wordCharWidth(text, i);
        if (w === 0) {
          i++;
          continue;
        }
        end = wordEnd(text, i + w, to, 0, true);
      }
      this.starts[count] = i;
      this.ends[count] = end;
      this.hashes[count] = scannedHash;
      count++;
      i = end;
    }
    this.count = count;
  }

  start(i: number): number {
    return this.starts[i] as number;
  }

  end(i: number): number {
    return this.ends[i] as number;
  }

  /** The comparison form of word `i` (see {@link lowerWord}). */
  lower(i: number): string {
    return lowerWord(this.text.slice(this.starts[i], this.ends[i]));
  }

  /**
   * {@link wordHash} of word `i`'s comparison form, computed without building it; undefined when
   * the word has a character beyond Latin-1 (then use {@link lower}, which also folds).
   */
  hashAt(i: number): number | undefined {
    const hash = this.hashes[i] as number;
    return hash < 0 ? undefined : hash;
  }

  /** True when word `i`'s comparison form is `word`; only where {@link hashAt} is defined. */
  lowerEquals(i: number, word: string): boolean {
    const start = this.starts[i] as number;
    if ((this.ends[i] as number) - start !== word.length) return false;
    for (let k = 0; k < word.length; k++)
      if (lowerLatin1(this.text.charCodeAt(start + k)) !== word.charCodeAt(k)) return false;
    return true;
  }
}

/** toLowerCase of one Latin-1 character: the capitals are A–Z, À–Ö and Ø–Þ. */
function lowerLatin1(c: number): number {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) ? c + 0x20 : c;
}

/** A 32-bit hash of a string's characters (the one {@link WordStream.hashAt} computes). */
export function wordHash(word: string): number {
  let hash = 0;
  for (let k = 0; k < word.length; k++) hash = (Math.imul(hash, 31) + word.charCodeAt(k)) | 0;
  return hash & HASH_MASK;
}

// 30 bits: V8 keeps such integers unboxed (a 32-bit hash would often be a heap number, making
// every Map lookup allocate).
const HASH_MASK = 0x3fffffff;

/** A token whose original text is sliced only when someone reads it (most never are). */
class LazyToken implements LowerToken {
  constructor(
    private readonly source: string,
    readonly start: number,
    readonly end: number,
    readonly lower: string,
  ) {}

  get text(): string {
    return this.source.slice(this.start, this.end);
  }
}

/**
 * True when the whole of `text` is a single word of Latin-1 word characters (nothing joined, nothing
 * separated): then it is its own only token, and compiling the lexicon, most of whose forms are
 * like that, skips the scanner.
 */
export function isSingleLatin1Word(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x100 || LATIN1_WORD[c] === 0) return false;
  }
  return true;
}

/**
 * The comparison form of one word or phrase: lower case, NFC (a decomposed "å" equals a
 * composed one), typographic hyphens and apostrophe folded to ASCII.
 */
export function lowerWord(word: string): string {
  return fold(word.toLowerCase());
}

/** Number of letters in a word (digits, hyphens, apostrophes and combining marks not counted). */
export function letterCount(word: string): number {
  return letterCountIn(word, 0, word.length);
}

/** {@link letterCount} of text[start, end), without slicing it out. */
export function letterCountIn(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) n++;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const cp = text.codePointAt(i) ?? c;
      i++;
      if (isLetterSlow(cp)) n++;
    } else if (!(c >= 0x300 && c <= 0x36f) && isLetterSlow(c)) {
      n++;
    }
  }
  return n;
}

/** True when the character at `index` is a word character (letter, combining mark or digit). */
export function isWordCharAt(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  if (c >= 0xd800 && c <= 0xdbff) return isWordCodePoint(text.codePointAt(index) ?? c);
  return isWordCodePoint(c);
}

// ---------------------------------------------------------------------------------------------

/** End of the word whose characters run up to `i` (exclusive): the scan goes on across joiners. */
/** What {@link wordEnd} leaves for its caller: the word's hash (see WordStream.hashAt), or -1. */
let scannedHash = 0;

/**
 * End of the word whose characters run up to `i` (exclusive): the scan goes on across joiners.
 * `hash` is the hash of the word's characters before `i`; `wide` when one of them is beyond
 * Latin-1. Sets {@link scannedHash} for the whole word.
 */
function wordEnd(text: string, i: number, n: number, hash: number, wide: boolean): number {
  for (;;) {
    // A run of Latin-1 word characters in a tight loop; anything else is decided below.
    let c = 0;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c < 0x100 && LATIN1_WORD[c] === 1) {
        hash = (Math.imul(hash, 31) + (LATIN1_LOWER[c] as number)) | 0;
        i++;
      } else break;
    }
    if (i < n) {
      if (!(c < 0x100)) {
        const w2 = wordCharWidth(text, i);
        if (w2 > 0) {
          i += w2;
          wide = true;
          continue;
        }
      }
      if (i + 1 < n) {
        if (isJoiner(c)) {
          const next = wordCharWidth(text, i + 1);
          if (next > 0) {
            const d = text.charCodeAt(i + 1);
            if (c >= 0x100 || d >= 0x100) wide = true;
            else hash = (Math.imul((Math.imul(hash, 31) + c) | 0, 31) + (LATIN1_LOWER[d] as number)) | 0;
            i += 1 + next;
            continue;
          }
        } else if ((c === 0x2e || c === 0x2c || c === 0x3a) && isDigit(text.charCodeAt(i - 1))) {
          const d = text.charCodeAt(i + 1);
          if (isDigit(d)) {
            hash = (Math.imul((Math.imul(hash, 31) + c) | 0, 31) + d) | 0;
            i += 2;
            continue;
          }
        }
      }
    }
    scannedHash = wide ? -1 : hash & HASH_MASK;
    return i;
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Hyphen-minus, U+2010 hyphen, U+2011 non-breaking hyphen, apostrophe, U+2019. */
function isJoiner(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x27 || c === 0x2019;
}

/** 0 when text[i] starts no word character, else its width in code units (1 or 2). */
function wordCharWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) {
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;
  }
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i) ?? c;
    return cp > 0xffff && isWordCodePoint(cp) ? 2 : 0;
  }
  return isWordCodePoint(c) ? 1 : 0;
}

/** {@link lowerLatin1} by table. */
const LATIN1_LOWER = (() => {
  const table = new Uint8Array(0x100);
  for (let c = 0; c < 0x100; c++) table[c] = lowerLatin1(c);
  return table;
})();

/** 1 for the Latin-1 characters {@link isWordCodePoint} accepts, else 0. */
const LATIN1_WORD = (() => {
  const table = new Uint8Array(0x100);
  for (let c = 0; c < 0x100; c++) table[c] = isWordCodePoint(c) ? 1 : 0;
  return table;
})();

function isWordCodePoint(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  // Latin-1 letters (not × and ÷), Latin Extended A/B, IPA, modifiers, combining marks.
  if (c < 0x370) {
    if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
    return c !== 0xd7 && c !== 0xf7;
  }
  // Greek, Cyrillic (but not the Greek question mark and ano teleia).
  if (c < 0x530) return c !== 0x37e && c !== 0x387;
  if (c >= 0x1e00 && c <= 0x1eff) return true; // Latin Extended Additional
  return isWordSlow(c);
}

// Lazily built Unicode property tests; `undefined` until first use, `null` if the host lacks them.
let wordRe: RegExp | null | undefined;
let letterRe: RegExp | null | undefined;

function propertyRegExp(source: string): RegExp | null {
  try {
    return new RegExp(source, "u");
  } catch {
    return null;
  }
}

function isWordSlow(c: number): boolean {
  if (wordRe === undefined) wordRe = propertyRegExp("^[\\p{L}\\p{M}\\p{N}]$");
  if (wordRe !== null) return wordRe.test(String.fromCodePoint(c));
  return !isPunctuationOrSpace(c);
}

function isLetterSlow(c: number): boolean {
  if (c < 0x370) return isWordCodePoint(c) && !(c >= 0x300 && c <= 0x36f) && !isDigit(c);
  if (c < 0x530) return c !== 0x37e && c !== 0x387 && !(c >= 0x483 && c <= 0x489);
  if (c >= 0x1e00 && c <= 0x1eff) return true;
  if (letterRe === undefined) letterRe = propertyRegExp("^\\p{L}$");
  if (letterRe !== null) return letterRe.test(String.fromCodePoint(c));
  return !isPunctuationOrSpace(c);
}

/** Fallback for hosts without `\p{…}`: the punctuation, symbol and space blocks. */
function isPunctuationOrSpace(c: number): boolean {
  return (
    (c >= 0x2000 && c <= 0x2bff) || // general punctuation … miscellaneous symbols and arrows
    (c >= 0x3000 && c <= 0x303f) || // CJK symbols and punctuation
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff0f) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    c >= 0x1f000 // emoji and other pictographs
  );
}

// Characters that need more than lower-casing: combining marks (U+0300–U+036F), U+2010/U+2011
// hyphens and the U+2019 apostrophe. Almost no token has one, so the common path is one test.
const NEEDS_FOLDING = /[\u0300-\u036f\u2010\u2011\u2019]/;

function fold(lower: string): string {
  if (!NEEDS_FOLDING.test(lower)) return lower;
  return lower
    .normalize("NFC")
    .replace(/[\u2010\u2011]/g, "-")
    .replace(/\u2019/g, "'");
}
