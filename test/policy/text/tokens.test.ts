import {
  isSingleLatin1Word,
  letterCount,
  lowerWord,
  tokenize,
  tokenizeLower,
} from "../../../src/policy/text/tokens";

const words = (text: string): string[] => tokenize(text).map((t) => t.text);

describe("tokenize", () => {
  it("splits on spaces and punctuation and keeps offsets into the text", () => {
    const text = "Hej, Åsa! Vi ses på mötet.";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(["Hej", "Åsa", "Vi", "ses", "på", "mötet"]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it("keeps å, ä and ö inside words (no ASCII \\b)", () => {
    expect(words("Ärendet får vänta på återkoppling; öppet då.")).toEqual([
      "Ärendet",
      "får",
      "vänta",
      "på",
      "återkoppling",
      "öppet",
      "då",
    ]);
    expect(words("åej ejå")).toEqual(["åej", "ejå"]);
  });

  it("keeps a decomposed å (a + U+030A) inside the word", () => {
    const text = "Sa\u030Ana hinner";
    expect(words(text)).toEqual(["Sa\u030Ana", "hinner"]);
  });

  it("joins inner hyphens and apostrophes, but not trailing ones", () => {
    expect(words("e-post icke-rökare 2026-12-03 Anna's Anna’s")).toEqual([
      "e-post",
      "icke-rökare",
      "2026-12-03",
      "Anna's",
      "Anna’s",
    ]);
    expect(words("Stockholms- och Uppsalaregionen")).toEqual(["Stockholms", "och", "Uppsalaregionen"]);
    expect(words("x--y -z- 'citat'")).toEqual(["x", "y", "z", "citat"]);
    expect(words("januari–mars")).toEqual(["januari", "mars"]);
  });

  it("joins . , : between digits into one number", () => {
    expect(words("3.5 1.000 kl. 10.30 10:30 3,5 procent den 3.12.")).toEqual([
      "3.5",
      "1.000",
      "kl",
      "10.30",
      "10:30",
      "3,5",
      "procent",
      "den",
      "3.12",
    ]);
  });

  it("splits abbreviations and addresses at their dots", () => {
    expect(words("t.ex. nvk.se")).toEqual(["t", "ex", "nvk", "se"]);
  });

  it("returns nothing for empty or wordless text, and skips emoji", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize(" \n\t—…!?")).toEqual([]);
    expect(words("Tack 👍 hej")).toEqual(["Tack", "hej"]);
  });

  it("reads letters of other scripts as words", () => {
    expect(words("Привет, Ελλάδα; مرحبا")).toEqual(["Привет", "Ελλάδα", "مرحبا"]);
  });
});

describe("tokenizeLower and lowerWord", () => {
  it("adds the lower-case form without changing offsets", () => {
    const tokens = tokenizeLower("ERHÅLLA Ej Överklaga");
    expect(tokens.map((t) => t.lower)).toEqual(["erhålla", "ej", "överklaga"]);
    expect(tokens.map((t) => t.text)).toEqual(["ERHÅLLA", "Ej", "Överklaga"]);
  });

  it("falls back per token when lower-casing changes the text's length", () => {
    // "İ" lower-cases to two code units; offsets must still point into the original.
    const text = "İstanbul ERHÖLL";
    const tokens = tokenizeLower(text);
    const { start, end, text: word, lower } = tokens[1]!;
    expect({ start, end, text: word, lower }).toEqual({ start: 9, end: 15, text: "ERHÖLL", lower: "erhöll" });
  });

  it("scans only the requested range, with offsets into the whole text", () => {
    const tokens = tokenizeLower("Hej Anna, vi erhöll ditt brev. Från: Kalle", 4, 30);
    expect(tokens.map((t) => [t.start, t.end, t.text, t.lower])).toEqual([
      [4, 8, "Anna", "anna"],
      [10, 12, "vi", "vi"],
      [13, 19, "erhöll", "erhöll"],
      [20, 24, "ditt", "ditt"],
      [25, 29, "brev", "brev"],
    ]);
  });

  it("folds decomposed letters when the text has any", () => {
    expect(tokenizeLower("ERHA\u030ALLA").map((t) => t.lower)).toEqual(["erhålla"]);
  });

  it("folds NFD, typographic apostrophes and hyphens", () => {
    expect(lowerWord("ERHA\u030ALLA")).toBe("erhålla");
    expect(lowerWord("Anna’s")).toBe("anna's");
    expect(lowerWord("e\u2011post")).toBe("e-post");
  });
});

describe("letterCount", () => {
  it("counts letters only", () => {
    expect(letterCount("e-post")).toBe(5);
    expect(letterCount("Åsa")).toBe(3);
    expect(letterCount("Sa\u030Ana")).toBe(4);
    expect(letterCount("10.30")).toBe(0);
    expect(letterCount("kärnverksamhet")).toBe(14);
  });
});

describe("isSingleLatin1Word", () => {
  it("is true exactly when tokenize finds one token covering the whole text, in Latin-1", () => {
    const cases = [
      "erhålla",
      "Överklaga",
      "2026",
      "ÅÄÖ",
      "e-post",
      "t.ex.",
      "inkomma med",
      " ärende",
      "ärende\n",
      "",
      "İ",
      "a\u030A",
      "3.5",
    ];
    for (const text of cases) {
      const tokens = tokenize(text);
      const oneWhole = tokens.length === 1 && tokens[0]?.start === 0 && tokens[0]?.end === text.length;
      const latin1 = [...text].every((c) => c.charCodeAt(0) < 0x100);
      expect([text, isSingleLatin1Word(text)]).toEqual([text, oneWhole && latin1 && !/[-'.,:]/.test(text)]);
    }
  });

  it("says no to joined words, which the scanner must handle", () => {
    expect(isSingleLatin1Word("e-post")).toBe(false);
    expect(isSingleLatin1Word("10:30")).toBe(false);
    expect(isSingleLatin1Word("handläggare")).toBe(true);
  });
});
