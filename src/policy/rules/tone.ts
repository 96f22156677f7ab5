import { formatCivilDate, replyDeadline } from "../calendar";
import type { PolicyConfig } from "../config";
import type { Finding, Span } from "../findings";
import { DATE_EXPRESSION, NEXT_STEP } from "./dates";
import { containsPhrase, eachPhrase, firstPhrase, phrasePattern } from "./phrases";

/** What the tone and content rules look at: the author's own text, never quoted history. */
export interface ToneInput {
  readonly text: string;
  /** The author's new text (no signature, no quoted history). */
  readonly authored: Span;
  /** Replies are judged on how they open (P8); new mail is not. */
  readonly kind: "new" | "reply" | "forward";
  readonly now: Date;
  readonly config: PolicyConfig;
}

// --- P8: listen first — don't open a reply with objections or explanations -------------------

const GREETING =
  /^\s*(?:hej|hejsan|hallå|god\s+(?:morgon|dag|eftermiddag|kväll)|dear|hi|hello)(?![\p{L}])[^\n]{0,60}\n/iu;

const OBJECTION_OPENERS = phrasePattern([
  "tyvärr",
  "beklagligtvis",
  "som vi redan meddelat",
  "som vi redan har meddelat",
  "som jag redan meddelat",
  "som jag redan har skrivit",
  "som vi tidigare meddelat",
  "som tidigare meddelats",
  "som tidigare nämnts",
  "som framgår av",
  "det framgår tydligt",
  "det framgår av",
  "vi har redan",
  "jag har redan",
  "enligt våra regler",
  "enligt gällande regler",
  "enligt våra rutiner",
  "observera att",
  "notera att",
  "vi vill påpeka",
  "jag vill påpeka",
  "det är inte vårt ansvar",
  "det är inte mitt ansvar",
  "du borde ha",
  "du skulle ha",
  "vi kan inte",
  "jag kan inte",
  "det går inte",
  "nej",
  "unfortunately",
  "as we have already",
  "as previously stated",
  "as stated",
  "please note that",
  "we cannot",
  "i cannot",
]);

/** The first sentence of the author's text after any greeting line. */
export function openingSentence(text: string, authored: Span): Span | undefined {
  let start = authored.start;
  const head = text.slice(start, authored.end);
  const greeting = GREETING.exec(head);
  if (greeting) start += greeting[0].length;
  while (start < authored.end && /\s/.test(text[start] as string)) start++;
  if (start >= authored.end) return undefined;
  const rest = text.slice(start, authored.end);
  const end = /[.!?](?=\s|$)|\n\s*\n/.exec(rest);
  return { start, end: start + (end ? end.index + 1 : rest.length) };
}

export function objectionFirst(input: ToneInput): Finding[] {
  if (input.kind !== "reply") return [];
  const opening = openingSentence(input.text, input.authored);
  if (!opening) return [];
  const hit = firstPhrase(input.text, OBJECTION_OPENERS, opening);
  // Only an objection that *opens* the reply counts; "tyvärr" later on is fine.
  if (!hit || input.text.slice(opening.start, hit.start).trim().length > 0) return [];
  return [
    {
      rule: "tone.objection-first",
      severity: "warning",
      policy: "P8",
      start: hit.start,
      end: hit.end,
      text: input.text.slice(hit.start, hit.end),
      message: {
        sv: "Svaret börjar med en invändning. Visa först att du har förstått frågan, och förklara sedan.",
        en: "The reply opens with an objection. First show that you have understood the question, then explain.",
      },
      suggestions: ["Tack för din fråga.", "Jag förstår att det här är viktigt för dig."],
    },
  ];
}

// --- P12: a refusal says what it means and what the person can do next -----------------------

