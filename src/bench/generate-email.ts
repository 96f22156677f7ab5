/**
 * A deterministic generator of Swedish staff emails for the benchmark (and the fuzz tests): a
 * greeting, paragraphs of everyday administrative prose with numbers, dates, amounts, case
 * numbers and phone numbers, some jargon from the built-in lexicon, a closing phrase and
 * signature, and quoted history (an Outlook header block or Gmail-style nested quotes), as plain
 * text or as Outlook-like HTML. The same options always give the same email.
 *
 * Word counts are whitespace-separated chunks with at least one letter or digit
 * ({@link countWords}), measured on the text a reader sees: for HTML that is the extracted text.
 */
import type { LexiconEntry } from "../policy/language/types";
import { LEXICON_SV } from "../policy/language/lexicon-sv";
import type { Rng } from "./prng";
import { createRng } from "./prng";

export type EmailFormat = "text" | "html";

export interface GenerateEmailOptions {
  /** Words the email should have (greeting, prose, signature and quoted history together). */
  readonly words: number;
  readonly seed: number;
  readonly format: EmailFormat;
  /** Share of sentences that carry jargon; default 0.25. */
  readonly jargonRate?: number;
  /** Share of the prose that is quoted history; default 0.2 (none below 150 words). */
  readonly quotedShare?: number;
  /** Lexicon to draw random jargon forms from; default the built-in one. */
  readonly lexicon?: readonly LexiconEntry[];
}

export interface GeneratedEmail {
  readonly body: string;
  readonly format: EmailFormat;
  readonly subject: string;
  readonly recipients: readonly string[];
  /** Words of prose the generator wrote (equals `words` up to rounding, see countWords). */
  readonly words: number;
  /** Sentences written with jargon in them. */
  readonly jargonSentences: number;
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/** Whitespace-separated chunks that contain at least one letter or digit. */
export function countWords(text: string): number {
  let n = 0;
  for (const chunk of text.split(/\s+/)) if (WORDLIKE.test(chunk)) n++;
  return n;
}

// --- vocabulary ---------------------------------------------------------------------------------

const FIRST_NAMES = [
  "Anna",
  "Per",
  "Karin",
  "Lars",
  "Maria",
  "Johan",
  "Eva",
  "Anders",
  "Åsa",
  "Björn",
  "Elin",
  "Mikael",
  "Sofia",
  "Göran",
  "Ingrid",
  "Jonas",
  "Leila",
  "Mohammed",
  "Ylva",
  "Örjan",
];
const LAST_NAMES = [
  "Berg",
  "Lind",
  "Sjöberg",
  "Karlsson",
  "Nilsson",
  "Åkesson",
  "Holm",
  "Ström",
  "Öberg",
  "Lundqvist",
  "Wallin",
  "Eriksson",
  "Hassan",
  "Bäckström",
];
const TITLES = ["Handläggare", "Registrator", "Enhetschef", "Controller", "Kommunikatör", "Utredare"];
const UNITS = ["kansliet", "Ekonomienheten", "Medlemsservice", "Kommunikationsenheten"];
const THINGS = [
  "ansökan om bidrag",
  "ansökan om medlemskap",
  "begäran om allmän handling",
  "anmälan till kursen",
  "fråga om årsavgiften",
  "reseräkning",
  "överklagan",
  "faktura",
];
const MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];
const WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag"];
const COUNT_WORDS = ["två", "tre", "fyra", "fem", "sex", "åtta"];
const GREETINGS = ["Hej {name}!", "Hej {name},", "Hej,", "Hej igen {name}!", "Hejsan!", "God morgon {name},"];
const CLOSINGS = [
  "Med vänliga hälsningar",
  "Vänliga hälsningar",
  "Mvh",
  "Hälsningar",
  "Bästa hälsningar",
  "Med vänlig hälsning",
];

