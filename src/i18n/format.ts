import type { Language } from "./strings";

const LOCALES: Readonly<Record<Language, string>> = { sv: "sv-SE", en: "en-GB" };

/**
 * Formatters by language and zone. Creating one costs far more than using it (the first with a
 * time zone in a new pane loads the zone data); a pane sees one or two zones, so a small map does.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 16;

/** Weekday, day, month, year and time (24-hour) in `timeZone`, one formatter per language and zone. */
export function dayAndTimeFormat(language: Language, timeZone: string): Intl.DateTimeFormat {
  const key = `${language} ${timeZone}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone,
    });
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, format);
  }
  return format;
}

/**
 * "tisdag 29 december 17:00" / "Tuesday 29 December 17:00" in the given time zone; the year is
 * added when it differs from the reference date's year (in the same zone).
 */
export function formatDayAndTime(
  date: Date,
  language: Language,
  timeZone: string,
  reference = new Date(),
): string {
  const format = dayAndTimeFormat(language, timeZone);
  const parts = format.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? "";
  const referenceYear = format.formatToParts(reference).find((p) => p.type === "year")?.value;
  const year = part("year") === referenceYear ? "" : ` ${part("year")}`;
  return `${part("weekday")} ${part("day")} ${part("month")}${year} ${part("hour")}:${part("minute")}`;
}
