// mailboxSettings: defaults for a Swedish mailbox, rendering, and PATCH with Graph's validation.
import { fromZoned, isValidTimeZone } from "../../policy/calendar";
import { bodyPropertyUnknown, GraphError } from "./errors";
import type { AutomaticRepliesState, DateTimeTimeZone, MailboxSettingsState } from "./model";
import { graphLocalTime } from "./model";
import type { Json } from "./odata";

/** Windows time zone names Exchange uses, with an IANA zone to compute instants. */
const windowsZones: Record<string, string> = {
  UTC: "UTC",
  "W. Europe Standard Time": "Europe/Stockholm",
  "Central Europe Standard Time": "Europe/Budapest",
  "Central European Standard Time": "Europe/Warsaw",
  "Romance Standard Time": "Europe/Paris",
  "GMT Standard Time": "Europe/London",
  "FLE Standard Time": "Europe/Helsinki",
  "E. Europe Standard Time": "Europe/Chisinau",
  "Eastern Standard Time": "America/New_York",
  "Central Standard Time": "America/Chicago",
  "Mountain Standard Time": "America/Denver",
  "Pacific Standard Time": "America/Los_Angeles",
  "Tokyo Standard Time": "Asia/Tokyo",
  "AUS Eastern Standard Time": "Australia/Sydney",
};

/** The IANA zone for a Windows or IANA name, or undefined if neither. */
export function ianaZone(name: string): string | undefined {
  const windows = Object.keys(windowsZones).find((k) => k.toLowerCase() === name.toLowerCase());
  if (windows) return windowsZones[windows];
  return isValidTimeZone(name) ? name : undefined;
}

export function defaultMailboxSettings(now: Date): MailboxSettingsState {
  return {
    automaticReplies: {
      status: "disabled",
      externalAudience: "all",
      scheduledStart: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())),
      scheduledEnd: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)),
      internalReplyMessage: "",
      externalReplyMessage: "",
    },
    timeZone: "W. Europe Standard Time",
    language: { locale: "sv-SE", displayName: "svenska (Sverige)" },
    workingHours: {
      daysOfWeek: ["monday", "tuesday", "wednesday", "thursday", "friday"],
      startTime: "08:00:00.0000000",
      endTime: "17:00:00.0000000",
      timeZone: { name: "W. Europe Standard Time" },
    },
    dateFormat: "yyyy-MM-dd",
    timeFormat: "HH:mm",
    delegateMeetingMessageDeliveryOptions: "sendToDelegateAndInformationToPrincipal",
  };
}

/** True when Exchange would answer with an automatic reply at `now`. */
export function autoRepliesActive(state: AutomaticRepliesState, now: Date): boolean {
  if (state.status === "alwaysEnabled") return true;
  return state.status === "scheduled" && state.scheduledStart <= now && now < state.scheduledEnd;
}

const utc = (d: Date): DateTimeTimeZone => ({ dateTime: graphLocalTime(d), timeZone: "UTC" });

export function renderAutomaticReplies(a: AutomaticRepliesState): { [key: string]: Json } {
  return {
    status: a.status,
    externalAudience: a.externalAudience,
    scheduledStartDateTime: { ...utc(a.scheduledStart) },
    scheduledEndDateTime: { ...utc(a.scheduledEnd) },
    internalReplyMessage: a.internalReplyMessage,
    externalReplyMessage: a.externalReplyMessage,
  };
}

/** The full settings object, with the top-level keys of Graph's documented response. */
export function renderSettings(s: MailboxSettingsState): { [key: string]: Json } {
  return {
    automaticRepliesSetting: renderAutomaticReplies(s.automaticReplies),
    timeZone: s.timeZone,
    language: { ...s.language },
    workingHours: {
      daysOfWeek: [...s.workingHours.daysOfWeek],
      startTime: s.workingHours.startTime,
      endTime: s.workingHours.endTime,
      timeZone: JSON.parse(JSON.stringify(s.workingHours.timeZone)) as Json,
    },
    userPurpose: { value: "user" },
    dateFormat: s.dateFormat,
    timeFormat: s.timeFormat,
    delegateMeetingMessageDeliveryOptions: s.delegateMeetingMessageDeliveryOptions,
  };
}

