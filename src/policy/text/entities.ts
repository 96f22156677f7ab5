/**
 * HTML character references: the named ones mail clients actually write, plus numeric ones.
 * A table of a few dozen names instead of HTML5's 2,000-odd keeps the event-handler bundle small.
 */

/** Named references, without the "&" and ";". Latin-1 names also decode without the ";". */
const NAMED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  aring: "å",
  auml: "ä",
  ouml: "ö",
  Aring: "Å",
  Auml: "Ä",
  Ouml: "Ö",
  eacute: "é",
  Eacute: "É",
  egrave: "è",
  Egrave: "È",
  ecirc: "ê",
  euml: "ë",
  aacute: "á",
  agrave: "à",
  acirc: "â",
  atilde: "ã",
  iacute: "í",
  igrave: "ì",
  iuml: "ï",
  oacute: "ó",
  ograve: "ò",
  ocirc: "ô",
  otilde: "õ",
  uacute: "ú",
  ugrave: "ù",
  ucirc: "û",
  uuml: "ü",
  Uuml: "Ü",
  yacute: "ý",
  oslash: "ø",
  Oslash: "Ø",
  aelig: "æ",
  AElig: "Æ",
  szlig: "ß",
  ccedil: "ç",
  Ccedil: "Ç",
  ntilde: "ñ",
  eth: "ð",
  thorn: "þ",
  copy: "©",
  reg: "®",
  deg: "°",
  plusmn: "±",
  times: "×",
  divide: "÷",
  sect: "§",
  para: "¶",
  middot: "·",
  laquo: "«",
  raquo: "»",
  iexcl: "¡",
  iquest: "¿",
  cent: "¢",
  pound: "£",
  yen: "¥",
  curren: "¤",
  shy: "\u00ad",
  micro: "µ",
  ordf: "ª",
  ordm: "º",
  sup1: "¹",
  sup2: "²",
  sup3: "³",
  frac12: "½",
  frac14: "¼",
  frac34: "¾",
  acute: "´",
  uml: "¨",
  not: "¬",
  // Not Latin-1: these need the ";".
  euro: "€",
  trade: "™",
  hellip: "…",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  sbquo: "‚",
  ldquo: "“",
  rdquo: "”",
  bdquo: "„",
  lsaquo: "‹",
  rsaquo: "›",
  bull: "•",
  dagger: "†",
  permil: "‰",
  minus: "−",
  thinsp: "\u2009",
  ensp: "\u2002",
  emsp: "\u2003",
  zwnj: "\u200c",
  zwj: "\u200d",
  lrm: "\u200e",
  rlm: "\u200f",
  rarr: "→",
  larr: "←",
};

/** Names that browsers also decode without a trailing ";" (HTML's legacy Latin-1 set). */
const LEGACY = new Set<string>([
  "amp",
  "lt",
  "gt",
  "quot",
  "nbsp",
  "aring",
  "auml",
  "ouml",
  "Aring",
  "Auml",
  "Ouml",
  "eacute",
  "Eacute",
  "egrave",
  "Egrave",
  "ecirc",
  "euml",
  "aacute",
  "agrave",
  "acirc",
  "atilde",
  "iacute",
  "igrave",
  "iuml",
  "oacute",
  "ograve",
  "ocirc",
  "otilde",
  "uacute",
  "ugrave",
  "ucirc",
  "uuml",
  "Uuml",
  "yacute",
  "oslash",
  "Oslash",
  "aelig",
  "AElig",
  "szlig",
  "ccedil",
  "Ccedil",
  "ntilde",
  "eth",
  "thorn",
  "copy",
  "reg",
  "deg",
  "plusmn",
  "times",
  "divide",
  "sect",
  "para",
  "middot",
  "laquo",
  "raquo",
  "iexcl",
  "iquest",
  "cent",
  "pound",
  "yen",
  "curren",
  "shy",
  "micro",
  "ordf",
  "ordm",
  "sup1",
  "sup2",
  "sup3",
  "frac12",
  "frac14",
  "frac34",
  "acute",
  "uml",
  "not",
]);

const LONGEST_LEGACY = 6;
const LONGEST_NAME = 32;

/**
 * Numeric references 0x80–0x9F mean Windows-1252 to browsers (Word writes &#150; for "–").
 * Index = code - 0x80; 0 = keep the code as is.
 */
