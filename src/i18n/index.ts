export { AREAS, getStrings, pickLanguage, SIGNATURE_FIELDS } from "./strings";
export type {
  Area,
  AreaLevel,
  ErrorKey,
  FixErrorKey,
  Language,
  PolicyId,
  ProfileField,
  SignatureField,
  Strings,
} from "./strings";
export { dayAndTimeFormat, formatDayAndTime } from "./format";
