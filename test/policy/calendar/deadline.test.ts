import type { DeadlineOptions } from "../../../src/policy/calendar";
import { formatCivilDate, formatIsoInZone, replyDeadline } from "../../../src/policy/calendar";

const STOCKHOLM = "Europe/Stockholm";
const nvk: DeadlineOptions = {
  workingDays: 2,
  workingHours: {
    days: ["monday", "tuesday", "wednesday", "thursday", "friday"],
    start: "08:00",
    end: "17:00",
    timeZone: STOCKHOLM,
  },
};

function due(received: string, options: DeadlineOptions = nvk): string {
  return formatIsoInZone(replyDeadline(new Date(received), options).due, options.workingHours.timeZone);
}

describe("replyDeadline", () => {
  it("gives the policy's own example: Wed 23 Dec 2026 10:00 → end of Tue 29 Dec", () => {
    const result = replyDeadline(new Date("2026-12-23T10:00:00+01:00"), nvk);
    expect(formatCivilDate(result.countedFrom)).toBe("2026-12-23");
    expect(formatCivilDate(result.dueDate)).toBe("2026-12-29");
    expect(formatIsoInZone(result.due, STOCKHOLM)).toBe("2026-12-29T17:00:00+01:00");
  });

  it.each([
    ["an ordinary Monday morning", "2026-11-30T09:15:00+01:00", "2026-12-02T17:00:00+01:00"],
    ["before opening counts from the same day", "2026-11-30T06:00:00+01:00", "2026-12-02T17:00:00+01:00"],
    [
      "just before closing counts from the same day",
      "2026-11-30T16:59:59+01:00",
      "2026-12-02T17:00:00+01:00",
    ],
    ["at closing counts from the next day", "2026-11-30T17:00:00+01:00", "2026-12-03T17:00:00+01:00"],
    ["Friday evening counts from Monday", "2026-11-27T19:00:00+01:00", "2026-12-02T17:00:00+01:00"],
    ["Saturday counts from Monday", "2026-11-28T11:00:00+01:00", "2026-12-02T17:00:00+01:00"],
    ["Maundy Thursday skips Easter", "2026-04-02T10:00:00+02:00", "2026-04-08T17:00:00+02:00"],
    [
      "Good Friday counts from Tuesday after Easter",
      "2026-04-03T10:00:00+02:00",
      "2026-04-09T17:00:00+02:00",
    ],
    ["the day before midsommarafton", "2026-06-18T10:00:00+02:00", "2026-06-23T17:00:00+02:00"],
    ["before Ascension Day", "2026-05-13T10:00:00+02:00", "2026-05-18T17:00:00+02:00"],
    ["nyårsafton and nyårsdagen are skipped", "2026-12-30T10:00:00+01:00", "2027-01-05T17:00:00+01:00"],
    ["trettondedag jul", "2027-01-05T10:00:00+01:00", "2027-01-08T17:00:00+01:00"],
    // 29 March 2026 is the spring DST change: received in CET, due in CEST.
    ["across the spring DST change", "2026-03-27T10:00:00+01:00", "2026-03-31T17:00:00+02:00"],
    // 25 October 2026 is the autumn DST change.
    ["across the autumn DST change", "2026-10-23T10:00:00+02:00", "2026-10-27T17:00:00+01:00"],
    [
      "a UTC timestamp late on Sunday is Monday in Stockholm",
      "2026-11-29T23:30:00Z",
      "2026-12-02T17:00:00+01:00",
    ],
  ])("%s", (_name, received, expected) => {
    expect(due(received)).toBe(expected);
  });

  it("uses the mailbox's own working week and hours", () => {
    const partTime: DeadlineOptions = {
      workingDays: 2,
      workingHours: {
        days: ["monday", "tuesday", "wednesday"],
        start: "07:30",
        end: "15:45",
        timeZone: STOCKHOLM,
      },
    };
    // Wednesday: counts Wed, then Mon and Tue of the next week.
    expect(due("2026-12-02T09:00:00+01:00", partTime)).toBe("2026-12-08T15:45:00+01:00");
  });

  it("honours the organisation's extra days off", () => {
    const withKlamdag = { ...nvk, extraDaysOff: ["2026-05-15"] };
    expect(due("2026-05-13T10:00:00+02:00", withKlamdag)).toBe("2026-05-19T17:00:00+02:00");
  });

  it("counts in the mailbox's time zone, not the reader's", () => {
    const helsinki: DeadlineOptions = {
      ...nvk,
      workingHours: { ...nvk.workingHours, timeZone: "Europe/Helsinki" },
    };
    // 16:30 in Stockholm is 17:30 in Helsinki: after closing there.
    expect(due("2026-11-30T16:30:00+01:00", helsinki)).toBe("2026-12-03T17:00:00+02:00");
  });

  it("supports other deadlines, including the same day", () => {
    expect(due("2026-12-23T10:00:00+01:00", { ...nvk, workingDays: 0 })).toBe("2026-12-23T17:00:00+01:00");
    expect(due("2026-12-23T10:00:00+01:00", { ...nvk, workingDays: 5 })).toBe("2027-01-05T17:00:00+01:00");
  });

  it.each([
    ["an invalid date", new Date("nope"), nvk, "received is not a valid date"],
    [
      "negative working days",
      new Date(),
      { ...nvk, workingDays: -1 },
      "workingDays must be a whole number ≥ 0",
    ],
    [
      "a malformed opening time",
      new Date(),
      { ...nvk, workingHours: { ...nvk.workingHours, start: "8" } },
      'workingHours.start must be "HH:MM", got "8"',
    ],
    [
      "closing before opening",
      new Date(),
      { ...nvk, workingHours: { ...nvk.workingHours, start: "17:00", end: "08:00" } },
      "workingHours.end (08:00) must be after workingHours.start (17:00)",
    ],
    [
      "a week with no working days",
      new Date("2026-12-23T10:00:00+01:00"),
      { ...nvk, workingHours: { ...nvk.workingHours, days: [] } },
      "No working day within 732 days of 2026-12-24",
    ],
  ])("rejects %s", (_name, received, options, message) => {
    expect(() => replyDeadline(received, options)).toThrow(message);
  });
});
