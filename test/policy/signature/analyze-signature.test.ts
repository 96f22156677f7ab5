import { defaultConfig } from "../../../src/policy/config";
import type { SignatureField } from "../../../src/policy/signature/analyze-signature";
import { SIGNATURE_FIELDS, analyzeSignature } from "../../../src/policy/signature/analyze-signature";

const profile = { displayName: "Anna Andersson", mail: "anna.andersson@nvk.se" };
const context = { config: defaultConfig, profile };

const swedish = {
  name: "Anna Andersson",
  title: "Handläggare",
  organisation: "Ekonomienheten, NVK",
  phone: "Tel: 08-123 456 00",
  email: "E-post: anna.andersson@nvk.se",
};
const english = {
  name: "Anna Andersson",
  title: "Senior Financial Officer",
  organisation: "Finance Department, NVK",
  phone: "Phone: +46 8 123 456 00",
  email: "Email: anna.andersson@nvk.se",
};

const blockOf = (closing: string, lines: Partial<Record<SignatureField, string>>) =>
  [closing, lines.name, lines.title, lines.organisation, lines.phone, lines.email]
    .filter((l) => l !== undefined)
    .join("\n");

describe("analyzeSignature", () => {
  it.each([
    ["Swedish", "Med vänliga hälsningar", swedish],
    ["English", "Kind regards", english],
  ])("finds every field of a complete %s signature", (_language, closing, lines) => {
    const block = blockOf(closing, lines);
    const analysis = analyzeSignature(block, context);
    expect(analysis.present).toBe(true);
    expect(analysis.missing).toEqual([]);
    const { fields } = analysis;
    expect(block.slice(fields.name!.start, fields.name!.end)).toBe("Anna Andersson");
    expect(fields.name?.matchesProfile).toBe(true);
    expect(block.slice(fields.title!.start, fields.title!.end)).toBe(lines.title);
    expect(fields.title?.known).toBe(true);
    expect(fields.phone).toMatchObject({ e164: "+46812345600", valid: true });
    expect(block.slice(fields.phone!.start, fields.phone!.end)).toBe(lines.phone.replace(/^[^:]+: /u, ""));
    expect(fields.email).toMatchObject({
      text: "anna.andersson@nvk.se",
      inOrganisationDomain: true,
      matchesProfile: true,
    });
    expect(block.slice(fields.email!.start, fields.email!.end)).toBe("anna.andersson@nvk.se");
    expect(fields.organisation?.text).toBe(lines.organisation.split(",")[0]);
  });

  describe.each([
    ["Swedish", "Med vänliga hälsningar", swedish],
    ["English", "Best regards", english],
  ])("%s signature", (_language, closing, lines) => {
    it.each(SIGNATURE_FIELDS.map((f) => [f]))("reports a missing %s", (field) => {
      const analysis = analyzeSignature(blockOf(closing, { ...lines, [field]: undefined }), context);
      expect(analysis.present).toBe(true);
      expect(analysis.missing).toEqual([field]);
    });
  });

  it("reports every field missing when no block was found", () => {
    const text = "Hej!\n\nTack för ditt mejl. Ring 08-123 456 00.\n\nAnna Andersson";
    expect(analyzeSignature(text, { ...context, isBlock: false })).toEqual({
      present: false,
      missing: ["name", "title", "phone", "email", "organisation"],
      fields: {},
      phones: [],
    });
    expect(analyzeSignature("  \n", context).present).toBe(false);
  });

  it("reads name and title from one line, and title and unit from another", () => {
    const block = "Anna Andersson, utredare\nKommunikationsstrateg på Kansliet\n070-123 45 67\nanna@nvk.se";
    const analysis = analyzeSignature(block, context);
    expect(analysis.missing).toEqual([]);
    expect(analysis.fields.name?.text).toBe("Anna Andersson");
    expect(analysis.fields.title?.text).toBe("utredare");
    expect(analysis.fields.organisation).toMatchObject({
      text: "Kommunikationsstrateg på Kansliet",
      source: "unit",
    });
  });

  it("wants first and last name", () => {
    const block = "Anna\nHandläggare\nNVK\n08-123 456 00\nanna@nvk.se";
    expect(analyzeSignature(block, context).missing).toEqual(["name"]);
  });

  it("does not take a lone first name for a title", () => {
    expect(analyzeSignature("Anna\nNVK\n08-123 456 00\nanna@nvk.se", context).missing).toEqual([
      "name",
      "title",
    ]);
  });

  it("accepts a full name that is not the profile's", () => {
    const analysis = analyzeSignature("Bo Ek\nHandläggare\nNVK\n08-123 456 00\nbo@nvk.se", context);
    expect(analysis.missing).toEqual([]);
    expect(analysis.fields.name).toMatchObject({ text: "Bo Ek", matchesProfile: false });
    expect(analysis.fields.email?.matchesProfile).toBe(false);
  });

  it("prefers the line that matches the profile's name", () => {
    const analysis = analyzeSignature(
      "Karin Lund\nAnna Maria Andersson\nHandläggare\nNVK\n08-123 456 00\nanna@nvk.se",
      { config: defaultConfig, profile: { displayName: "Andersson, Anna" } },
    );
    expect(analysis.fields.name).toMatchObject({ text: "Anna Maria Andersson", matchesProfile: true });
  });

  it("takes an unlisted title from a line nothing else explains", () => {
    const analysis = analyzeSignature(
      "Anna Andersson\nHuvudskyddsombud\nNVK\n08-123 456 00\nanna@nvk.se",
      context,
    );
    expect(analysis.missing).toEqual([]);
    expect(analysis.fields.title).toMatchObject({ text: "Huvudskyddsombud", known: false });
  });

  it("finds the organisation by its configured name, a unit, or a unit word", () => {
    const org = (line: string) =>
      analyzeSignature(`Anna Andersson\nHandläggare\n${line}`, context).fields.organisation;
    expect(org("NVK")?.source).toBe("organisation");
    expect(org("Medlemsservice")?.source).toBe("unit");
    expect(org("Juridiska avdelningen")?.source).toBe("keyword");
    expect(org("Förbundet")?.source).toBe("keyword");
    expect(org("Kansliet")?.source).toBe("unit");
    expect(org("Stockholm")).toBeUndefined();
  });

  it("notes an address outside the organisation's domains", () => {
    const analysis = analyzeSignature(
      "Anna Andersson\nHandläggare\nNVK\n08-123 456 00\nanna@gmail.com",
      context,
    );
    expect(analysis.missing).toEqual([]);
    expect(analysis.fields.email).toMatchObject({ text: "anna@gmail.com", inOrganisationDomain: false });
  });

  it("treats a subdomain of the organisation as its own", () => {
    const analysis = analyzeSignature("anna@mail.nvk.se", context);
    expect(analysis.fields.email?.inOrganisationDomain).toBe(true);
  });

  it("reports the phone missing when the only number is invalid, and lists it", () => {
    const analysis = analyzeSignature(
      "Anna Andersson\nHandläggare\nNVK\nTel 070-123 45 6\nanna@nvk.se",
      context,
    );
    expect(analysis.missing).toEqual(["phone"]);
    expect(analysis.phones).toHaveLength(1);
    expect(analysis.phones[0]).toMatchObject({ valid: false, raw: "070-123 45 6" });
  });

  it("ignores addresses, postcodes, web addresses and closing lines", () => {
    const block = [
      "Vänliga hälsningar",
      "Anna Andersson",
      "Box 123, 123 45 Stockholm",
      "Besöksadress: Storgatan 1",
      "www.nvk.se",
    ].join("\n");
    const analysis = analyzeSignature(block, context);
    expect(analysis.missing).toEqual(["title", "phone", "email", "organisation"]);
  });

  it("works without a profile", () => {
    const analysis = analyzeSignature(blockOf("MVH", swedish), { config: defaultConfig });
    expect(analysis.missing).toEqual([]);
    expect(analysis.fields.name?.matchesProfile).toBe(false);
    expect(analysis.fields.email?.matchesProfile).toBeUndefined();
  });

  it("gives offsets into the block for Windows line ends", () => {
    const block = "Anna Andersson\r\nHandläggare\r\nNVK\r\n08-123 456 00\r\nanna@nvk.se";
    const { fields } = analyzeSignature(block, context);
    for (const field of SIGNATURE_FIELDS) {
      const span = fields[field]!;
      expect(block.slice(span.start, span.end)).not.toMatch(/^\s|\s$/u);
    }
    expect(block.slice(fields.title!.start, fields.title!.end)).toBe("Handläggare");
  });
});
