import {
  findIdentityNumbers,
  isExternalRecipient,
  isIdentityNumber,
  luhnCheckDigit,
} from "../../../src/policy/sensitive/personnummer";

// Made-up numbers only: Skatteverket's well-known test number 19121212-1212, and dates with a
// check digit computed here. No real person's number is used.

/** Independent Luhn (mod 10) for the tests: digits weighted 2, 1, 2, … from the left. */
function check(nine: string): string {
  const sum = [...nine]
    .map((d, i) => Number(d) * (i % 2 === 0 ? 2 : 1))
    .reduce((acc, n) => acc + Math.floor(n / 10) + (n % 10), 0);
  return String((10 - (sum % 10)) % 10);
}
/** YYMMDD + a three-digit serial, with the right check digit. */
const valid = (yymmdd: string, serial = "123") => `${yymmdd}${serial}${check(`${yymmdd}${serial}`)}`;
/** The same with a wrong check digit. */
const wrong = (yymmdd: string, serial = "123") =>
  `${yymmdd}${serial}${(Number(check(`${yymmdd}${serial}`)) + 1) % 10}`;

const options = { referenceYear: 2026 };
const find = (text: string) => findIdentityNumbers(text, options);
const raws = (text: string) => find(text).map((m) => m.raw);

describe("luhnCheckDigit", () => {
  it("matches Skatteverket's test number and the independent implementation", () => {
    expect(luhnCheckDigit("121212121")).toBe(2);
    for (const nine of ["811218987", "000229123", "701063123", "070123456"]) {
      expect(String(luhnCheckDigit(nine))).toBe(check(nine));
    }
  });
});

describe("findIdentityNumbers: personnummer", () => {
  it.each([
    ["19121212-1212", "19121212-1212"],
    ["191212121212", "19121212-1212"],
    ["121212+1212", "19121212-1212"],
    ["121212-1212", "20121212-1212"],
    ["1212121212", "20121212-1212"],
  ])("%s", (written, normalized) => {
    expect(find(`Personnummer ${written}, tack.`)).toEqual([
      { start: 13, end: 13 + written.length, raw: written, kind: "personnummer", normalized },
    ]);
  });

  it("finds computed numbers in every form", () => {
    const ten = valid("811218"); // 1981-12-18
    const dashed = `${ten.slice(0, 6)}-${ten.slice(6)}`;
    const text = `Gäller ${dashed}, ${ten} och 19${dashed} samt 19${ten}.`;
    expect(find(text).map((m) => [m.raw, m.normalized, text.slice(m.start, m.end)])).toEqual([
      [dashed, `19${dashed}`, dashed],
      [ten, `19${dashed}`, ten],
      [`19${dashed}`, `19${dashed}`, `19${dashed}`],
      [`19${ten}`, `19${dashed}`, `19${ten}`],
    ]);
  });

  it("accepts leap days in leap years only", () => {
    const leap2000 = valid("000229");
    expect(raws(`${leap2000.slice(0, 6)}-${leap2000.slice(6)}`)).toHaveLength(1); // 2000 is a leap year
    expect(raws(`20${leap2000}`)).toHaveLength(1);
    expect(raws(`19${leap2000}`)).toEqual([]); // 1900 is not
    expect(raws(`${leap2000.slice(0, 6)}+${leap2000.slice(6)}`)).toEqual([]); // + means 1900
    expect(raws(`20${valid("240229")}`)).toHaveLength(1);
    expect(raws(`20${valid("230229")}`)).toEqual([]);
    expect(raws(valid("230229"))).toEqual([]);
  });

  it.each([
    ["19990230-xxxx (30 February)", `19${valid("990230")}`],
    ["31 April", valid("810431")],
    ["month 13", valid("811318")],
    ["month 00", valid("810018")],
    ["day 00", valid("811200")],
    ["day 32", valid("811232")],
    ["day 92 (samordningsnummer of the 32nd)", valid("811292")],
    ["wrong check digit", wrong("811218")],
    ["wrong check digit, 12 digits", `19${wrong("811218")}`],
    ["Skatteverket's number with a wrong check digit", "19121212-1213"],
    ["century 17", `17${valid("811218")}`],
    ["in the future", `20${valid("991218")}`],
    ["12 digits with +", "19121212+1212"],
  ])("rejects %s", (_what, text) => {
    expect(find(text)).toEqual([]);
  });

  it("uses the reference year for the century of a 10-digit number", () => {
    const ten = valid("300101");
    const dashed = `${ten.slice(0, 6)}-${ten.slice(6)}`;
    const plus = `${ten.slice(0, 6)}+${ten.slice(6)}`;
    expect(findIdentityNumbers(dashed, { referenceYear: 2026 })[0]?.normalized).toBe(`19${dashed}`);
    expect(findIdentityNumbers(dashed, { referenceYear: 2031 })[0]?.normalized).toBe(`20${dashed}`);
    expect(findIdentityNumbers(plus, { referenceYear: 2031 })[0]?.normalized).toBe(`19${dashed}`);
    expect(findIdentityNumbers(plus, { referenceYear: 2026 })[0]?.normalized).toBe(`18${dashed}`);
  });
});

