import {
  findPhoneNumbers,
  formatSwedishPhone,
  inPhoneContext,
  isValidSwedishNationalNumber,
  parsePhoneNumber,
} from "../../../src/policy/signature/phone";

const only = (text: string) => {
  const found = findPhoneNumbers(text);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe("findPhoneNumbers: written forms", () => {
  it.each([
    ["08-123 456 00", "+46812345600", "08-123 456 00", "FIXED_LINE"],
    ["08-12 34 56", "+468123456", "08-12 34 56", "FIXED_LINE"],
    ["08 123 456 00", "+46812345600", "08-123 456 00", "FIXED_LINE"],
    ["08123 456 00", "+46812345600", "08-123 456 00", "FIXED_LINE"],
    ["070-123 45 67", "+46701234567", "070-123 45 67", "MOBILE"],
    ["0701234567", "+46701234567", "070-123 45 67", "MOBILE"],
    ["073–123 45 67", "+46731234567", "073-123 45 67", "MOBILE"],
    ["+46 (0)8 123 456 00", "+46812345600", "08-123 456 00", "FIXED_LINE"],
    ["+46(0)70-123 45 67", "+46701234567", "070-123 45 67", "MOBILE"],
    ["+46 8 123 456 00", "+46812345600", "08-123 456 00", "FIXED_LINE"],
    ["+46-8-123 456 00", "+46812345600", "08-123 456 00", "FIXED_LINE"],
    ["+46701234567", "+46701234567", "070-123 45 67", "MOBILE"],
    ["+46 08-123 456 00", "+46812345600", "08-123 456 00", "FIXED_LINE"],
    ["0046 70 123 45 67", "+46701234567", "070-123 45 67", "MOBILE"],
    ["08/123 456 00", "+46812345600", "08-123 456 00", "FIXED_LINE"],
    ["(08) 123 456 00", "+46812345600", "08-123 456 00", "FIXED_LINE"],
    ["010-123 45 67", "+46101234567", "010-123 45 67", "UAN"],
    ["031-123 45 67", "+46311234567", "031-123 45 67", "FIXED_LINE"],
    ["0980-123 45", "+4698012345", "0980-123 45", "FIXED_LINE"],
    ["020-12 34 56", "+4620123456", "020-12 34 56", "TOLL_FREE"],
    ["08\u00A0123\u00A0456\u00A000", "+46812345600", "08-123 456 00", "FIXED_LINE"],
  ])("%s", (written, e164, national, type) => {
    const found = only(`Ring ${written} i morgon.`);
    expect(found).toMatchObject({
      start: 5,
      end: 5 + written.length,
      raw: written,
      e164,
      national,
      valid: true,
      type,
    });
  });

  it("0771 numbers (shared cost) are valid; libphonenumber groups them its own way", () => {
    expect(only("0771-123 123")).toMatchObject({
      valid: true,
      e164: "+46771123123",
      national: "077-112 31 23",
    });
  });

  it.each([
    ["Tel: 08-123 456 00", "Tel"],
    ["Tel. 08-123 456 00", "Tel"],
    ["Mobil: 070-123 45 67", "Mobil"],
    ["Tfn 08-123 456 00", "Tfn"],
    ["Telefon: +46 70 123 45 67", "Telefon"],
    ["Växel: 08-123 456 00", "Växel"],
    ["Direkt 08-123 456 01", "Direkt"],
    ["Phone: +46 8 123 456 00", "Phone"],
    ["Mobile: +46 70 123 45 67", "Mobile"],
  ])("reports the label of %s", (text, label) => {
    expect(only(text)).toMatchObject({ label, valid: true });
  });

  it("finds several numbers on one line, with any separator between them", () => {
    const text = "Tel 08-123 456 00 / 070-123 45 67, växel 08-123 456 00";
    expect(findPhoneNumbers(text).map((p) => [p.raw, p.e164, text.slice(p.start, p.end)])).toEqual([
      ["08-123 456 00", "+46812345600", "08-123 456 00"],
      ["070-123 45 67", "+46701234567", "070-123 45 67"],
      ["08-123 456 00", "+46812345600", "08-123 456 00"],
    ]);
  });

  it("reports a number with a digit too few as invalid", () => {
    expect(only("Mobil: 070-123 45 6")).toMatchObject({
      valid: false,
      e164: "+4670123456",
      national: "070123456",
    });
    expect(only("Mobil: 070-123 45 6").type).toBeUndefined();
  });

  it("finds a foreign number but cannot validate it with Sweden-only metadata", () => {
    expect(only("Tel +47 22 12 34 56")).toMatchObject({
      valid: false,
      e164: "+4722123456",
      raw: "+47 22 12 34 56",
    });
  });

  it("ends a number at sentence punctuation", () => {
    expect(only("Ring mig på 070-123 45 67.").raw).toBe("070-123 45 67");
  });
});

describe("findPhoneNumbers: not phone numbers", () => {
  it.each([
    ["ISO date", "Mötet är 2026-12-23."],
    ["Swedish date", "Mötet är 23/12/2026."],
    ["date starting with 0", "Mötet är 01/12/2026 och 01-12-2026."],
    ["short date", "Svara senast 05/12."],
    ["time", "Vi ses 08:30."],
    ["time range", "Öppet kl. 08.00-16.30 och 08.00–12.00."],
    ["hour range", "Öppet 08-16."],
    ["case number", "Dnr 2026/1234"],
    ["case number with a leading 0", "Dnr 0123/2026"],
    ["case number, unseparated", "Ärendenr 123456"],
    ["case number that looks like a phone", "Ärendenr 0701234567"],
    ["order number", "Ordernummer: 0812345600"],
    ["OCR", "OCR 08123456001"],
    ["amount", "Avgiften är 12 345 kr."],
    ["amount with a leading 0", "Det kostar 0 kr, alltså 0 345 678 kr."],
    ["percent", "Ökning 0 123 456 %"],
    ["personnummer", "19121212-1212"],
    ["personnummer of someone born 2005", "050101-1234"],
    ["12-digit personnummer", "20050101-1234"],
    ["labelled unseparated personnummer", "Personnummer: 0501011235"],
    ["postcode", "Box 123, 123 45 Stockholm"],
    ["IBAN", "IBAN SE45 5000 0000 0583 9825 7466"],
    ["IBAN, unlabelled", "SE45 5000 0000 0583 9825 7466"],
    ["address", "skicka till 0701234567@sms.example.se"],
    ["part of a word", "Artikel AB0701234567"],
    ["decimal", "Värdet 0,0701234567"],
    ["version", "Version 1.0701234567"],
    ["year", "År 2026"],
  ])("%s", (_what, text) => {
    expect(findPhoneNumbers(text)).toEqual([]);
  });
});

describe("parsePhoneNumber", () => {
  it("reads a whole directory value", () => {
    expect(parsePhoneNumber(" +46 8 123 456 00 ")).toMatchObject({
      start: 1,
      end: 17,
      e164: "+46812345600",
      valid: true,
    });
  });

  it("refuses text that is more than a number", () => {
    expect(parsePhoneNumber("08-123 456 00 eller 070-123 45 67")).toBeUndefined();
    expect(parsePhoneNumber("ring mig")).toBeUndefined();
  });
});

describe("formatSwedishPhone", () => {
  it("formats nationally or internationally", () => {
    expect(formatSwedishPhone("+46812345600", "national")).toBe("08-123 456 00");
    expect(formatSwedishPhone("+46812345600", "international")).toBe("+46 8 123 456 00");
    expect(formatSwedishPhone("+46701234567", "international")).toBe("+46 70 123 45 67");
    expect(formatSwedishPhone("+4670123456", "national")).toBeUndefined();
  });
});

describe("helpers", () => {
  it("isValidSwedishNationalNumber", () => {
    expect(isValidSwedishNationalNumber("0701234567")).toBe(true);
    expect(isValidSwedishNationalNumber("070123456")).toBe(false);
    expect(isValidSwedishNationalNumber("701234567")).toBe(false);
  });

  it("inPhoneContext looks back on the same line only", () => {
    const text = "Tel\n0701234567 och ring mig på 0701234567";
    expect(inPhoneContext(text, 4)).toBe(false);
    expect(inPhoneContext(text, text.lastIndexOf("07"))).toBe(true);
  });
});

describe("judged numbers are reused", () => {
  it("finds the same numbers again, each with its own text and offsets", () => {
    const text = "Tel: 070-123 45 67\nMobil: 0701234567\nFax: 070-123 45";
    const first = findPhoneNumbers(text);
    const again = findPhoneNumbers(text);
    expect(again).toEqual(first);
    expect(again.map((m) => [m.raw, m.start, m.valid, m.label])).toEqual([
      ["070-123 45 67", 5, true, "Tel"],
      ["0701234567", 26, true, "Mobil"],
      ["070-123 45", 42, false, "Fax"],
    ]);
    expect(again[0]).not.toBe(first[0]);
    expect(findPhoneNumbers("+46 70 123 45 67")[0]).toMatchObject({
      e164: "+46701234567",
      national: "070-123 45 67",
    });
  });
});
