export { extractDraftText, isJudged, judgedSpans, replaceInSource, sourceRangeOf } from "./draft-text";
export type { DraftFormat, DraftText } from "./draft-text";
export { htmlEscape, isInside, overlaps } from "./spans";
export { CLOSING_PHRASES, isClosingPhrase } from "./signature";
export { isAttribution } from "./quote";
export { decodeEntityAt } from "./entities";