const WINDOWS_1252 = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];

export interface DecodedEntity {
  /** The decoded text: one or two UTF-16 units. */
  readonly text: string;
  /** How many source characters the reference spans, "&" and ";" included. */
  readonly length: number;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number, hex: boolean): boolean {
  return (c >= 48 && c <= 57) || (hex && ((c >= 65 && c <= 70) || (c >= 97 && c <= 102)));
}

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
  if (code >= 0x80 && code <= 0x9f) {
    const mapped = WINDOWS_1252[code - 0x80];
    if (mapped) return String.fromCharCode(mapped);
  }
  return String.fromCodePoint(code);
}

function decodeNumeric(source: string, at: number): DecodedEntity | undefined {
  // source[at] is "&", source[at + 1] is "#".
  let i = at + 2;
  const hex = source.charCodeAt(i) === 120 || source.charCodeAt(i) === 88; // x X
  if (hex) i++;
  const digitsStart = i;
  let code = 0;
  while (i < source.length && isDigit(source.charCodeAt(i), hex)) {
    // Clamp instead of overflowing: any value past U+10FFFF becomes U+FFFD anyway.
    if (code <= 0x10ffff) code = code * (hex ? 16 : 10) + parseInt(source[i] as string, 16);
    i++;
  }
  if (i === digitsStart) return undefined;
  if (source.charCodeAt(i) === 59) i++; // ";" is optional, as in browsers
  return { text: fromCodePoint(code), length: i - at };
}

/**
 * Decodes the character reference starting at `at` (where source[at] is "&"), or returns
 * undefined when it is a literal "&". Looks at no more than ~34 characters of names, so a run of
 * "&" is linear.
 */
export function decodeEntityAt(source: string, at: number): DecodedEntity | undefined {
  if (source.charCodeAt(at) !== 38) return undefined;
  if (source.charCodeAt(at + 1) === 35) return decodeNumeric(source, at);
  let i = at + 1;
  const limit = Math.min(source.length, at + 1 + LONGEST_NAME);
  let hash = 0;
  for (; i < limit; i++) {
    const c = source.charCodeAt(i);
    if (!isAsciiAlnum(c)) break;
    hash = (Math.imul(hash, 31) + c) | 0;
  }
  if (i === at + 1) return undefined;
  if (source.charCodeAt(i) === 59) {
    // Swedish HTML mail is full of &aring; &auml; &ouml; &nbsp;: find the name by a hash of its
    // characters, without slicing it out, and share one result object per name.
    const known = TERMINATED_BY_HASH.get(hash);
    if (known !== undefined && known.length === i + 1 - at && sameChars(source, at + 1, known.name))
      return known.decoded;
  }
  const name = source.slice(at + 1, i);
  if (source.charCodeAt(i) === 59 && Object.prototype.hasOwnProperty.call(NAMED, name)) {
    return { text: NAMED[name] as string, length: i + 1 - at };
  }
  // Legacy names decode without ";" and even as a prefix ("&nbspfoo"), like browsers in text.
  for (let len = Math.min(name.length, LONGEST_LEGACY); len >= 2; len--) {
    const prefix = name.slice(0, len);
    if (LEGACY.has(prefix)) return { text: NAMED[prefix] as string, length: len + 1 };
  }
  return undefined;
}

/** True when source[at …] spells `name` (which the caller knows fits). */
function sameChars(source: string, at: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) if (source.charCodeAt(at + k) !== name.charCodeAt(k)) return false;
  return true;
}

/** "&name;" for every named reference, by the same hash decodeEntityAt computes (first name wins). */
const TERMINATED_BY_HASH: ReadonlyMap<number, { name: string; length: number; decoded: DecodedEntity }> =
  (() => {
    const table = new Map<number, { name: string; length: number; decoded: DecodedEntity }>();
    for (const name of Object.keys(NAMED)) {
      let hash = 0;
      for (let k = 0; k < name.length; k++) hash = (Math.imul(hash, 31) + name.charCodeAt(k)) | 0;
      // A colliding name simply takes the slower lookup below.
      if (!table.has(hash))
        table.set(hash, {
          name,
          length: name.length + 2,
          decoded: Object.freeze({ text: NAMED[name] as string, length: name.length + 2 }),
        });
    }
    return table;
  })();