/** Everyday sentences with no jargon. */
const PLAIN = [
  "Tack för ditt mejl.",
  "Tack för att du hörde av dig {date}.",
  "Vi har tagit emot din {thing}.",
  "Handläggningstiden är just nu cirka {count} veckor.",
  "Du får ett beslut per post när vi är klara.",
  "Ditt ärende har diarienummer {dnr}.",
  "Om du har frågor kan du ringa mig på {phone}.",
  "Jag är på kontoret på {weekday} mellan {time} och {time}.",
  "Mötet är flyttat till {weekday} den {day} {month}.",
  "Fakturan på {amount} ska betalas senast {iso}.",
  "Vi behöver en kopia av ditt intyg för att kunna gå vidare.",
  "Jag har pratat med {name} på {unit} och hon tittar på saken i veckan.",
  "Det blev tyvärr fel i förra utskicket, och vi ber om ursäkt för det.",
  "Bifogat finns protokollet från mötet {date}.",
  "Beslutet gäller från och med {iso}.",
  "Avgiften höjs med {pct} procent från årsskiftet.",
  "Vi räknar med att vara klara före midsommar.",
  "Hör gärna av dig om något är oklart.",
  "Jag skickar en påminnelse till styrelsen i morgon.",
  "Underlaget finns på sidan {small} i rapporten.",
  "Totalt kom det in {big} ansökningar i år, vilket är fler än förra året.",
  "Kan du skicka underlaget till mig senast på {weekday}?",
  "Vi har tyvärr inte fått någon betalning ännu.",
  "Nästa steg är att ekonomienheten granskar budgeten.",
  "Jag återkommer när jag vet mer.",
  "Rummet är bokat {time} och vi har det i två timmar.",
  "Det går bra att lämna papperen i receptionen på plan {small}.",
  "Enligt stadgarna ska årsmötet hållas före den 30 april.",
  "Jag har lagt in mötet i din kalender, säg till om tiden inte passar.",
  "Alla som anmält sig före {iso} får plats på kursen.",
  "Styrelsen tar upp frågan på sitt möte i {month}.",
  "Vi har ändrat rutinen så att det här inte ska hända igen.",
  "Ring gärna {name} på {phone} om det brådskar.",
  "Beloppet betalas ut inom {count} veckor efter beslutet.",
  "Jag har rättat adressen i vårt register.",
  "Blanketten finns på vår webbplats under rubriken Medlem.",
];

/** Sentences with jargon a real lexicon entry matches. */
const JARGON = [
  "Vi ber dig vänligen inkomma med kompletteringen senast {iso}.",
  "Beslutet fattades i enlighet med gällande riktlinjer.",
  "Beträffande din fråga om avgiften kan jag meddela följande.",
  "Angående mötet {date} skall protokollet justeras av två ledamöter.",
  "Vi har erhållit din ansökan och kommer att göra en bedömning inom {count} veckor.",
  "Med anledning av det höga trycket kan svaren dröja.",
  "Handlingarna tillhandahålls i receptionen under kontorstid.",
  "Mötet äger rum i stora salen {time}.",
  "Föreningen har för närvarande ej möjlighet att bevilja fler bidrag.",
  "Vi återkommer i ärendet vid ett senare tillfälle.",
  "Ansökan avslogs på grund av att underlag saknades.",
  "Härmed bekräftas att avgiften på {amount} är betald.",
  "I syfte att förenkla handläggningen ber vi dig använda blanketten.",
  "Med hänvisning till ditt brev {date} vill vi förtydliga några punkter.",
  "Det föreligger inget hinder mot att bevilja ansökan.",
  "Bristerna ska åtgärdas innan beslutet kan fattas.",
  "Blanketten skall tillställas kansliet senast {iso}.",
];

/** Frames that quote a random lexicon form, so the whole lexicon gets exercised. */
const FRAMES = [
  "I den gamla mallen står det ”{form}” och det ska vi ändra.",
  "Ordet ”{form}” förekom i förra brevet.",
  "{Form} är ett uttryck som flera läsare har frågat om.",
];

const PNR_SENTENCE = "Mitt personnummer är {pnr} om ni behöver det.";

// --- model ---------------------------------------------------------------------------------------

interface Person {
  readonly first: string;
  readonly last: string;
  readonly email: string;
}

interface Message {
  readonly greeting: string | undefined;
  readonly paragraphs: string[][];
  readonly closing: string | undefined;
  readonly signature: readonly string[];
}

interface Quoted {
  /** Outlook's header block, or a Gmail "Den … skrev …:" attribution. */
  readonly header: readonly string[];
  readonly message: Message;
}

type QuoteStyle = "outlook" | "gmail";

interface Email {
  readonly subject: string;
  readonly own: Message;
  readonly style: QuoteStyle;
  readonly history: readonly Quoted[];
}

const ASCII: Record<string, string> = { å: "a", ä: "a", ö: "o", é: "e" };

function person(rng: Rng, domain: string): Person {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const ascii = (s: string) => s.toLowerCase().replace(/[åäöé]/g, (c) => ASCII[c] ?? c);
  return { first, last, email: `${ascii(first)}.${ascii(last)}@${domain}` };
}

