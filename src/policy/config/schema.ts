import { z } from "zod";
import { parseCivilDate } from "../calendar/civil-date";
import { parseClockTime } from "../calendar/deadline";
import { isValidTimeZone } from "../calendar/time-zone";
import { WEEKDAYS } from "../calendar/types";
import { defaultConfig as nvk } from "./defaults";

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

const unitSchema = z.strictObject({
  id,
  name: nonEmpty("name"),
  email: email.optional(),
  phone: nonEmpty("phone").optional(),
});

const officeSchema = z.strictObject({
  name: nonEmpty("name").default(nvk.office.name),
  phone: nonEmpty("phone").default(nvk.office.phone),
  email: email.default(nvk.office.email),
  hours: z
    .strictObject({
      days: weekdays.default(() => [...nvk.office.hours.days]),
      start: clockTime.default(nvk.office.hours.start),
      end: clockTime.default(nvk.office.hours.end),
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
        name: nonEmpty("name").default(nvk.organisation.name),
        emailDomains: z
          .array(domain)
          .min(1, "must list at least one domain")
          .default(() => [...nvk.organisation.emailDomains]),
        units: z
          .array(unitSchema)
          .superRefine(uniqueBy((u) => u.id, "unit id"))
          .default(() => nvk.organisation.units.map((unit) => ({ ...unit }))),
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
          .default(nvk.replyDeadline.workingDays),
      })
      .prefault({}),
    workingHours: z
      .strictObject({
        days: weekdays.default(() => [...nvk.workingHours.days]),
        start: clockTime.default(nvk.workingHours.start),
        end: clockTime.default(nvk.workingHours.end),
        timeZone: timeZone.default(nvk.workingHours.timeZone),
      })
      .superRefine(endAfterStart)
      .prefault({}),
    calendar: z
      .strictObject({
        extraDaysOff: z.array(isoDate).default([]),
      })
      .prefault({}),
    locale: z.enum(["sv-SE", "en-GB"], { error: 'must be "sv-SE" or "en-GB"' }).default(nvk.locale),
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
        lixThreshold: z
          .number()
          .min(0, "must be at least 0")
          .max(100, "must be at most 100")
          .default(nvk.readability.lixThreshold),
      })
      .prefault({}),
    summary: z
      .strictObject({
        aggregateOnly: z.boolean().default(nvk.summary.aggregateOnly),
        minGroupSize: z
          .number()
          .int("must be a whole number")
          .min(1, "must be at least 1")
          .default(nvk.summary.minGroupSize),
        includeSubjects: z.boolean().default(nvk.summary.includeSubjects),
      })
      .prefault({}),
    graph: z
      .strictObject({
        baseUrl: z
          .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
          .transform((u) => u.replace(/\/+$/, ""))
          .default(nvk.graph.baseUrl),
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

// The defaults object must be a complete, valid configuration (its values are also tested).
void (nvk satisfies PolicyConfig);
