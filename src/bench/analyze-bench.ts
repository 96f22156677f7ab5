/**
 * The analyzeDraft benchmark: generated Swedish emails of three sizes through the whole analysis
 * (every rule group, the built-in lexicon by default), against the naive one-RegExp-per-form
 * jargon scan on the same text. Node-only (it lives outside src/policy); see docs/performance.md.
 */
import type { DraftInput } from "../policy/analyze";
import { analyzeDraft, ALL_RULE_GROUPS } from "../policy/analyze";
import { defaultConfig } from "../policy/config";
import { compileLexicon } from "../policy/language/jargon";
import { LEXICON_SV } from "../policy/language/lexicon-sv";
import type { EmailFormat } from "./generate-email";
import { generateEmail } from "./generate-email";
import { compileNaive, findJargonNaive } from "./naive";
import type { Timing, TimingJob, TimingPlan } from "./stats";
import { round, timeInterleaved } from "./stats";

/** The figures written to bench-results.json under "analyze" (medians; ms to 2 decimals). */
export interface AnalyzeFigures {
  readonly words1k_ms: number;
  readonly words10k_ms: number;
  readonly words100k_ms: number;
  readonly naive10k_ms: number;
  /** naive10k_ms / words10k_ms */
  readonly speedup_vs_naive: number;
  /** words100k_ms / words10k_ms */
  readonly growth_100k_over_10k: number;
}

export interface AnalyzeBenchResults {
  readonly analyze: AnalyzeFigures;
}

export interface BenchRow {
  readonly label: string;
  /** "analyze" (the whole analysis) or "naive" (the per-form RegExp jargon scan only). */
  readonly kind: "analyze" | "naive";
  readonly format: EmailFormat;
  readonly words: number;
  /** Characters of the body given to analyzeDraft (HTML source for the HTML variant). */
  readonly bodyChars: number;
  /** Characters of the extracted plain text. */
  readonly textChars: number;
  /** Findings (analyze) or hits (naive) of one run. */
  readonly findings: number;
  readonly timing: Timing;
}

export interface TargetResult {
  readonly name: keyof AnalyzeFigures;
  readonly description: string;
  readonly value: number;
  readonly pass: boolean;
}

export interface AnalyzeBenchReport {
  readonly results: AnalyzeBenchResults;
  readonly rows: readonly BenchRow[];
  readonly targets: readonly TargetResult[];
  /** One cold compilation of the built-in lexicon into the token trie (analyzeDraft caches it per config). */
  readonly lexiconCompileMs: number;
  readonly lexiconForms: number;
}

export interface AnalyzeBenchOptions {
  /** The three sizes, in words; default 1,000, 10,000 and 100,000. */
  readonly words?: readonly [number, number, number];
  readonly seed?: number;
  /** The variant the JSON figures come from; default "html" (what Outlook hands the add-in). */
  readonly format?: EmailFormat;
  /** Also time the other variant, for the table only; default true. */
  readonly bothFormats?: boolean;
  /** Timing plans per size (and for the naive scan); default {@link DEFAULT_PLANS}. */
  readonly plans?: BenchPlans;
  /** Called with a line of progress after each measurement. */
  readonly onProgress?: (line: string) => void;
}

export interface BenchPlans {
  readonly small: TimingPlan;
  readonly medium: TimingPlan;
  readonly large: TimingPlan;
  readonly naive: TimingPlan;
}

/** Enough runs for stable medians on a 2-core machine, the whole bench well under a minute. */
export const DEFAULT_PLANS: BenchPlans = {
  small: { warmup: 30, minRuns: 100, maxRuns: 1000, budgetMs: 2000 },
  medium: { warmup: 10, minRuns: 40, maxRuns: 300, budgetMs: 3000 },
  large: { warmup: 3, minRuns: 12, maxRuns: 60, budgetMs: 6000 },
  naive: { warmup: 1, minRuns: 7, maxRuns: 40, budgetMs: 3000 },
};

/** The same bench with fewer runs (`npm run bench -- --quick`): a rough look in ~10 s. */
export const QUICK_PLANS: BenchPlans = {
  small: { warmup: 10, minRuns: 30, maxRuns: 200, budgetMs: 500 },
  medium: { warmup: 3, minRuns: 10, maxRuns: 60, budgetMs: 700 },
  large: { warmup: 1, minRuns: 5, maxRuns: 15, budgetMs: 1500 },
  naive: { warmup: 1, minRuns: 5, maxRuns: 10, budgetMs: 700 },
};

export const TARGETS = {
  words10k_ms: { max: 10, description: "10k words < 10 ms" },
  speedup_vs_naive: { min: 20, description: "≥ 20× faster than naive" },
  growth_100k_over_10k: { max: 12, description: "100k/10k growth ≤ 12" },
} as const;

