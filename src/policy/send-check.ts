import type { PolicyConfig } from "./config/schema";
import type { DraftInput } from "./draft";
import { sortFindings } from "./draft";
import type { Finding, Language, Localized } from "./findings";
import { checkIdentityNumbers } from "./rules/sensitive-rules";
import { checkSignature, listOf } from "./rules/signature-rules";
import type { SignatureSummary } from "./rules/signature-rules";
import { SIGNATURE_FIELDS } from "./signature/analyze-signature";
import type { DirectoryProfile } from "./signature/build-signature";
import { isExternalRecipient } from "./sensitive/recipients";
import { extractDraftText } from "./text/draft-text";

// The send-time check (Smart Alerts, OnMessageSend): the two rules that stop a message — P6, a
// signature with name, title, phone, email and unit; P22, no personal identity number to a
// recipient outside the organisation. It runs the same rule functions as analyzeDraft (one
// implementation per rule) and nothing else, so the event-handler bundle stays small: no
// lexicon, readability or tone code is imported here.
//
// Compliant mail is never blocked: only `error` findings block, and only these two rules
// produce them here.

export interface SendCheckContext {
  readonly config: PolicyConfig;
  /** "Now": decides the century of a 10-digit personnummer. */
  readonly now?: Date;
  /** The sender's directory profile, when known (the signature's name and address are compared with it). */
  readonly profile?: DirectoryProfile;
}

export interface SendCheck {
  /** True when the message must not be sent as it is. */
  readonly block: boolean;
  /** The findings of the two rules, in reading order (info findings included). */
  readonly findings: Finding[];
  /** What is wrong and what to do, at most MAX_SEND_MESSAGE_LENGTH characters per language; "" when not blocked. */
  readonly message: Localized;
}

/** Outlook's limit for a Smart Alerts errorMessage. */
export const MAX_SEND_MESSAGE_LENGTH = 500;

/** Recipients named in the message before "m.fl." / "and others". */
const NAMED_RECIPIENTS = 2;
const MAX_ADDRESS_LENGTH = 60;

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function signatureMessage(summary: SignatureSummary): Localized | undefined {
  if (summary.missing.length === 0) return undefined;
  if (!summary.present) {
    const all = (language: Language): string => listOf(SIGNATURE_FIELDS, language);
    return {
      sv: `Meddelandet saknar signatur. Lägg till en med ${all("sv")}, eller infoga din signatur från Bemötande.`,
      en: `The message has no signature. Add one with ${all("en")}, or insert your signature from Bemötande.`,
    };
  }
  const missing = summary.missing;
  return {
    sv: `Signaturen saknar ${listOf(missing, "sv")}. Lägg till det som saknas, eller infoga din signatur från Bemötande.`,
    en: `The signature lacks ${listOf(missing, "en")}. Add what is missing, or insert your signature from Bemötande.`,
  };
}

function identityMessage(
  blocking: readonly Finding[],
  external: readonly string[],
  organisation: string,
): Localized | undefined {
  if (blocking.length === 0) return undefined;
  const shown = external.slice(0, NAMED_RECIPIENTS).map((r) => clip(r.trim(), MAX_ADDRESS_LENGTH));
  const more = external.length > NAMED_RECIPIENTS;
  const who = {
    sv: shown.join(", ") + (more ? " m.fl." : ""),
    en: shown.join(", ") + (more ? " and others" : ""),
  };
  // The rule names the kind of number in its message; a samordningsnummer is said as such.
  const coordination = (blocking[0] as Finding).message.sv.includes("samordningsnummer");
  const what: Localized =
    blocking.length > 1
      ? {
          sv: `${blocking.length} personnummer eller samordningsnummer`,
          en: `${blocking.length} personal identity or coordination numbers`,
        }
      : coordination
        ? { sv: "ett samordningsnummer", en: "a coordination number" }
        : { sv: "ett personnummer", en: "a personal identity number" };
  const them: Localized =
    blocking.length > 1 ? { sv: "numren", en: "the numbers" } : { sv: "numret", en: "the number" };
  return {
    sv: `Meddelandet innehåller ${what.sv} och går till mottagare utanför ${organisation} (${who.sv}). Ta bort ${them.sv} eller använd en säker kanal.`,
    en: `The message contains ${what.en} and goes to recipients outside ${organisation} (${who.en}). Remove ${them.en} or use a secure channel.`,
  };
}

function joinMessages(parts: readonly (Localized | undefined)[]): Localized {
  const present = parts.filter((p): p is Localized => p !== undefined);
  const join = (language: Language): string =>
    clip(present.map((p) => p[language]).join(" "), MAX_SEND_MESSAGE_LENGTH);
  return { sv: join("sv"), en: join("en") };
}

/** The send-time check: blocks a message without a complete signature or with a personnummer going outside. */
export function checkAtSend(input: DraftInput, context: SendCheckContext): SendCheck {
  const { config } = context;
  const now = context.now ?? new Date();
  const organisation = config.organisation.name;
  const text = extractDraftText(input.body, input.format);
  const recipients = input.recipients ?? [];

  const signature = checkSignature(text, {
    config,
    ...(context.profile ? { profile: context.profile } : {}),
  });
  const identity = checkIdentityNumbers(text, { config, now, recipients });

  const findings: Finding[] = [];
  for (const f of signature.findings) findings.push(f);
  for (const f of identity) findings.push(f);
  sortFindings(findings);

  const signatureBlocks = signature.findings.some((f) => f.severity === "error");
  const identityBlocking = identity.filter((f) => f.severity === "error");
  const block = signatureBlocks || identityBlocking.length > 0;
  if (!block) return { block, findings, message: { sv: "", en: "" } };

  const external = recipients.filter((r) => isExternalRecipient(r, config));
  const message = joinMessages([
    signatureBlocks ? signatureMessage(signature.summary) : undefined,
    identityMessage(identityBlocking, external, organisation),
  ]);
  return { block, findings, message };
}
