import Holidays from "date-holidays";
import officialHolidays from "../../fixtures/se-holidays-official-2025-2027.json";
import {
  easterSunday,
  formatCivilDate,
  isSwedishNonWorkingDay,
  parseCivilDate,
  swedishDayOff,
  swedishDaysOff,
} from "../../../src/policy/calendar";

const datesOf = (year: number): string[] => [...swedishDaysOff(year).keys()];

describe("Swedish days off", () => {
  // The fixture is shared/language/se-holidays-official-2025-2027.json, computed from the statutes.
  it.each(Object.keys(officialHolidays.years))("matches the statutory list for %s", (year) => {
    const expected = officialHolidays.years[year as keyof typeof officialHolidays.years]
      .map((h) => h.date)
      .sort();
    expect(datesOf(Number(year))).toEqual(expected);
  });

  it("matches date-holidays (SE, public and bank) for every year 2005–2100", () => {
    const reference = new Holidays("SE");
    const mismatches: string[] = [];
    for (let year = 2005; year <= 2100; year++) {
      const theirs = reference
        .getHolidays(year)
        .filter((h) => h.type === "public" || h.type === "bank")
        .map((h) => h.date.slice(0, 10))
        // Two holidays on one date (Ascension Day on 1 May 2008) appear twice there, once here.
        .filter((date, i, all) => all.indexOf(date) === i);
      const ours = datesOf(year);
      if (JSON.stringify(theirs) !== JSON.stringify(ours)) mismatches.push(`${year}: ${ours} vs ${theirs}`);
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"], // latest possible date
    [2285, "2285-03-22"], // earliest possible date
  ])("computes Easter Sunday %i as %s", (year, expected) => {
    expect(formatCivilDate(easterSunday(year))).toBe(expected);
  });

  it("names a day off in Swedish and English", () => {
    expect(swedishDayOff({ year: 2026, month: 6, day: 19 })?.name).toEqual({
      sv: "Midsommarafton",
      en: "Midsummer Eve",
    });
    expect(swedishDayOff({ year: 2026, month: 6, day: 18 })).toBeUndefined();
  });

  it.each([
    ["2026-12-24", true], // julafton, Thursday
    ["2026-06-19", true], // midsommarafton, Friday
    ["2026-04-03", true], // långfredagen
    ["2026-05-14", true], // Kristi himmelsfärdsdag, Thursday
    ["2026-11-28", true], // an ordinary Saturday
    ["2026-11-30", false], // an ordinary Monday
    ["2026-05-15", false], // klämdag: a working day unless the organisation says otherwise
    ["2026-04-04", true], // påskafton is a Saturday anyway
    ["2027-04-01", false], // skärtorsdagen is a working day
  ])("%s is a non-working day: %s", (date, expected) => {
    expect(isSwedishNonWorkingDay(parseCivilDate(date)!)).toBe(expected);
  });

  it("counts 251 working weekdays in 2026", () => {
    let count = 0;
    for (let day = 1; day <= 365; day++) {
      const date = new Date(Date.UTC(2026, 0, day));
      const civil = parseCivilDate(date.toISOString().slice(0, 10))!;
      if (!isSwedishNonWorkingDay(civil)) count++;
    }
    expect(count).toBe(251);
  });
});
