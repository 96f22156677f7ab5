import { htmlEscape } from "../../../src/policy/text/spans";
import { defaultConfig } from "../../../src/policy/config";
import type { DirectoryProfile } from "../../../src/policy/signature/build-signature";
import { MAX_SIGNATURE_HTML_LENGTH, buildSignature } from "../../../src/policy/signature/build-signature";
import { analyzeSignature } from "../../../src/policy/signature/analyze-signature";

const anna: DirectoryProfile = {
  displayName: "Anna Andersson",
  givenName: "Anna",
  surname: "Andersson",
  jobTitle: "Handläggare",
  department: "Ekonomienheten",
  businessPhones: ["+46 8 123 456 00"],
  mobilePhone: "0701234567",
  mail: "anna.andersson@nvk.se",
};

const OPEN =
  '<div style="font-family:Calibri,Arial,Helvetica,sans-serif;font-size:11pt;line-height:1.3;color:#242424">';
const CLOSING_SV = '<div style="margin:0 0 6pt 0">Med vänliga hälsningar</div>';
const NAME = '<div style="margin:0;font-weight:bold">Anna Andersson</div>';
const line = (html: string) => `<div style="margin:0">${html}</div>`;
const link = (href: string, text: string) =>
  `<a href="${href}" style="color:#242424;text-decoration:none">${text}</a>`;

