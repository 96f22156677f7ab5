import type { Span } from "../findings";
import { isWordCharAt } from "../text/tokens";
import { normalizeRanges } from "./jargon";

/**
 * Swedish sentence splitting for email text, without `Intl.Segmenter` (which splits wrongly after
 * "kl." and "jan." and is not in every host).
 *
 * A sentence ends at `.`, `!`, `?` or `…` (plus closing quotes and brackets) followed by
 * whitespace and a word that does not start with a lower-case letter, except:
 * - after abbreviations that never end a sentence (t.ex., bl.a., dvs., kl., nr., s.k., …);
 * - after abbreviations that may end one (m.m., osv., etc., jan.–dec., kr., …) unless a capital
 *   follows;
 * - after an initial ("A. Svensson") or a number followed by a number ("3.12. 10.30");
 * - inside words and numbers ("nvk.se", "3.5", "1.000" never reach the splitter as breaks).
 *
 * Line breaks: a blank line always ends a sentence. A single line break ends one unless the next
 * line starts with a lower-case letter, as a hard-wrapped paragraph does; so signature, greeting
 * and list lines ("Karin Berg", "Handläggare", "- punkt") are sentences of their own.
 *
 * Spans run from a sentence's first word character to its last non-space character.
 */
export function splitSentences(text: string, ranges?: readonly Span[]): Span[] {
  const out: Span[] = [];
  const spans = ranges === undefined ? [{ start: 0, end: text.length }] : normalizeRanges(ranges);
  for (const span of spans) splitRange(text, Math.max(0, span.start), Math.min(text.length, span.end), out);
  return out;
}

/** Abbreviations (lower case, without the final dot) after which a sentence never ends. */
const NEVER_END = new Set([
  "t.ex",
  "bl.a",
  "dvs",
  "d.v.s",
  "d.ä",
  "d.y",
  "kl",
  "ca",
  "nr",
  "s.k",
  "p.g.a",
  "pga",
  "fr.o.m",
  "t.o.m",
  "f.o.m",
  "inkl",
  "exkl",
  "jfr",
  "ang",
  "enl",
  "tel",
  "tfn",
  "mob",
  "obs",
  "ev",
  "f.d",
  "f.n",
  "f.ö",
  "t.v",
  "t.h",
  "dr",
  "prof",
  "doc",
  "avd",
  "sid",
  "s",
  "kap",
  "resp",
  "bil",
  "tf",
  "ordf",
  "jur",
  "fil",
  "kand",
  "fr",
  "vard",
  "u.p.a",
  "o.a",
  "m.a.o",
  "i.st.f",
  "istf",
  "p.s",
  "ung",
  "s.a.s",
  "e.kr",
  "f.kr",
]);

/** Abbreviations that may end a sentence: they do when a capital letter follows. */
const MAY_END = new Set([
  "m.m",
  "mm",
  "osv",
  "o.s.v",
  "etc",
  "m.fl",
  "mfl",
  "o.d",
  "e.d",
  "o.dyl",
  "dyl",
  "st",
  "kr",
  "ff",
  "min",
  "tim",
  "sek",
  "jan",
  "febr",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "okt",
  "nov",
  "dec",
  "mån",
  "tis",
  "ons",
  "tors",
  "tor",
  "fre",
  "lör",
  "sön",
  "uppl",
]);

/** Length of the longest abbreviation above (the words before a dot are compared only up to it). */
const LONGEST_ABBREVIATION = Math.max(...[...NEVER_END, ...MAY_END].map((a) => a.length));

function splitRange(text: string, from: number, to: number, out: Span[]): void {
  // Plain locals, no closure over them: V8 then keeps them in registers in this hot loop.
  let start = -1; // first word character of the open sentence
  let lastNonSpace = -1; // end (exclusive) of the last non-space character seen
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    // Ordinary characters (not a space, line break or terminator): inside an open sentence a
    // whole run of them is skipped in a tight loop.
    if (!isSpecial(c)) {
      if (start < 0) {
        if (isWordCharAt(text, i)) start = i;
        i++;
      } else {
        i++;
        while (i < to && !isSpecial(text.charCodeAt(i))) i++;
      }
      lastNonSpace = i;
      continue;
    }
    if (c === 0x0a) {
      if (start >= 0 && lineBreakEndsSentence(text, i, to)) {
        if (lastNonSpace > start) out.push({ start, end: lastNonSpace });
        start = -1;
      }
      i++;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026) {
      let k = i;
      while (k < to && isTerminator(text.charCodeAt(k))) k++;
      const runEnd = k;
      while (k < to && isCloser(text.charCodeAt(k))) k++;
      lastNonSpace = k;
      if (start >= 0 && terminatorEndsSentence(text, i, runEnd, k, to)) {
        if (lastNonSpace > start) out.push({ start, end: lastNonSpace });
        start = -1;
      }
      i = k;
      continue;
    }
    if (start < 0 && isWordCharAt(text, i)) start = i;
    i++;
    lastNonSpace = i;
  }
  if (start >= 0 && lastNonSpace > start) out.push({ start, end: lastNonSpace });
}