function twoDigits(n: number): string {
  return String(n).padStart(2, "0");
}

function phone(rng: Rng): string {
  return rng.chance(0.5)
    ? `08-${rng.int(100, 799)} ${rng.int(100, 999)} ${twoDigits(rng.int(0, 99))}`
    : `07${rng.pick(["0", "2", "3", "6"])}-${rng.int(100, 999)} ${twoDigits(rng.int(0, 99))} ${twoDigits(rng.int(0, 99))}`;
}

function personnummer(rng: Rng): string {
  const date = `${twoDigits(rng.int(40, 99))}${twoDigits(rng.int(1, 12))}${twoDigits(rng.int(1, 28))}`;
  const serial = `${rng.int(100, 999)}`;
  const digits = date + serial;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const p = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += p > 9 ? p - 9 : p;
  }
  return `${date}-${serial}${(10 - (sum % 10)) % 10}`;
}

function fill(template: string, rng: Rng, form?: string): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case "name":
        return rng.pick(FIRST_NAMES);
      case "thing":
        return rng.pick(THINGS);
      case "count":
        return rng.pick(COUNT_WORDS);
      case "date":
        return `den ${rng.int(1, 28)} ${rng.pick(MONTHS)}`;
      case "iso":
        return `2026-${twoDigits(rng.int(1, 12))}-${twoDigits(rng.int(1, 28))}`;
      case "day":
        return String(rng.int(1, 28));
      case "month":
        return rng.pick(MONTHS);
      case "weekday":
        return rng.pick(WEEKDAYS);
      case "time":
        return `kl. ${rng.int(8, 16)}.${rng.pick(["00", "15", "30", "45"])}`;
      case "amount":
        return `${rng.int(1, 99)} ${rng.int(100, 999)} kronor`;
      case "pct":
        return `${rng.int(1, 9)},${rng.int(0, 9)}`;
      case "small":
        return String(rng.int(2, 40));
      case "big":
        return String(rng.int(120, 4000));
      case "dnr":
        return `NVK ${rng.int(2024, 2026)}/${rng.int(100, 9999)}`;
      case "phone":
        return phone(rng);
      case "unit":
        return rng.pick(UNITS);
      case "pnr":
        return personnummer(rng);
      case "form":
        return form ?? "ej";
      case "Form": {
        const f = form ?? "ej";
        return f.charAt(0).toUpperCase() + f.slice(1);
      }
      default:
        return slot;
    }
  });
}

/** Words of a sentence (single spaces only, every chunk has a letter or digit). */
function sentenceWords(
  rng: Rng,
  jargonRate: number,
  forms: readonly string[],
  pnr: boolean,
): { words: string[]; jargon: boolean } {
  let template: string;
  let jargon = false;
  let form: string | undefined;
  if (pnr) {
    template = PNR_SENTENCE;
  } else if (rng.chance(jargonRate)) {
    jargon = true;
    if (rng.chance(0.7)) {
      template = rng.pick(JARGON);
    } else {
      template = rng.pick(FRAMES);
      form = rng.pick(forms);
    }
  } else {
    template = rng.pick(PLAIN);
  }
  return { words: fill(template, rng, form).split(" "), jargon };
}

/** Cuts a sentence to `n` words and ends it with a full stop. */
function truncate(words: string[], n: number): string[] {
  const kept = words.slice(0, n);
  const last = kept[kept.length - 1];
  if (last !== undefined && kept.length < words.length) {
    const bare = last.replace(/[.,!?:;]+$/u, "");
    kept[kept.length - 1] = `${WORDLIKE.test(bare) ? bare : last}.`;
  }
  return kept;
}

interface Filler {
  readonly rng: Rng;
  readonly jargonRate: number;
  readonly forms: readonly string[];
  jargonSentences: number;
  /** Sentences left until the next personnummer (quoted history only). */
  pnrEvery: number;
}

/** Paragraphs of 2–5 sentences with exactly `budget` words. */
function paragraphs(filler: Filler, budget: number, allowPnr: boolean): string[][] {
  const out: string[][] = [];
  let left = budget;
  while (left > 0) {
    const paragraph: string[] = [];
    const sentences = filler.rng.int(2, 5);
    for (let s = 0; s < sentences && left > 0; s++) {
      let pnr = false;
      if (allowPnr && --filler.pnrEvery <= 0) {
        pnr = true;
        filler.pnrEvery = filler.rng.int(60, 140);
      }
      const sentence = sentenceWords(filler.rng, filler.jargonRate, filler.forms, pnr);
      if (sentence.jargon) filler.jargonSentences++;
      const words = sentence.words.length > left ? truncate(sentence.words, left) : sentence.words;
      left -= words.length;
      paragraph.push(words.join(" "));
    }
    out.push(paragraph);
  }
  return out;
}

