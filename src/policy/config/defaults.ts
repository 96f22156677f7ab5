const weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"] as const;

/**
 * NVK's configuration: every field at its default. A plain object, so the task pane and the
 * event handler get NVK's values without bundling the schema validator; the schema's defaults
 * are read from here (schema.ts also checks its type), and a test checks that
 * `parsePolicyConfig({})` equals this object.
 */
export const defaultConfig = {
  organisation: {
    name: "NVK",
    emailDomains: ["nvk.se"],
    units: [
      { id: "kansliet", name: "Kansliet" },
      { id: "ekonomi", name: "Ekonomienheten" },
      { id: "medlemsservice", name: "Medlemsservice" },
      { id: "kommunikation", name: "Kommunikationsenheten" },
    ],
  },
  office: {
    name: "Expeditionen",
    phone: "08-123 456 00",
    email: "expeditionen@nvk.se",
    hours: { days: [...weekdays], start: "09:00", end: "16:00" },
  },
  replyDeadline: { workingDays: 2 },
  workingHours: { days: [...weekdays], start: "08:00", end: "17:00", timeZone: "Europe/Stockholm" },
  calendar: { extraDaysOff: [] },
  locale: "sv-SE" as "sv-SE" | "en-GB",
  routing: { topics: [] },
  lexicon: { add: [], remove: [] },
  readability: { lixThreshold: 50 },
  summary: { aggregateOnly: true, minGroupSize: 5, includeSubjects: false },
  graph: { baseUrl: "https://graph.microsoft.com/v1.0" },
};
