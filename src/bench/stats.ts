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

/** One thing to time in {@link timeInterleaved}. */
export interface TimingJob {
  readonly fn: () => unknown;
  readonly plan: TimingPlan;
}

/**
 * Times several jobs in turns of about `sliceMs` each until every plan is met, so that all of
 * them sample the same stretch of time: on a shared machine the load drifts, and timing one job
 * after another would fold that drift into the ratios between them. A plan's budget counts the
 * time spent on that job.
 */
export function timeInterleaved(jobs: readonly TimingJob[], sliceMs = 25): Timing[] {
  let sink: unknown;
  for (const job of jobs) for (let i = 0; i < job.plan.warmup; i++) sink = job.fn();
  const samples = jobs.map((): number[] => []);
  const spent = jobs.map(() => 0);
  const wanted = (j: number): boolean => {
    const { plan } = jobs[j] as TimingJob;
    const n = (samples[j] as number[]).length;
    return n < plan.maxRuns && (n < plan.minRuns || (spent[j] as number) < plan.budgetMs);
  };
  for (let pending = true; pending;) {
    pending = false;
    jobs.forEach((job, j) => {
      if (!wanted(j)) return;
      pending = true;
      const turnStarted = performance.now();
      do {
        const t0 = performance.now();
        sink = job.fn();
        const elapsed = performance.now() - t0;
        (samples[j] as number[]).push(elapsed);
        spent[j] = (spent[j] as number) + elapsed;
      } while (wanted(j) && performance.now() - turnStarted < sliceMs);
    });
  }
  keep(sink);
  return samples.map((runs) => ({
    runs: runs.length,
    medianMs: median(runs),
    p90Ms: percentile(runs, 90),
    minMs: Math.min(...runs),
  }));
}

// Keeps results observable so the optimiser cannot drop the measured call.
let kept: unknown;
function keep(value: unknown): void {
  kept = value;
}
export function lastKept(): unknown {
  return kept;
}
