import { phrasePattern } from "./phrases";

// What counts as "a date or a time frame" in a Swedish (or English) reply: enough for the tone
// rules to tell "we'll get back to you" from "we'll get back to you by Friday 4 December".
const months =
  "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|" +
  "jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec|" +
  "january|february|march|may|june|july|august|october";
const weekdays =
  "måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|måndagen|tisdagen|onsdagen|torsdagen|fredagen|" +
  "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

export const DATE_EXPRESSION = new RegExp(
  [
    String.raw`\d{4}-\d{1,2}-\d{1,2}`,
    String.raw`(?<!\d)\d{1,2}/\d{1,2}(?!\d)`,
    String.raw`(?<![\p{L}\p{N}])\d{1,2}(?::e|:a)?\.?\s+(?:${months})(?![\p{L}])`,
    String.raw`(?<![\p{L}\p{N}])(?:${months})\s+\d{1,2}(?!\d)`,
    String.raw`(?<![\p{L}\p{N}])(?:${weekdays})(?![\p{L}])`,
    String.raw`(?<![\p{L}\p{N}])(?:vecka|v\.|week)\s*\d{1,2}(?!\d)`,
    String.raw`(?<![\p{L}\p{N}])(?:inom|within|om)\s+(?:\d+|en|ett|två|tre|fyra|fem|sex|sju|a|one|two|three)\s+(?:arbets)?(?:dagar|dag|veckor|vecka|månader|månad|timmar|days?|weeks?|months?|hours?|working\s+days?)(?![\p{L}])`,
    String.raw`(?<![\p{L}\p{N}])(?:i\s+morgon|imorgon|i\s+övermorgon|i\s+dag|idag|nästa\s+vecka|nästa\s+månad|i\s+eftermiddag|tomorrow|today|next\s+week)(?![\p{L}])`,
    String.raw`(?<![\p{L}\p{N}])(?:i\s+)?(?:början|mitten|slutet)\s+av\s+(?:vecka|veckan|månaden|nästa|${months})`,
    String.raw`(?<![\p{L}\p{N}])(?:under|före|efter|innan)\s+(?:${months}|jul|nyår|påsk|sommaren|semestern|månadsskiftet|helgen)(?![\p{L}])`,
    String.raw`(?<![\p{L}\p{N}])kl(?:\.|ockan)\s*\d{1,2}`,
  ].join("|"),
  "iu",
);

/** Phrases that tell the reader what happens next in their matter. */
export const NEXT_STEP = phrasePattern([
  "nästa steg",
  "därefter",
  "vi återkommer",
  "jag återkommer",
  "du får besked",
  "du får ett besked",
  "du får svar",
  "du kommer att få",
  "beslut fattas",
  "beslut tas",
  "beslutet fattas",
  "handläggningstiden",
  "handläggningstid",
  "behandlas",
  "när vi har",
  "next step",
  "we will get back",
  "you will hear",
  "you will receive",
]);
