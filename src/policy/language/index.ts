export type { LexiconAdvice, LexiconEntry, LexiconKind, LexiconSource } from "./types";
export { LEXICON_SV } from "./lexicon-sv";
export { LEXICON_SOURCES } from "./sources";
export { compileLexicon, findJargon, findJargonInWords, matchCase, normalizeRanges } from "./jargon";
export type { JargonHit, Lexicon, LexiconAddition, LexiconChanges } from "./jargon";
export { splitSentences } from "./sentences";
export {
  LIX_BAND_IDS,
  LIX_BANDS,
  LONG_WORD_LETTERS,
  LONGEST_SENTENCE_COUNT,
  lix,
  lixBand,
  lixBandLabel,
  sentenceLengths,
} from "./readability";
export type { LixBand, LixResult, SentenceLength } from "./readability";
