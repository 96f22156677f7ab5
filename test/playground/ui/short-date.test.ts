import { shortDate } from "../../../src/playground/ui/components";

describe("shortDate: a message's time in the playground's list", () => {
  const now = new Date("2026-12-03T14:00:00Z"); // 15:00 in Stockholm

  test("today (in Stockholm): the time of day", () => {
    expect(shortDate("2026-12-03T08:05:00Z", "sv-SE", now)).toBe("09:05");
    expect(shortDate("2026-12-03T08:05:00Z", "en-GB", now)).toBe("09:05");
  });

  test("another day: the day and the month, in the window's language", () => {
    expect(shortDate("2026-12-01T08:05:00Z", "sv-SE", now)).toBe("1 dec.");
    expect(shortDate("2026-12-01T08:05:00Z", "en-GB", now)).toBe("1 Dec");
  });

  test("the day is Stockholm's, not UTC's: 23:30 UTC on the 2nd is the 3rd there", () => {
    expect(shortDate("2026-12-02T23:30:00Z", "sv-SE", now)).toBe("00:30");
  });
});
