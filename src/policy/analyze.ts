import { toZoned } from "./calendar/time-zone";
import type { PolicyConfig } from "./config/schema";
import type { Finding, Language, Localized, Span } from "./findings";
import type { Lexicon } from "./language/jargon";
import { compileLexicon, findJargonInTokens } from "./language/jargon";
import { LEXICON_SV } from "./language/lexicon-sv";
import type { JargonHit } from "./language/jargon";
import type { LixCounts, LixResult } from "./language/readability";
import { lixBandLabel, lixCounts, lixFromCounts } from "./language/readability";
import { caseNoTimeline, followUpOffer, objectionFirst, refusalUnexplained } from "./rules/tone";
import { findIdentityNumbers } from "./sensitive/personnummer";
import { isExternalRecipient } from "./sensitive/recipients";
import type { SignatureField } from "./signature/analyze-signature";
import { analyzeSignature } from "./signature/analyze-signature";
import type { DirectoryProfile, ProfileField } from "./signature/build-signature";
import { buildSignature } from "./signature/build-signature";
import type { DraftFormat, DraftText } from "./text/draft-text";
import { extractDraftText } from "./text/draft-text";
import { tokenizeLower } from "./text/tokens";

// One entry point for every surface: the task pane, the send-time handler, the CLI and tests
// call analyzeDraft, so a rule has one implementation. Rules read only the author's own text
// (and signature); quoted history belongs to someone else — except for sensitive data, which
// leaves the organisation whoever wrote it.

export type DraftKind = "new" | "reply" | "forward";

export interface DraftInput {
  readonly body: string;
  readonly format: DraftFormat;
  readonly subject?: string;
  /** To, Cc and Bcc addresses. */
  readonly recipients?: readonly string[];
  /** Inferred from the subject prefix and quoted history when absent. */
  readonly kind?: DraftKind;
}

export type RuleGroup = "signature" | "jargon" | "readability" | "tone" | "sensitive";
export const ALL_RULE_GROUPS: readonly RuleGroup[] = [
  "signature",
  "jargon",
  "readability",
  "tone",
  "sensitive",
];

export interface AnalysisContext {
  readonly config: PolicyConfig;
  /** A compiled lexicon; by default the built-in one with the config's changes (compiled once per config). */
  readonly lexicon?: Lexicon;
  /** "Now", for dates the rules suggest. */
  readonly now?: Date;
  /**
   * The sender's directory profile (Graph's /me): the signature's name and address are checked
   * against it, and the compliant signature the finding suggests is built from it.
   */
  readonly profile?: DirectoryProfile;
  /** Which rule groups to run (the send-time check needs only signature and sensitive data). */
  readonly rules?: readonly RuleGroup[];
}

export interface SignatureSummary {
  readonly present: boolean;
  readonly missing: readonly SignatureField[];
}

export interface DraftAnalysis {
  /** Sorted by position, then rule id. */
  readonly findings: readonly Finding[];
  /** LIX of the author's text, one decimal. */
  readonly lix: number;
  readonly readability: LixResult;
  readonly signature: SignatureSummary;
  readonly kind: DraftKind;
  readonly text: DraftText;
}

/** LIX says little about a two-line note ("Jag återkommer." scores 52): judge longer texts only. */
export const MIN_WORDS_FOR_LIX = 15;

const REPLY_PREFIX = /^\s*(?:sv|re|aw|antw|vs)\s*:/iu;
const FORWARD_PREFIX = /^\s*(?:vb|fw|fwd|wg|tr|vl)\s*:/iu;

export function inferDraftKind(subject: string | undefined, text: DraftText): DraftKind {
  if (subject !== undefined && FORWARD_PREFIX.test(subject)) return "forward";
  if (subject !== undefined && REPLY_PREFIX.test(subject)) return "reply";
  return text.quoted ? "reply" : "new";
}

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

/** What Graph calls each directory field, and what the Microsoft 365 admin center calls it. */
const PROFILE_FIELD_NAMES: Record<ProfileField, Localized> = {
  displayName: { sv: "Visningsnamn (displayName)", en: "Display name (displayName)" },
  jobTitle: { sv: "Befattning (jobTitle)", en: "Job title (jobTitle)" },
  department: { sv: "Avdelning (department)", en: "Department (department)" },
  businessPhones: { sv: "Telefon, arbete (businessPhones)", en: "Office phone (businessPhones)" },
  mail: { sv: "E-post (mail)", en: "Email (mail)" },
};