describe("buildSignature", () => {
  it("builds the full Swedish signature", () => {
    const built = buildSignature(anna, defaultConfig);
    expect(built.text).toBe(
      [
        "Med vänliga hälsningar",
        "Anna Andersson",
        "Handläggare",
        "Ekonomienheten, NVK",
        "Telefon: 08-123 456 00",
        "Mobil: 070-123 45 67",
        "E-post: anna.andersson@nvk.se",
      ].join("\n"),
    );
    expect(built.html).toBe(
      OPEN +
        CLOSING_SV +
        NAME +
        line("Handläggare") +
        line("Ekonomienheten, NVK") +
        line(`Telefon: ${link("tel:+46812345600", "08-123 456 00")}`) +
        line(`Mobil: ${link("tel:+46701234567", "070-123 45 67")}`) +
        line(`E-post: ${link("mailto:anna.andersson@nvk.se", "anna.andersson@nvk.se")}`) +
        "</div>",
    );
    expect(built.missingProfileFields).toEqual([]);
  });

  it("builds the English signature, internationally formatted, without a closing phrase", () => {
    const built = buildSignature(anna, defaultConfig, {
      language: "en",
      closing: false,
      phoneStyle: "international",
    });
    expect(built.text).toBe(
      [
        "Anna Andersson",
        "Handläggare",
        "Ekonomienheten, NVK",
        "Phone: +46 8 123 456 00",
        "Mobile: +46 70 123 45 67",
        "Email: anna.andersson@nvk.se",
      ].join("\n"),
    );
    expect(built.html.startsWith(OPEN + NAME)).toBe(true);
  });

  it("takes the language from the configuration's locale", () => {
    const built = buildSignature(anna, { ...defaultConfig, locale: "en-GB" });
    expect(built.text.split("\n")[0]).toBe("Kind regards");
  });

  it.each([
    ["jobTitle", { jobTitle: null }, "Handläggare", 6],
    // The organisation line stays, with the organisation's name only.
    ["department", { department: undefined }, "Ekonomienheten, NVK", 7],
    ["mail", { mail: "" }, "E-post: anna.andersson@nvk.se", 6],
  ] as const)("leaves out the line for a missing %s, with no empty line", (field, change, gone, count) => {
    const built = buildSignature({ ...anna, ...change }, defaultConfig);
    const lines = built.text.split("\n");
    expect(lines).not.toContain(gone);
    expect(lines).not.toContain("");
    expect(lines).toHaveLength(count);
    expect(built.html).not.toContain('<div style="margin:0"></div>');
    expect(built.missingProfileFields).toEqual([field]);
  });

  it("writes the organisation alone without a department", () => {
    const built = buildSignature({ ...anna, department: "  " }, defaultConfig);
    expect(built.text.split("\n")[3]).toBe("NVK");
  });

  it("does not repeat the organisation the department already names", () => {
    const built = buildSignature({ ...anna, department: "NVK Kansliet" }, defaultConfig);
    expect(built.text.split("\n")[3]).toBe("NVK Kansliet");
  });

  it("falls back to givenName and surname, and reports an incomplete name", () => {
    expect(buildSignature({ ...anna, displayName: null }, defaultConfig).text.split("\n")[1]).toBe(
      "Anna Andersson",
    );
    expect(buildSignature({ ...anna, displayName: "Anna" }, defaultConfig).text.split("\n")[1]).toBe(
      "Anna Andersson",
    );
    const alone = buildSignature({ ...anna, displayName: "Anna", givenName: null }, defaultConfig);
    expect(alone.text.split("\n")[1]).toBe("Anna");
    expect(alone.missingProfileFields).toEqual(["displayName"]);
    const none = buildSignature({ ...anna, displayName: "", givenName: "", surname: "" }, defaultConfig);
    expect(none.text.split("\n")[1]).toBe("Handläggare");
    expect(none.missingProfileFields).toEqual(["displayName"]);
  });

  it("reports businessPhones only when no phone number is left", () => {
    const mobileOnly = buildSignature({ ...anna, businessPhones: [] }, defaultConfig);
    expect(mobileOnly.text).toContain("Mobil: 070-123 45 67");
    expect(mobileOnly.text).not.toContain("Telefon");
    expect(mobileOnly.missingProfileFields).toEqual([]);
    const none = buildSignature({ ...anna, businessPhones: [" "], mobilePhone: null }, defaultConfig);
    expect(none.text).not.toMatch(/Telefon|Mobil/u);
    expect(none.missingProfileFields).toEqual(["businessPhones"]);
  });

  it("reports every missing field of an empty profile in line order", () => {
    const built = buildSignature({ businessPhones: [] }, defaultConfig);
    expect(built.text).toBe("Med vänliga hälsningar\nNVK");
    expect(built.missingProfileFields).toEqual([
      "displayName",
      "jobTitle",
      "department",
      "businessPhones",
      "mail",
    ]);
  });

  it("keeps a phone number it cannot read as written, without a link", () => {
    const built = buildSignature(
      { ...anna, businessPhones: ["ankn. 1234"], mobilePhone: null },
      defaultConfig,
    );
    expect(built.text).toContain("Telefon: ankn. 1234");
    expect(built.html).toContain(line("Telefon: ankn. 1234"));
  });

  it("escapes every value", () => {
    const built = buildSignature(
      {
        ...anna,
        displayName: 'Anna "A" O\'Brien & <b>co</b>',
        jobTitle: "<script>alert(1)</script>",
        department: "R&D <i>",
        businessPhones: ['08-123 456 00"><img src=x>'],
        mail: 'x"@nvk.se',
      },
      defaultConfig,
    );
    expect(built.html).toContain(
      '<div style="margin:0;font-weight:bold">Anna &quot;A&quot; O&#39;Brien &amp; &lt;b&gt;co&lt;/b&gt;</div>',
    );
    expect(built.html).toContain(line("&lt;script&gt;alert(1)&lt;/script&gt;"));
    expect(built.html).toContain(line("R&amp;D &lt;i&gt;, NVK"));
    expect(built.html).toContain(line("Telefon: 08-123 456 00&quot;&gt;&lt;img src=x&gt;"));
    expect(built.html).toContain(line("E-post: x&quot;@nvk.se"));
    expect(built.html).not.toMatch(/<script|<img|<svg|<b>|<i>|class=/iu);
    expect(built.text).toContain("<script>alert(1)</script>");
  });

  it("stays far below the size limit with the longest values", () => {
    const long = "ö".repeat(5000);
    const built = buildSignature(
      {
        displayName: `${long} ${long}`,
        jobTitle: long,
        department: long,
        businessPhones: [long],
        mobilePhone: long,
        mail: `${long}@nvk.se`,
      },
      { organisation: { name: long } },
    );
    expect(built.html.length).toBeLessThanOrEqual(MAX_SIGNATURE_HTML_LENGTH);
    expect(built.text).toContain(`${"ö".repeat(255)}…`);
  });

  it("contains only inline styles: no images, no SVG, no style sheet", () => {
    const { html } = buildSignature(anna, defaultConfig);
    expect(html).not.toMatch(/<img|<svg|<style|class=|<link/iu);
    for (const tag of html.match(/<(?!\/)[^>]+>/gu) ?? [])
      expect(tag).toMatch(/^<(?:div|a) (?:href="[^"]*" )?style="[^"]*">$/u);
  });

  it("builds a signature the analysis finds complete", () => {
    for (const language of ["sv", "en"] as const) {
      const { text } = buildSignature(anna, defaultConfig, { language });
      const analysis = analyzeSignature(text, {
        config: defaultConfig,
        profile: anna as { displayName: string; mail: string },
      });
      expect(analysis.missing).toEqual([]);
      expect(analysis.fields.name?.matchesProfile).toBe(true);
    }
  });
});

describe("htmlEscape", () => {
  it("escapes the five special characters", () => {
    expect(htmlEscape(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});
