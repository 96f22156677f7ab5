import { addDays } from "./civil-date";
import { atTime, fromZoned, toZoned } from "./time-zone";
import type { CivilDate, WorkingHours } from "./types";
import { addWorkingDays, firstWorkingDayFrom, swedishWorkingDays } from "./working-days";

export interface DeadlineOptions {
  /** Working days the organisation allows for a reply (NVK: 2, policy P18). */
  readonly workingDays: number;
  /** The mailbox's working hours and time zone; the config's fallback when Graph has none. */
  readonly workingHours: WorkingHours;
  /** Extra organisation days off, "YYYY-MM-DD". */
  readonly extraDaysOff?: readonly string[];
}

export interface ReplyDeadline {
  readonly received: Date;
  /** The working day the clock starts on: the day of receipt, or the next working day. */
  readonly countedFrom: CivilDate;
  /** The working day the reply is due on. */
  readonly dueDate: CivilDate;
  /** End of the working day on `dueDate`, as an instant. */
  readonly due: Date;
}

/** Parses "HH:MM" or "HH:MM:SS" (as Graph writes working hours, "08:00:00.0000000" included). */
export function parseClockTime(text: string): { hour: number; minute: number; second: number } | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,7})?)?$/.exec(text);
  if (!match) return undefined;
  return { hour: Number(match[1]), minute: Number(match[2]), second: Number(match[3] ?? 0) };
}

function clockTime(text: string, field: string): { hour: number; minute: number; second: number } {
  const time = parseClockTime(text);
  if (!time) throw new RangeError(`workingHours.${field} must be "HH:MM", got "${text}"`);
  return time;
}

const secondsOfDay = (t: { hour: number; minute: number; second: number }): number =>
  t.hour * 3600 + t.minute * 60 + t.second;

/**
 * The reply deadline of policy P18: the end of the mailbox's working day on the Nth working day
 * after receipt. Mail that arrives on a working day before closing time counts from that day
 * (before opening included: it is waiting when the office opens); mail that arrives after closing
 * time or on a day off counts from the next working day.
 *
 * Example: received Wed 23 Dec 2026 10:00 in Stockholm → due Tue 29 Dec 2026 at closing time
 * (24–27 Dec are days off; Mon 28 is the first working day after, Tue 29 the second).
 */
export function replyDeadline(received: Date, options: DeadlineOptions): ReplyDeadline {
  if (Number.isNaN(received.getTime())) throw new RangeError("received is not a valid date");
  if (!Number.isInteger(options.workingDays) || options.workingDays < 0) {
    throw new RangeError(`workingDays must be a whole number ≥ 0, got ${options.workingDays}`);
  }
  const { timeZone, start, end } = options.workingHours;
  const opening = clockTime(start, "start");
  const closing = clockTime(end, "end");
  if (secondsOfDay(closing) <= secondsOfDay(opening)) {
    throw new RangeError(`workingHours.end (${end}) must be after workingHours.start (${start})`);
  }
  const calendar = swedishWorkingDays({
    days: options.workingHours.days,
    extraDaysOff: options.extraDaysOff,
  });

  const local = toZoned(received, timeZone);
  const receiptDay: CivilDate = { year: local.year, month: local.month, day: local.day };
  const afterClosing = secondsOfDay(local) >= secondsOfDay(closing);
  const countedFrom =
    calendar.isWorkingDay(receiptDay) && !afterClosing
      ? receiptDay
      : firstWorkingDayFrom(calendar, addDays(receiptDay, 1));

  const dueDate = addWorkingDays(calendar, countedFrom, options.workingDays);
  const due = fromZoned(atTime(dueDate, closing.hour, closing.minute, closing.second), timeZone);
  return { received, countedFrom, dueDate, due };
}
