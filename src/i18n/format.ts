import type { Language } from "./strings";

const LOCALES: Readonly<Record<Language, string>> = { sv: "sv-SE", en: "en-GB" };

/**
 * "tisdag 29 december 17:00" / "Tuesday 29 December 17:00" in the given time zone; the year is
 * added when it differs from the reference date's year.
 */
export function formatDayAndTime(
  date: Date,
  language: Language,
  timeZone: string,
  reference = new Date(),
): string {
  const parts = new Intl.DateTimeFormat(LOCALES[language], {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? "";
  const referenceYear = new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone }).format(reference);
  const year = part("year") === referenceYear ? "" : ` ${part("year")}`;
  return `${part("weekday")} ${part("day")} ${part("month")}${year} ${part("hour")}:${part("minute")}`;
}
