/**
 * The "launchevent" section of `npm run bench`: the event handler's bundle size (gzip) — the
 * entry, launchevent.js, which has the 80 KB budget, and its lazy Graph chunk
 * (launchevent.graph-profile.<hash>.js, loaded only when the cached profile is stale) — and the
 * send-time check (checkAtSend, src/policy/send-check.ts) on the generated 10k-word email.
 *
 * The bundle is built by webpack's "launchevent" configuration into a temporary directory (the
 * same build `npm run build` writes to dist/); if that build cannot run, dist/launchevent.js is
 * measured when present.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { defaultConfig } from "../policy/config";
import { checkAtSend } from "../policy/send-check";
import { generateEmail } from "./generate-email";
import type { TimingPlan } from "./stats";
import { round, timeIt } from "./stats";

export interface LauncheventResults {
  /** gzip size of launchevent.js in KB (1024 bytes), one decimal; null when no bundle could be measured. */
  readonly gzip_kb: number | null;
  /** gzip size of the lazy chunk(s) the entry names, KB, one decimal; null when not measured. */
  readonly chunk_gzip_kb: number | null;
  /** Median of checkAtSend on the 10k-word HTML email, ms. */
  readonly send_check_10k_ms: number;
}

export interface LauncheventReport {
  readonly results: LauncheventResults;
  readonly bundleSource: string;
  readonly blocked: boolean;
  readonly p90Ms: number;
  readonly runs: number;
}

interface BundleSizes {
  readonly kb: number | null;
  readonly chunkKb: number | null;
  readonly source: string;
}

/** The entry's and its lazy chunks' gzip sizes in `dir` (chunks: the files the entry names). */
function sizesIn(dir: string): { kb: number; chunkKb: number | null } {
  const entry = readFileSync(path.join(dir, "launchevent.js"));
  const text = entry.toString("utf8");
  const chunks = readdirSync(dir).filter(
    (f) => /^launchevent\.[\w-]+\.[0-9a-f]{8}\.js$/.test(f) && text.includes(`"${f}"`),
  );
  const chunkBytes = chunks.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(dir, f))).length, 0);
  return {
    kb: round(gzipSync(entry).length / 1024, 1),
    chunkKb: chunks.length === 0 ? null : round(chunkBytes / 1024, 1),
  };
}

function bundleGzipKb(root: string): BundleSizes {
  const out = mkdtempSync(path.join(tmpdir(), "bemotande-bench-launchevent-"));
  try {
    const webpack = path.join(root, "node_modules", "webpack-cli", "bin", "cli.js");
    execFileSync(
      process.execPath,
      [webpack, "--mode", "production", "--config-name", "launchevent", "--output-path", out],
      { cwd: root, stdio: "ignore" },
    );
    return { ...sizesIn(out), source: "webpack production build (this run)" };
  } catch {
    const dist = path.join(root, "dist");
    if (!existsSync(path.join(dist, "launchevent.js")))
      return { kb: null, chunkKb: null, source: "no bundle (webpack build failed, no dist/)" };
    return { ...sizesIn(dist), source: "dist/launchevent.js" };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export function measureLaunchevent(options: {
  seed?: number;
  quick?: boolean;
  root?: string;
}): LauncheventReport {
  const email = generateEmail({ words: 10_000, seed: options.seed ?? 1, format: "html" });
  const input = { body: email.body, format: email.format, recipients: email.recipients };
  const context = { config: defaultConfig, now: new Date("2026-12-01T10:00:00+01:00") };
  const plan: TimingPlan = options.quick
    ? { warmup: 2, minRuns: 5, maxRuns: 20, budgetMs: 500 }
    : { warmup: 5, minRuns: 30, maxRuns: 300, budgetMs: 3_000 };
  const timing = timeIt(() => checkAtSend(input, context), plan);
  const blocked = checkAtSend(input, context).block;
  const bundle = bundleGzipKb(options.root ?? process.cwd());
  return {
    results: {
      gzip_kb: bundle.kb,
      chunk_gzip_kb: bundle.chunkKb,
      send_check_10k_ms: round(timing.medianMs, 2),
    },
    bundleSource: bundle.source,
    blocked,
    p90Ms: round(timing.p90Ms, 2),
    runs: timing.runs,
  };
}

export function formatLauncheventReport(report: LauncheventReport): string {
  const { gzip_kb, chunk_gzip_kb, send_check_10k_ms } = report.results;
  return [
    `launchevent.js: ${gzip_kb === null ? "not measured" : `${gzip_kb} KB gzip`} (${report.bundleSource}; budget 80 KB)`,
    `lazy Graph chunk (stale cache only, HTML runtimes): ${chunk_gzip_kb === null ? "not measured" : `${chunk_gzip_kb} KB gzip`}`,
    `checkAtSend, 10k-word HTML email: median ${send_check_10k_ms} ms, p90 ${report.p90Ms} ms, ${report.runs} runs (blocked: ${report.blocked})`,
    JSON.stringify({ launchevent: report.results }),
  ].join("\n");
}