function messageWords(m: Message): number {
  return countWords(m.greeting ?? "") + countWords(m.closing ?? "") + countWords(m.signature.join("\n"));
}

const SHORT_DATE_MONTHS = MONTHS.map((m) => (m.length > 4 ? `${m.slice(0, 3)}.` : m));

function buildEmail(options: GenerateEmailOptions, rng: Rng): { email: Email; jargonSentences: number } {
  const total = Math.max(0, Math.round(options.words));
  const jargonRate = options.jargonRate ?? 0.25;
  const quotedShare = total < 150 ? 0 : (options.quotedShare ?? 0.2);
  const forms = (options.lexicon ?? LEXICON_SV).flatMap((e) => e.forms);
  const filler: Filler = { rng, jargonRate, forms, jargonSentences: 0, pnrEvery: rng.int(20, 80) };

  const me = person(rng, "nvk.se");
  const style: QuoteStyle = rng.chance(0.5) ? "outlook" : "gmail";
  const subject = rng.pick(THINGS);
  const own: Message = {
    greeting: fill(rng.pick(GREETINGS), rng),
    paragraphs: [],
    closing: rng.pick(CLOSINGS),
    signature: [
      `${me.first} ${me.last}`,
      `${rng.pick(TITLES)}, ${rng.pick(UNITS)}`,
      "NVK",
      `Tel. ${phone(rng)}`,
      me.email,
    ],
  };

  // Quoted history: messages of about 400 words each, newest first.
  const history: { header: string[]; message: Message }[] = [];
  const historyCount = quotedShare > 0 ? Math.max(1, Math.round((total * quotedShare) / 400)) : 0;
  for (let h = 0; h < historyCount; h++) {
    const sender = person(rng, rng.chance(0.5) ? "example.se" : "nvk.se");
    const day = rng.int(1, 28);
    const month = rng.int(0, 11);
    const time = `${twoDigits(rng.int(7, 18))}:${twoDigits(rng.int(0, 59))}`;
    const header =
      style === "outlook"
        ? [
            `Från: ${sender.first} ${sender.last} <${sender.email}>`,
            `Skickat: den ${day} ${MONTHS[month]} 2026 ${time}`,
            `Till: ${me.first} ${me.last} <${me.email}>`,
            `Ämne: ${h === historyCount - 1 ? "" : "SV: "}${subject}`,
          ]
        : [
            `Den ${day} ${SHORT_DATE_MONTHS[month]} 2026 kl. ${time} skrev ${sender.first} ${sender.last} <${sender.email}>:`,
          ];
    history.push({
      header,
      message: {
        greeting: fill(rng.pick(GREETINGS), rng),
        paragraphs: [],
        closing: rng.pick(CLOSINGS),
        signature: [sender.first],
      },
    });
  }

  let fixed = messageWords(own);
  for (const q of history) fixed += countWords(q.header.join("\n")) + messageWords(q.message);
  // Too small for the trimmings: prose only.
  let ownMessage = own;
  if (fixed > total * 0.5) {
    history.length = 0;
    ownMessage = { greeting: undefined, paragraphs: [], closing: undefined, signature: [] };
    fixed = 0;
  }
  const prose = total - fixed;
  const quoted = history.length > 0 ? Math.round(prose * quotedShare) : 0;
  ownMessage.paragraphs.push(...paragraphs(filler, prose - quoted, false));
  for (let h = 0; h < history.length; h++) {
    const share = Math.floor(quoted / history.length) + (h < quoted % history.length ? 1 : 0);
    (history[h] as Quoted).message.paragraphs.push(...paragraphs(filler, share, true));
  }
  const fullSubject = history.length > 0 ? `SV: ${subject}` : subject;
  return {
    email: { subject: fullSubject, own: ownMessage, style, history },
    jargonSentences: filler.jargonSentences,
  };
}

// --- rendering -----------------------------------------------------------------------------------

