/** A calendar date with no time zone: what a Swedish wall calendar shows. Month is 1–12. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Wall-clock time in a time zone. */
export interface CivilDateTime extends CivilDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export const WEEKDAYS = [
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
] as const;
/** Day names as Microsoft Graph's workingHours.daysOfWeek spells them. */
export type Weekday = (typeof WEEKDAYS)[number];

/** A mailbox's working hours, in the shape of Graph's mailboxSettings.workingHours (times as "HH:MM"). */
export interface WorkingHours {
  readonly days: readonly Weekday[];
  readonly start: string;
  readonly end: string;
  /** IANA time zone name, e.g. "Europe/Stockholm". */
  readonly timeZone: string;
}
