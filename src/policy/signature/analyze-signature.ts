import type { Span } from "../findings";
import { domainOf, isOrganisationDomain } from "../sensitive/recipients";
import type { PhoneMatch } from "./phone";
import { DIGIT, LETTER, execAll, isLowerLetter, isUpperLetter, trimLeft } from "./chars";
import { findPhoneNumbers } from "./phone";
import { containsTitle } from "./titles";

// Which parts of a signature block are there (P6: name, title, phone number, email address; P4:
// the organisation or unit). The text model finds the block; this module reads it line by line.
// A line may hold several parts separated by "," "|" "–" or "·" ("Anna Andersson, handläggare"),
// and each part is classified on its own.

export type SignatureField = "name" | "title" | "phone" | "email" | "organisation";

export const SIGNATURE_FIELDS: readonly SignatureField[] = [
  "name",
  "title",
  "phone",
  "email",
  "organisation",
];

/** The sender, from the directory or the mailbox (Office's userProfile). */
export interface SenderProfile {
  readonly displayName?: string;
  readonly mail?: string;
}

/** The parts of PolicyConfig this analysis reads. */
export interface SignatureConfig {
  readonly organisation: {
    readonly name: string;
    readonly emailDomains: readonly string[];
    readonly units: readonly { readonly name: string }[];
  };
}

export interface SignatureContext {
  readonly profile?: SenderProfile;
  readonly config: SignatureConfig;
  /**
   * False when the text model found no signature block and passes the whole authored text: the
   * result is then `present: false` with every field missing. Default true.
   */
  readonly isBlock?: boolean;
}

export interface TextField extends Span {
  readonly text: string;
}

export interface NameField extends TextField {
  /** The name shares at least two words with the profile's displayName (all of them if it has one). */
  readonly matchesProfile: boolean;
}

export interface TitleField extends TextField {
  /** A known title word was found; false when the title is inferred from an otherwise unexplained line. */
  readonly known: boolean;
}

export interface EmailField extends TextField {
  /** The address's domain is one of config.organisation.emailDomains (or a subdomain). */
  readonly inOrganisationDomain: boolean;
  /** The address equals the profile's mail (ignoring case); undefined without a profile mail. */
  readonly matchesProfile?: boolean;
}

export interface OrganisationField extends TextField {
  /** "organisation": the configured name; "unit": a configured unit; "keyword": "…enheten", "…avdelningen", … */
  readonly source: "organisation" | "unit" | "keyword";
}

export interface SignatureFields {
  readonly name?: NameField;
  readonly title?: TitleField;
  /** The first valid phone number. */
  readonly phone?: PhoneMatch;
  readonly email?: EmailField;
  readonly organisation?: OrganisationField;
}

export interface SignatureAnalysis {
  /** Whether a signature block was analysed at all. */
  readonly present: boolean;
  /** The required fields not found, in SIGNATURE_FIELDS order. */
  readonly missing: SignatureField[];
  readonly fields: SignatureFields;
  /** Every phone number in the block, valid or not (an invalid one explains a missing phone). */
  readonly phones: readonly PhoneMatch[];
}

/** Lines that only close the letter or separate the signature. */
const CLOSING =
  /^(?:med\s+)?(?:vänliga|vänlig|varma|bästa|hjärtliga)?\s*(?:hälsningar|hälsning)|^mvh|^hälsningar|^(?:kind|best|warm|many\s+thanks\s+and)?\s*regards|^(?:yours\s+)?sincerely|^best(?:\s+wishes)?$|^cheers$|^tack(?:\s+på\s+förhand)?$|^thanks?(?:\s+you)?$|^-{2,}\s*$|^_{2,}$/iu;