function messageLines(m: Message): string[] {
  const lines: string[] = [];
  if (m.greeting !== undefined) lines.push(m.greeting, "");
  for (const p of m.paragraphs) lines.push(p.join(" "), "");
  if (m.closing !== undefined) lines.push(m.closing);
  lines.push(...m.signature);
  while (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function renderText(email: Email): string {
  const out = messageLines(email.own);
  email.history.forEach((q, depth) => {
    out.push("");
    if (email.style === "outlook") {
      out.push("________________________________", ...q.header, "", ...messageLines(q.message));
    } else {
      const outer = ">".repeat(depth);
      out.push(`${outer}${outer ? " " : ""}${q.header[0] ?? ""}`);
      const prefix = ">".repeat(depth + 1);
      for (const line of messageLines(q.message)) out.push(line ? `${prefix} ${line}` : prefix);
    }
  });
  return `${out.join("\n")}\n`;
}

const ENTITIES: Record<string, string> = {
  å: "&aring;",
  ä: "&auml;",
  ö: "&ouml;",
  Å: "&Aring;",
  Ä: "&Auml;",
  Ö: "&Ouml;",
  é: "&eacute;",
  "”": "&rdquo;",
};

function escaper(entities: boolean): (s: string) => string {
  return (s) => {
    const basic = s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    return entities ? basic.replace(/[åäöÅÄÖé”]/g, (c) => ENTITIES[c] ?? c) : basic;
  };
}

const P = '<p class="MsoNormal">';
const P_END = "<o:p></o:p></p>";
const EMPTY_P = '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>';

function renderHtml(email: Email, rng: Rng): string {
  const esc = escaper(rng.chance(0.5));
  // Now and then a date or amount in bold, a word in a coloured span: markup inside paragraphs.
  const inline = (s: string): string =>
    esc(s)
      .replace(/\b(20\d\d-\d\d-\d\d)\b/g, "<b>$1</b>")
      .replace(/(kl\. \d+\.\d\d)/g, '<span style="color:#1F497D">$1</span>');
  const message = (m: Message, out: string[]): void => {
    if (m.greeting !== undefined) out.push(`${P}${esc(m.greeting)}${P_END}`, EMPTY_P);
    for (const p of m.paragraphs) out.push(`${P}${p.map(inline).join(" ")}${P_END}`, EMPTY_P);
    if (m.closing !== undefined) out.push(`${P}${esc(m.closing)}${P_END}`);
    if (m.signature.length > 0) {
      out.push(
        `${P}<a name="_MailAutoSig"><span style="mso-fareast-language:SV">${m.signature.map(esc).join("<br>\n")}<o:p></o:p></span></a></p>`,
      );
    }
  };
  const out: string[] = [
    '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>',
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
    '<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;} --></style>',
    '</head><body lang="SV" link="#0563C1" vlink="#954F72"><div class="WordSection1">',
  ];
  message(email.own, out);
  if (email.style === "outlook") {
    for (const q of email.history) {
      out.push(
        EMPTY_P,
        '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">',
        `${P}${q.header
          .map((line) => {
            const colon = line.indexOf(":");
            return `<b>${esc(line.slice(0, colon + 1))}</b>${esc(line.slice(colon + 1))}`;
          })
          .join("<br>\n")}${P_END}`,
        "</div>",
        EMPTY_P,
      );
      message(q.message, out);
    }
  } else {
    for (const q of email.history) {
      out.push(
        '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">',
        `${esc(q.header[0] ?? "")}<br></div>`,
        '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">',
      );
      message(q.message, out);
    }
    for (let i = 0; i < email.history.length; i++) out.push("</blockquote></div>");
  }
  out.push("</div></body></html>");
  return `${out.join("\n")}\n`;
}

/** Generates one email; the same options give the same email. */
export function generateEmail(options: GenerateEmailOptions): GeneratedEmail {
  const rng = createRng(options.seed);
  const { email, jargonSentences } = buildEmail(options, rng);
  const body = options.format === "html" ? renderHtml(email, rng) : renderText(email);
  const recipients = [
    email.history[0] ? rng.pick(["anna.berg@example.se", "kansliet@nvk.se"]) : "kansliet@nvk.se",
  ];
  const words =
    messageWords(email.own) +
    email.own.paragraphs.reduce((n, p) => n + countWords(p.join(" ")), 0) +
    email.history.reduce(
      (n, q) =>
        n +
        countWords(q.header.join("\n")) +
        messageWords(q.message) +
        q.message.paragraphs.reduce((k, p) => k + countWords(p.join(" ")), 0),
      0,
    );
  return {
    body,
    format: options.format,
    subject: email.subject.charAt(0).toUpperCase() + email.subject.slice(1),
    recipients,
    words,
    jargonSentences,
  };
}
