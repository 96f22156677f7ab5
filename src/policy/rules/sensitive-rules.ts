import { zonedYear } from "../calendar/time-zone";
import type { PolicyConfig } from "../config/schema";
import type { Finding, Localized } from "../findings";
import { findIdentityNumbers } from "../sensitive/personnummer";
import { isExternalRecipient } from "../sensitive/recipients";
import type { DraftText } from "../text/draft-text";

// P22: personal identity numbers, looked for in everything that is sent — quoted history too,
// because it leaves the organisation whoever wrote it.

export function checkIdentityNumbers(
  text: DraftText,
  context: { readonly config: PolicyConfig; readonly recipients?: readonly string[]; readonly now: Date },
): Finding[] {
  const { config } = context;
  const external = (context.recipients ?? []).filter((r) => isExternalRecipient(r, config));
  const referenceYear = zonedYear(context.now, config.workingHours.timeZone);
  return findIdentityNumbers(text.text, { referenceYear }).map((match): Finding => {
    const what: Localized =
      match.kind === "personnummer"
        ? { sv: "ett personnummer", en: "a personal identity number" }
        : { sv: "ett samordningsnummer", en: "a coordination number" };
    return {
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
    };
  });
}