const FIELD_NAMES: Record<SignatureField, Localized> = {
  name: { sv: "för- och efternamn", en: "first and last name" },
  title: { sv: "titel", en: "title" },
  phone: { sv: "telefonnummer", en: "phone number" },
  email: { sv: "e-postadress", en: "email address" },
  organisation: { sv: "organisation eller enhet", en: "organisation or unit" },
};

/** "titel", "phone number", … */
export function signatureFieldName(field: SignatureField, language: Language): string {
  return FIELD_NAMES[field][language];
}

/** "titel, telefonnummer och e-postadress" */
export function listOf(fields: readonly SignatureField[], language: Language): string {
  const names = fields.map((f) => FIELD_NAMES[f][language]);
  if (names.length <= 1) return names.join("");
  const and = language === "sv" ? " och " : " and ";
  return `${names.slice(0, -1).join(", ")}${and}${names[names.length - 1]}`;
}

/** Below this many characters the author's text is tokenized in one go. */
const CHUNK_CHARS = 4096;

/**
 * Tokenizes the author's own text once for the jargon and readability rules, a paragraph block
 * at a time: each block's tokens die young, so a 1 MB body costs no more per word than a short one
 * (holding 100k token objects at once made the garbage collector the bottleneck). Blocks end at
 * blank lines, which neither a jargon phrase (at most one line break) nor a sentence crosses.
 */
function scanOwnText(
  text: DraftText,
  own: readonly Span[],
  authored: Span,
  lexicon: Lexicon | undefined,
): { jargon: JargonHit[]; readability: LixResult } {
  const jargon: JargonHit[] = [];
  const counts: LixCounts[] = [];
  const source = text.text;
  const end = own[own.length - 1]?.end ?? authored.end;
  for (let start = own[0]?.start ?? authored.start; start < end;) {
    let stop = end;
    if (end - start > CHUNK_CHARS) {
      const blank = source.indexOf("\n\n", start + CHUNK_CHARS);
      if (blank !== -1 && blank < end) stop = blank + 1;
    }
    const chunk = { start, end: stop };
    const tokens = tokenizeLower(source, start, stop);
    if (lexicon)
      for (const hit of findJargonInTokens(source, tokens, lexicon, clip(own, chunk))) jargon.push(hit);
    counts.push(lixCounts(source, clip([authored], chunk), tokens));
    start = stop;
  }
  return { jargon, readability: lixFromCounts(counts) };
}

/** The parts of `ranges` inside `window`. */
function clip(ranges: readonly Span[], window: Span): Span[] {
  const out: Span[] = [];
  for (const r of ranges) {
    const start = Math.max(r.start, window.start);
    const end = Math.min(r.end, window.end);
    if (start < end) out.push({ start, end });
  }
  return out;
}

