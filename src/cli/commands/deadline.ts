import { parseArgs } from "node:util";
import { dayAndTimeFormat } from "../../i18n/format";
import { formatIsoInZone, parseIsoDateTime, replyDeadline } from "../../policy/calendar";
import { loadConfig } from "../config-file";
import type { CliIO } from "../io";
import { ExitCode, UsageError } from "../io";
import { parseLanguage, type Language } from "../language";

export const deadlineUsage = `Usage: bemotande deadline <received> [--days N] [--config FILE] [--json] [--lang sv|en]

Prints the reply deadline (policy P18) for a message received at <received>, an ISO 8601
date-time such as 2026-12-23T10:00:00+01:00 (without an offset it is read in the configured
time zone): the end of the working day on the Nth Swedish working day after receipt.

  --days N       working days allowed (default: the config's replyDeadline.workingDays, 2)
  --config FILE  policy configuration JSON (default: NVK's defaults)
  --json         print {"received": ISO, "due": ISO} with offsets in the configured time zone
  --lang sv|en   language of the text output (default: the config's locale)`;

const MAX_DAYS = 250;

export function runDeadline(args: string[], io: CliIO): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      days: { type: "string" },
      config: { type: "string" },
      json: { type: "boolean", default: false },
      lang: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${deadlineUsage}\n`);
    return ExitCode.ok;
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? "deadline needs the time the message was received"
        : "deadline takes one date-time",
    );
  }
  const config = loadConfig(values.config);
  const language = parseLanguage(values.lang, config.locale);
  const workingDays = values.days === undefined ? config.replyDeadline.workingDays : parseDays(values.days);
  const { timeZone } = config.workingHours;

  const text = positionals[0] as string;
  const received = parseIsoDateTime(text, timeZone);
  if (!received) {
    throw new UsageError(`invalid date-time "${text}": expected ISO 8601, like 2026-12-23T10:00:00+01:00`);
  }
  const result = replyDeadline(received, {
    workingDays,
    workingHours: config.workingHours,
    extraDaysOff: config.calendar.extraDaysOff,
  });

  if (values.json) {
    const json = {
      received: formatIsoInZone(result.received, timeZone),
      due: formatIsoInZone(result.due, timeZone),
    };
    io.stdout.write(`${JSON.stringify(json)}\n`);
  } else {
    io.stdout.write(describe(result.received, result.due, workingDays, timeZone, language));
  }
  return ExitCode.ok;
}

function parseDays(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > MAX_DAYS) {
    throw new UsageError(`invalid --days "${text}": expected a whole number from 0 to ${MAX_DAYS}`);
  }
  return Number(text);
}

function describe(received: Date, due: Date, days: number, timeZone: string, language: Language): string {
  const format = dayAndTimeFormat(language, timeZone);
  const lines =
    language === "sv"
      ? [
          `Mottaget:     ${format.format(received)}`,
          `Svara senast: ${format.format(due)}`,
          `              (${days} ${days === 1 ? "arbetsdag" : "arbetsdagar"}, tidszon ${timeZone})`,
        ]
      : [
          `Received:     ${format.format(received)}`,
          `Reply by:     ${format.format(due)}`,
          `              (${days} working ${days === 1 ? "day" : "days"}, time zone ${timeZone})`,
        ];
  return `${lines.join("\n")}\n`;
}
