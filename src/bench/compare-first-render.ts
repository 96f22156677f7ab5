/**
 * `npm run bench:compare -- A B [--runs N]`: the compose pane's first render of two production
 * builds, for deciding whether a change to the pane's start-up helps. A and B are directories as
 * `npm run build` writes dist/ (copy dist/ aside, change the code, build again). The bench's
 * ratio cannot tell a 15 ms change from the machine's noise; this can: every iteration opens the
 * pane of A and of B back to back (which goes first alternates) and the hello page, measured as
 * `npm run bench` does (taskpane-bench.ts), and the report gives the median of the per-iteration
 * differences B − A and how many iterations B was faster in.
 *
 * Writes the hello page into A/bench-hello/ (it is served beside A's playground).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { findBrowser, LAUNCH_ARGS } from "../build/chromium";
import { createGraphEmulator } from "../emulator/graph";
import { createServer } from "../server/static-server";
import { median, percentile, round } from "./stats";
import { buildHello, helloFirstRender, paneFirstRender } from "./taskpane-bench";

export interface Comparison {
  readonly runs: number;
  readonly a: Summary;
  readonly b: Summary;
  readonly hello: Summary;
  /** Median of the per-iteration differences B − A (negative: B is faster). */
  readonly medianDifferenceMs: number;
  /** Iterations in which B's first render came before A's. */
  readonly bFaster: number;
}

export interface Summary {
  readonly medianMs: number;
  readonly quartilesMs: readonly [number, number];
  /** Median over the hello page's median. */
  readonly ratio: number;
}

function summary(values: readonly number[], helloMedian: number): Summary {
  const m = median(values);
  return {
    medianMs: round(m, 1),
    quartilesMs: [round(percentile(values, 25), 1), round(percentile(values, 75), 1)],
    ratio: round(m / helloMedian, 2),
  };
}

/** The comparison of paired samples: a[k], b[k] and hello[k] come from iteration k. */
export function compare(a: readonly number[], b: readonly number[], hello: readonly number[]): Comparison {
  if (a.length !== b.length || a.length === 0)
    throw new Error("compare: A and B need the same, non-zero number of runs");
  const helloMedian = median(hello);
  const differences = a.map((value, k) => (b[k] as number) - value);
  return {
    runs: a.length,
    a: summary(a, helloMedian),
    b: summary(b, helloMedian),
    hello: summary(hello, helloMedian),
    medianDifferenceMs: round(median(differences), 1),
    bFaster: differences.filter((d) => d < 0).length,
  };
}

export function formatComparison(c: Comparison, names: { a: string; b: string }): string {
  const row = (label: string, s: Summary) =>
    `${label.padEnd(8)} median ${s.medianMs} ms  quartiles ${s.quartilesMs.join("–")} ms  ${s.ratio}× hello`;
  return [
    `compose pane first render, ${c.runs} iterations`,
    row("A", c.a) + `  (${names.a})`,
    row("B", c.b) + `  (${names.b})`,
    row("hello", c.hello),
    `B − A: median ${c.medianDifferenceMs > 0 ? "+" : ""}${c.medianDifferenceMs} ms per iteration; B faster in ${c.bFaster} of ${c.runs}`,
  ].join("\n");
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: "string", default: "15" } },
  });
  const runs = Number(values.runs);
  const [dirA, dirB] = positionals.map((dir) => path.resolve(dir));
  if (!dirA || !dirB || positionals.length !== 2 || !Number.isInteger(runs) || runs < 1) {
    console.error("usage: npm run bench:compare -- A B [--runs N]  (A, B: production builds, as dist/)");
    process.exitCode = 2;
    return;
  }
  const executablePath = findBrowser();
  if (!executablePath) throw new Error("no Chromium found (set CHROME_PATH)");
  await buildHello(dirA);
  const serverA = await createServer({ root: dirA, port: 0, graph: createGraphEmulator() });
  const serverB = await createServer({ root: dirB, port: 0, graph: createGraphEmulator() });
  const browser = await chromium.launch({ executablePath, args: [...LAUNCH_ARGS] });
  try {
    const a: number[] = [];
    const b: number[] = [];
    const hello: number[] = [];
    await paneFirstRender(browser, serverA.url); // warm-up: server caches, JIT
    await paneFirstRender(browser, serverB.url);
    for (let k = 0; k < runs; k++) {
      if (k % 2 === 0) {
        a.push((await paneFirstRender(browser, serverA.url)).ms);
        b.push((await paneFirstRender(browser, serverB.url)).ms);
      } else {
        b.push((await paneFirstRender(browser, serverB.url)).ms);
        a.push((await paneFirstRender(browser, serverA.url)).ms);
      }
      hello.push(await helloFirstRender(browser, serverA.url));
    }
    console.log(formatComparison(compare(a, b, hello), { a: dirA, b: dirB }));
  } finally {
    await browser.close();
    await serverA.close();
    await serverB.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