const EMAIL = new RegExp(
  `[${LETTER}${DIGIT}._%+'-]+@[${LETTER}${DIGIT}-]+(?:\\.[${LETTER}${DIGIT}-]+)+`,
  "gu",
);
const URL = /(?:https?:\/\/|www\.)\S+/iu;
// Not preceded by a letter or digit: "(?:^|[^…])" instead of a lookbehind (ES2016, see ./chars);
// fine for test(), which is all these are used with.
const ADDRESS = new RegExp(
  `(?:^|[^${LETTER}${DIGIT}])(?:\\d{3} ?\\d{2}\\s+[${LETTER}]|box\\s+\\d|besöksadress|postadress|adress|address|(?:gatan|vägen|gränd|torget|plan|allé|stigen)\\s+\\d)`,
  "iu",
);
const UNIT_KEYWORD = new RegExp(
  `(?:enheten|avdelningen|kansliet|förbundet|sektionen|förvaltningen|kontoret|gruppen|department|division|unit|secretariat)(?![${LETTER}])`,
  "iu",
);
const PARTICLES = new Set(["von", "af", "av", "de", "van", "der", "den", "la", "le", "du", "di"]);
/** Separators between parts of one line. */
const PART_SEPARATOR = /\s*(?:,|\||·|•|\s[–—-]\s)\s*/gu;

type Part = TextField;

function linesOf(text: string): Part[] {
  const lines: Part[] = [];
  for (const m of execAll(/[^\r\n]+/gu, text)) {
    const lead = m[0].length - trimLeft(m[0]).length;
    const trimmed = m[0].trim();
    if (trimmed !== "")
      lines.push({ start: m.index + lead, end: m.index + lead + trimmed.length, text: trimmed });
  }
  return lines;
}

