import type { PolicyConfig } from "../config/schema";
import type { Finding, Span } from "../findings";
import type { JargonHit, Lexicon } from "../language/jargon";
import { compileLexicon, findJargonInWords } from "../language/jargon";
import { LEXICON_SV } from "../language/lexicon-sv";
import type { LixCounts, LixResult } from "../language/readability";
import { MIN_WORDS_FOR_LIX } from "../language/lix-bands";
import { lixBandLabel, lixCounts, lixFromCounts } from "../language/readability";
import type { DraftText } from "../text/draft-text";
import { WordStream } from "../text/tokens";

// P14: objective language without jargon — the lexicon and readability (LIX).

export { MIN_WORDS_FOR_LIX } from "../language/lix-bands";

const lexiconCache = new WeakMap<PolicyConfig["lexicon"], Lexicon>();

/** The built-in lexicon with the configuration's additions and removals, compiled once per config. */
export function lexiconFor(config: PolicyConfig): Lexicon {
  let lexicon = lexiconCache.get(config.lexicon);
  if (!lexicon) {
    lexicon = compileLexicon(LEXICON_SV, config.lexicon);
    lexiconCache.set(config.lexicon, lexicon);
  }
  return lexicon;
}

/** Below this many characters the author's text is tokenized in one go. */
const CHUNK_CHARS = 4096;

/**
 * Splits the author's own text into words once for the jargon and readability rules, a paragraph
 * block at a time: each block's word positions and lower-cased copy die young, so a 1 MB body
 * costs no more per word than a short one (V8 handles big arrays far slower than small ones).
 * Blocks end at blank lines, which neither a jargon phrase (at most one line break) nor a
 * sentence crosses.
 */
export function scanOwnText(
  text: DraftText,
  lexicon: Lexicon | undefined,
): { jargon: JargonHit[]; readability: LixResult } {
  const { authored } = text;
  const own: Span[] = text.signature ? [authored, text.signature] : [authored];
  const jargon: JargonHit[] = [];
  const counts: LixCounts[] = [];
  const source = text.text;
  let words: WordStream | undefined;
  const end = own[own.length - 1]?.end ?? authored.end;
  for (let start = own[0]?.start ?? authored.start; start < end;) {
    let stop = end;
    if (end - start > CHUNK_CHARS) {
      const blank = source.indexOf("\n\n", start + CHUNK_CHARS);
      if (blank !== -1 && blank < end) stop = blank + 1;
    }
    const chunk = { start, end: stop };
    words = new WordStream(source, start, stop, words);
    if (lexicon) for (const hit of findJargonInWords(words, lexicon, clip(own, chunk))) jargon.push(hit);
    counts.push(lixCounts(source, clip([authored], chunk), words));
    start = stop;
  }
  return { jargon, readability: lixFromCounts(counts) };
}

/** The parts of `ranges` inside `frame`. */
function clip(ranges: readonly Span[], frame: Span): Span[] {
  const out: Span[] = [];
  for (const r of ranges) {
    const start = Math.max(r.start, frame.start);
    const end = Math.min(r.end, frame.end);
    if (start < end) out.push({ start, end });
  }
  return out;
}

export function jargonFindings(hits: readonly JargonHit[]): Finding[] {
  return hits.map((hit): Finding => {
    const advice = hit.entry.advice;
    const plain = hit.suggestions.length > 0;
    return {
      rule: "jargon",
      severity: "warning",
      policy: "P14",
      start: hit.start,
      end: hit.end,
      text: hit.text,
      message: {
        sv: plain
          ? `Skriv hellre ${hit.suggestions.map((x) => `”${x}”`).join(" eller ")} än ”${hit.text}” – det är enklare.`
          : `”${hit.text}” är byråkratiskt. ${advice?.sv ?? "Formulera om med vardagliga ord."}`,
        en: plain
          ? `Prefer ${hit.suggestions.map((x) => `"${x}"`).join(" or ")} to "${hit.text}" – it is plainer.`
          : `"${hit.text}" is officialese. ${advice?.en ?? "Rephrase it in everyday words."}`,
      },
      suggestions: hit.suggestions,
    };
  });
}

/** LIX rounded to one decimal, as reports show it. */
export const roundedLix = (readability: LixResult): number => Math.round(readability.lix * 10) / 10;

export function readabilityFindings(
  text: DraftText,
  readability: LixResult,
  config: PolicyConfig,
): Finding[] {
  const threshold = config.readability.lixThreshold;
  if (readability.words < MIN_WORDS_FOR_LIX || readability.lix <= threshold) return [];
  const longest = readability.longestSentences[0] ?? text.authored;
  const band = lixBandLabel(readability.band);
  const value = roundedLix(readability);
  return [
    {
      rule: "readability",
      severity: "warning",
      policy: "P14",
      start: longest.start,
      end: longest.end,
      text: text.text.slice(longest.start, longest.end),
      message: {
        sv: `Texten är svårläst: LIX ${value} (${band.sv}), målet är högst ${threshold}. Dela upp långa meningar och välj kortare ord; den längsta meningen är markerad.`,
        en: `The text is hard to read: LIX ${value} (${band.en}), the target is at most ${threshold}. Split long sentences and choose shorter words; the longest sentence is marked.`,
      },
      suggestions: [],
    },
  ];
}