/** A fixed "now", so date suggestions (and their cost) do not depend on the day the bench runs. */
const NOW = new Date("2026-12-01T10:00:00+01:00");

export function evaluateTargets(figures: AnalyzeFigures): TargetResult[] {
  return [
    {
      name: "words10k_ms",
      description: TARGETS.words10k_ms.description,
      value: figures.words10k_ms,
      pass: figures.words10k_ms < TARGETS.words10k_ms.max,
    },
    {
      name: "speedup_vs_naive",
      description: TARGETS.speedup_vs_naive.description,
      value: figures.speedup_vs_naive,
      pass: figures.speedup_vs_naive >= TARGETS.speedup_vs_naive.min,
    },
    {
      name: "growth_100k_over_10k",
      description: TARGETS.growth_100k_over_10k.description,
      value: figures.growth_100k_over_10k,
      pass: figures.growth_100k_over_10k <= TARGETS.growth_100k_over_10k.max,
    },
  ];
}

export function measureAnalyze(options: AnalyzeBenchOptions = {}): AnalyzeBenchReport {
  const sizes = options.words ?? [1_000, 10_000, 100_000];
  const seed = options.seed ?? 20261201;
  const primary = options.format ?? "html";
  const formats: EmailFormat[] =
    options.bothFormats === false ? [primary] : [primary, primary === "html" ? "text" : "html"];
  const plans = options.plans ?? DEFAULT_PLANS;
  const progress = options.onProgress ?? (() => undefined);
  const config = defaultConfig;
  const context = { config, now: NOW, rules: ALL_RULE_GROUPS };

  const t0 = performance.now();
  compileLexicon(LEXICON_SV, config.lexicon);
  const lexiconCompileMs = performance.now() - t0;

  const planFor = [plans.small, plans.medium, plans.large];
  const labels = ["1k", "10k", "100k"];

  // Every email is generated and analysed once up front (for the table's counts), then all of
  // them and the baseline are timed together, in turns (see timeInterleaved).
  const cases: { row: Omit<BenchRow, "timing">; job: TimingJob }[] = [];
  let naiveText = "";
  for (const format of formats) {
    sizes.forEach((words, index) => {
      const email = generateEmail({ words, seed: seed + index, format });
      const input: DraftInput = {
        body: email.body,
        format,
        subject: email.subject,
        recipients: email.recipients,
      };
      const once = analyzeDraft(input, context);
      if (format === primary && index === 1) naiveText = once.text.text;
      cases.push({
        row: {
          label: labels[index] as string,
          kind: "analyze",
          format,
          words: email.words,
          bodyChars: email.body.length,
          textChars: once.text.text.length,
          findings: once.findings.length,
        },
        job: { fn: () => analyzeDraft(input, context), plan: planFor[index] as TimingPlan },
      });
    });
  }

  // The baseline scans the plain text of the primary 10k-word email (its extraction not counted).
  const patterns = compileNaive(LEXICON_SV);
  const medium = cases[1] as (typeof cases)[number];
  cases.push({
    row: {
      label: "10k",
      kind: "naive",
      format: primary,
      words: medium.row.words,
      bodyChars: naiveText.length,
      textChars: naiveText.length,
      findings: findJargonNaive(naiveText, patterns).length,
    },
    job: { fn: () => findJargonNaive(naiveText, patterns), plan: plans.naive },
  });

  progress(`timing ${cases.length} cases in turns …`);
  const timings = timeInterleaved(cases.map((c) => c.job));
  const rows: BenchRow[] = cases.map((c, k) => ({ ...c.row, timing: timings[k] as Timing }));
  for (const row of rows) {
    progress(
      `${row.kind} ${row.format} ${row.label}: median ${row.timing.medianMs.toFixed(2)} ms (${row.timing.runs} runs)`,
    );
  }
  const analyzed = new Map(rows.slice(0, formats.length * 3).map((row, k) => [k, row]));
  const naiveTiming = (rows[rows.length - 1] as BenchRow).timing;

  // The primary format's rows come first.
  const ms = (index: number): number => (analyzed.get(index) as BenchRow).timing.medianMs;
  const figures: AnalyzeFigures = {
    words1k_ms: round(ms(0), 2),
    words10k_ms: round(ms(1), 2),
    words100k_ms: round(ms(2), 2),
    naive10k_ms: round(naiveTiming.medianMs, 2),
    speedup_vs_naive: round(naiveTiming.medianMs / ms(1), 1),
    growth_100k_over_10k: round(ms(2) / ms(1), 2),
  };
  return {
    results: { analyze: figures },
    rows,
    targets: evaluateTargets(figures),
    lexiconCompileMs,
    lexiconForms: patterns.length,
  };
}
