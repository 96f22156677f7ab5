// The mailbox's working hours and time zone from Graph (GET /me/mailboxSettings), in the shape
// the reply-deadline calculation takes. The deadline follows the mailbox when Graph answers,
// and the configuration's working hours otherwise.
import type { GraphClient } from "../graph/client";
import { getMailboxSettings } from "../graph/operations/mailbox-settings";
import type { MailboxSettings } from "../graph/operations/mailbox-settings";
import { windowsToIana } from "../graph/timezones";
import { parseClockTime } from "../policy/calendar/deadline";
import { WEEKDAYS } from "../policy/calendar/types";
import type { Weekday, WorkingHours } from "../policy/calendar/types";
import type { PolicyConfig } from "../policy/config/schema";

function clock(text: string | undefined): string | undefined {
  const time = parseClockTime((text ?? "").trim());
  if (!time) return undefined;
  const pad = (n: number): string => String(n).padStart(2, "0");
  return time.second === 0
    ? `${pad(time.hour)}:${pad(time.minute)}`
    : `${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
}

function zone(name: string | undefined, territory: string | undefined): string | undefined {
  if (!name) return undefined;
  const mapped = windowsToIana(name, territory);
  return mapped.unknown ? undefined : mapped.timeZone;
}

/**
 * Graph's workingHours → the policy's WorkingHours; undefined when Graph's answer is incomplete
 * or unusable (no days, a time that does not parse, end not after start, an unknown zone).
 */
export function workingHoursFromGraph(
  settings: MailboxSettings,
  territory?: string,
): WorkingHours | undefined {
  const hours = settings.workingHours;
  if (!hours) return undefined;
  const known: readonly string[] = WEEKDAYS;
  const days = [...new Set((hours.daysOfWeek ?? []).map((d) => String(d).toLowerCase()))].filter(
    (d): d is Weekday => known.includes(d),
  );
  const start = clock(hours.startTime);
  const end = clock(hours.endTime);
  const timeZone = zone(hours.timeZone?.name, territory) ?? zone(settings.timeZone, territory);
  if (days.length === 0 || !start || !end || !timeZone || end <= start) return undefined;
  return { days, start, end, timeZone };
}

/** For loadPaneState: reads the mailbox's working hours through the pane's Graph client. */
export function mailboxWorkingHours(
  graph: GraphClient,
  config: Pick<PolicyConfig, "locale">,
): () => Promise<WorkingHours | undefined> {
  const territory = /-([A-Z]{2})$/i.exec(config.locale)?.[1];
  return async () => workingHoursFromGraph(await getMailboxSettings(graph), territory);
}
