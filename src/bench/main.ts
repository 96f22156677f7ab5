/**
 * `npm run bench`: times analyzeDraft on generated 1k/10k/100k-word Swedish emails against the
 * naive one-RegExp-per-form baseline, prints a table and PASS/FAIL per target, and merges the
 * medians into bench-results.json under "analyze"; then the event handler's bundle size and the
 * send-time check (launchevent-bench.ts) under "launchevent".
 *
 *   --check      exit 1 when a target is missed (default: always exit 0)
 *   --quick      fewer runs (a rough look, not for the record)
 *   --out FILE   results file (default: bench-results.json in the current directory)
 *   --seed N     generator seed
 *   --no-write   print only
 *   --no-browser skip the task pane's budgets and the typing bench (they need a production build
 *                and Chromium); both go under "taskpane" (typing-bench.ts: typing_*)
 */
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { AnalyzeBenchReport, BenchRow } from "./analyze-bench";
import { DEFAULT_PLANS, QUICK_PLANS, measureAnalyze } from "./analyze-bench";
import { formatLauncheventReport, measureLaunchevent } from "./launchevent-bench";
import { buildAll } from "../build/build-all";
import type { TaskpaneResults } from "./taskpane-bench";
import { formatTaskpaneReport, measureTaskpane } from "./taskpane-bench";
import type { TypingResults } from "./typing-bench";
import { formatTypingReport, measureTyping } from "./typing-bench";
import { mergeResults } from "./results-file";

function pad(cells: readonly string[], widths: readonly number[], right: readonly boolean[]): string {
  return cells
    .map((c, i) => (right[i] ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
    .join("  ");
}

function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly boolean[],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [pad(header, widths, right), rule, ...rows.map((r) => pad(r, widths, right))].join("\n");
}

const thousands = (n: number): string => n.toLocaleString("en-US");

export function formatReport(report: AnalyzeBenchReport): string {
  const { analyze } = report.results;
  const base = (row: BenchRow): number | undefined =>
    report.rows.find((r) => r.kind === "analyze" && r.format === row.format && r.label === "10k")?.timing
      .medianMs;
  const rows = report.rows.map((row) => {
    const ref = base(row);
    return [
      row.kind === "naive" ? "naive (RegExp per form)" : "analyzeDraft",
      row.format,
      row.label,
      thousands(row.words),
      thousands(row.bodyChars),
      thousands(row.findings),
      String(row.timing.runs),
      row.timing.medianMs.toFixed(2),
      row.timing.p90Ms.toFixed(2),
      ref === undefined ? "" : `${(row.timing.medianMs / ref).toFixed(2)}×`,
      ((row.timing.medianMs * 1000) / row.words).toFixed(2),
    ];
  });
  const lines = [
    table(
      [
        "what",
        "format",
        "size",
        "words",
        "chars in",
        "findings",
        "runs",
        "median ms",
        "p90 ms",
        "vs 10k",
        "µs/word",
      ],
      rows,
      [false, false, false, true, true, true, true, true, true, true, true],
    ),
    "",
    `lexicon: ${thousands(report.lexiconForms)} forms; one cold compile into the token trie ${report.lexiconCompileMs.toFixed(2)} ms (cached per config)`,
    `naive baseline: the plain text of the 10k-word email (extraction not counted), vs the whole analysis`,
    "",
    ...report.targets.map(
      (t) => `${t.pass ? "PASS" : "FAIL"}  ${t.description.padEnd(26)} ${t.name} = ${t.value}`,
    ),
    "",
    JSON.stringify({ analyze }),
  ];
  return lines.join("\n");
}

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      check: { type: "boolean", default: false },
      quick: { type: "boolean", default: false },
      out: { type: "string" },
      seed: { type: "string" },
      "no-write": { type: "boolean", default: false },
      "no-browser": { type: "boolean", default: false },
    },
  });
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed))
    throw new Error(`--seed must be an integer, got ${values.seed}`);
  const started = performance.now();
  const report = measureAnalyze({
    ...(seed === undefined ? {} : { seed }),
    plans: values.quick ? QUICK_PLANS : DEFAULT_PLANS,
    onProgress: (line) => process.stderr.write(`  ${line}\n`),
  });
  const load = loadavg()[0] ?? 0;
  const cores = availableParallelism();
  process.stdout.write(`\n${formatReport(report)}\n`);
  process.stdout.write(
    `load average ${load.toFixed(2)} on ${cores} cores${load > cores ? " — the machine is busy; figures are inflated" : ""}\n`,
  );
  const launchevent = measureLaunchevent({
    ...(seed === undefined ? {} : { seed }),
    quick: values.quick,
  });
  process.stdout.write(`\n${formatLauncheventReport(launchevent)}\n`);
  // The task pane's budgets and the typing bench need a production build (one, shared) and
  // Chromium (about three minutes together).
  let taskpane: (TaskpaneResults & TypingResults) | undefined;
  if (!values["no-browser"]) {
    const outDir = await buildAll();
    const budgets = await measureTaskpane({ runs: values.quick ? 3 : 11, outDir });
    process.stdout.write(`\n${formatTaskpaneReport(budgets)}\n`);
    const typing = await measureTyping({
      outDir,
      runs: values.quick ? 1 : 2,
      ...(seed === undefined ? {} : { seed }),
    });
    process.stdout.write(`\n${formatTypingReport(typing)}\n`);
    taskpane = { ...budgets, ...typing };
  }
  if (!values["no-write"]) {
    const out = path.resolve(values.out ?? "bench-results.json");
    const sections = { analyze: report.results.analyze, launchevent: launchevent.results };
    mergeResults(out, taskpane ? { ...sections, taskpane } : sections);
    process.stdout.write(
      `wrote ${Object.keys(taskpane ? { ...sections, taskpane } : sections).join(", ")} to ${out}\n`,
    );
  }
  process.stdout.write(`bench took ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  const missed = report.targets.filter((t) => !t.pass);
  return values.check && missed.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
