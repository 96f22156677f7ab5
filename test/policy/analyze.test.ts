import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { analyzeDraft, inferDraftKind, lexiconFor, listOf } from "../../src/policy/analyze";
import { defaultConfig } from "../../src/policy/config/defaults";
import { parsePolicyConfig } from "../../src/policy/config/parse";
import { extractDraftText } from "../../src/policy/text/draft-text";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/check", name), "utf8");
const now = new Date("2026-12-01T10:00:00+01:00"); // Tuesday: two working days on is Thursday 3 December
const context = { config: defaultConfig, now };
const SIGNATURE =
  "\n\nMed vänliga hälsningar\nAnna Berg\nHandläggare, Medlemsservice, NVK\n08-123 456 12\nanna.berg@nvk.se";

const rulesOf = (body: string, extra: Partial<Parameters<typeof analyzeDraft>[0]> = {}) =>
  analyzeDraft({ body, format: "text", ...extra }, context).findings.map((f) => `${f.rule}:${f.text}`);

describe("analyzeDraft", () => {
  it("judges the author's text and signature, never the quoted history", () => {
    const result = analyzeDraft(
      { body: fixture("refusal-reply.txt"), format: "text", recipients: ["kalle@example.com"] },
      context,
    );
    expect(result.kind).toBe("reply");
    expect(result.signature).toEqual({ present: true, missing: [] });
    expect(result.findings.map((f) => [f.rule, f.severity, f.policy, f.text])).toEqual([
      ["tone.objection-first", "warning", "P8", "Tyvärr"],
      ["case.no-timeline", "warning", "P11", "din ansökan"],
      ["refusal.unexplained", "warning", "P12", "avslag"],
      ["jargon", "warning", "P14", "erhållit"],
      ["jargon", "warning", "P14", "ej"],
      // The quoted "erhållit" is the sender's, but the personnummer leaves NVK with the reply.
      ["sensitive.personnummer", "error", "P22", "19121212-1212"],
    ]);
    for (const f of result.findings) expect(result.text.text.slice(f.start, f.end)).toBe(f.text);
  });

  it("finds nothing to say about a compliant HTML reply", () => {
    const result = analyzeDraft(
      { body: fixture("compliant.html"), format: "html", subject: "SV: Resebidrag" },
      context,
    );
    expect(result.findings).toEqual([]);
    expect(result.signature).toEqual({ present: true, missing: [] });
    expect(result.lix).toBeGreaterThan(0);
  });

  it("reports a missing signature as an error and names the missing parts", () => {
    const none = analyzeDraft({ body: "Hej!\nMötet är på fredag.", format: "text" }, context).findings;
    expect(none.map((f) => [f.rule, f.severity, f.policy])).toEqual([["signature.missing", "error", "P6"]]);
    expect(none[0]!.message.sv).toBe(
      "Meddelandet saknar signatur. Policyn kräver namn, titel, telefonnummer och e-postadress.",
    );
    const partial = analyzeDraft(
      { body: "Hej!\nMötet är på fredag.\n\nMvh\nAnna Berg\nanna.berg@nvk.se", format: "text" },
      context,
    );
    expect(partial.signature).toEqual({ present: true, missing: ["title", "phone", "organisation"] });
    expect(partial.findings[0]!.message.en).toBe(
      "The signature lacks title, phone number and organisation or unit.",
    );
  });

  it("suggests the compliant signature from the directory profile", () => {
    const profile = {
      displayName: "Anna Berg",
      jobTitle: "Handläggare",
      department: "Medlemsservice",
      businessPhones: ["+46 8 123 456 12"],
      mail: "anna.berg@nvk.se",
    };
    const result = analyzeDraft(
      { body: "Hej!\nMötet är på fredag.", format: "text" },
      { ...context, profile },
    );
    expect(result.findings.map((f) => [f.rule, f.suggestions])).toEqual([
      [
        "signature.missing",
        [
          "Med vänliga hälsningar\nAnna Berg\nHandläggare\nMedlemsservice, NVK\nTelefon: 08-123 456 12\nE-post: anna.berg@nvk.se",
        ],
      ],
    ]);
  });

  it("names the directory fields a profile lacks, instead of leaving lines empty", () => {
    const profile = { displayName: "Bo Ek", businessPhones: [], mail: "bo.ek@nvk.se" };
    const result = analyzeDraft({ body: `Hej!${SIGNATURE}`, format: "text" }, { ...context, profile });
    const finding = result.findings.find((f) => f.rule === "signature.profile-incomplete");
    expect(finding?.severity).toBe("info");
    expect(finding?.message.sv).toBe(
      "Din profil i katalogen saknar Befattning (jobTitle), Avdelning (department), Telefon, arbete (businessPhones). Be IT fylla i fälten – då kommer uppgifterna med i signaturen.",
    );
  });

  it("grades personal identity numbers by recipient", () => {
    const body = `Ditt personnummer 19121212-1212 är registrerat.${SIGNATURE}`;
    const severity = (recipients: string[]) =>
      analyzeDraft({ body, format: "text", recipients }, context).findings.find(
        (f) => f.rule === "sensitive.personnummer",
      )?.severity;
    expect(severity(["lena@nvk.se"])).toBe("info");
    expect(severity(["lena@nvk.se", "kalle@example.com"])).toBe("error");
    expect(severity([])).toBe("info");
  });

  it("flags text above the readability threshold at its longest sentence", () => {
    const hard =
      "Organisationsförändringen medförde omfattande konsekvenser beträffande verksamhetsplaneringen, " +
      "vilket föranledde ytterligare utredningsinsatser avseende personalförsörjningsfrågorna inom förvaltningsorganisationen " +
      "under det innevarande verksamhetsåret.";
    const result = analyzeDraft(
      { body: `${hard} Tack.${SIGNATURE}`, format: "text", kind: "new" },
      {
        ...context,
        rules: ["readability"],
      },
    );
    expect(result.findings.map((f) => f.rule)).toEqual(["readability"]);
    expect(result.findings[0]!.text).toBe(hard);
    expect(result.findings[0]!.message.sv).toMatch(
      /^Texten är svårläst: LIX \d+(\.\d)? \(.+\), målet är högst 50\./,
    );
    const lenient = parsePolicyConfig({ readability: { lixThreshold: 100 } });
    expect(
      analyzeDraft(
        { body: `${hard}${SIGNATURE}`, format: "text" },
        { config: lenient, now, rules: ["readability"] },
      ).findings,
    ).toEqual([]);
  });

  it("does not grade the readability of a two-line note", () => {
    expect(rulesOf(`Jag återkommer.${SIGNATURE}`)).not.toContain("readability:Jag återkommer.");
  });

  it("runs only the requested rule groups", () => {
    const body = "Vi har erhållit 19121212-1212.";
    const only = (rules: Parameters<typeof analyzeDraft>[1]["rules"]) =>
      analyzeDraft(
        { body, format: "text", recipients: ["a@example.com"] },
        { ...context, rules },
      ).findings.map((f) => f.rule);
    expect(only(["signature", "sensitive"])).toEqual(["sensitive.personnummer", "signature.missing"]);
    expect(only(["jargon"])).toEqual(["jargon"]);
  });

  it("applies the configuration's lexicon changes", () => {
    const config = parsePolicyConfig({
      lexicon: { add: [{ term: "snarast", alternatives: ["så snart som möjligt"] }], remove: ["ej"] },
    });
    const result = analyzeDraft(
      { body: `Svara snarast, ej senare än fredag.${SIGNATURE}`, format: "text" },
      { config, now },
    );
    expect(result.findings.map((f) => [f.rule, f.text, f.suggestions])).toEqual([
      ["jargon", "snarast", ["så snart som möjligt"]],
    ]);
    expect(lexiconFor(config)).toBe(lexiconFor(config)); // compiled once per configuration
  });

  it("suggests dated follow-ups counted in Swedish working days", () => {
    expect(rulesOf(`Jag återkommer så snart jag kan.${SIGNATURE}`)).toEqual([
      "followup.no-date:återkommer så snart",
    ]);
    const finding = analyzeDraft({ body: `Jag återkommer.${SIGNATURE}`, format: "text" }, context)
      .findings[0];
    expect(finding?.suggestions).toEqual(["Jag återkommer senast torsdag 3 december."]);
  });

  it("infers whether the draft is new, a reply or a forward", () => {
    const plain = extractDraftText("Hej", "text");
    const quoted = extractDraftText("Hej\n\n-----Ursprungligt meddelande-----\nFrån: a@b.se\n", "text");
    expect(inferDraftKind("SV: Fråga", plain)).toBe("reply");
    expect(inferDraftKind("Re: Question", plain)).toBe("reply");
    expect(inferDraftKind("VB: Fråga", quoted)).toBe("forward");
    expect(inferDraftKind("Fwd: Question", plain)).toBe("forward");
    expect(inferDraftKind("Fråga", quoted)).toBe("reply");
    expect(inferDraftKind("Fråga", plain)).toBe("new");
    expect(inferDraftKind(undefined, plain)).toBe("new");
  });

  it("lists fields in readable Swedish and English", () => {
    expect(listOf(["title"], "sv")).toBe("titel");
    expect(listOf(["title", "phone", "email"], "sv")).toBe("titel, telefonnummer och e-postadress");
    expect(listOf(["name", "organisation"], "en")).toBe("first and last name and organisation or unit");
  });
});

describe("docs/rules.md", () => {
  it("documents every rule id the policy code can emit", () => {
    const doc = readFileSync(path.join(__dirname, "../../docs/rules.md"), "utf8");
    const sources = readdirSync(path.join(__dirname, "../../src/policy"), {
      recursive: true,
      encoding: "utf8",
    })
      .filter((file) => file.endsWith(".ts"))
      .map((file) => readFileSync(path.join(__dirname, "../../src/policy", file), "utf8"));
    const emitted = new Set(
      sources.flatMap((text) => [...text.matchAll(/rule: "([a-z.-]+)"/g)].map((m) => m[1])),
    );
    expect(emitted.size).toBeGreaterThanOrEqual(8);
    expect([...emitted].filter((id) => !doc.includes(`## \`${id}\``))).toEqual([]);
  });
});
