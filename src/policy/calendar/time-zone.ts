import type { CivilDate, CivilDateTime } from "./types";

// Time-zone arithmetic with ECMAScript's own Intl (ECMA-402): available in every host the
// policy runs in, with the IANA database behind it, so DST rules are never hand-coded here.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the host knows this IANA time zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates (and keeps) the formatter for `timeZone` now: the first one in a new browser process
 * loads the time-zone data (30–50 ms), better spent while waiting on something else.
 */
export function warmTimeZone(timeZone: string): void {
  isValidTimeZone(timeZone);
}

/**
 * Recent {@link toZoned} results by zone and instant: formatToParts costs ~6 µs a call, and one
 * analysis asks for the same few instants (now, the reply deadline) several times, as does every
 * re-analysis of a draft being typed. Bounded: cleared when full.
 */
const zonedCache = new Map<string, CivilDateTime>();
const ZONED_CACHE_SIZE = 64;

/** The wall-clock time at `instant` in `timeZone`. */
export function toZoned(instant: Date, timeZone: string): CivilDateTime {
  const key = `${instant.getTime()} ${timeZone}`;
  let zoned = zonedCache.get(key);
  if (zoned === undefined) {
    zoned = computeZoned(instant, timeZone);
    if (zonedCache.size >= ZONED_CACHE_SIZE) zonedCache.clear();
    zonedCache.set(key, zoned);
  }
  // A copy: callers own what they get.
  return { ...zoned };
}

/** No zone is further than this from UTC (UTC+14 and UTC−12 are the extremes), with room to spare. */
const MAX_ZONE_OFFSET_MS = 15 * 3_600_000;

/**
 * The calendar year at `instant` in `timeZone`. More than 15 hours from a UTC New Year it is the
 * UTC year in every zone, so Intl is asked only near New Year: the first time-zone formatter in a
 * new browser process costs 30–50 ms (the time-zone data loads), and the analysis worker needs
 * just the year on most days.
 */
export function zonedYear(instant: Date, timeZone: string): number {
  const t = instant.getTime();
  const year = instant.getUTCFullYear();
  if (t - Date.UTC(year, 0, 1) > MAX_ZONE_OFFSET_MS && Date.UTC(year + 1, 0, 1) - t > MAX_ZONE_OFFSET_MS)
    return year;
  return toZoned(instant, timeZone).year;
}

function computeZoned(instant: Date, timeZone: string): CivilDateTime {
  const formatter = formatterFor(timeZone);
  const parts: Record<string, number> = {};
  if (typeof formatter.formatToParts === "function") {
    for (const part of formatter.formatToParts(instant)) {
      if (part.type !== "literal") parts[part.type] = Number(part.value);
    }
  } else {
    // formatToParts is ECMA-402 4th edition (ES2017); an older runtime (the event handler's, in
    // classic Outlook) gets en-US "12/23/2026, 17:00:00" from format().
    const m = /(\d+)\/(\d+)\/(\d+),?\s+(\d+):(\d+):(\d+)/.exec(formatter.format(instant));
    if (m) {
      parts.month = Number(m[1]);
      parts.day = Number(m[2]);
      parts.year = Number(m[3]);
      parts.hour = Number(m[4]);
      parts.minute = Number(m[5]);
      parts.second = Number(m[6]);
    }
  }
  return {
    year: parts.year ?? NaN,
    month: parts.month ?? NaN,
    day: parts.day ?? NaN,
    // Some engines print midnight as 24 even with h23.
    hour: (parts.hour ?? NaN) % 24,
    minute: parts.minute ?? NaN,
    second: parts.second ?? NaN,
  };
}

function wallClockAsUtc(t: CivilDateTime): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Stockholm: +60 in winter, +120 in summer). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallClockAsUtc(toZoned(instant, timeZone)) - wholeSeconds) / 60_000);
}

/**
 * The instant at which clocks in `timeZone` show `local`. A wall time skipped by a DST change
 * (02:30 on the last Sunday of March in Stockholm) maps to the same time after the jump (03:30);
 * a repeated one (02:30 in October) maps to its first occurrence.
 */
export function fromZoned(local: CivilDateTime, timeZone: string): Date {
  const asUtc = wallClockAsUtc(local);
  // Try the offsets in force just before and just after; keep the earliest that round-trips.
  const candidates = [
    offsetMinutes(new Date(asUtc - 86_400_000), timeZone),
    offsetMinutes(new Date(asUtc + 86_400_000), timeZone),
  ];
  const matches = candidates
    .map((offset) => asUtc - offset * 60_000)
    .filter((t) => wallClockAsUtc(toZoned(new Date(t), timeZone)) === asUtc)
    .sort((a, b) => a - b);
  if (matches[0] !== undefined) return new Date(matches[0]);
  // In a gap: use the offset from before the change, which lands after the jump.
  return new Date(asUtc - Math.min(...candidates) * 60_000);
}

export function atTime(date: CivilDate, hour: number, minute: number, second = 0): CivilDateTime {
  return { ...date, hour, minute, second };
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, "0");

/** ISO 8601 with the zone's offset, e.g. "2026-12-29T17:00:00+01:00" (seconds precision). */
export function formatIsoInZone(instant: Date, timeZone: string): string {
  const t = toZoned(instant, timeZone);
  const offset = offsetMinutes(instant, timeZone);
  const sign = offset < 0 ? "-" : "+";
  return (
    `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}` +
    `${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  );
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses an ISO 8601 date or date-time. Without an offset the wall-clock time is read in
 * `timeZone` (a bare date means its midnight). Returns undefined for malformed or impossible
 * values such as "2026-02-30" or "24:00".
 */
export function parseIsoDateTime(text: string, timeZone: string): Date | undefined {
  const match = ISO_DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [hour, minute, second] = [Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0)];
  const millis = Number((match[7] ?? "0").padEnd(3, "0").slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate())
    return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = match[8];
  if (zone === undefined) {
    const instant = fromZoned({ year, month, day, hour, minute, second }, timeZone);
    return new Date(instant.getTime() + millis);
  }
  let offset = 0;
  if (zone.toUpperCase() !== "Z") {
    const digits = zone.replace(":", "");
    const hours = Number(digits.slice(1, 3));
    const mins = Number(digits.slice(3, 5));
    if (hours > 23 || mins > 59) return undefined;
    offset = (digits.startsWith("-") ? -1 : 1) * (hours * 60 + mins);
  }
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000);
}
