// UI text for the task pane: Swedish first, English when Office's display language is not Swedish.

export type Language = "sv" | "en";

export type ErrorKey = "no-mailbox" | "no-item" | "office-failed" | "item-incomplete" | "unexpected";

export const SIGNATURE_FIELDS = ["name", "title", "phone", "email", "unit"] as const;
export type SignatureField = (typeof SIGNATURE_FIELDS)[number];

export interface Strings {
  readonly appName: string;
  readonly tagline: (organisation: string) => string;
  readonly loading: string;
  readonly read: {
    readonly title: string;
    readonly replyBy: (when: string) => string;
    readonly policyNote: (workingDays: number, organisation: string) => string;
    readonly received: (when: string) => string;
    readonly overdue: string;
    readonly notAMessage: string;
  };
  readonly compose: {
    readonly identityTitle: string;
    readonly unknownUser: string;
    readonly signatureTitle: string;
    readonly signatureFields: Readonly<Record<SignatureField, string>>;
    readonly signatureNote: (organisation: string) => string;
  };
  readonly errorTitle: string;
  readonly errors: Readonly<Record<ErrorKey, string>>;
}

const sv: Strings = {
  appName: "Bemötande",
  tagline: (org) => `Stöd för ${org}:s policy om service och e-post`,
  loading: "Läser in …",
  read: {
    title: "Svarstid",
    replyBy: (when) => `Svara senast ${when}`,
    policyNote: (days, org) => `${days} ${days === 1 ? "arbetsdag" : "arbetsdagar"} enligt ${org}:s policy`,
    received: (when) => `Mottaget ${when}`,
    overdue: "Svarstiden har gått ut. Svara så snart du kan.",
    notAMessage: "Svarstiden räknas bara för e-postmeddelanden.",
  },
  compose: {
    identityTitle: "Du skriver som",
    unknownUser: "Okänd användare",
    signatureTitle: "Signaturen ska innehålla",
    signatureFields: {
      name: "Namn",
      title: "Titel",
      phone: "Telefonnummer",
      email: "E-postadress",
      unit: "Enhet",
    },
    signatureNote: (org) => `Krav i ${org}:s policy om e-post.`,
  },
  errorTitle: "Något gick fel",
  errors: {
    "no-mailbox": "Bemötande måste öppnas i Outlook. Den här sidan är inte ansluten till någon brevlåda.",
    "no-item": "Inget meddelande är markerat. Välj ett meddelande och försök igen.",
    "office-failed": "Outlook kunde inte lämna ut uppgifterna om meddelandet. Försök igen om en stund.",
    "item-incomplete": "Meddelandet saknar mottagningstid, så svarstiden kan inte räknas ut.",
    unexpected: "Något gick fel i Bemötande. Stäng fönstret och öppna det igen.",
  },
};

const en: Strings = {
  appName: "Bemötande",
  tagline: (org) => `Support for ${org}'s policy on service and email`,
  loading: "Loading …",
  read: {
    title: "Reply time",
    replyBy: (when) => `Reply by ${when}`,
    policyNote: (days, org) => `${days} working ${days === 1 ? "day" : "days"} under ${org}'s policy`,
    received: (when) => `Received ${when}`,
    overdue: "The reply time has passed. Reply as soon as you can.",
    notAMessage: "Reply times apply to email messages only.",
  },
  compose: {
    identityTitle: "You are writing as",
    unknownUser: "Unknown user",
    signatureTitle: "Your signature must include",
    signatureFields: {
      name: "Name",
      title: "Title",
      phone: "Phone number",
      email: "Email address",
      unit: "Unit",
    },
    signatureNote: (org) => `Required by ${org}'s email policy.`,
  },
  errorTitle: "Something went wrong",
  errors: {
    "no-mailbox": "Bemötande must be opened in Outlook. This page is not connected to a mailbox.",
    "no-item": "No message is selected. Select a message and try again.",
    "office-failed": "Outlook could not provide the message details. Try again in a moment.",
    "item-incomplete": "The message has no received time, so the reply time cannot be worked out.",
    unexpected: "Something went wrong in Bemötande. Close the pane and open it again.",
  },
};

const dictionaries: Readonly<Record<Language, Strings>> = { sv, en };

/** "sv", "sv-SE", "sv-FI" → Swedish; anything else (including unknown) → English. */
export function pickLanguage(displayLanguage: string | undefined | null): Language {
  return /^sv(?:[-_]|$)/i.test((displayLanguage ?? "").trim()) ? "sv" : "en";
}

export function getStrings(language: Language): Strings {
  return dictionaries[language];
}