const REFUSAL = phrasePattern([
  "avslag",
  "avslaget",
  "avslagit",
  "avslagits",
  "avslås",
  "avslår",
  "avslogs",
  "beviljas inte",
  "beviljas ej",
  "beviljades inte",
  "har inte beviljats",
  "kan tyvärr inte",
  "kan vi tyvärr inte",
  "kan jag tyvärr inte",
  "kan inte bevilja",
  "godkänns inte",
  "har inte godkänts",
  "nekas",
  "nekats",
  "has been rejected",
  "has been declined",
  "we are unable to",
  "unfortunately we cannot",
]);
// "Nej" refuses only when it opens a sentence on its own ("Nej, det går inte."), not "nej tack".
// What may come before it (the text's start, ". ", a line break) is checked in code: as a
// leading alternation it made the engine try every position of the text.
const BARE_NO = /nej(?=\s*[,.!])(?!\s*,?\s*tack)/giu;

/** True when `at` opens a sentence: the start, after [.!?] and blanks, or after a line break and blanks. */
function opensSentence(text: string, at: number): boolean {
  let k = at;
  let newline = false;
  while (k > 0 && /\s/u.test(text[k - 1] as string)) {
    if (text[k - 1] === "\n") newline = true;
    k--;
  }
  if (k === at) return at === 0;
  return newline || (k > 0 && /[.!?]/.test(text[k - 1] as string));
}

const MEANING = phrasePattern([
  "det innebär",
  "det här innebär",
  "detta innebär",
  "vilket innebär",
  "innebär att",
  "det betyder",
  "vilket betyder",
  "betyder att",
  "med andra ord",
  "konsekvensen",
  "this means",
  "which means",
  "in practice",
]);
const NEXT_FOR_PERSON = phrasePattern([
  "överklaga",
  "överklagar",
  "överklagande",
  "omprövning",
  "ompröva",
  "ansöka igen",
  "söka igen",
  "ny ansökan",
  "kontakta",
  "hör av dig",
  "ring",
  "mejla",
  "skriv till",
  "vänd dig till",
  "du kan",
  "du har möjlighet",
  "appeal",
  "contact",
  "you can",
  "get in touch",
]);

export function refusalUnexplained(input: ToneInput): Finding[] {
  const { text, authored } = input;
  const firstRefusal = firstPhrase(text, REFUSAL, authored);
  const hits = firstRefusal ? [firstRefusal] : [];
  BARE_NO.lastIndex = 0;
  const slice = text.slice(authored.start, authored.end);
  for (let m = BARE_NO.exec(slice); m !== null; m = BARE_NO.exec(slice)) {
    if (!opensSentence(slice, m.index)) continue;
    const start = authored.start + m.index;
    hits.push({ start, end: start + 3 });
  }
  const first = hits.sort((a, b) => a.start - b.start)[0];
  if (!first) return [];
  const saysMeaning = containsPhrase(text, MEANING, [authored]);
  const saysNext = containsPhrase(text, NEXT_FOR_PERSON, [authored]);
  if (saysMeaning && saysNext) return [];
  const lacks = !saysMeaning && !saysNext ? "both" : saysMeaning ? "next" : "meaning";
  const sv = {
    both: "Förklara vad beskedet innebär för mottagaren och vad hen kan göra nu (till exempel överklaga eller vem hen kan kontakta).",
    meaning: "Förklara vad beskedet innebär för mottagaren.",
    next: "Berätta vad mottagaren kan göra nu, till exempel hur man överklagar eller vem hen kan kontakta.",
  }[lacks];
  const en = {
    both: "Explain what the decision means for the recipient and what they can do now (for example appeal, or whom to contact).",
    meaning: "Explain what the decision means for the recipient.",
    next: "Tell the recipient what they can do now, for example how to appeal or whom to contact.",
  }[lacks];
  return [
    {
      rule: "refusal.unexplained",
      severity: "warning",
      policy: "P12",
      start: first.start,
      end: first.end,
      text: text.slice(first.start, first.end),
      message: { sv: `Ett nej eller avslag. ${sv}`, en: `A refusal. ${en}` },
      suggestions: [
        ...(saysMeaning ? [] : ["Det innebär att …"]),
        ...(saysNext
          ? []
          : [
              `Om du har frågor kan du kontakta ${input.config.office.name.toLowerCase()} på ${input.config.office.email}.`,
            ]),
      ],
    },
  ];
}

// --- P11 and P9: say how the matter proceeds and when; promise a concrete date -----------------

