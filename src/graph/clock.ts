/**
 * Time as the Graph layer sees it. Every wait (Retry-After, backoff, the pause before looking
 * for a sent message) goes through `sleep`, so tests inject a clock and never wait for real.
 */
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
