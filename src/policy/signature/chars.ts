// Character classes for the regular expressions the send-time handler reaches (signature
// analysis, phone numbers, titles, identity numbers, recipients). That handler is one ES2016
// script (classic Outlook on Windows), so these modules cannot use ES2018 regex features:
// no lookbehind, no `\p{…}`, no named groups, no `s` flag. The classes below stand in for
// `\p{L}` and `\p{N}`, and boundary checks that used lookbehind are done in code.
//
// Letters: ASCII, Latin-1 (not × and ÷), Latin Extended A/B and IPA (å ä ö é ü ø æ ł š ž …),
// Greek, Cyrillic, Latin Extended Additional. Combining marks (U+0300–U+036F) are not letters, as
// in `\p{L}`. Text in other scripts is rare in NVK's mail; a letter outside these ranges is
// treated as a non-letter, which only makes a boundary check more permissive.

/** Regex class body for a letter (inside `[…]`), the ES2016 stand-in for `\p{L}`. */
export const LETTER =
  "A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02AF\\u0370-\\u0373\\u0376\\u0377\\u037B-\\u037D\\u037F\\u0386\\u0388-\\u03FF\\u0400-\\u0481\\u048A-\\u052F\\u1E00-\\u1EFF";

/** Regex class body for a digit (inside `[…]`), the stand-in for `\p{N}`. */
export const DIGIT = "0-9\\u00B2\\u00B3\\u00B9\\u00BC-\\u00BE";

const LETTER_OR_DIGIT_RE = new RegExp(`[${LETTER}${DIGIT}]`);

/** Whether `ch` (one UTF-16 code unit or code point) is a letter or a digit. */
export function isLetterOrDigit(ch: string): boolean {
  return ch !== "" && LETTER_OR_DIGIT_RE.test(ch);
}

/** Whether the character just before `index` is a letter or a digit (false at the start). */
export function letterOrDigitBefore(text: string, index: number): boolean {
  return index > 0 && isLetterOrDigit(text.charAt(index - 1));
}

/** An upper-case letter: a cased character that is its own upper case (the stand-in for `\p{Lu}`). */
export function isUpperLetter(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase() && ch === ch.toUpperCase();
}

/** A lower-case letter: a cased character that is its own lower case (the stand-in for `\p{Ll}`). */
export function isLowerLetter(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/**
 * Every match of a global regular expression, as `String.prototype.matchAll` would give them
 * (which is ES2020 and needs the regex to be global): an `exec` loop that steps over empty matches.
 */
export function execAll(re: RegExp, text: string): RegExpExecArray[] {
  const global = re.global ? re : new RegExp(re.source, `${re.flags}g`);
  global.lastIndex = 0;
  const found: RegExpExecArray[] = [];
  for (let m = global.exec(text); m !== null; m = global.exec(text)) {
    found.push(m);
    if (m[0] === "") global.lastIndex++;
  }
  global.lastIndex = 0;
  return found;
}

/** Trims leading white space (`String.prototype.trimStart` is ES2019). */
export function trimLeft(s: string): string {
  return s.replace(/^\s+/, "");
}

/** Pads `s` on the left with zeros to `width` (`String.prototype.padStart` is ES2017). */
export function zeroPad(s: string, width: number): string {
  let padded = s;
  while (padded.length < width) padded = `0${padded}`;
  return padded;
}
