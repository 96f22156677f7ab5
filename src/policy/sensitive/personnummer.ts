import type { Span } from "../findings";
import { DIGIT, LETTER, isLetterOrDigit, zeroPad } from "../signature/chars";
import { inPhoneContext, isValidSwedishNationalNumber } from "../signature/phone";
import { REFERENCE_NUMBER_LABEL, lineBefore } from "./labels";

export { isExternalRecipient } from "./recipients";

// Swedish personal identity numbers (personnummer, SFS 1991:481 and Skatteverket SKV 704) and
// coordination numbers (samordningsnummer: the day of birth plus 60), for P22.
//
// Accepted forms: YYMMDD-NNNN, YYMMDD+NNNN (the "+" marks someone 100 or older), YYMMDDNNNN,
// YYYYMMDD-NNNN and YYYYMMDDNNNN. The date must exist (leap years included) and the last digit
// must be the Luhn check digit of the 10-digit form. A match must stand alone: digits, letters or
// a digit plus "-", "+", "/", "." or "," on either side make it part of something longer (an
// IBAN, a bank account "3300-…", a phone number "+46…", a decimal).
//
// Phone numbers. A Swedish phone number written nationally starts with the trunk prefix 0, so
// the only personnummer that can also be a phone number is an UNSEPARATED 10-digit one of someone
// born 2000–2009 ("0701234569": 2007-01-23, and a valid mobile number). Formatted phone numbers
// ("070-123 45 69") never take the personnummer shapes above, and "+46…" is glued to its "+".
// For that ambiguous case the rule is:
//   an unseparated 10-digit number that starts with 0 and is a valid Swedish phone number is a
//   phone number, not a personnummer, when a phone label or "ring …" comes earlier on its line
//   ("Tel 0701234569", "Ring mig på 0701234569"); otherwise it is reported as a personnummer.
// Missing a personnummer sent outside the organisation costs more than one extra warning for an
// unlabelled phone number, and only about one such phone number in twenty passes both the date
// and the Luhn check.
//
// Reference numbers: an unseparated number right after a case, order, invoice, customer or bank
// label ("Ordernr 8112189876", "OCR …") is a reference, not a personnummer. Separated forms are
// reported even after such a label: a personnummer used as a customer number is still one.

export type IdentityNumberKind = "personnummer" | "samordningsnummer";

export interface IdentityNumberMatch extends Span {
  /** The number as written. */
  readonly raw: string;
  readonly kind: IdentityNumberKind;
  /** The 12-digit form "YYYYMMDD-NNNN" (the day as written: 61–91 for a samordningsnummer). */
  readonly normalized: string;
}

export interface IdentityNumberOptions {
  /**
   * The year that decides the century of a 10-digit number: YYMMDD-NNNN is the latest year ending
   * in YY that is not after it, YYMMDD+NNNN a hundred years earlier. Defaults to the current year.
   */
  readonly referenceYear?: number;
}

// Not preceded by a letter, digit or "_": checked in code (no lookbehind in ES2016, see
// ../signature/chars), so findIdentityNumbers retries one character further when it fails.
const CANDIDATE = new RegExp(
  `(\\d{8}|\\d{6})([-+\\u2010\\u2011\\u2013]?)(\\d{4})(?![${LETTER}${DIGIT}_])`,
  "gu",
);
const EMBEDDED_BEFORE = new RegExp(`(?:[${DIGIT}][-+\\u2010\\u2011\\u2013/.,]|[+@#])$`, "u");
const EMBEDDED_AFTER = new RegExp(`^[-+\\u2010\\u2011\\u2013/.,][${DIGIT}]`, "u");

/** Whether the character before `index` is a letter, a digit or "_". */
function gluedBefore(text: string, index: number): boolean {
  if (index === 0) return false;
  const ch = text.charAt(index - 1);
  return ch === "_" || isLetterOrDigit(ch);
}

/** The Luhn check digit of `digits` (weights 2, 1, 2, … from the left, as Skatteverket specifies for 9 digits). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const product = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether the match at [start, end) is part of a longer number, an IBAN, an account or a decimal. */
function embedded(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 2);
  return EMBEDDED_BEFORE.test(before) || EMBEDDED_AFTER.test(after);
}

function currentYear(): number {
  return new Date().getFullYear();
}

interface Parsed {
  readonly kind: IdentityNumberKind;
  readonly normalized: string;
}

/** Validates one written number (date, Luhn); undefined if it is not a personnummer or samordningsnummer. */
function parse(date: string, separator: string, serial: string, referenceYear: number): Parsed | undefined {
  let year: number;
  if (date.length === 8) {
    year = Number(date.slice(0, 4));
    if (year < 1800 || year > referenceYear) return undefined;
  } else {
    const yy = Number(date.slice(0, 2));
    year = referenceYear - ((((referenceYear - yy) % 100) + 100) % 100);
    if (separator === "+") year -= 100;
  }
  const short = date.slice(-6);
  const month = Number(short.slice(2, 4));
  const writtenDay = Number(short.slice(4, 6));
  if (month < 1 || month > 12) return undefined;
  const coordination = writtenDay > 60;
  const day = coordination ? writtenDay - 60 : writtenDay;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  const ten = `${short}${serial}`;
  if (luhnCheckDigit(ten.slice(0, 9)) !== Number(ten[9])) return undefined;
  return {
    kind: coordination ? "samordningsnummer" : "personnummer",
    normalized: `${zeroPad(String(year), 4)}${short.slice(2)}-${serial}`,
  };
}

/** Whether the unseparated 10-digit number at `start` is better read as a phone number (see above). */
function phoneRatherThanIdentity(text: string, start: number, digits: string): boolean {
  return digits.startsWith("0") && isValidSwedishNationalNumber(digits) && inPhoneContext(text, start);
}

/** Every personnummer and samordningsnummer in `text`, in order. */
export function findIdentityNumbers(
  text: string,
  options: IdentityNumberOptions = {},
): IdentityNumberMatch[] {
  const referenceYear = options.referenceYear ?? currentYear();
  const found: IdentityNumberMatch[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const [raw, date = "", written = "", serial = ""] = m;
    const start = m.index;
    if (gluedBefore(text, start)) {
      // What the lookbehind would have done: try again from the next position.
      CANDIDATE.lastIndex = start + 1;
      continue;
    }
    const end = start + raw.length;
    if (embedded(text, start, end)) continue;
    // "+" means 100 years or older, which only the 10-digit form can say.
    const separator = written === "+" ? "+" : written === "" ? "" : "-";
    if (separator === "+" && date.length === 8) continue;
    const parsed = parse(date, separator, serial, referenceYear);
    if (!parsed) continue;
    if (separator === "") {
      if (REFERENCE_NUMBER_LABEL.test(lineBefore(text, start))) continue;
      if (date.length === 6 && phoneRatherThanIdentity(text, start, raw)) continue;
    }
    found.push({ start, end, raw, kind: parsed.kind, normalized: parsed.normalized });
  }
  return found;
}

/** Whether `value` is, as a whole, one valid personnummer or samordningsnummer. */
export function isIdentityNumber(value: string, options: IdentityNumberOptions = {}): boolean {
  const trimmed = value.trim();
  const [only, ...more] = findIdentityNumbers(trimmed, options);
  return only !== undefined && more.length === 0 && only.start === 0 && only.end === trimmed.length;
}
