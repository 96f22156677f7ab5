import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { GraphNetworkError } from "../errors";

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface FetchOptions {
  /** The fetch to use (default: the global one; tests pass a fault-injecting double). */
  readonly fetch?: FetchLike;
  /** Abort a request whose response headers have not arrived after this long (default 30 s). */
  readonly timeoutMs?: number;
}

/**
 * Last link: performs the request. A failure below HTTP becomes a GraphNetworkError, which the
 * SDK passes through untouched and the retry middleware recognises.
 */
export class FetchMiddleware implements Middleware {
  private readonly fetch: FetchLike;
  private readonly timeoutMs: number;

  constructor(options: FetchOptions = {}) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === "string" ? context.request : context.request.url;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const callerSignal = context.options?.signal ?? undefined;
    const onAbort = (): void => controller.abort();
    callerSignal?.addEventListener("abort", onAbort, { once: true });
    try {
      context.response = await this.fetch(url, { ...context.options, signal: controller.signal });
    } catch {
      // The cause (a socket error text, possibly with a host name) is not kept: it is not
      // something a person can act on, and it must not reach a log line.
      throw new GraphNetworkError(timedOut ? "timeout" : callerSignal?.aborted ? "aborted" : "network");
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onAbort);
    }
  }
}
