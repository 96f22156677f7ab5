import { z } from "zod";
import { parseCivilDate } from "../calendar/civil-date";
import { parseClockTime } from "../calendar/deadline";
import { isValidTimeZone } from "../calendar/time-zone";
import { WEEKDAYS } from "../calendar/types";

// The policy configuration: one JSON document, every field optional in the file and defaulted
// to NVK's values. Objects are strict so that a misspelt key is an error, not a silent default.
// docs/configuration.md documents every field; keep the two in step.

const nonEmpty = (what: string) => z.string().trim().min(1, `${what} must not be empty`);
const email = z.email({ error: "must be an email address, like namn@nvk.se" });
const domain = z.string().regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
  error: "must be a lower-case domain name, like nvk.se",
});
const clockTime = z
  .string()
  .refine((s) => parseClockTime(s) !== undefined, { error: 'must be a time "HH:MM"' });
const weekday = z.enum(WEEKDAYS, { error: `must be one of ${WEEKDAYS.join(", ")}` });
const weekdays = z.array(weekday).min(1, "must list at least one day");
const isoDate = z
  .string()
  .refine((s) => parseCivilDate(s) !== undefined, { error: 'must be a date "YYYY-MM-DD"' });
const timeZone = z
  .string()
  .refine(isValidTimeZone, { error: 'must be an IANA time zone, like "Europe/Stockholm"' });
const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: "must be lower-case letters, digits and dashes" });

const minutes = (t: string): number => {
  const parsed = parseClockTime(t);
  return parsed ? parsed.hour * 60 + parsed.minute : NaN;
};

/** Refinement shared by every start/end pair: the end must come after the start. */
function endAfterStart(value: { start: string; end: string }, ctx: z.RefinementCtx): void {
  if (minutes(value.end) <= minutes(value.start)) {
    ctx.addIssue({ code: "custom", path: ["end"], message: `must be after start (${value.start})` });
  }
}

function uniqueBy<T>(key: (item: T) => string, what: string) {
  return (items: T[], ctx: z.RefinementCtx): void => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: "custom", path: [index], message: `duplicate ${what} "${k}"` });
      seen.add(k);
    });
  };
}

const defaultWeek = ["monday", "tuesday", "wednesday", "thursday", "friday"] as const;

const unitSchema = z.strictObject({
  id,
  name: nonEmpty("name"),
  email: email.optional(),
  phone: nonEmpty("phone").optional(),
});

const officeSchema = z.strictObject({
  name: nonEmpty("name").default("Expeditionen"),
  phone: nonEmpty("phone").default("08-123 456 00"),
  email: email.default("expeditionen@nvk.se"),
  hours: z
    .strictObject({
      days: weekdays.default([...defaultWeek]),
      start: clockTime.default("09:00"),
      end: clockTime.default("16:00"),
    })
    .superRefine(endAfterStart)
    .prefault({}),
});

const topicSchema = z.strictObject({
  id,
  name: nonEmpty("name"),
  keywords: z.array(nonEmpty("keyword")).min(1, "must list at least one keyword"),
  owner: email,
  unit: id.optional(),
});

const lexiconEntrySchema = z.strictObject({
  term: nonEmpty("term"),
  forms: z.array(nonEmpty("form")).default([]),
  alternatives: z.array(nonEmpty("alternative")).default([]),
  advice: nonEmpty("advice").optional(),
});

export const policyConfigSchema = z
  .strictObject({
    organisation: z
      .strictObject({
        name: nonEmpty("name").default("NVK"),
        emailDomains: z.array(domain).min(1, "must list at least one domain").default(["nvk.se"]),
        units: z
          .array(unitSchema)
          .superRefine(uniqueBy((u) => u.id, "unit id"))
          .default([
            { id: "kansliet", name: "Kansliet" },
            { id: "ekonomi", name: "Ekonomienheten" },
            { id: "medlemsservice", name: "Medlemsservice" },
            { id: "kommunikation", name: "Kommunikationsenheten" },
          ]),
      })
      .prefault({}),
    office: officeSchema.prefault({}),
    replyDeadline: z
      .strictObject({
        workingDays: z
          .number()
          .int("must be a whole number")
          .min(1, "must be at least 1")
          .max(30, "must be at most 30")
          .default(2),
      })
      .prefault({}),
    workingHours: z
      .strictObject({
        days: weekdays.default([...defaultWeek]),
        start: clockTime.default("08:00"),
        end: clockTime.default("17:00"),
        timeZone: timeZone.default("Europe/Stockholm"),
      })
      .superRefine(endAfterStart)
      .prefault({}),
    calendar: z
      .strictObject({
        extraDaysOff: z.array(isoDate).default([]),
      })
      .prefault({}),
    locale: z.enum(["sv-SE", "en-GB"], { error: 'must be "sv-SE" or "en-GB"' }).default("sv-SE"),
    routing: z
      .strictObject({
        topics: z
          .array(topicSchema)
          .superRefine(uniqueBy((t) => t.id, "topic id"))
          .default([]),
      })
      .prefault({}),
    lexicon: z
      .strictObject({
        add: z.array(lexiconEntrySchema).default([]),
        remove: z.array(nonEmpty("term")).default([]),
      })
      .prefault({}),
    readability: z
      .strictObject({
        lixThreshold: z.number().min(0, "must be at least 0").max(100, "must be at most 100").default(50),
      })
      .prefault({}),
    summary: z
      .strictObject({
        aggregateOnly: z.boolean().default(true),
        minGroupSize: z.number().int("must be a whole number").min(1, "must be at least 1").default(5),
        includeSubjects: z.boolean().default(false),
      })
      .prefault({}),
    graph: z
      .strictObject({
        baseUrl: z
          .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
          .transform((u) => u.replace(/\/+$/, ""))
          .default("https://graph.microsoft.com/v1.0"),
      })
      .prefault({}),
  })
  .superRefine((config, ctx) => {
    const unitIds = new Set(config.organisation.units.map((u) => u.id));
    config.routing.topics.forEach((topic, index) => {
      if (topic.unit !== undefined && !unitIds.has(topic.unit)) {
        ctx.addIssue({
          code: "custom",
          path: ["routing", "topics", index, "unit"],
          message: `unknown unit "${topic.unit}" (not in organisation.units)`,
        });
      }
    });
  });

/** The validated policy configuration, with every default filled in. */
export type PolicyConfig = z.output<typeof policyConfigSchema>;
/** What a configuration file may contain: any subset of the fields. */
export type PolicyConfigInput = z.input<typeof policyConfigSchema>;