export function analyzeDraft(input: DraftInput, context: AnalysisContext): DraftAnalysis {
  const { config } = context;
  const groups = new Set(context.rules ?? ALL_RULE_GROUPS);
  const now = context.now ?? new Date();
  const text = extractDraftText(input.body, input.format);
  const kind = input.kind ?? inferDraftKind(input.subject, text);
  const authored = text.authored;
  const own: Span[] = text.signature ? [authored, text.signature] : [authored];
  const findings: Finding[] = [];
  const lexicon = context.lexicon ?? lexiconFor(config);
  const { jargon, readability } = scanOwnText(
    text,
    own,
    authored,
    groups.has("jargon") ? lexicon : undefined,
  );

  // --- P6: a signature with name, title, phone, email and organisation -------------------------
  const signatureBlock = text.signature;
  const sender = context.profile
    ? { displayName: context.profile.displayName ?? undefined, mail: context.profile.mail ?? undefined }
    : undefined;
  const signature = signatureBlock
    ? analyzeSignature(text.text.slice(signatureBlock.start, signatureBlock.end), { config, profile: sender })
    : analyzeSignature("", { config, profile: sender, isBlock: false });
  const built = context.profile ? buildSignature(context.profile, config) : undefined;
  if (groups.has("signature") && signature.missing.length > 0) {
    const at = signatureBlock ?? { start: authored.end, end: authored.end };
    const absent = !signatureBlock;
    findings.push({
      rule: "signature.missing",
      severity: "error",
      policy: "P6",
      start: at.start,
      end: at.end,
      text: text.text.slice(at.start, at.end),
      message: absent
        ? {
            sv: "Meddelandet saknar signatur. Policyn kräver namn, titel, telefonnummer och e-postadress.",
            en: "The message has no signature. The policy requires name, title, phone number and email address.",
          }
        : {
            sv: `Signaturen saknar ${listOf(signature.missing, "sv")}.`,
            en: `The signature lacks ${listOf(signature.missing, "en")}.`,
          },
      // The compliant signature from the directory, when there is a profile to build it from.
      suggestions: built ? [built.text] : [],
    });
  }
  if (groups.has("signature") && built && built.missingProfileFields.length > 0) {
    const fields = built.missingProfileFields;
    const names = (language: Language) => fields.map((f) => PROFILE_FIELD_NAMES[f][language]).join(", ");
    const at = authored.end;
    findings.push({
      rule: "signature.profile-incomplete",
      severity: "info",
      policy: "P6",
      start: at,
      end: at,
      text: "",
      message: {
        sv: `Din profil i katalogen saknar ${names("sv")}. Be IT fylla i ${fields.length === 1 ? "fältet" : "fälten"} – då kommer uppgifterna med i signaturen.`,
        en: `Your directory profile lacks ${names("en")}. Ask IT to fill in ${fields.length === 1 ? "the field" : "the fields"} – then the signature will include them.`,
      },
      suggestions: [],
    });
  }

  // --- P14: jargon and readability ---------------------------------------------------------------
  if (groups.has("jargon")) {
    for (const hit of jargon) {
      const advice = hit.entry.advice;
      const plain = hit.suggestions.length > 0;
      findings.push({
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
      });
    }
  }

  const lixValue = Math.round(readability.lix * 10) / 10;
  if (
    groups.has("readability") &&
    readability.words >= MIN_WORDS_FOR_LIX &&
    readability.lix > config.readability.lixThreshold
  ) {
    const longest = readability.longestSentences[0] ?? authored;
    const band = lixBandLabel(readability.band);
    findings.push({
      rule: "readability",
      severity: "warning",
      policy: "P14",
      start: longest.start,
      end: longest.end,
      text: text.text.slice(longest.start, longest.end),
      message: {
        sv: `Texten är svårläst: LIX ${lixValue} (${band.sv}), målet är högst ${config.readability.lixThreshold}. Dela upp långa meningar och välj kortare ord; den längsta meningen är markerad.`,
        en: `The text is hard to read: LIX ${lixValue} (${band.en}), the target is at most ${config.readability.lixThreshold}. Split long sentences and choose shorter words; the longest sentence is marked.`,
      },
      suggestions: [],
    });
  }

  // --- P8, P9, P11, P12: tone and content --------------------------------------------------------
  if (groups.has("tone")) {
    const tone = { text: text.text, authored, kind, now, config };
    findings.push(
      ...objectionFirst(tone),
      ...refusalUnexplained(tone),
      ...caseNoTimeline(tone),
      ...followUpOffer(tone),
    );
  }

  // --- P22: personal identity numbers, anywhere in what is sent ----------------------------------
  if (groups.has("sensitive")) {
    const external = (input.recipients ?? []).filter((r) => isExternalRecipient(r, config));
    const referenceYear = toZoned(now, config.workingHours.timeZone).year;
    for (const match of findIdentityNumbers(text.text, { referenceYear })) {
      const what: Localized =
        match.kind === "personnummer"
          ? { sv: "ett personnummer", en: "a personal identity number" }
          : { sv: "ett samordningsnummer", en: "a coordination number" };
      findings.push({
        rule: "sensitive.personnummer",
        severity: external.length > 0 ? "error" : "info",
        policy: "P22",
        start: match.start,
        end: match.end,
        text: match.raw,
        message:
          external.length > 0
            ? {
                sv: `Meddelandet innehåller ${what.sv} och går till mottagare utanför ${config.organisation.name} (${external.join(", ")}). Ta bort numret eller använd en säker kanal.`,
                en: `The message contains ${what.en} and goes to recipients outside ${config.organisation.name} (${external.join(", ")}). Remove the number or use a secure channel.`,
              }
            : {
                sv: `Meddelandet innehåller ${what.sv}. Skicka det bara till dem som behöver det, aldrig utanför ${config.organisation.name}.`,
                en: `The message contains ${what.en}. Send it only to those who need it, never outside ${config.organisation.name}.`,
              },
        suggestions: [],
      });
    }
  }

  findings.sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
  return {
    findings,
    lix: lixValue,
    readability,
    signature: { present: signature.present, missing: signature.missing },
    kind,
    text,
  };
}
