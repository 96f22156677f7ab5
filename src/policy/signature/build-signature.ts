import { htmlEscape } from "../text/spans";
import { LETTER } from "./chars";
import type { Language } from "../findings";
import type { PhoneStyle } from "./phone";
import { formatSwedishPhone, parsePhoneNumber } from "./phone";

// Builds a signature that meets P6 (name, title, phone, email) and P4 (organisation/unit) from
// the sender's directory entry (Microsoft Graph's user resource).
//
// - A field the directory lacks gives no line at all (never an empty one) and is listed in
//   missingProfileFields, named as in Graph, so the UI can say "ask IT to fill in jobTitle".
// - Phone numbers are written in the national form "08-123 456 00" by default: most recipients
//   are in Sweden, it is the grouping Svenska skrivregler recommends and the form the rest of the
//   configuration uses (office.phone). `phoneStyle: "international"` gives "+46 8 123 456 00".
//   A directory value that is not a valid Swedish number is written as it is.
// - The HTML is a few <div>s with inline styles only: no classes, no images, no SVG, every value
//   HTML-escaped, each value clipped to 256 characters so the whole stays far below 30,000.

/** The directory profile, as Graph's /me returns it (missing values are null or absent). */
export interface DirectoryProfile {
  readonly displayName?: string | null;
  readonly givenName?: string | null;
  readonly surname?: string | null;
  readonly jobTitle?: string | null;
  readonly department?: string | null;
  readonly businessPhones?: readonly string[] | null;
  readonly mobilePhone?: string | null;
  readonly mail?: string | null;
}

export type ProfileField = "displayName" | "jobTitle" | "department" | "businessPhones" | "mail";

/** The parts of PolicyConfig the builder reads. */
export interface SignatureBuildConfig {
  readonly organisation: { readonly name: string };
  readonly locale?: "sv-SE" | "en-GB";
}

export interface SignatureBuildOptions {
  /** The signature's language; defaults to the configuration's locale (Swedish). */
  readonly language?: Language;
  /** Start with "Med vänliga hälsningar" / "Kind regards". Default true. */
  readonly closing?: boolean;
  /** Default "national". */
  readonly phoneStyle?: PhoneStyle;
}

export interface BuiltSignature {
  readonly html: string;
  /** The same lines as plain text, joined by "\n". */
  readonly text: string;
  /** Directory fields whose absence left something out, in the order of the signature's lines. */
  readonly missingProfileFields: ProfileField[];
}

export const MAX_SIGNATURE_HTML_LENGTH = 30_000;
const MAX_VALUE_LENGTH = 256;

const LABELS: Record<Language, { closing: string; phone: string; mobile: string; email: string }> = {
  sv: { closing: "Med vänliga hälsningar", phone: "Telefon", mobile: "Mobil", email: "E-post" },
  en: { closing: "Kind regards", phone: "Phone", mobile: "Mobile", email: "Email" },
};

const FONT = "font-family:Calibri,Arial,Helvetica,sans-serif;font-size:11pt;line-height:1.3;color:#242424";
const LINE = "margin:0";
const LINK = "color:#242424;text-decoration:none";

/** A directory value, whitespace collapsed and clipped; undefined if blank. */
function clean(value: string | null | undefined): string | undefined {
  const collapsed = (value ?? "").replace(/\s+/gu, " ").trim();
  if (collapsed === "") return undefined;
  return collapsed.length > MAX_VALUE_LENGTH ? `${collapsed.slice(0, MAX_VALUE_LENGTH - 1)}…` : collapsed;
}

const HAS_LETTER = new RegExp(`[${LETTER}]`, "u");
const wordCount = (s: string): number => s.split(" ").filter((w) => HAS_LETTER.test(w)).length;

const MAIL = /^[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+$/u;

interface Line {
  readonly text: string;
  readonly html: string;
}

const plain = (text: string, style = LINE): Line => ({
  text,
  html: `<div style="${style}">${htmlEscape(text)}</div>`,
});

function linked(label: string, shown: string, href: string | undefined): Line {
  const value =
    href === undefined
      ? htmlEscape(shown)
      : `<a href="${htmlEscape(href)}" style="${LINK}">${htmlEscape(shown)}</a>`;
  return { text: `${label}: ${shown}`, html: `<div style="${LINE}">${htmlEscape(label)}: ${value}</div>` };
}

function phoneLine(label: string, value: string, style: PhoneStyle): Line {
  const parsed = parsePhoneNumber(value);
  const formatted = parsed?.valid ? formatSwedishPhone(parsed.e164, style) : undefined;
  return formatted !== undefined && parsed
    ? linked(label, formatted, `tel:${parsed.e164}`)
    : linked(label, value, undefined);
}

function nameOf(profile: DirectoryProfile): string | undefined {
  const display = clean(profile.displayName);
  if (display !== undefined && wordCount(display) >= 2) return display;
  const given = clean(profile.givenName);
  const surname = clean(profile.surname);
  if (given !== undefined && surname !== undefined) return clean(`${given} ${surname}`);
  return display;
}

/** Builds the signature for `profile`; see the top of this file for the rules. */
export function buildSignature(
  profile: DirectoryProfile,
  config: SignatureBuildConfig,
  options: SignatureBuildOptions = {},
): BuiltSignature {
  const language = options.language ?? (config.locale === "en-GB" ? "en" : "sv");
  const labels = LABELS[language];
  const phoneStyle = options.phoneStyle ?? "national";
  const lines: Line[] = [];
  const missing: ProfileField[] = [];

  if (options.closing ?? true) lines.push(plain(labels.closing, `${LINE} 0 6pt 0`));

  const name = nameOf(profile);
  if (name !== undefined) lines.push(plain(name, `${LINE};font-weight:bold`));
  if (name === undefined || wordCount(name) < 2) missing.push("displayName");

  const jobTitle = clean(profile.jobTitle);
  if (jobTitle !== undefined) lines.push(plain(jobTitle));
  else missing.push("jobTitle");

  const organisation = clean(config.organisation.name);
  const department = clean(profile.department);
  if (department === undefined) missing.push("department");
  const unitLine =
    department === undefined
      ? organisation
      : organisation === undefined || department.toLowerCase().includes(organisation.toLowerCase())
        ? department
        : `${department}, ${organisation}`;
  if (unitLine !== undefined) lines.push(plain(unitLine));

  const business = (profile.businessPhones ?? []).map(clean).find((p) => p !== undefined);
  const mobile = clean(profile.mobilePhone);
  if (business !== undefined) lines.push(phoneLine(labels.phone, business, phoneStyle));
  if (mobile !== undefined) lines.push(phoneLine(labels.mobile, mobile, phoneStyle));
  // A mobile number alone still gives the signature a phone number (P6).
  if (business === undefined && mobile === undefined) missing.push("businessPhones");

  const mail = clean(profile.mail);
  if (mail !== undefined) {
    lines.push(linked(labels.email, mail, MAIL.test(mail) ? `mailto:${mail}` : undefined));
  } else {
    missing.push("mail");
  }

  const html = `<div style="${FONT}">${lines.map((l) => l.html).join("")}</div>`;
  return { html, text: lines.map((l) => l.text).join("\n"), missingProfileFields: missing };
}
