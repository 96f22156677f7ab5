import { parseArgs } from "node:util";
import { createGraphClient } from "../../graph/client";
import { GraphRequestError, mapThrown } from "../../graph/errors";
import type { FetchLike } from "../../graph/middleware/fetch";
import type { MailboxSettings } from "../../graph/operations/mailbox-settings";
import { getMailboxSettings } from "../../graph/operations/mailbox-settings";
import type { GraphProfile } from "../../graph/operations/profile";
import { getProfile } from "../../graph/operations/profile";
import type { GraphDateTimeTimeZone } from "../../graph/operations/types";
import { windowsToIana } from "../../graph/timezones";
import { formatIsoInZone, isValidTimeZone, parseIsoDateTime } from "../../policy/calendar";
import { loadConfig } from "../config-file";
import type { GraphAuthDeps } from "../graph-auth";
import { GraphAuthSetupError, resolveGraphAuth } from "../graph-auth";
import type { CliIO } from "../io";
import { ExitCode, UsageError } from "../io";
import type { Language } from "../language";
import { parseLanguage } from "../language";

export const whoamiUsage = `Usage: bemotande whoami [--user UPN] [--graph-base-url URL] [--config FILE] [--json] [--lang sv|en]

Shows a person's profile and mailbox settings from Microsoft Graph: name, title, phones, time
zone, working hours and automatic replies. Signs in with GRAPH_TOKEN, or app-only with
AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_CERTIFICATE_PATH (or AZURE_CLIENT_SECRET).

  --user UPN            whose mailbox (default: the signed-in user, /me; required app-only)
  --graph-base-url URL  Graph root (default: the config's graph.baseUrl)
  --config FILE         policy configuration JSON (default: NVK's defaults)
  --json                print {"user", "timeZone", "workingHours", "autoReply"} as JSON
  --lang sv|en          language of the text output (default: the config's locale)

Exit codes: 0 ok, 1 Microsoft Graph refused or failed, 2 bad input or missing sign-in.`;

export interface WhoamiDeps extends GraphAuthDeps {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly fetch?: FetchLike;
}

export interface WhoamiJson {
  user: {
    displayName: string | null;
    mail: string | null;
    jobTitle: string | null;
    department: string | null;
    phones: string[];
  };
  timeZone: string | null;
  workingHours: { days: string[]; start: string | null; end: string | null };
  autoReply: { status: "disabled" | "alwaysEnabled" | "scheduled"; start: string | null; end: string | null };
}

export async function runWhoami(args: string[], io: CliIO, deps: WhoamiDeps = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      user: { type: "string" },
      "graph-base-url": { type: "string" },
      config: { type: "string" },
      json: { type: "boolean", default: false },
      lang: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${whoamiUsage}\n`);
    return ExitCode.ok;
  }
  if (positionals.length > 0) throw new UsageError(`whoami takes no arguments (got "${positionals[0]}")`);
  const config = loadConfig(values.config);
  const language = parseLanguage(values.lang, config.locale);
  const baseUrl = parseBaseUrl(values["graph-base-url"] ?? config.graph.baseUrl);
  const user = values.user?.trim();
  if (user === "") throw new UsageError("--user needs a user principal name or id");

  let auth;
  try {
    auth = await resolveGraphAuth(deps.env ?? process.env, deps);
  } catch (error) {
    if (!(error instanceof GraphAuthSetupError)) throw error;
    io.stderr.write(`bemotande whoami: ${error.text[language]}\n`);
    return ExitCode.badInput;
  }
  if (auth.mode === "application" && user === undefined) {
    throw new UsageError(
      language === "sv"
        ? "--user krävs vid app-inloggning (det finns ingen inloggad person bakom /me)"
        : "--user is required with app-only sign-in (there is no signed-in person behind /me)",
    );
  }

  const client = createGraphClient({
    baseUrl,
    tokenProvider: auth.provider,
    authMode: auth.mode,
    fetch: deps.fetch,
  });
  let profile: GraphProfile;
  let settings: MailboxSettings;
  try {
    [profile, settings] = await Promise.all([getProfile(client, user), getMailboxSettings(client, user)]);
  } catch (error) {
    const failure = error instanceof GraphRequestError ? error.failure : mapThrown(error);
    io.stderr.write(`bemotande whoami: ${failure.message[language]}\n`);
    return ExitCode.findings;
  }

  const territory = /-([A-Z]{2})$/i.exec(config.locale)?.[1];
  const { json, unknownZone } = summarise(profile, settings, territory);
  if (unknownZone !== undefined) {
    io.stderr.write(
      language === "sv"
        ? `bemotande whoami: okänd tidszon "${unknownZone}" – visas som Microsoft Graph angav den\n`
        : `bemotande whoami: unknown time zone "${unknownZone}" – shown as Microsoft Graph gave it\n`,
    );
  }
  io.stdout.write(values.json ? `${JSON.stringify(json)}\n` : describe(json, language));
  return ExitCode.ok;
}

function parseBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`invalid --graph-base-url "${text}": expected an http(s) URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UsageError(`invalid --graph-base-url "${text}": expected an http(s) URL`);
  }
  return text.replace(/\/+$/, "");
}

