import { addDays, formatCivilDate, weekdayOf } from "./civil-date";
import { isSwedishNonWorkingDay } from "./swedish-holidays";
import type { CivilDate, Weekday } from "./types";

/** Which calendar days count as working days for one mailbox. */
export interface WorkingDayCalendar {
  isWorkingDay(date: CivilDate): boolean;
}

export interface WorkingDayOptions {
  /** The mailbox's working weekdays (Graph workingHours.daysOfWeek). */
  readonly days: readonly Weekday[];
  /** Organisation-specific days off ("YYYY-MM-DD"), e.g. a closed office between holidays. */
  readonly extraDaysOff?: readonly string[];
}

/** A working day is one of the mailbox's weekdays that is neither a Swedish day off nor an extra day off. */
export function swedishWorkingDays(options: WorkingDayOptions): WorkingDayCalendar {
  const days = new Set(options.days);
  const extra = new Set(options.extraDaysOff ?? []);
  return {
    isWorkingDay: (date) =>
      days.has(weekdayOf(date)) && !isSwedishNonWorkingDay(date) && !extra.has(formatCivilDate(date)),
  };
}

// A year has at least 100 working days in any calendar that has one at all: searching further
// means the calendar has none (e.g. an empty list of weekdays), which must not loop forever.
const SEARCH_LIMIT_DAYS = 366 * 2;

/** The first working day on or after `date`. Throws when none exists within two years. */
export function firstWorkingDayFrom(calendar: WorkingDayCalendar, date: CivilDate): CivilDate {
  for (let i = 0; i <= SEARCH_LIMIT_DAYS; i++) {
    const candidate = addDays(date, i);
    if (calendar.isWorkingDay(candidate)) return candidate;
  }
  throw new RangeError(`No working day within ${SEARCH_LIMIT_DAYS} days of ${formatCivilDate(date)}`);
}

/** The `count`-th working day after `date` (count 0 is `date` itself, which must be a working day). */
export function addWorkingDays(calendar: WorkingDayCalendar, date: CivilDate, count: number): CivilDate {
  let current = date;
  for (let i = 0; i < count; i++) current = firstWorkingDayFrom(calendar, addDays(current, 1));
  return current;
}
