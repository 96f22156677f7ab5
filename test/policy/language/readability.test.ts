import type { Span } from "../../../src/policy/findings";
import {
  LIX_BAND_IDS,
  LIX_BANDS,
  lix,
  lixBand,
  lixBandLabel,
  sentenceLengths,
  splitSentences,
} from "../../../src/policy/language";

const sentences = (text: string, ranges?: Span[]): string[] =>
  splitSentences(text, ranges).map((s) => text.slice(s.start, s.end));

describe("splitSentences", () => {
  it("splits at . ! ? and keeps closing quotes and brackets", () => {
    expect(sentences('Hej! Hur mår du? Bra. Han sa "Kom." (Det gick.) Slut')).toEqual([
      "Hej!",
      "Hur mår du?",
      "Bra.",
      'Han sa "Kom."',
      "Det gick.)",
      "Slut",
    ]);
  });

  it("survives abbreviations that never end a sentence", () => {
    const text =
      "Ta med t.ex. pass, bl.a. körkort, dvs. något med foto. Vi ses kl. 10 i sal nr. 3, d.v.s. s.k. rummet. " +
      "Avgiften gäller fr.o.m. 1 maj t.o.m. 30 juni p.g.a. ombyggnad. Kostnaden är ca. 300 kronor.";
    expect(sentences(text)).toEqual([
      "Ta med t.ex. pass, bl.a. körkort, dvs. något med foto.",
      "Vi ses kl. 10 i sal nr. 3, d.v.s. s.k. rummet.",
      "Avgiften gäller fr.o.m. 1 maj t.o.m. 30 juni p.g.a. ombyggnad.",
      "Kostnaden är ca. 300 kronor.",
    ]);
  });

  it("lets m.m., osv., etc., kr. and month abbreviations end a sentence only before a capital", () => {
    expect(sentences("Ta med papper, pennor m.m. Vi bjuder på fika osv. i pausen.")).toEqual([
      "Ta med papper, pennor m.m.",
      "Vi bjuder på fika osv. i pausen.",
    ]);
    expect(
      sentences(
        "Mötet är den 3 jan. kl. 10.30. Vi ses 5 feb. 2026 i Malmö. Det kostar 100 kr. Betala i dag.",
      ),
    ).toEqual([
      "Mötet är den 3 jan. kl. 10.30.",
      "Vi ses 5 feb. 2026 i Malmö.",
      "Det kostar 100 kr.",
      "Betala i dag.",
    ]);
  });

  it("keeps numbers, dates, addresses and initials inside the sentence", () => {
    expect(
      sentences(
        "Räntan är 3.5 procent på 1.000 kronor. Läs mer på nvk.se. Svaret kom 3.12. 10.30 var vi klara.",
      ),
    ).toEqual([
      "Räntan är 3.5 procent på 1.000 kronor.",
      "Läs mer på nvk.se.",
      "Svaret kom 3.12. 10.30 var vi klara.",
    ]);
    expect(sentences("Beslutet fattades av A. Svensson och K. B. Berg. Hon ringer dig.")).toEqual([
      "Beslutet fattades av A. Svensson och K. B. Berg.",
      "Hon ringer dig.",
    ]);
  });

  it("ends a sentence at a blank line, and at a line break before a capital", () => {
    const text = [
      "Hej Anna",
      "",
      "Tack för ditt mejl. Vi har tagit emot din ansökan och kommer att",
      "behandla den så snart som möjligt",
      "",
      "Med vänliga hälsningar",
      "Karin Berg",
      "Handläggare, NVK",
      "- Telefon 08-123 456 00",
    ].join("\n");
    expect(sentences(text)).toEqual([
      "Hej Anna",
      "Tack för ditt mejl.",
      "Vi har tagit emot din ansökan och kommer att\nbehandla den så snart som möjligt",
      "Med vänliga hälsningar",
      "Karin Berg",
      "Handläggare, NVK",
      "Telefon 08-123 456 00",
    ]);
  });

  it("ends an abbreviation's sentence at a blank line", () => {
    expect(sentences("Ta med pennor m.m.\n\nvälkommen")).toEqual(["Ta med pennor m.m.", "välkommen"]);
  });

  it("splits only inside the given ranges, each range ending its sentences", () => {
    const text = "Första meningen. Andra meningen fortsätter här. > Citat från förra mejlet.";
    const end = text.indexOf(">");
    expect(sentences(text, [{ start: 0, end: text.indexOf("här") }])).toEqual([
      "Första meningen.",
      "Andra meningen fortsätter",
    ]);
    expect(sentences(text, [{ start: 0, end }]).length).toBe(2);
  });

  it("returns nothing for empty or wordless text", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences(" \n\n ... !? ")).toEqual([]);
  });
});