const CASE = phrasePattern([
  "ärende",
  "ärendet",
  "ärenden",
  "ditt ärende",
  "din ansökan",
  "ansökan",
  "ansökningen",
  "handläggningen",
  "din begäran",
  "diarienummer",
  "dnr",
  "your case",
  "your application",
]);

const UNCERTAIN_OR_UNDATED = phrasePattern([
  "jag är osäker",
  "jag är inte säker",
  "vet inte riktigt",
  "jag vet inte",
  "behöver undersöka",
  "behöver kolla",
  "behöver ta reda på",
  "behöver stämma av",
  "behöver kontrollera",
  "måste undersöka",
  "måste kolla",
  "måste kontrollera",
  "ska undersöka",
  "ska kolla upp",
  "ska ta reda på",
  "återkommer",
  "återkommer så snart",
  "hör av mig",
  "i'm not sure",
  "i am not sure",
  "i need to check",
  "will get back to you",
]);

let swedishDayFormat: Intl.DateTimeFormat | undefined;
const swedishDay = (): Intl.DateTimeFormat =>
  (swedishDayFormat ??= new Intl.DateTimeFormat("sv-SE", {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }));

/** "Jag återkommer senast torsdag 3 december." — the reply deadline counted from now. */
export function followUpSentence(
  input: Pick<ToneInput, "now" | "config">,
  who: "jag" | "vi" = "jag",
): string {
  let day = dueDays.get(input);
  if (day === undefined) {
    const { config } = input;
    const { dueDate } = replyDeadline(input.now, {
      workingDays: config.replyDeadline.workingDays,
      workingHours: config.workingHours,
      extraDaysOff: config.calendar.extraDaysOff,
    });
    day = swedishDay().format(new Date(`${formatCivilDate(dueDate)}T12:00:00Z`));
    dueDays.set(input, day);
  }
  return `${who === "jag" ? "Jag" : "Vi"} återkommer senast ${day}.`;
}

/** The due day per rule input: two rules of one analysis may both suggest the sentence. */
const dueDays = new WeakMap<object, string>();

/** The sentence around `span`: from the previous end mark to the next one. */
function sentenceAround(text: string, span: Span, within: Span): Span {
  let start = span.start;
  while (start > within.start && !/[.!?\n]/.test(text[start - 1] as string)) start--;
  let end = span.end;
  while (end < within.end && !/[.!?\n]/.test(text[end] as string)) end++;
  return { start, end };
}

export function caseNoTimeline(input: ToneInput): Finding[] {
  const { text, authored } = input;
  const mention = firstPhrase(text, CASE, authored);
  if (!mention) return [];
  const authoredText = text.slice(authored.start, authored.end);
  if (DATE_EXPRESSION.test(authoredText) || containsPhrase(text, NEXT_STEP, [authored])) return [];
  return [
    {
      rule: "case.no-timeline",
      severity: "warning",
      policy: "P11",
      start: mention.start,
      end: mention.end,
      text: text.slice(mention.start, mention.end),
      message: {
        sv: "Svaret handlar om ett ärende men säger inte hur det handläggs eller när besked kan komma. Beskriv nästa steg och ge ett realistiskt datum.",
        en: "The reply is about a case but says neither how it is handled nor when a decision can be expected. Describe the next step and give a realistic date.",
      },
      suggestions: [followUpSentence(input, "vi").replace("återkommer", "återkommer med besked")],
    },
  ];
}

export function followUpOffer(input: ToneInput): Finding[] {
  const { text, authored } = input;
  for (const hit of eachPhrase(text, UNCERTAIN_OR_UNDATED, authored)) {
    const sentence = sentenceAround(text, hit, authored);
    if (DATE_EXPRESSION.test(text.slice(sentence.start, sentence.end))) continue;
    return [
      {
        rule: "followup.no-date",
        severity: "info",
        policy: "P9",
        start: hit.start,
        end: hit.end,
        text: text.slice(hit.start, hit.end),
        message: {
          sv: "Lova att återkomma med ett konkret datum, så vet mottagaren när hen får svar.",
          en: "Promise to come back by a concrete date, so the recipient knows when to expect an answer.",
        },
        suggestions: [followUpSentence(input)],
      },
    ];
  }
  return [];
}
