import type { PolicyConfig } from "../config/schema";
import type { Finding, Language, Localized } from "../findings";
import type { SignatureField } from "../signature/analyze-signature";
import { analyzeSignature } from "../signature/analyze-signature";
import type { BuiltSignature, DirectoryProfile, ProfileField } from "../signature/build-signature";
import { buildSignature } from "../signature/build-signature";
import { listOf } from "../signature/field-names";
import type { DraftText } from "../text/draft-text";

// P6 (and P4): every email has a signature with name, title, phone number and email address,
// and the organisation or unit.

export interface SignatureSummary {
  readonly present: boolean;
  readonly missing: readonly SignatureField[];
}

export interface SignatureCheck {
  readonly findings: Finding[];
  readonly summary: SignatureSummary;
  /** The compliant signature built from the directory profile, when there is one. */
  readonly built?: BuiltSignature;
}

/** What Graph calls each directory field, and what the Microsoft 365 admin center calls it. */
const PROFILE_FIELD_NAMES: Record<ProfileField, Localized> = {
  displayName: { sv: "Visningsnamn (displayName)", en: "Display name (displayName)" },
  jobTitle: { sv: "Befattning (jobTitle)", en: "Job title (jobTitle)" },
  department: { sv: "Avdelning (department)", en: "Department (department)" },
  businessPhones: { sv: "Telefon, arbete (businessPhones)", en: "Office phone (businessPhones)" },
  mail: { sv: "E-post (mail)", en: "Email (mail)" },
};

// The fields' names live in signature/field-names.ts (the task pane needs them without the checker).
export { listOf, signatureFieldName } from "../signature/field-names";

export function checkSignature(
  text: DraftText,
  context: { readonly config: PolicyConfig; readonly profile?: DirectoryProfile },
): SignatureCheck {
  const { config, profile } = context;
  const block = text.signature;
  const sender = profile
    ? { displayName: profile.displayName ?? undefined, mail: profile.mail ?? undefined }
    : undefined;
  const analysis = block
    ? analyzeSignature(text.text.slice(block.start, block.end), { config, profile: sender })
    : analyzeSignature("", { config, profile: sender, isBlock: false });
  const built = profile ? buildSignature(profile, config) : undefined;
  const findings: Finding[] = [];

  if (analysis.missing.length > 0) {
    const at = block ?? { start: text.authored.end, end: text.authored.end };
    findings.push({
      rule: "signature.missing",
      severity: "error",
      policy: "P6",
      start: at.start,
      end: at.end,
      text: text.text.slice(at.start, at.end),
      message: block
        ? {
            sv: `Signaturen saknar ${listOf(analysis.missing, "sv")}.`,
            en: `The signature lacks ${listOf(analysis.missing, "en")}.`,
          }
        : {
            sv: "Meddelandet saknar signatur. Policyn kräver namn, titel, telefonnummer och e-postadress.",
            en: "The message has no signature. The policy requires name, title, phone number and email address.",
          },
      // The compliant signature from the directory, when there is a profile to build it from.
      suggestions: built ? [built.text] : [],
    });
  }
  if (built && built.missingProfileFields.length > 0) {
    const fields = built.missingProfileFields;
    const names = (language: Language) => fields.map((f) => PROFILE_FIELD_NAMES[f][language]).join(", ");
    findings.push({
      rule: "signature.profile-incomplete",
      severity: "info",
      policy: "P6",
      start: text.authored.end,
      end: text.authored.end,
      text: "",
      message: {
        sv: `Din profil i katalogen saknar ${names("sv")}. Be IT fylla i ${fields.length === 1 ? "fältet" : "fälten"} – då kommer uppgifterna med i signaturen.`,
        en: `Your directory profile lacks ${names("en")}. Ask IT to fill in ${fields.length === 1 ? "the field" : "the fields"} – then the signature will include them.`,
      },
      suggestions: [],
    });
  }
  return {
    findings,
    summary: { present: analysis.present, missing: analysis.missing },
    ...(built ? { built } : {}),
  };
}
