import { measureAnalyze } from "../../src/bench/analyze-bench";
import type { EmailFormat } from "../../src/bench/generate-email";
import { countWords, generateEmail } from "../../src/bench/generate-email";
import { mergeResults, readResults } from "../../src/bench/results-file";
import { compileLexicon, findJargon } from "../../src/policy/language/jargon";
import { LEXICON_SV } from "../../src/policy/language/lexicon-sv";
import { extractDraftText } from "../../src/policy/text";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const FORMATS: EmailFormat[] = ["text", "html"];

describe("generateEmail", () => {
  it.each(FORMATS)("is deterministic (%s): same seed, same email; another seed, another", (format) => {
    const a = generateEmail({ words: 2_000, seed: 7, format });
    const b = generateEmail({ words: 2_000, seed: 7, format });
    const c = generateEmail({ words: 2_000, seed: 8, format });
    expect(b).toEqual(a);
    expect(c.body).not.toBe(a.body);
  });

  it.each(
    FORMATS.flatMap((format) => [200, 1_000, 10_000, 100_000].map((words) => [format, words] as const)),
  )("%s with %i words hits the word count within 2 %%", (format, words) => {
    const email = generateEmail({ words, seed: 11, format });
    // Counted on what a reader sees: the extracted text for HTML.
    const seen = countWords(extractDraftText(email.body, format).text);
    expect(Math.abs(seen - words)).toBeLessThanOrEqual(words * 0.02);
    expect(Math.abs(email.words - words)).toBeLessThanOrEqual(words * 0.02);
  });

  it.each(FORMATS)(
    "writes a realistic email (%s): greeting, jargon, numbers, signature, history",
    (format) => {
      const email = generateEmail({ words: 3_000, seed: 3, format });
      const draft = extractDraftText(email.body, format);
      const jargon = findJargon(draft.text, compileLexicon(LEXICON_SV));
      expect(email.jargonSentences).toBeGreaterThan(0);
      expect(jargon.length).toBeGreaterThan(10);
      expect(draft.text).toMatch(/^(Hej|God morgon)/);
      expect(draft.text).toMatch(/\b20\d\d-\d\d-\d\d\b/);
      expect(draft.text).toMatch(/\b0\d{1,2}-\d{3} \d{2,3} \d{2}\b/);
      expect(draft.signature).toBeDefined();
      expect(draft.quoted).toBeDefined();
      if (format === "html") expect(email.body).toContain('<p class="MsoNormal">');
    },
  );
});

describe("the analyze benchmark", () => {
  const tiny = { warmup: 0, minRuns: 1, maxRuns: 1, budgetMs: 0 };

  it("returns the documented JSON shape (tiny sizes, nothing timed here)", () => {
    const report = measureAnalyze({
      words: [60, 120, 240],
      bothFormats: false,
      plans: { small: tiny, medium: tiny, large: tiny, naive: tiny },
    });
    expect(Object.keys(report.results)).toEqual(["analyze"]);
    const figures = report.results.analyze;
    expect(Object.keys(figures).sort()).toEqual(
      [
        "growth_100k_over_10k",
        "naive10k_ms",
        "speedup_vs_naive",
        "words100k_ms",
        "words10k_ms",
        "words1k_ms",
      ].sort(),
    );
    for (const value of Object.values(figures)) {
      expect(typeof value).toBe("number");
      expect(Number.isFinite(value)).toBe(true);
    }
    expect(report.targets.map((t) => t.name)).toEqual([
      "words10k_ms",
      "speedup_vs_naive",
      "growth_100k_over_10k",
    ]);
    expect(JSON.parse(JSON.stringify(report.results))).toEqual(report.results);
  });

  it("merges its section into bench-results.json, keeping other sections", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-"));
    try {
      const file = path.join(dir, "bench-results.json");
      writeFileSync(file, JSON.stringify({ other: { x: 1 }, analyze: { old: true } }));
      mergeResults(file, { analyze: { words1k_ms: 1 } });
      expect(readResults(file)).toEqual({ other: { x: 1 }, analyze: { words1k_ms: 1 } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