function partsOf(line: Part): Part[] {
  const parts: Part[] = [];
  let from = 0;
  const push = (a: number, b: number): void => {
    const raw = line.text.slice(a, b);
    const trimmed = raw.trim();
    if (trimmed === "") return;
    const lead = raw.length - trimLeft(raw).length;
    parts.push({ start: line.start + a + lead, end: line.start + a + lead + trimmed.length, text: trimmed });
  };
  for (const m of execAll(PART_SEPARATOR, line.text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, line.text.length);
  return parts;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");

/** Whether `needle` occurs in `haystack` as whole words, ignoring case. */
function containsWords(haystack: string, needle: string): boolean {
  const n = needle.trim();
  if (n === "") return false;
  const around = `[^${LETTER}${DIGIT}]`;
  return new RegExp(`(?:^|${around})${escapeRegExp(n)}(?:$|${around})`, "iu").test(haystack);
}

const NAME_WORD_CHARS = new RegExp(`[${LETTER}'’-]+`, "gu");

function nameWords(text: string): string[] {
  return (text.match(NAME_WORD_CHARS) ?? []).map((w) => w.toLocaleLowerCase("sv"));
}

const NAME_PARTICLE_WORDS = /^(?:von|af|av|de|van|der|den|la|le|du|di)$/u;

/** A run of lower-case letters and apostrophes ("nna", "'brien"), at least one character. */
function isLowerRun(chars: readonly string[]): boolean {
  return chars.length > 0 && chars.every((c) => c === "'" || c === "’" || isLowerLetter(c));
}

/**
 * A name word: "Anna", "Anna-Karin", "O'Brien", "Åsa"; particles like "von", "af", "de" are allowed
 * between. Each hyphen-separated piece is an optional capital (required for the first) and
 * lower-case letters or apostrophes.
 */
function isNameWord(word: string): boolean {
  if (NAME_PARTICLE_WORDS.test(word)) return true;
  const pieces = word.split("-");
  return pieces.every((piece, i) => {
    const chars = Array.from(piece);
    const head = chars[0];
    if (head === undefined) return false;
    if (isUpperLetter(head)) return isLowerRun(chars.slice(1));
    return i > 0 && isLowerRun(chars);
  });
}

/** Initials such as "AA" or "/AA": one to three capitals, optionally after a slash. */
function isInitials(text: string): boolean {
  const chars = Array.from(text.charAt(0) === "/" ? text.slice(1) : text);
  return chars.length >= 1 && chars.length <= 3 && chars.every(isUpperLetter);
}

/** Whether the part is a person's name: two to five name words, at least two not particles. */
function isNameLike(text: string): boolean {
  const words = text.split(/\s+/u);
  if (words.length < 2 || words.length > 5) return false;
  if (!words.every(isNameWord)) return false;
  return words.filter((w) => !PARTICLES.has(w)).length >= 2;
}

function matchesDisplayName(text: string, displayName: string | undefined): boolean {
  if (displayName === undefined) return false;
  const wanted = nameWords(displayName).filter((w) => w.length > 1);
  if (wanted.length === 0) return false;
  const have = new Set(nameWords(text));
  const shared = wanted.filter((w) => have.has(w)).length;
  return shared >= Math.min(2, wanted.length);
}

function organisationOf(text: string, config: SignatureConfig): OrganisationField["source"] | undefined {
  if (containsWords(text, config.organisation.name)) return "organisation";
  if (config.organisation.units.some((unit) => containsWords(text, unit.name))) return "unit";
  if (UNIT_KEYWORD.test(text)) return "keyword";
  return undefined;
}

/** Short, digit-free text that could be a title nobody listed ("Huvudskyddsombud"). */
function couldBeTitle(text: string): boolean {
  return text.length <= 60 && !/\d/u.test(text) && text.split(/\s+/u).length <= 6;
}

function allMissing(): SignatureAnalysis {
  return { present: false, missing: [...SIGNATURE_FIELDS], fields: {}, phones: [] };
}

/**
 * Reads a signature block. Offsets in the result are offsets into `block`. With
 * `context.isBlock === false` (the whole authored text, no block found) every field is missing.
 */
export function analyzeSignature(block: string, context: SignatureContext): SignatureAnalysis {
  if (context.isBlock === false || block.trim() === "") return allMissing();
  const { config, profile } = context;
  const phones = findPhoneNumbers(block);
  const phone = phones.find((p) => p.valid);

  let email: EmailField | undefined;
  for (const m of execAll(EMAIL, block)) {
    const address = m[0].replace(/[.'-]+$/u, "");
    const domain = domainOf(address);
    if (domain === undefined) continue;
    email = {
      start: m.index,
      end: m.index + address.length,
      text: address,
      inOrganisationDomain: isOrganisationDomain(domain, config),
      ...(profile?.mail === undefined
        ? {}
        : { matchesProfile: address.toLowerCase() === profile.mail.trim().toLowerCase() }),
    };
    break;
  }

  let organisation: OrganisationField | undefined;
  let knownTitle: TitleField | undefined;
  let profileName: NameField | undefined;
  let otherName: NameField | undefined;
  const unexplained: Part[] = [];
  const overlaps = (part: Span, spans: readonly Span[]): boolean =>
    spans.some((s) => s.start < part.end && part.start < s.end);
  const emails = execAll(EMAIL, block).map((m) => ({ start: m.index, end: m.index + m[0].length }));

  for (const line of linesOf(block)) {
    if (CLOSING.test(line.text)) continue;
    for (const part of partsOf(line)) {
      if (overlaps(part, phones) || overlaps(part, emails) || URL.test(part.text) || ADDRESS.test(part.text))
        continue;
      let explained = false;
      const source = organisationOf(part.text, config);
      if (source !== undefined) {
        organisation ??= { ...part, source };
        explained = true;
      }
      if (containsTitle(part.text)) {
        knownTitle ??= { ...part, known: true };
        explained = true;
      }
      if (explained) continue;
      if (isNameLike(part.text)) {
        const matchesProfile = matchesDisplayName(part.text, profile?.displayName);
        if (matchesProfile) profileName ??= { ...part, matchesProfile };
        else otherName ??= { ...part, matchesProfile };
        continue;
      }
      // Initials ("/AA") are neither a name nor a title.
      if (isInitials(part.text)) continue;
      unexplained.push(part);
    }
  }

  const name = profileName ?? otherName;
  // A line nothing else explains, after the full name, is taken for a title nobody listed
  // ("Huvudskyddsombud"). Without a full name there is no telling a lone first name ("Anna")
  // from such a title, so nothing is inferred.
  const inferred =
    name === undefined
      ? undefined
      : unexplained.find((part) => couldBeTitle(part.text) && part.start > name.start);
  const title = knownTitle ?? (inferred ? { ...inferred, known: false } : undefined);

  const fields: SignatureFields = {
    ...(name ? { name } : {}),
    ...(title ? { title } : {}),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    ...(organisation ? { organisation } : {}),
  };
  return {
    present: true,
    missing: SIGNATURE_FIELDS.filter((field) => fields[field] === undefined),
    fields,
    phones,
  };
}