describe("lix", () => {
  it("is 0 and 'very-easy' for empty text", () => {
    expect(lix("")).toEqual({
      lix: 0,
      words: 0,
      sentences: 0,
      longWords: 0,
      band: "very-easy",
      longestSentences: [],
    });
    expect(lix("  \n ").band).toBe("very-easy");
  });

  it("computes a short, easy text", () => {
    // Jag heter Anna. | Jag bor i Malmö.  → 7 words, 2 sentences, 0 long words.
    // LIX = 7/2 + 100 × 0/7 = 3.5
    const result = lix("Jag heter Anna. Jag bor i Malmö.");
    expect(result).toMatchObject({ words: 7, sentences: 2, longWords: 0, band: "very-easy" });
    expect(result.lix).toBeCloseTo(3.5, 10);
  });

  it("counts long words as more than six letters", () => {
    // Vi har fått din ansökan(7). | Handläggningstiden(18) är ungefär(7) tre veckor(6).
    // 10 words, 2 sentences, 3 long (veckor has exactly 6 letters and is not long).
    // LIX = 10/2 + 100 × 3/10 = 5 + 30 = 35 → easy
    const result = lix("Vi har fått din ansökan. Handläggningstiden är ungefär tre veckor.");
    expect(result).toMatchObject({ words: 10, sentences: 2, longWords: 3, band: "easy" });
    expect(result.lix).toBeCloseTo(35, 10);
  });

  it("computes an abbreviation-heavy text", () => {
    // Sentence 1: Ta med t ex pass körkort(7) m m till mötet kl 10.30 den 3 jan → 15 words
    // Sentence 2: Vi ses då → 3 words.  18 words, 2 sentences, 1 long word.
    // LIX = 18/2 + 100 × 1/18 = 9 + 5.5556 = 14.5556
    const result = lix("Ta med t.ex. pass, körkort m.m. till mötet kl. 10.30 den 3 jan. Vi ses då.");
    expect(result).toMatchObject({ words: 18, sentences: 2, longWords: 1 });
    expect(result.lix).toBeCloseTo(9 + 100 / 18, 10);
  });

  it("computes typical official prose as difficult", () => {
    // Myndigheten(11) handlägger(10) inkomna(7) ansökningar(11) skyndsamt(9) och(3) meddelar(8)
    // beslut(6) skriftligen(11). → 9 words, 1 sentence, 7 long.
    // LIX = 9/1 + 100 × 7/9 = 9 + 77.78 = 86.78 → very difficult
    const result = lix(
      "Myndigheten handlägger inkomna ansökningar skyndsamt och meddelar beslut skriftligen.",
    );
    expect(result).toMatchObject({ words: 9, sentences: 1, longWords: 7, band: "very-difficult" });
    expect(result.lix).toBeCloseTo(9 + 700 / 9, 10);
  });

  it("only counts text inside the ranges", () => {
    const own = "Jag heter Anna. Jag bor i Malmö.";
    const text = `${own}\n\n> Myndigheten handlägger inkomna ansökningar skyndsamt.`;
    const result = lix(text, [{ start: 0, end: own.length }]);
    expect(result).toMatchObject({ words: 7, sentences: 2, longWords: 0 });
  });

  it("reports the longest sentences, longest first", () => {
    const text =
      "Kort. En lite längre mening här. Den här meningen är längst av alla fyra. Två ord. Mellan lång mening.";
    const longest = lix(text).longestSentences.map((s) => text.slice(s.start, s.end));
    expect(longest).toEqual([
      "Den här meningen är längst av alla fyra.",
      "En lite längre mening här.",
      "Mellan lång mening.",
    ]);
    expect(sentenceLengths(text).map((s) => s.words)).toEqual([1, 5, 8, 2, 3]);
  });
});

describe("LIX bands", () => {
  it.each([
    [0, "very-easy"],
    [29.99, "very-easy"],
    [30, "easy"],
    [39.9, "easy"],
    [40, "medium"],
    [50, "difficult"],
    [59.9, "difficult"],
    [60, "very-difficult"],
    [95, "very-difficult"],
  ])("%d → %s", (value, band) => {
    expect(lixBand(value)).toBe(band);
  });

  it("exports ids and Swedish and English labels", () => {
    expect(LIX_BAND_IDS).toEqual(["very-easy", "easy", "medium", "difficult", "very-difficult"]);
    expect(lixBandLabel("medium")).toEqual({ sv: "Medelsvår", en: "Medium" });
    for (const band of LIX_BANDS) expect(band.label.sv.length).toBeGreaterThan(0);
  });
});
