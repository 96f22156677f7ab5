/**
 * The "launchevent" section of `npm run bench`: the event handler's bundle size (gzip) and the
 * send-time check (checkAtSend, src/policy/send-check.ts) on the generated 10k-word email.
 *
 * The bundle is built by webpack's "launchevent" configuration into a temporary directory (the
 * same build `npm run build` writes to dist/); if that build cannot run, dist/launchevent.js is
 * measured when present.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
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

function bundleGzipKb(root: string): { kb: number | null; source: string } {
  const out = mkdtempSync(path.join(tmpdir(), "bemotande-bench-launchevent-"));
  try {
    const webpack = path.join(root, "node_modules", "webpack-cli", "bin", "cli.js");
    execFileSync(
      process.execPath,
      [webpack, "--mode", "production", "--config-name", "launchevent", "--output-path", out],
      { cwd: root, stdio: "ignore" },
    );
    const js = readFileSync(path.join(out, "launchevent.js"));
    return { kb: round(gzipSync(js).length / 1024, 1), source: "webpack production build (this run)" };
  } catch {
    const dist = path.join(root, "dist", "launchevent.js");
    if (!existsSync(dist)) return { kb: null, source: "no bundle (webpack build failed, no dist/)" };
    return { kb: round(gzipSync(readFileSync(dist)).length / 1024, 1), source: "dist/launchevent.js" };
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
    results: { gzip_kb: bundle.kb, send_check_10k_ms: round(timing.medianMs, 2) },
    bundleSource: bundle.source,
    blocked,
    p90Ms: round(timing.p90Ms, 2),
    runs: timing.runs,
  };
}

export function formatLauncheventReport(report: LauncheventReport): string {
  const { gzip_kb, send_check_10k_ms } = report.results;
  return [
    `launchevent.js: ${gzip_kb === null ? "not measured" : `${gzip_kb} KB gzip`} (${report.bundleSource}; budget 80 KB)`,
    `checkAtSend, 10k-word HTML email: median ${send_check_10k_ms} ms, p90 ${report.p90Ms} ms, ${report.runs} runs (blocked: ${report.blocked})`,
    JSON.stringify({ launchevent: report.results }),
  ].join("\n");
}
