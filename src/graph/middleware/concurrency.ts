import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { ChainLink, requestInfoOf, urlOf } from "./request-options";

export interface ConcurrencyOptions {
  /** Requests in flight per mailbox (Exchange allows 4 concurrent requests per app and mailbox). */
  readonly maxPerMailbox: number;
}

/**
 * The mailbox a request is aimed at: "/me", "/users/{id}" (lower-cased, decoded), or "other"
 * for directory-wide calls such as /users?$search. /me and /users/{own id} are counted apart;
 * callers that mix them for one person should pick one form.
 */
export function mailboxKeyOf(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split("?")[0] ?? url;
  }
  const match = /\/(?:(me)(?=\/|$)|users\/([^/]+))/i.exec(path);
  if (!match) return "other";
  if (match[1]) return "me";
  let id = match[2] as string;
  try {
    id = decodeURIComponent(id);
  } catch {
    // Keep the raw segment.
  }
  return `users/${id.replace(/^\('?|'?\)$/g, "").toLowerCase()}`;
}

/** Holds requests back so that no mailbox has more than `maxPerMailbox` in flight. */
export class ConcurrencyMiddleware extends ChainLink implements Middleware {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  private readonly max: number;

  constructor(options: Partial<ConcurrencyOptions> = {}) {
    super();
    this.max = Math.max(1, options.maxPerMailbox ?? 4);
  }

  async execute(context: Context): Promise<void> {
    const key = requestInfoOf(context)?.mailboxKey ?? mailboxKeyOf(urlOf(context));
    await this.acquire(key);
    try {
      await this.callNext(context);
    } finally {
      this.release(key);
    }
  }

  /** Requests in flight for `key` (for tests and diagnostics). */
  inFlight(key: string): number {
    return this.active.get(key) ?? 0;
  }

  private acquire(key: string): Promise<void> {
    const count = this.active.get(key) ?? 0;
    if (count < this.max) {
      this.active.set(key, count + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(key) ?? [];
      queue.push(resolve);
      this.waiting.set(key, queue);
    });
  }

  private release(key: string): void {
    const queue = this.waiting.get(key);
    const next = queue?.shift();
    if (next) {
      // The slot passes straight to the next request: the count stays the same.
      if (queue && queue.length === 0) this.waiting.delete(key);
      next();
      return;
    }
    const count = (this.active.get(key) ?? 1) - 1;
    if (count <= 0) this.active.delete(key);
    else this.active.set(key, count);
  }
}
