import { LETTER } from "./chars";

// Job titles for recognising the title line of a signature (P6). A word counts as a title when
// it is one of these or ends with one ("Ekonomihandläggare", "Kommunikationsstrateg",
// "IT-samordnare", "Biträdande enhetschef"), so the list holds heads of compounds rather than
// every title in use. Lower case; matched against lower-cased words.

/** Swedish title words and compound heads. */
export const SWEDISH_TITLE_HEADS: readonly string[] = [
  "handläggare",
  "ekonom",
  "kommunikatör",
  "chef",
  "förbundsjurist",
  "jurist",
  "ombudsman",
  "utredare",
  "administratör",
  "assistent",
  "receptionist",
  "controller",
  "specialist",
  "direktör",
  "samordnare",
  "koordinator",
  "rådgivare",
  "strateg",
  "sekreterare",
  "ansvarig",
  "analytiker",
  "konsult",
  "registrator",
  "arkivarie",
  "ingenjör",
  "tekniker",
  "utvecklare",
  "arkitekt",
  "projektledare",
  "ledare",
  "redaktör",
  "informatör",
  "revisor",
  "advokat",
  "ordförande",
  "vice ordförande",
  "generalsekreterare",
  "förhandlare",
  "praktikant",
  "trainee",
  "lärare",
  "pedagog",
  "kurator",
  "sjuksköterska",
  "skötare",
  "inspektör",
  "granskare",
  "vd",
  "ekonomichef",
  "hr-partner",
  "hr-generalist",
  "lönespecialist",
  "kundtjänstmedarbetare",
  "medarbetare",
  "expert",
  "statistiker",
  "operatör",
  "värd",
  "servicevärd",
  "chaufför",
  "vaktmästare",
  "kassör",
  "bokförare",
  "redovisningsekonom",
  "kanslist",
  "notarie",
  "biträde",
];

/** English title words. */
export const ENGLISH_TITLE_HEADS: readonly string[] = [
  "manager",
  "officer",
  "director",
  "advisor",
  "adviser",
  "specialist",
  "coordinator",
  "assistant",
  "administrator",
  "analyst",
  "head",
  "lawyer",
  "counsel",
  "secretary",
  "controller",
  "economist",
  "accountant",
  "developer",
  "engineer",
  "consultant",
  "strategist",
  "receptionist",
  "investigator",
  "ombudsman",
  "executive",
  "president",
  "chair",
  "chairman",
  "chairperson",
  "editor",
  "intern",
  "trainee",
  "clerk",
  "registrar",
  "archivist",
  "architect",
  "lead",
  "representative",
  "negotiator",
  "ceo",
  "cfo",
  "cio",
  "cto",
  "coo",
];

const WORDS = new RegExp(`[${LETTER}-]+`, "gu");

const HEADS = [...new Set([...SWEDISH_TITLE_HEADS, ...ENGLISH_TITLE_HEADS])];
const SINGLE_WORD = HEADS.filter((head) => !head.includes(" "));
const PHRASES = HEADS.filter((head) => head.includes(" "));

/** English heads matched only as whole words: "head" is not the end of "forehead", nor "lead" of "mislead". */
const WHOLE_WORD_ONLY = new Set(ENGLISH_TITLE_HEADS);

/** Whether `text` (one line or part of a line) names a job title. */
export function containsTitle(text: string): boolean {
  const lower = text.toLowerCase();
  if (PHRASES.some((phrase) => lower.includes(phrase))) return true;
  const words = lower.match(WORDS) ?? [];
  return words.some((word) =>
    SINGLE_WORD.some((head) =>
      WHOLE_WORD_ONLY.has(head) && !SWEDISH_TITLE_HEADS.includes(head)
        ? word === head
        : word === head || word.endsWith(head) || word.endsWith(`-${head}`),
    ),
  );
}
