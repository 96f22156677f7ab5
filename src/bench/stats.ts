/** Small statistics helpers for the benchmark. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The p-th percentile (0–100), nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export interface Timing {
  readonly runs: number;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly minMs: number;
}

export interface TimingPlan {
  /** Untimed calls first (JIT, caches, lexicon compilation). */
  readonly warmup: number;
  readonly minRuns: number;
  readonly maxRuns: number;
  /** Stop after this many milliseconds of timed runs once minRuns are done. */
  readonly budgetMs: number;
}

/** Calls `fn` plan.warmup times untimed, then times it until the plan is met. */
export function timeIt(fn: () => unknown, plan: TimingPlan): Timing {
  let sink: unknown;
  for (let i = 0; i < plan.warmup; i++) sink = fn();
  const samples: number[] = [];
  const started = performance.now();
  while (
    samples.length < plan.maxRuns &&
    (samples.length < plan.minRuns || performance.now() - started < plan.budgetMs)
  ) {
    const t0 = performance.now();
    sink = fn();
    samples.push(performance.now() - t0);
  }
  keep(sink);
  return {
    runs: samples.length,
    medianMs: median(samples),
    p90Ms: percentile(samples, 90),
    minMs: Math.min(...samples),
  };
}

// Keeps results observable so the optimiser cannot drop the measured call.
let kept: unknown;
function keep(value: unknown): void {
  kept = value;
}
export function lastKept(): unknown {
  return kept;
}
