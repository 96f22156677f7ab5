import type { Context, MiddlewareOptions } from "@microsoft/microsoft-graph-client";
import type { GraphOperation } from "../scopes";

export interface GraphRequestInfo {
  /** The exact URL to fetch (an @odata.nextLink is used byte for byte). */
  readonly url: string;
  readonly operation: GraphOperation;
  /** Scopes to ask the token provider for. */
  readonly scopes: readonly string[];
  /** The permission to name if Graph refuses (least scope for the operation). */
  readonly permission: string;
  /** Whether the request may be repeated after an ambiguous failure. */
  readonly idempotent: boolean;
  /** Concurrency key override (e.g. a $batch aimed at one mailbox). */
  readonly mailboxKey?: string;
  /** Per-request cap on retries (the retry middleware's default otherwise). */
  readonly maxRetries?: number;
}

/**
 * Per-request options every middleware in the chain reads. The SDK keys middleware options by
 * their class, so this is a class, not a plain object.
 */
export class GraphRequestOptions implements MiddlewareOptions {
  constructor(readonly info: GraphRequestInfo) {}
}

export function requestInfoOf(context: Context): GraphRequestInfo | undefined {
  const option = context.middlewareControl?.getMiddlewareOptions(GraphRequestOptions);
  return option instanceof GraphRequestOptions ? option.info : undefined;
}

export function methodOf(context: Context): string {
  return (context.options?.method ?? "GET").toUpperCase();
}

export function urlOf(context: Context): string {
  return typeof context.request === "string" ? context.request : context.request.url;
}

/** Sets a header on the request options, whatever shape the SDK left them in. */
export function setHeader(context: Context, name: string, value: string): void {
  const options = (context.options ??= {});
  const headers = options.headers;
  if (headers instanceof Headers) {
    headers.set(name, value);
  } else if (Array.isArray(headers)) {
    const rest = headers.filter(([key]) => key.toLowerCase() !== name.toLowerCase());
    options.headers = [...rest, [name, value]];
  } else {
    const record: Record<string, string> = { ...(headers as Record<string, string> | undefined) };
    for (const key of Object.keys(record)) if (key.toLowerCase() === name.toLowerCase()) delete record[key];
    record[name] = value;
    options.headers = record;
  }
}

/** Methods that can be repeated without changing the outcome (RFC 9110 §9.2.2). */
export function isIdempotentMethod(method: string): boolean {
  return ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"].includes(method.toUpperCase());
}

/** The base for a middleware that passes the context on. */
export abstract class ChainLink {
  protected next?: { execute(context: Context): Promise<void> };

  setNext(middleware: { execute(context: Context): Promise<void> }): void {
    this.next = middleware;
  }

  protected async callNext(context: Context): Promise<void> {
    if (!this.next) throw new Error("Graph middleware chain ends without a fetch handler");
    await this.next.execute(context);
  }
}