/** "08:00:00.0000000" → "08:00". */
const clock = (time: string | undefined): string | null => (time ? time.slice(0, 5) : null);

export function summarise(
  profile: GraphProfile,
  settings: MailboxSettings,
  territory?: string,
): { json: WhoamiJson; unknownZone?: string } {
  const zoneName = settings.timeZone ?? settings.workingHours?.timeZone?.name;
  const zone = zoneName === undefined ? undefined : windowsToIana(zoneName, territory);
  const ianaZone = zone && !zone.unknown ? zone.timeZone : undefined;
  const phones = [...profile.businessPhones, ...(profile.mobilePhone ? [profile.mobilePhone] : [])].filter(
    (phone, index, all) => all.indexOf(phone) === index,
  );
  const auto = settings.automaticRepliesSetting;
  const status = auto?.status ?? "disabled";
  const scheduled = status === "scheduled";
  return {
    json: {
      user: {
        displayName: profile.displayName,
        mail: profile.mail,
        jobTitle: profile.jobTitle,
        department: profile.department,
        phones,
      },
      timeZone: zone ? zone.timeZone : null,
      workingHours: {
        days: settings.workingHours?.daysOfWeek.map((d) => d.toLowerCase()) ?? [],
        start: clock(settings.workingHours?.startTime),
        end: clock(settings.workingHours?.endTime),
      },
      autoReply: {
        status,
        start: scheduled ? instant(auto?.scheduledStartDateTime, ianaZone, territory) : null,
        end: scheduled ? instant(auto?.scheduledEndDateTime, ianaZone, territory) : null,
      },
    },
    unknownZone: zone?.unknown ? zoneName : undefined,
  };
}

/** A Graph dateTimeTimeZone as ISO 8601, with the offset of the mailbox's zone when known. */
function instant(
  value: GraphDateTimeTimeZone | undefined,
  displayZone: string | undefined,
  territory?: string,
): string | null {
  if (!value) return null;
  const source = windowsToIana(value.timeZone, territory);
  const sourceZone = source.unknown || !isValidTimeZone(source.timeZone) ? "UTC" : source.timeZone;
  const at = parseIsoDateTime(value.dateTime, sourceZone);
  if (!at) return null;
  return displayZone && isValidTimeZone(displayZone) ? formatIsoInZone(at, displayZone) : at.toISOString();
}

const DAY_NAMES: Record<Language, Record<string, string>> = {
  sv: {
    monday: "måndag",
    tuesday: "tisdag",
    wednesday: "onsdag",
    thursday: "torsdag",
    friday: "fredag",
    saturday: "lördag",
    sunday: "söndag",
  },
  en: {
    monday: "Monday",
    tuesday: "Tuesday",
    wednesday: "Wednesday",
    thursday: "Thursday",
    friday: "Friday",
    saturday: "Saturday",
    sunday: "Sunday",
  },
};

function describe(json: WhoamiJson, language: Language): string {
  const sv = language === "sv";
  const none = sv ? "–" : "–";
  const days = json.workingHours.days.map((d) => DAY_NAMES[language][d] ?? d).join(", ");
  const hours =
    json.workingHours.start && json.workingHours.end
      ? `${json.workingHours.start}–${json.workingHours.end}`
      : none;
  const when = (iso: string | null): string => (iso ? iso.replace("T", " ").slice(0, 16) : none);
  const auto =
    json.autoReply.status === "disabled"
      ? sv
        ? "av"
        : "off"
      : json.autoReply.status === "alwaysEnabled"
        ? sv
          ? "på (tills vidare)"
          : "on (until turned off)"
        : `${sv ? "schemalagt" : "scheduled"} ${when(json.autoReply.start)} – ${when(json.autoReply.end)}`;
  const rows: Array<[string, string]> = sv
    ? [
        ["Namn", json.user.displayName ?? none],
        ["E-post", json.user.mail ?? none],
        ["Titel", json.user.jobTitle ?? none],
        ["Avdelning", json.user.department ?? none],
        ["Telefon", json.user.phones.join(", ") || none],
        ["Tidszon", json.timeZone ?? none],
        ["Arbetstid", `${days || none} ${hours}`],
        ["Autosvar", auto],
      ]
    : [
        ["Name", json.user.displayName ?? none],
        ["Email", json.user.mail ?? none],
        ["Title", json.user.jobTitle ?? none],
        ["Department", json.user.department ?? none],
        ["Phone", json.user.phones.join(", ") || none],
        ["Time zone", json.timeZone ?? none],
        ["Working hours", `${days || none} ${hours}`],
        ["Auto reply", auto],
      ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return `${rows.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`).join("\n")}\n`;
}
