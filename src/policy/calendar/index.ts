export * from "./types";
export { addDays, civilDate, formatCivilDate, parseCivilDate, weekdayOf } from "./civil-date";
export { easterSunday, isSwedishNonWorkingDay, swedishDayOff, swedishDaysOff } from "./swedish-holidays";
export type { SwedishDayOff } from "./swedish-holidays";
export {
  formatIsoInZone,
  fromZoned,
  isValidTimeZone,
  offsetMinutes,
  parseIsoDateTime,
  toZoned,
  zonedYear,
} from "./time-zone";
export { addWorkingDays, firstWorkingDayFrom, swedishWorkingDays } from "./working-days";
export type { WorkingDayCalendar } from "./working-days";
export { parseClockTime, replyDeadline } from "./deadline";
export type { DeadlineOptions, ReplyDeadline } from "./deadline";