export const settingsProperties = [
  "automaticRepliesSetting",
  "timeZone",
  "language",
  "workingHours",
  "userPurpose",
  "dateFormat",
  "timeFormat",
  "delegateMeetingMessageDeliveryOptions",
] as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function enumValue<T extends string>(value: unknown, allowed: readonly T[], type: string): T {
  const match =
    typeof value === "string" ? allowed.find((a) => a.toLowerCase() === value.toLowerCase()) : undefined;
  if (!match) {
    throw new GraphError(
      400,
      "RequestBodyRead",
      `Cannot convert the literal '${String(value)}' to the expected type '${type}'.`,
    );
  }
  return match;
}

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], type: string): void {
  for (const key of Object.keys(value)) {
    if (key.startsWith("@odata.")) continue;
    if (!allowed.includes(key)) throw bodyPropertyUnknown(key, type);
  }
}

/** A dateTimeTimeZone as an instant; Graph reads dateTime as wall-clock time in timeZone. */
export function parseDateTimeTimeZone(value: unknown, field: string): Date {
  if (!isObject(value)) {
    throw new GraphError(
      400,
      "RequestBodyRead",
      `Cannot read '${field}': expected a dateTimeTimeZone object.`,
    );
  }
  checkKeys(value, ["dateTime", "timeZone"], "microsoft.graph.dateTimeTimeZone");
  const { dateTime, timeZone } = value;
  const match =
    typeof dateTime === "string"
      ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$/.exec(
          dateTime,
        )
      : null;
  if (!match) {
    throw new GraphError(
      400,
      "RequestBodyRead",
      `Cannot convert the literal '${String(dateTime)}' to the expected type 'Edm.String'.`,
    );
  }
  const zoneName = typeof timeZone === "string" && timeZone !== "" ? timeZone : "UTC";
  const zone = ianaZone(zoneName);
  if (!zone) throw new GraphError(400, "InvalidTimeZone", "Time Zone settings provided are invalid.");
  const [, y, mo, d, h, mi, s, offset] = match;
  if (offset) return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s ?? "00"}${offset === "Z" ? "Z" : offset}`);
  return fromZoned(
    {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h),
      minute: Number(mi),
      second: Number(s ?? 0),
    },
    zone,
  );
}

const days = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

function timeOfDay(value: unknown): string {
  const match =
    typeof value === "string" ? /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/.exec(value) : null;
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59 || Number(match[3] ?? 0) > 59) {
    throw new GraphError(
      400,
      "RequestBodyRead",
      `Cannot convert the literal '${String(value)}' to the expected type 'Edm.TimeOfDay'.`,
    );
  }
  return `${match[1]}:${match[2]}:${match[3] ?? "00"}.${(match[4] ?? "").padEnd(7, "0")}`;
}

/**
 * Applies a PATCH body to a copy of the settings and returns it with the top-level keys changed.
 * Nothing is applied when validation fails, as with Graph.
 */
export function patchSettings(
  current: MailboxSettingsState,
  body: unknown,
): { next: MailboxSettingsState; changed: string[] } {
  if (!isObject(body))
    throw new GraphError(400, "RequestBodyRead", "The request body must be a JSON object.");
  const writable = settingsProperties.filter((p) => p !== "userPurpose");
  checkKeys(body, settingsProperties, "microsoft.graph.mailboxSettings");
  if ("userPurpose" in body) {
    throw new GraphError(
      400,
      "ErrorInvalidRequest",
      "The property 'userPurpose' is read-only and cannot be set.",
    );
  }
  const next: MailboxSettingsState = JSON.parse(JSON.stringify(current)) as MailboxSettingsState;
  next.automaticReplies.scheduledStart = new Date(current.automaticReplies.scheduledStart);
  next.automaticReplies.scheduledEnd = new Date(current.automaticReplies.scheduledEnd);
  const changed = writable.filter((p) => p in body);

  const ar = body.automaticRepliesSetting;
  if (ar !== undefined) {
    if (!isObject(ar))
      throw new GraphError(400, "RequestBodyRead", "automaticRepliesSetting must be an object.");
    checkKeys(
      ar,
      [
        "status",
        "externalAudience",
        "scheduledStartDateTime",
        "scheduledEndDateTime",
        "internalReplyMessage",
        "externalReplyMessage",
      ],
      "microsoft.graph.automaticRepliesSetting",
    );
    const a = next.automaticReplies;
    if (ar.status !== undefined) {
      a.status = enumValue(
        ar.status,
        ["disabled", "alwaysEnabled", "scheduled"] as const,
        "microsoft.graph.automaticRepliesStatus",
      );
    }
    if (ar.externalAudience !== undefined) {
      a.externalAudience = enumValue(
        ar.externalAudience,
        ["none", "contactsOnly", "all"] as const,
        "microsoft.graph.externalAudienceScope",
      );
    }
    if (ar.scheduledStartDateTime !== undefined)
      a.scheduledStart = parseDateTimeTimeZone(ar.scheduledStartDateTime, "scheduledStartDateTime");
    if (ar.scheduledEndDateTime !== undefined)
      a.scheduledEnd = parseDateTimeTimeZone(ar.scheduledEndDateTime, "scheduledEndDateTime");
    for (const key of ["internalReplyMessage", "externalReplyMessage"] as const) {
      const value = ar[key];
      if (value === undefined) continue;
      if (typeof value !== "string" && value !== null) {
        throw new GraphError(
          400,
          "RequestBodyRead",
          `Cannot convert the literal '${String(value)}' to the expected type 'Edm.String'.`,
        );
      }
      a[key] = value ?? "";
    }
    if (a.status === "scheduled" && a.scheduledEnd <= a.scheduledStart) {
      throw new GraphError(400, "ErrorInvalidTimeSettings", "Start Time should occur before End Time.");
    }
  }

  const wh = body.workingHours;
  if (wh !== undefined) {
    if (!isObject(wh)) throw new GraphError(400, "RequestBodyRead", "workingHours must be an object.");
    checkKeys(wh, ["daysOfWeek", "startTime", "endTime", "timeZone"], "microsoft.graph.workingHours");
    const w = next.workingHours;
    if (wh.daysOfWeek !== undefined) {
      if (!Array.isArray(wh.daysOfWeek))
        throw new GraphError(400, "RequestBodyRead", "daysOfWeek must be an array.");
      w.daysOfWeek = wh.daysOfWeek.map((d: unknown) => {
        const day = typeof d === "string" ? days.find((x) => x === d.toLowerCase()) : undefined;
        if (!day)
          throw new GraphError(400, "InvalidArguments", `Requested value '${String(d)}' was not found.`);
        return day;
      });
    }
    if (wh.startTime !== undefined) w.startTime = timeOfDay(wh.startTime);
    if (wh.endTime !== undefined) w.endTime = timeOfDay(wh.endTime);
    if (w.endTime <= w.startTime) {
      throw new GraphError(400, "ErrorInvalidTimeSettings", "Start Time should occur before End Time.");
    }
    if (wh.timeZone !== undefined) {
      if (!isObject(wh.timeZone))
        throw new GraphError(400, "InvalidTimeZone", "Time Zone settings provided are invalid.");
      const tz = wh.timeZone;
      const custom = tz["@odata.type"] === "#microsoft.graph.customTimeZone";
      if (!custom && (typeof tz.name !== "string" || !ianaZone(tz.name))) {
        throw new GraphError(400, "InvalidTimeZone", "Time Zone settings provided are invalid.");
      }
      w.timeZone = normaliseTimeZone(tz);
    }
  }

  if (body.timeZone !== undefined) {
    if (typeof body.timeZone !== "string" || !ianaZone(body.timeZone)) {
      throw new GraphError(400, "InvalidTimeZone", "Time Zone settings provided are invalid.");
    }
    next.timeZone = body.timeZone;
  }
  const language = body.language;
  if (language !== undefined) {
    if (!isObject(language) || typeof language.locale !== "string") {
      throw new GraphError(400, "RequestBodyRead", "language must be a localeInfo object with a locale.");
    }
    checkKeys(language, ["locale", "displayName"], "microsoft.graph.localeInfo");
    const known: Record<string, string> = {
      "sv-se": "svenska (Sverige)",
      "en-us": "English (United States)",
      "en-gb": "English (United Kingdom)",
    };
    const displayName = known[language.locale.toLowerCase()];
    if (!displayName)
      throw new GraphError(
        400,
        "ErrorInvalidArgument",
        `The language '${language.locale}' is not supported.`,
      );
    next.language = { locale: language.locale, displayName };
  }
  for (const key of ["dateFormat", "timeFormat", "delegateMeetingMessageDeliveryOptions"] as const) {
    const value = body[key];
    if (value === undefined) continue;
    if (typeof value !== "string") {
      throw new GraphError(
        400,
        "RequestBodyRead",
        `Cannot convert the literal '${String(value)}' to the expected type 'Edm.String'.`,
      );
    }
    next[key] = value;
  }
  return { next, changed };
}

/** Lower-cases enum-like names the way Graph echoes a custom time zone back. */
function normaliseTimeZone(tz: Record<string, unknown>): Record<string, Json> {
  const out = JSON.parse(JSON.stringify(tz)) as Record<string, Json>;
  for (const key of ["standardOffset", "daylightOffset"]) {
    const offset = out[key];
    if (
      offset &&
      typeof offset === "object" &&
      !Array.isArray(offset) &&
      typeof offset.dayOfWeek === "string"
    ) {
      offset.dayOfWeek = offset.dayOfWeek.toLowerCase();
    }
  }
  return out;
}
