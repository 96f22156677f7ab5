// What each signature field is called in the findings ("titel", "phone number", …). Apart from
// the checker (rules/signature-rules.ts), so that the task pane can list missing fields without
// bundling the phone-number library.
import type { Language, Localized } from "../findings";
import type { SignatureField } from "./analyze-signature";

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
