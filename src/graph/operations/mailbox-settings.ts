import type { GraphClient } from "../client";
import { mailboxPath } from "../ids";
import type { GraphDateTimeTimeZone } from "./types";

export type AutoReplyStatus = "disabled" | "alwaysEnabled" | "scheduled";

export interface AutomaticRepliesSetting {
  status: AutoReplyStatus;
  externalAudience?: "none" | "contactsOnly" | "all";
  scheduledStartDateTime?: GraphDateTimeTimeZone;
  scheduledEndDateTime?: GraphDateTimeTimeZone;
  internalReplyMessage?: string;
  externalReplyMessage?: string;
}

export interface WorkingHours {
  daysOfWeek: string[];
  /** "08:00:00.0000000" */
  startTime: string;
  endTime: string;
  /** { name: "W. Europe Standard Time" } or a customTimeZone. */
  timeZone?: { name?: string; "@odata.type"?: string };
}

export interface MailboxSettings {
  automaticRepliesSetting?: AutomaticRepliesSetting;
  workingHours?: WorkingHours;
  /** Windows or IANA name, as the mailbox has it. */
  timeZone?: string;
}

export type MailboxSettingsPatch = {
  automaticRepliesSetting?: Partial<AutomaticRepliesSetting>;
  workingHours?: Partial<WorkingHours>;
  timeZone?: string;
};

// Graph's documentation shows both "Scheduled" and "scheduled"; callers get one spelling.
const STATUS: Record<string, AutoReplyStatus> = {
  disabled: "disabled",
  alwaysenabled: "alwaysEnabled",
  scheduled: "scheduled",
};

export function normaliseAutoReplyStatus(value: unknown): AutoReplyStatus {
  return (typeof value === "string" ? STATUS[value.toLowerCase()] : undefined) ?? "disabled";
}

/** GET {mailbox}/mailboxSettings: automatic replies, working hours and time zone. */
export async function getMailboxSettings(client: GraphClient, user?: string): Promise<MailboxSettings> {
  const raw = await client.json<MailboxSettings>({
    method: "GET",
    path: `${mailboxPath(user)}/mailboxSettings`,
    operation: "mailboxSettings.get",
  });
  const auto = raw.automaticRepliesSetting;
  return {
    automaticRepliesSetting: auto ? { ...auto, status: normaliseAutoReplyStatus(auto.status) } : undefined,
    workingHours: raw.workingHours,
    timeZone: raw.timeZone,
  };
}

/**
 * PATCH {mailbox}/mailboxSettings. Setting values is idempotent (the same PATCH twice leaves the
 * same state), so the retry middleware may repeat it.
 */
export async function updateMailboxSettings(
  client: GraphClient,
  patch: MailboxSettingsPatch,
  user?: string,
): Promise<MailboxSettings | undefined> {
  return client.request<MailboxSettings>({
    method: "PATCH",
    path: `${mailboxPath(user)}/mailboxSettings`,
    body: patch,
    operation: "mailboxSettings.update",
    idempotent: true,
  });
}
