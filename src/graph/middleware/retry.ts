import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import type { Clock } from "../clock";
import { systemClock } from "../clock";
import { GraphNetworkError } from "../errors";
import { parseRetryAfter } from "../retry-after";
import { ChainLink, isIdempotentMethod, methodOf, requestInfoOf } from "./request-options";

export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  readonly maxRetries: number;
  /** Backoff base when Graph gives no Retry-After (default 1 s): attempt n waits up to base·2ⁿ. */
  readonly baseDelayMs: number;
  /** Backoff cap (default 32 s). */
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the caller gets "try again after …". */
  readonly maxRetryAfterMs: number;
  /** Statuses worth another attempt (default 429, 503, 504). */
  readonly statuses: readonly number[];
  readonly clock: Clock;
  /** [0, 1): the jitter source. */
  readonly random: () => number;
  /** Told about each retry (no URL, no PII: for logs and tests). */
  readonly onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  readonly operation: string;
  readonly attempt: number;
  readonly delayMs: number;
  readonly reason: number | "network";
}

export const defaultRetryOptions: RetryOptions = {
  maxRetries: 3,
  baseDelayMs: 1000,
  maxDelayMs: 32_000,
  maxRetryAfterMs: 120_000,
  statuses: [429, 503, 504],
  clock: systemClock,
  random: Math.random,
};

/**
 * Retries throttled (429), unavailable (503), timed-out (504) and dropped requests, waiting as
 * long as Retry-After says (seconds, fractional seconds or an HTTP date) or, without it, a
 * full-jitter exponential backoff. Only idempotent requests are retried: a POST that may have
 * been carried out (sendMail, reply, forward) is handed back to the operation layer, which looks
 * in Sent Items instead of sending twice.
 */
export class RetryMiddleware extends ChainLink implements Middleware {
  private readonly options: RetryOptions;

  constructor(options: Partial<RetryOptions> = {}) {
    super();
    this.options = { ...defaultRetryOptions, ...options };
  }

  async execute(context: Context): Promise<void> {
    const info = requestInfoOf(context);
    const idempotent = info?.idempotent ?? isIdempotentMethod(methodOf(context));
    const maxRetries = idempotent ? (info?.maxRetries ?? this.options.maxRetries) : 0;
    const operation = info?.operation ?? "unknown";

    for (let attempt = 0; ; attempt++) {
      context.response = undefined;
      try {
        await this.callNext(context);
      } catch (error) {
        if (!(error instanceof GraphNetworkError) || error.reason === "aborted" || attempt >= maxRetries) {
          throw error;
        }
        await this.wait(attempt, this.backoff(attempt), "network", operation);
        continue;
      }
      const response = context.response as Response | undefined;
      if (!response || !this.options.statuses.includes(response.status) || attempt >= maxRetries) return;
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"), this.options.clock.now());
      if (retryAfter !== undefined && retryAfter > this.options.maxRetryAfterMs) return;
      await discard(response);
      await this.wait(attempt, retryAfter ?? this.backoff(attempt), response.status, operation);
    }
  }

  /** Full jitter: a uniform wait in [0, min(cap, base·2ⁿ)). */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** attempt);
    return Math.floor(this.options.random() * ceiling);
  }

  // No "Retry-Attempt" header is added: it is not in the CORS allow-list that the task pane's
  // requests must pass (the emulator mirrors Graph's), and nothing downstream reads it.
  private async wait(
    attempt: number,
    delayMs: number,
    reason: number | "network",
    operation: string,
  ): Promise<void> {
    this.options.onRetry?.({ operation, attempt: attempt + 1, delayMs, reason });
    await this.options.clock.sleep(delayMs);
  }
}

/** Reads and drops a response body so the connection can be reused. */
async function discard(response: Response): Promise<void> {
  try {
    await response.arrayBuffer();
  } catch {
    // The body was already gone or the connection broke: nothing to free.
  }
}