describe("findIdentityNumbers: samordningsnummer", () => {
  it("finds the day plus 60", () => {
    const ten = valid("701063"); // 1970-10-03
    const dashed = `${ten.slice(0, 6)}-${ten.slice(6)}`;
    expect(find(`Samordningsnummer ${dashed}`)).toEqual([
      { start: 18, end: 29, raw: dashed, kind: "samordningsnummer", normalized: `19${dashed}` },
    ]);
    expect(find(`19${ten}`)[0]?.kind).toBe("samordningsnummer");
  });

  it("checks leap days the same way", () => {
    expect(find(`20${valid("000289")}`)[0]?.kind).toBe("samordningsnummer"); // 29 Feb 2000
    expect(find(`19${valid("000289")}`)).toEqual([]);
    expect(find(`19${valid("990290")}`)).toEqual([]); // 30 Feb
  });
});

describe("findIdentityNumbers: not personal identity numbers", () => {
  const pnr = "1212121212";
  it.each([
    ["a longer digit run", `1${pnr}`],
    ["a longer digit run after", `${pnr}1`],
    ["12 digits plus one", `19${pnr}1`],
    ["a longer serial", "121212-12121"],
    ["an IBAN", `SE45${pnr}121212`],
    ["a spaced IBAN", "SE45 5000 0000 0583 9825 7466"],
    ["a bank account after a clearing number", `3300-${pnr}`],
    ["a bank account with a comma", `8327-9,${pnr}`],
    ["a number glued to letters", `ID${pnr}`],
    ["a decimal", `0.${pnr}`],
    ["a date", "2026-12-23"],
    ["a date and a time", "2026-12-23 08:30"],
    ["a case number", "Dnr 2026/1234"],
    ["an order number, unseparated", `Ordernr ${pnr}`],
    ["an OCR number", `OCR: 19${pnr}`],
    ["an invoice number", `Fakturanummer ${pnr}`],
    ["an organisation number", "556036-0793"],
    ["a formatted phone number", "070-123 45 69"],
    ["an international phone number", "+46701234569"],
    ["an international phone number with 00", "0046701234569"],
    ["a phone number written unseparated after a label", "Tel 0701234569"],
    ["a phone number after 'ring mig på'", "Ring mig gärna på 0701234569 i eftermiddag."],
    ["a mobile number that is not a valid date", "0731234565"],
    ["a mobile number that fails Luhn", "0701234567"],
  ])("%s", (_what, text) => {
    expect(find(text)).toEqual([]);
  });

  it("the ambiguous case: an unlabelled 10-digit number that is a valid phone number and personnummer", () => {
    // 0701234569 is a valid mobile number and 2007-01-23 with a correct check digit. Without a
    // phone context it is reported (P22 errs on the side of warning); with one it is not.
    expect(isIdentityNumber("0701234569", options)).toBe(true);
    expect(find("Mobil: 0701234569")).toEqual([]);
    expect(find("Personnummer 0701234569\nTel 08-123 456 00")).toHaveLength(1);
  });

  it("reports a separated personnummer even after a reference label", () => {
    expect(raws("Kundnummer: 121212-1212")).toEqual(["121212-1212"]);
  });
});

describe("isIdentityNumber", () => {
  it("accepts exactly one number", () => {
    expect(isIdentityNumber(" 19121212-1212 ", options)).toBe(true);
    expect(isIdentityNumber("19121212-1212 och 121212-1212", options)).toBe(false);
    expect(isIdentityNumber("pnr 19121212-1212", options)).toBe(false);
  });

  it("defaults the reference year to the current year", () => {
    expect(isIdentityNumber("121212-1212")).toBe(true);
  });
});

describe("isExternalRecipient (re-exported)", () => {
  it("is available from personnummer.ts", () => {
    const config = { organisation: { emailDomains: ["nvk.se"] } };
    expect(isExternalRecipient("anna@nvk.se", config)).toBe(false);
    expect(isExternalRecipient("kund@example.com", config)).toBe(true);
  });
});
