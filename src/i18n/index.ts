export { getStrings, pickLanguage, SIGNATURE_FIELDS } from "./strings";
export type { ErrorKey, Language, SignatureField, Strings } from "./strings";
export { formatDayAndTime } from "./format";
