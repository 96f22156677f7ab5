import { addDays, formatCivilDate, fromDayNumber, toDayNumber, weekdayOf } from "./civil-date";
import type { CivilDate } from "./types";

/**
 * Days that are not working days in Sweden although they fall on a weekday or weekend:
 * the public holidays of Lag (1989:253) om allmänna helgdagar, plus midsommarafton,
 * julafton and nyårsafton, which Lag (1930:173) 2 § treats like holidays for deadlines.
 * This is the same set as date-holidays' SE types "public" and "bank" (checked in tests),
 * in a few lines instead of that package's 1.5 MB of data.
 */
export interface SwedishDayOff {
  readonly date: CivilDate;
  readonly name: { readonly sv: string; readonly en: string };
}

/** Gregorian Easter Sunday (anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): CivilDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** The first date in [from, from + 6] that falls on the given weekday index (0 = Sunday). */
function firstWeekdayFrom(from: CivilDate, weekdayIndex: number): CivilDate {
  const start = toDayNumber(from);
  const offset = (((weekdayIndex - (start + 4)) % 7) + 7) % 7;
  return fromDayNumber(start + offset);
}

const FRIDAY = 5;
const SATURDAY = 6;

function daysOffFor(year: number): SwedishDayOff[] {
  const easter = easterSunday(year);
  const on = (month: number, day: number): CivilDate => ({ year, month, day });
  const entry = (date: CivilDate, sv: string, en: string): SwedishDayOff => ({ date, name: { sv, en } });
  return [
    entry(on(1, 1), "Nyårsdagen", "New Year's Day"),
    entry(on(1, 6), "Trettondedag jul", "Epiphany"),
    entry(addDays(easter, -2), "Långfredagen", "Good Friday"),
    entry(easter, "Påskdagen", "Easter Sunday"),
    entry(addDays(easter, 1), "Annandag påsk", "Easter Monday"),
    entry(on(5, 1), "Första maj", "May Day"),
    entry(addDays(easter, 39), "Kristi himmelsfärdsdag", "Ascension Day"),
    entry(addDays(easter, 49), "Pingstdagen", "Whit Sunday"),
    entry(on(6, 6), "Sveriges nationaldag", "National Day of Sweden"),
    entry(firstWeekdayFrom(on(6, 19), FRIDAY), "Midsommarafton", "Midsummer Eve"),
    entry(firstWeekdayFrom(on(6, 20), SATURDAY), "Midsommardagen", "Midsummer Day"),
    entry(firstWeekdayFrom(on(10, 31), SATURDAY), "Alla helgons dag", "All Saints' Day"),
    entry(on(12, 24), "Julafton", "Christmas Eve"),
    entry(on(12, 25), "Juldagen", "Christmas Day"),
    entry(on(12, 26), "Annandag jul", "Boxing Day"),
    entry(on(12, 31), "Nyårsafton", "New Year's Eve"),
  ].sort((x, y) => toDayNumber(x.date) - toDayNumber(y.date));
}

const cache = new Map<number, ReadonlyMap<string, SwedishDayOff>>();

/** Swedish days off in a year, keyed by "YYYY-MM-DD". The rules hold from 2005 (nationaldagen) on. */
export function swedishDaysOff(year: number): ReadonlyMap<string, SwedishDayOff> {
  let days = cache.get(year);
  if (!days) {
    days = new Map(daysOffFor(year).map((d) => [formatCivilDate(d.date), d]));
    cache.set(year, days);
  }
  return days;
}

export function swedishDayOff(date: CivilDate): SwedishDayOff | undefined {
  return swedishDaysOff(date.year).get(formatCivilDate(date));
}

/** True on Saturdays, Sundays and Swedish days off. */
export function isSwedishNonWorkingDay(date: CivilDate): boolean {
  const weekday = weekdayOf(date);
  return weekday === "saturday" || weekday === "sunday" || swedishDayOff(date) !== undefined;
}