function terminatorEndsSentence(text: string, at: number, runEnd: number, k: number, to: number): boolean {
  if (k >= to) return true;
  if (!isSpace(text.charCodeAt(k)) && text.charCodeAt(k) !== 0x0a) return false; // "nvk.se", "?!)x"
  let j = k;
  let newlines = 0;
  while (j < to && (isSpace(text.charCodeAt(j)) || text.charCodeAt(j) === 0x0a)) {
    if (text.charCodeAt(j) === 0x0a) newlines++;
    j++;
  }
  if (j >= to || newlines >= 2) return true;
  const next = text[j] as string;
  const nextLower = isLowerLetter(next);
  // "!", "?", "…", "..", "..." and mixtures: ends unless the text goes on in lower case.
  if (runEnd - at !== 1 || text.charCodeAt(at) !== 0x2e) return !nextLower;
  const wordStart = wordStartBefore(text, at);
  // Every listed abbreviation is short: a longer word before the dot is looked at only as a number.
  const prev = at - wordStart <= LONGEST_ABBREVIATION ? text.slice(wordStart, at).toLowerCase() : undefined;
  if (prev !== undefined && NEVER_END.has(prev)) return false;
  if (nextLower) return false;
  if (prev !== undefined && prev.length === 1 && isUpperLetter(text[at - 1] as string)) return false; // an initial
  const nextIsDigit = isDigit(next.charCodeAt(0));
  if (prev !== undefined && MAY_END.has(prev))
    return !nextIsDigit && (isUpperLetter(next) || !isWordCharAt(text, j));
  if (nextIsDigit && isNumeric(text.slice(wordStart, at))) return false; // "3.12. 10.30"
  return true;
}

/** A line break ends the open sentence unless the next line continues in lower case. */
function lineBreakEndsSentence(text: string, at: number, to: number): boolean {
  let j = at + 1;
  while (j < to && isSpace(text.charCodeAt(j))) j++;
  if (j >= to || text.charCodeAt(j) === 0x0a) return true; // blank line or end
  return !isLowerLetter(text[j] as string);
}

/** Where the word (letters, digits and inner dots) right before position `at` starts. */
function wordStartBefore(text: string, at: number): number {
  let k = at;
  while (k > 0) {
    const c = text.charCodeAt(k - 1);
    if (c === 0x2e) {
      if (k - 2 >= 0 && isWordCharAt(text, k - 2)) {
        k--;
        continue;
      }
      break;
    }
    if (c === 0x2c || c === 0x3a) {
      // digits joined by , or : ("1,5", "10:30")
      if (k - 2 >= 0 && isDigit(text.charCodeAt(k - 2))) {
        k--;
        continue;
      }
      break;
    }
    if (!isWordCharAt(text, k - 1)) break;
    k--;
  }
  return k;
}

/** 1 for the ASCII characters splitRange stops at: line break, spaces, ".", "!", "?". */
const SPECIAL_ASCII = (() => {
  const table = new Uint8Array(128);
  for (const c of [0x0a, 0x20, 0x09, 0x0d, 0x0c, 0x2e, 0x21, 0x3f]) table[c] = 1;
  return table;
})();

/** A line break, a space (see isSpace) or a terminator (see isTerminator). */
function isSpecial(c: number): boolean {
  return c < 0x80 ? SPECIAL_ASCII[c] === 1 : c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2026;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x0c;
}

function isTerminator(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}

/** Closing quotes and brackets that belong to the sentence before them. */
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0x201d || c === 0x2019 || c === 0xbb;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isNumeric(word: string): boolean {
  return word.length > 0 && /^[0-9.,:]+$/.test(word);
}

function isLowerLetter(ch: string): boolean {
  // Latin-1 decides most cases without allocating case-mapped strings.
  const c = ch.charCodeAt(0);
  if (ch.length === 1 && c < 0x100)
    return (c >= 0x61 && c <= 0x7a) || c === 0xb5 || (c >= 0xdf && c !== 0xf7);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isUpperLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (ch.length === 1 && c < 0x100) return (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
