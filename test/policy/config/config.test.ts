import { readFileSync } from "node:fs";
import {
  ConfigError,
  defaultConfig,
  jsonPath,
  parsePolicyConfig,
  parsePolicyConfigText,
} from "../../../src/policy/config";

/** The list of "path: rule" lines a bad config produces. */
function faultsOf(input: unknown): string[] {
  try {
    parsePolicyConfig(input);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("policy configuration", () => {
  it("fills NVK's defaults from an empty document", () => {
    expect(parsePolicyConfig({})).toEqual(defaultConfig);
    expect(defaultConfig.replyDeadline.workingDays).toBe(2);
    expect(defaultConfig.workingHours).toEqual({
      days: ["monday", "tuesday", "wednesday", "thursday", "friday"],
      start: "08:00",
      end: "17:00",
      timeZone: "Europe/Stockholm",
    });
    expect(defaultConfig.organisation.emailDomains).toEqual(["nvk.se"]);
    expect(defaultConfig.office.email).toBe("expeditionen@nvk.se");
    expect(defaultConfig.locale).toBe("sv-SE");
    expect(defaultConfig.readability.lixThreshold).toBe(50);
    expect(defaultConfig.summary).toEqual({ aggregateOnly: true, minGroupSize: 5, includeSubjects: false });
    expect(defaultConfig.graph.baseUrl).toBe("https://graph.microsoft.com/v1.0");
  });

  it("keeps defaults for the fields a partial object leaves out", () => {
    const config = parsePolicyConfig({
      workingHours: { start: "07:30" },
      office: { hours: { end: "15:00" } },
    });
    expect(config.workingHours.start).toBe("07:30");
    expect(config.workingHours.end).toBe("17:00");
    expect(config.office.hours).toEqual({
      days: defaultConfig.office.hours.days,
      start: "09:00",
      end: "15:00",
    });
  });

  it("accepts a complete organisation's configuration", () => {
    const config = parsePolicyConfig({
      organisation: {
        name: "Exempelförbundet",
        emailDomains: ["exempel.se", "post.exempel.se"],
        units: [{ id: "ekonomi", name: "Ekonomi", email: "ekonomi@exempel.se", phone: "08-555 123 00" }],
      },
      routing: {
        topics: [
          {
            id: "faktura",
            name: "Fakturor",
            keywords: ["faktura", "betalning"],
            owner: "ekonomi@exempel.se",
            unit: "ekonomi",
          },
        ],
      },
      lexicon: { add: [{ term: "tillhandahålla", alternatives: ["ge"] }], remove: ["ej"] },
      calendar: { extraDaysOff: ["2026-05-15"] },
      graph: { baseUrl: "http://localhost:3000/graph/v1.0/" },
    });
    expect(config.routing.topics[0]?.owner).toBe("ekonomi@exempel.se");
    expect(config.lexicon.add[0]).toEqual({ term: "tillhandahålla", forms: [], alternatives: ["ge"] });
    expect(config.graph.baseUrl).toBe("http://localhost:3000/graph/v1.0");
  });

  it.each<[string, unknown, string[]]>([
    ["a misspelt field", { workinghours: {} }, ['$: unknown field "workinghours"']],
    [
      "a wrong type",
      { replyDeadline: { workingDays: "2" } },
      ["$.replyDeadline.workingDays: must be a number"],
    ],
    [
      "a fractional day count",
      { replyDeadline: { workingDays: 1.5 } },
      ["$.replyDeadline.workingDays: must be a whole number"],
    ],
    [
      "a zero day count",
      { replyDeadline: { workingDays: 0 } },
      ["$.replyDeadline.workingDays: must be at least 1"],
    ],
    ["a malformed time", { workingHours: { start: "8" } }, ['$.workingHours.start: must be a time "HH:MM"']],
    [
      "closing before opening",
      { workingHours: { start: "17:00", end: "08:00" } },
      ["$.workingHours.end: must be after start (17:00)"],
    ],
    [
      "an unknown time zone",
      { workingHours: { timeZone: "Stockholm" } },
      ['$.workingHours.timeZone: must be an IANA time zone, like "Europe/Stockholm"'],
    ],
    [
      "an unknown weekday",
      { workingHours: { days: ["monday", "funday"] } },
      [
        "$.workingHours.days[1]: must be one of sunday, monday, tuesday, wednesday, thursday, friday, saturday",
      ],
    ],
    [
      "an upper-case domain",
      { organisation: { emailDomains: ["NVK.se"] } },
      ["$.organisation.emailDomains[0]: must be a lower-case domain name, like nvk.se"],
    ],
    [
      "no domains",
      { organisation: { emailDomains: [] } },
      ["$.organisation.emailDomains: must list at least one domain"],
    ],
    [
      "a bad office email",
      { office: { email: "expeditionen" } },
      ["$.office.email: must be an email address, like namn@nvk.se"],
    ],
    [
      "an impossible extra day off",
      { calendar: { extraDaysOff: ["2026-02-30"] } },
      ['$.calendar.extraDaysOff[0]: must be a date "YYYY-MM-DD"'],
    ],
    ["an unsupported locale", { locale: "de-DE" }, ['$.locale: must be "sv-SE" or "en-GB"']],
    [
      "a non-http Graph URL",
      { graph: { baseUrl: "ftp://graph" } },
      ["$.graph.baseUrl: must be an http(s) URL"],
    ],
    ["a top-level array", [], ["$: must be an object"]],
    [
      "duplicate unit ids",
      {
        organisation: {
          units: [
            { id: "a", name: "A" },
            { id: "a", name: "B" },
          ],
        },
      },
      ['$.organisation.units[1]: duplicate unit id "a"'],
    ],
    [
      "a routing topic with two faults",
      { routing: { topics: [{ id: "x", name: "X", keywords: [], owner: "someone", unit: "nowhere" }] } },
      [
        "$.routing.topics[0].keywords: must list at least one keyword",
        "$.routing.topics[0].owner: must be an email address, like namn@nvk.se",
        '$.routing.topics[0].unit: unknown unit "nowhere" (not in organisation.units)',
      ],
    ],
  ])("rejects %s, naming the JSON path and the rule", (_name, input, expected) => {
    expect(faultsOf(input)).toEqual(expected);
  });

  it("reports JSON syntax errors at the root, with the source name", () => {
    expect(() => parsePolicyConfigText("{ nope", "bemotande.json")).toThrow(
      /^bemotande\.json: \$: not valid JSON/,
    );
  });

  it("writes JSON paths that survive odd keys", () => {
    expect(jsonPath(["a", 0, "b-c", "d"])).toBe('$.a[0]["b-c"].d');
  });
});

describe("docs/configuration.md", () => {
  const doc = readFileSync(`${__dirname}/../../../docs/configuration.md`, "utf8");

  it("has an example that is a valid configuration", () => {
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const config = parsePolicyConfigText(example as string, "docs/configuration.md");
    expect(config.routing.topics.map((t) => t.id)).toEqual(["fakturor"]);
  });

  it("documents every top-level field of the schema", () => {
    const undocumented = Object.keys(defaultConfig).filter((key) => !doc.includes(`### \`${key}\``));
    expect(undocumented).toEqual([]);
  });
});
