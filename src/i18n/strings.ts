// UI text for the task pane: Swedish first, English when Office's display language is not Swedish.

export type Language = "sv" | "en";

export type ErrorKey = "no-mailbox" | "no-item" | "office-failed" | "item-incomplete" | "unexpected";

export const SIGNATURE_FIELDS = ["name", "title", "phone", "email", "unit"] as const;
export type SignatureField = (typeof SIGNATURE_FIELDS)[number];

/** The compose pane's status areas, in the order the status row shows them. */
export const AREAS = ["signature", "language", "readability", "tone", "sensitive"] as const;
export type Area = (typeof AREAS)[number];

/** ok / warning / error as the status badges show them (info findings count as ok). */
export type AreaLevel = "ok" | "warning" | "error";

/** Why a one-click fix was not made. */
export type FixErrorKey =
  "changed" | "not-in-place" | "mismatch" | "failed" | "no-profile" | "nowhere-to-insert";

/** Directory (Graph) fields the signature is built from. */
export type ProfileField = "displayName" | "jobTitle" | "department" | "businessPhones" | "mail";

/** Requirements the compose pane's findings cite, in plain words. */
export type PolicyId = "P4" | "P6" | "P8" | "P9" | "P11" | "P12" | "P14" | "P22";

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
    readonly overviewTitle: string;
    readonly areas: Readonly<Record<Area, string>>;
    readonly levels: Readonly<Record<AreaLevel, string>>;
    readonly status: {
      readonly signatureOk: string;
      readonly signatureMissing: string;
      readonly signatureLacks: (fields: string) => string;
      readonly jargon: (count: number) => string;
      readonly lix: (value: string, band: string) => string;
      readonly lixTooShort: string;
      readonly toneOk: string;
      readonly tone: (count: number) => string;
      readonly sensitiveOk: string;
      readonly sensitive: (count: number) => string;
    };
    readonly findingsTitle: (count: number) => string;
    readonly noFindings: string;
    readonly policy: (id: string, text: string) => string;
    readonly policyText: Readonly<Record<PolicyId, string>>;
    readonly inText: string;
    readonly checkNow: string;
    readonly checking: string;
    readonly insertSignature: string;
    readonly replaceWith: (word: string) => string;
    readonly addFollowUp: string;
    readonly fixDone: string;
    readonly fixErrors: Readonly<Record<FixErrorKey, string>>;
    readonly profileFields: Readonly<Record<ProfileField, string>>;
    readonly profileLoading: string;
    readonly profileFallback: (fields: string) => string;
    readonly profileFallbackComplete: string;
    readonly readError: string;
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
    overviewTitle: "Översikt",
    areas: {
      signature: "Signatur",
      language: "Språk",
      readability: "Läsbarhet",
      tone: "Ton",
      sensitive: "Känsliga uppgifter",
    },
    levels: { ok: "Bra", warning: "Att se över", error: "Måste åtgärdas" },
    status: {
      signatureOk: "Komplett",
      signatureMissing: "Saknas",
      signatureLacks: (fields) => `Saknar ${fields}`,
      jargon: (n) => (n === 0 ? "Inga krångliga ord" : `${n} ${n === 1 ? "krångligt ord" : "krångliga ord"}`),
      lix: (value, band) => `LIX ${value} – ${band}`,
      lixTooShort: "För kort text för LIX",
      toneOk: "Inga anmärkningar",
      tone: (n) => `${n} förslag`,
      sensitiveOk: "Inga personnummer",
      sensitive: (n) => `${n} personnummer`,
    },
    findingsTitle: (n) => `Att se över (${n})`,
    noFindings: "Inga anmärkningar – texten följer policyn.",
    policy: (id, text) => `${id}: ${text}`,
    policyText: {
      P4: "Ange namn och organisation eller enhet.",
      P6: "Varje e-post har en signatur med namn, titel, telefonnummer och e-postadress.",
      P8: "Lyssna och förstå frågan innan du invänder eller förklarar.",
      P9: "Är du osäker – lova att återkomma, med ett datum.",
      P11: "Berätta hur ärendet handläggs och när besked kan komma.",
      P12: "Ett nej ska ges med respekt och gå att förstå.",
      P14: "Skriv sakligt och utan fackuttryck.",
      P22: "Skydda känsliga uppgifter som personnummer.",
    },
    inText: "I texten:",
    checkNow: "Kontrollera nu",
    checking: "Kontrollerar …",
    insertSignature: "Infoga signaturen",
    replaceWith: (word) => `Byt till ”${word}”`,
    addFollowUp: "Lägg till meningen",
    fixDone: "Klart – texten är ändrad.",
    fixErrors: {
      changed: "Texten ändrades medan du klickade. Kontrollen körs om – försök igen.",
      "not-in-place":
        "Ordet kan inte bytas direkt eftersom formateringen skiljer sig inom ordet. Byt det för hand.",
      mismatch:
        "Outlook sparade inte ändringen som väntat. Kontrollera texten i meddelandet – Bemötande försöker inte igen av sig själv.",
      failed: "Outlook kunde inte ändra meddelandet. Försök igen om en stund.",
      "no-profile": "Det finns inga uppgifter att bygga signaturen av.",
      "nowhere-to-insert": "Det gick inte att hitta var meningen ska in. Skriv in den för hand.",
    },
    profileFields: {
      displayName: "Visningsnamn (displayName)",
      jobTitle: "Befattning (jobTitle)",
      department: "Avdelning (department)",
      businessPhones: "Telefon, arbete (businessPhones)",
      mail: "E-post (mail)",
    },
    profileLoading: "Hämtar din profil …",
    profileFallback: (fields) =>
      `Katalogen kunde inte nås, så signaturen byggs av uppgifterna i Outlook. Saknas: ${fields}.`,
    profileFallbackComplete: "Katalogen kunde inte nås, så signaturen byggs av uppgifterna i Outlook.",
    readError: "Det gick inte att läsa meddelandet. Försök igen med ”Kontrollera nu”.",
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
    overviewTitle: "Overview",
    areas: {
      signature: "Signature",
      language: "Language",
      readability: "Readability",
      tone: "Tone",
      sensitive: "Sensitive data",
    },
    levels: { ok: "Good", warning: "Worth a look", error: "Needs fixing" },
    status: {
      signatureOk: "Complete",
      signatureMissing: "Missing",
      signatureLacks: (fields) => `Lacks ${fields}`,
      jargon: (n) => (n === 0 ? "No officialese" : `${n} officialese ${n === 1 ? "word" : "words"}`),
      lix: (value, band) => `LIX ${value} – ${band}`,
      lixTooShort: "Too short for LIX",
      toneOk: "No remarks",
      tone: (n) => `${n} ${n === 1 ? "suggestion" : "suggestions"}`,
      sensitiveOk: "No identity numbers",
      sensitive: (n) => `${n} identity ${n === 1 ? "number" : "numbers"}`,
    },
    findingsTitle: (n) => `To review (${n})`,
    noFindings: "No remarks – the text follows the policy.",
    policy: (id, text) => `${id}: ${text}`,
    policyText: {
      P4: "Give your name and organisation or unit.",
      P6: "Every email has a signature with name, title, phone number and email address.",
      P8: "Listen and understand the question before objecting or explaining.",
      P9: "If unsure, promise to come back – with a date.",
      P11: "Explain how the case is handled and when a decision can be expected.",
      P12: "Give a no respectfully and make sure it is understood.",
      P14: "Be objective and avoid jargon.",
      P22: "Protect sensitive data such as identity numbers.",
    },
    inText: "In the text:",
    checkNow: "Check now",
    checking: "Checking …",
    insertSignature: "Insert the signature",
    replaceWith: (word) => `Replace with "${word}"`,
    addFollowUp: "Add the sentence",
    fixDone: "Done – the text has been changed.",
    fixErrors: {
      changed: "The text changed while you clicked. The check runs again – please try once more.",
      "not-in-place":
        "The word cannot be replaced in place because its formatting varies. Replace it by hand.",
      mismatch:
        "Outlook did not keep the change as expected. Check the message text – Bemötande will not retry on its own.",
      failed: "Outlook could not change the message. Try again in a moment.",
      "no-profile": "There are no details to build the signature from.",
      "nowhere-to-insert": "Could not find where to put the sentence. Type it in by hand.",
    },
    profileFields: {
      displayName: "Display name (displayName)",
      jobTitle: "Job title (jobTitle)",
      department: "Department (department)",
      businessPhones: "Office phone (businessPhones)",
      mail: "Email (mail)",
    },
    profileLoading: "Fetching your profile …",
    profileFallback: (fields) =>
      `The directory could not be reached, so the signature is built from Outlook's details. Missing: ${fields}.`,
    profileFallbackComplete:
      "The directory could not be reached, so the signature is built from Outlook's details.",
    readError: 'Could not read the message. Try again with "Check now".',
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
