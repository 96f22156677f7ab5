import {
  formatIsoInZone,
  fromZoned,
  isValidTimeZone,
  offsetMinutes,
  parseIsoDateTime,
  toZoned,
  zonedYear,
} from "../../../src/policy/calendar";

const STOCKHOLM = "Europe/Stockholm";
const local = (y: number, mo: number, d: number, h: number, mi = 0) => ({
  year: y,
  month: mo,
  day: d,
  hour: h,
  minute: mi,
  second: 0,
});

describe("time zones", () => {
  it("knows Stockholm's winter and summer offsets", () => {
    expect(offsetMinutes(new Date("2026-01-15T12:00:00Z"), STOCKHOLM)).toBe(60);
    expect(offsetMinutes(new Date("2026-07-15T12:00:00Z"), STOCKHOLM)).toBe(120);
  });

  it("converts wall-clock time to an instant and back", () => {
    const instant = fromZoned(local(2026, 12, 29, 17), STOCKHOLM);
    expect(instant.toISOString()).toBe("2026-12-29T16:00:00.000Z");
    expect(toZoned(instant, STOCKHOLM)).toEqual(local(2026, 12, 29, 17));
  });

  it("moves a time inside the spring-forward gap past the jump", () => {
    // 29 March 2026: clocks go from 02:00 CET straight to 03:00 CEST.
    expect(formatIsoInZone(fromZoned(local(2026, 3, 29, 2, 30), STOCKHOLM), STOCKHOLM)).toBe(
      "2026-03-29T03:30:00+02:00",
    );
  });

  it("takes the first of two repeated autumn times", () => {
    // 25 October 2026: 02:00–03:00 happens twice; the first is still CEST.
    expect(fromZoned(local(2026, 10, 25, 2, 30), STOCKHOLM).toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("formats ISO 8601 with the zone's offset", () => {
    expect(formatIsoInZone(new Date("2026-12-23T09:00:00Z"), STOCKHOLM)).toBe("2026-12-23T10:00:00+01:00");
    expect(formatIsoInZone(new Date("2026-06-01T22:30:00Z"), STOCKHOLM)).toBe("2026-06-02T00:30:00+02:00");
    expect(formatIsoInZone(new Date("2026-06-01T22:30:00Z"), "America/St_Johns")).toBe(
      "2026-06-01T20:00:00-02:30",
    );
  });

  it("validates time zone names", () => {
    expect(isValidTimeZone(STOCKHOLM)).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});

describe("parseIsoDateTime", () => {
  it.each([
    ["2026-12-23T10:00:00+01:00", "2026-12-23T09:00:00.000Z"],
    ["2026-12-23T10:00:00Z", "2026-12-23T10:00:00.000Z"],
    ["2026-12-23T10:00:00.5-0230", "2026-12-23T12:30:00.500Z"],
    ["2026-12-23T10:00", "2026-12-23T09:00:00.000Z"], // no offset: Stockholm wall-clock time
    ["2026-07-01 10:00", "2026-07-01T08:00:00.000Z"],
    ["2026-12-23", "2026-12-22T23:00:00.000Z"], // a bare date is its local midnight
  ])("reads %s", (text, expected) => {
    expect(parseIsoDateTime(text, STOCKHOLM)?.toISOString()).toBe(expected);
  });

  it.each([
    "not-a-date",
    "",
    "2026-13-01",
    "2026-02-29T10:00",
    "2026-12-23T24:00",
    "2026-12-23T10:00+25:00",
    "23/12/2026",
  ])("rejects %j", (text) => {
    expect(parseIsoDateTime(text, STOCKHOLM)).toBeUndefined();
  });
});

describe("toZoned's cache of recent results", () => {
  it("gives each caller its own object, so changing one leaves later answers alone", () => {
    const instant = new Date("2026-12-23T09:00:00Z");
    const first: { hour: number } = toZoned(instant, STOCKHOLM);
    first.hour = 99;
    expect(toZoned(instant, STOCKHOLM)).toEqual({
      year: 2026,
      month: 12,
      day: 23,
      hour: 10,
      minute: 0,
      second: 0,
    });
    expect(toZoned(instant, "UTC").hour).toBe(9);
  });

  it("answers alike for many instants (more than it keeps)", () => {
    const start = Date.UTC(2026, 2, 28, 0, 0, 0);
    for (let round = 0; round < 2; round++) {
      for (let h = 0; h < 200; h++) {
        const instant = new Date(start + h * 3_600_000);
        const expected = new Date(instant.getTime() + offsetMinutes(instant, STOCKHOLM) * 60_000);
        expect(toZoned(instant, STOCKHOLM)).toEqual({
          year: expected.getUTCFullYear(),
          month: expected.getUTCMonth() + 1,
          day: expected.getUTCDate(),
          hour: expected.getUTCHours(),
          minute: 0,
          second: 0,
        });
      }
    }
  });
});

describe("zonedYear", () => {
  it("is the UTC year away from New Year, whatever the zone", () => {
    const midsummer = new Date("2026-06-19T12:00:00Z");
    for (const zone of [STOCKHOLM, "Pacific/Kiritimati", "Etc/GMT+12", "UTC"]) {
      expect(zonedYear(midsummer, zone)).toBe(2026);
    }
  });

  it("follows the zone's clock around New Year", () => {
    // 23:30 UTC on New Year's Eve is already 00:30 in Stockholm.
    expect(zonedYear(new Date("2026-12-31T23:30:00Z"), STOCKHOLM)).toBe(2027);
    expect(zonedYear(new Date("2026-12-31T23:30:00Z"), "UTC")).toBe(2026);
    // UTC+14: New Year comes at 10:00 UTC on 31 December.
    expect(zonedYear(new Date("2026-12-31T10:30:00Z"), "Pacific/Kiritimati")).toBe(2027);
    expect(zonedYear(new Date("2026-12-31T09:30:00Z"), "Pacific/Kiritimati")).toBe(2026);
    // UTC−5: still the old year at 04:00 UTC on 1 January.
    expect(zonedYear(new Date("2027-01-01T04:00:00Z"), "America/New_York")).toBe(2026);
    // UTC−12: until noon UTC.
    expect(zonedYear(new Date("2027-01-01T11:59:00Z"), "Etc/GMT+12")).toBe(2026);
    expect(zonedYear(new Date("2027-01-01T12:00:00Z"), "Etc/GMT+12")).toBe(2027);
  });

  it("agrees with toZoned hour by hour across New Year in the zones furthest from UTC", () => {
    const start = Date.UTC(2026, 11, 30, 0, 0, 0);
    for (const zone of [STOCKHOLM, "Pacific/Kiritimati", "Etc/GMT+12", "Pacific/Chatham", "UTC"]) {
      for (let quarter = 0; quarter < 4 * 24 * 4; quarter++) {
        const instant = new Date(start + quarter * 900_000);
        expect([zone, instant.toISOString(), zonedYear(instant, zone)]).toEqual([
          zone,
          instant.toISOString(),
          toZoned(instant, zone).year,
        ]);
      }
    }
  });
});
