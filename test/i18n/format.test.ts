// The reply deadline's date and time as the read pane shows it.
import { formatDayAndTime } from "../../src/i18n";

const STOCKHOLM = "Europe/Stockholm";
const due = new Date("2026-12-29T16:00:00Z"); // 17:00 in Stockholm

describe("formatDayAndTime", () => {
  it("writes weekday, day, month and time in the zone, in Swedish and English", () => {
    const reference = new Date("2026-12-23T12:00:00Z");
    expect(formatDayAndTime(due, "sv", STOCKHOLM, reference)).toBe("tisdag 29 december 17:00");
    expect(formatDayAndTime(due, "en", STOCKHOLM, reference)).toBe("Tuesday 29 December 17:00");
    expect(formatDayAndTime(due, "en", "America/New_York", reference)).toBe("Tuesday 29 December 11:00");
  });

  it("adds the year only when it differs from the reference's, both read in the zone", () => {
    const next = new Date("2027-01-04T08:00:00Z");
    expect(formatDayAndTime(next, "sv", STOCKHOLM, new Date("2026-12-30T09:00:00Z"))).toBe(
      "måndag 4 januari 2027 09:00",
    );
    // 23:30 UTC on New Year's Eve is already 2027 in Stockholm: no year needed.
    expect(formatDayAndTime(next, "sv", STOCKHOLM, new Date("2026-12-31T23:30:00Z"))).toBe(
      "måndag 4 januari 09:00",
    );
  });

  it("answers alike when asked again, in another language or zone between (formatters are kept)", () => {
    const reference = new Date("2026-12-23T12:00:00Z");
    const first = formatDayAndTime(due, "sv", STOCKHOLM, reference);
    formatDayAndTime(due, "en", "Asia/Tokyo", reference);
    for (let zone = 0; zone < 20; zone++) formatDayAndTime(due, "en", `Etc/GMT-${zone % 14}`, reference);
    expect(formatDayAndTime(due, "sv", STOCKHOLM, reference)).toBe(first);
  });
});
