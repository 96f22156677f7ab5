import { LEXICON_SOURCES, LEXICON_SV, compileLexicon, findJargon } from "../../../src/policy/language";
import { lowerWord } from "../../../src/policy/text/tokens";

const KINDS = new Set([
  "replace",
  "rephrase",
  "explain",
  "phrase",
  "nominalization",
  "preposition",
  "archaic",
  "tone",
  "fashion",
]);

describe("the Swedish lexicon's integrity", () => {
  it("has at least 300 entries with unique, well-formed ids", () => {
    expect(LEXICON_SV.length).toBeGreaterThanOrEqual(300);
    const ids = LEXICON_SV.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });

  it("gives every entry a known kind, at least one form and a source in the sources table", () => {
    for (const entry of LEXICON_SV) {
      expect({ id: entry.id, kind: KINDS.has(entry.kind) }).toEqual({ id: entry.id, kind: true });
      expect(entry.forms.length).toBeGreaterThan(0);
      expect(Object.keys(LEXICON_SOURCES)).toContain(entry.source);
    }
  });

  it("writes forms in lower case, trimmed, words separated by single spaces", () => {
    for (const entry of LEXICON_SV) {
      for (const form of entry.forms) {
        expect(form).toBe(lowerWord(form).trim().split(/\s+/).join(" "));
      }
    }
  });

  it("has no form in two entries (the longest-match rule relies on it)", () => {
    const owner = new Map<string, string>();
    const duplicates: string[] = [];
    for (const entry of LEXICON_SV) {
      for (const form of new Set(entry.forms)) {
        const other = owner.get(form);
        if (other !== undefined) duplicates.push(`${form}: ${other} and ${entry.id}`);
        owner.set(form, entry.id);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it("never offers the term itself, or a form itself, as its alternative", () => {
    for (const entry of LEXICON_SV) {
      for (const alt of entry.alternatives)
        expect(`${entry.id}: ${lowerWord(alt)}`).not.toBe(`${entry.id}: ${lowerWord(entry.term)}`);
      for (const [form, alts] of Object.entries(entry.formAlternatives ?? {})) {
        expect(entry.forms).toContain(form);
        expect(alts.length).toBeGreaterThan(0);
        for (const alt of alts) expect(`${entry.id}: ${lowerWord(alt)}`).not.toBe(`${entry.id}: ${form}`);
      }
    }
  });

  it("gives advice whenever there is no alternative", () => {
    const silent = LEXICON_SV.filter((e) => e.alternatives.length === 0 && e.advice === undefined).map(
      (e) => e.id,
    );
    expect(silent).toEqual([]);
  });

  it("keeps exceptions apart from forms", () => {
    const forms = new Set(LEXICON_SV.flatMap((e) => e.forms));
    for (const entry of LEXICON_SV)
      for (const phrase of entry.except ?? []) expect(forms.has(phrase)).toBe(false);
  });

  it("compiles every form into a matchable path, and each form alone finds its own entry", () => {
    const lexicon = compileLexicon(LEXICON_SV);
    expect(lexicon.unmatchableForms).toEqual([]);
    const wrong: string[] = [];
    for (const entry of LEXICON_SV) {
      for (const form of entry.forms) {
        const hits = findJargon(form, lexicon);
        if (hits.length !== 1 || hits[0]?.entry.id !== entry.id || hits[0].text !== form) {
          wrong.push(`${form} → ${hits.map((h) => `${h.entry.id}:${h.text}`).join(", ")}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("leaves the everyday words the brief calls out alone", () => {
    const lexicon = compileLexicon(LEXICON_SV);
    const everyday = [
      "ärende",
      "ärendet",
      "bifoga",
      "bifogar",
      "bifogade",
      "på grund av att",
      "gällande",
      "företaget",
      "företagen",
      "erfaren",
      "inställd",
      "handlade",
      "handläggare",
      "innehålla",
      "detsamma",
      "fråga",
      "hinder",
      "besvär",
      "verktyg",
      "hej",
      "tack",
      "beslut",
    ];
    expect(everyday.filter((w) => findJargon(w, lexicon).length > 0)).toEqual([]);
  });

  it("cites the MIT licence of the Svarta listan JSON", () => {
    expect(LEXICON_SOURCES.SL?.licence).toMatch(/MIT License, Copyright \(c\) 2025 Peter Krantz/);
  });
});
