// A fault-injecting fetch double for the Graph layer (the idea of msgraph-sdk's
// DummyHTTPMessageHandler): routes answer with canned responses, "drop" throws like a broken
// connection, and every request is recorded with the number of requests in flight per mailbox.
import type { Clock } from "../../src/graph/clock";
import type { GraphClientOptions } from "../../src/graph/client";
import { GraphClient } from "../../src/graph/client";
import { mailboxKeyOf } from "../../src/graph/middleware/concurrency";
import type { TokenProvider, TokenRequestOptions } from "../../src/graph/middleware/auth";

export const BASE = "https://graph.microsoft.com/v1.0";

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export type Reply = Response | "drop" | "dropAfter";
export type Handler = (request: RecordedRequest, call: number) => Reply | Promise<Reply>;

interface Route {
  method: string;
  path: string | RegExp;
  handler: Handler;
  calls: number;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

export function empty(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}

export function graphError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return json(
    status,
    { error: { code, message, innerError: { "request-id": "req-1", date: "2026-03-02T09:00:00" } } },
    headers,
  );
}

/** Answers `replies` in turn, repeating the last one. */
export function sequence(...replies: Array<Reply | (() => Reply)>): Handler {
  return (_request, call) => {
    const reply = replies[Math.min(call, replies.length - 1)] as Reply | (() => Reply);
    return typeof reply === "function" ? reply() : reply instanceof Response ? reply.clone() : reply;
  };
}

export class FakeGraph {
  readonly requests: RecordedRequest[] = [];
  readonly maxInFlight = new Map<string, number>();
  private readonly inFlight = new Map<string, number>();
  private readonly routes: Route[] = [];
  /** Real milliseconds each response takes (lets concurrent requests overlap). */
  latencyMs = 0;

  on(method: string, path: string | RegExp, handler: Handler | Reply): this {
    const h: Handler = typeof handler === "function" ? handler : sequence(handler);
    this.routes.push({ method: method.toUpperCase(), path, handler: h, calls: 0 });
    return this;
  }

  count(method?: string, path?: string | RegExp): number {
    return this.requests.filter(
      (r) =>
        (method === undefined || r.method === method) &&
        (path === undefined || (typeof path === "string" ? r.path === path : path.test(r.path))),
    ).length;
  }

  readonly fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const url = new URL(input);
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => (headers[key] = value));
    const request: RecordedRequest = {
      method: (init?.method ?? "GET").toUpperCase(),
      url: input,
      path: url.pathname.replace(/^\/v1\.0/, ""),
      headers,
      body: typeof init?.body === "string" ? init.body : undefined,
    };
    this.requests.push(request);
    const key = mailboxKeyOf(input);
    const now = (this.inFlight.get(key) ?? 0) + 1;
    this.inFlight.set(key, now);
    this.maxInFlight.set(key, Math.max(now, this.maxInFlight.get(key) ?? 0));
    try {
      if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
      const route = this.routes.find(
        (r) =>
          r.method === request.method &&
          (typeof r.path === "string" ? r.path === request.path : r.path.test(request.path)),
      );
      if (!route) return json(404, { error: { code: "ResourceNotFound", message: "no route in FakeGraph" } });
      const reply = await route.handler(request, route.calls++);
      if (reply === "drop" || reply === "dropAfter") throw new TypeError("fetch failed");
      return reply;
    } finally {
      this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
    }
  };
}

export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private time = new Date("2026-03-02T09:00:00Z")) {}
  now(): Date {
    return new Date(this.time);
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time = new Date(this.time.getTime() + ms);
  }
}

export class FakeTokens implements TokenProvider {
  readonly calls: Array<{ scopes: readonly string[]; forceRefresh: boolean }> = [];
  private generation = 0;
  async getToken(scopes: readonly string[], options?: TokenRequestOptions): Promise<string> {
    if (options?.forceRefresh) this.generation++;
    this.calls.push({ scopes, forceRefresh: options?.forceRefresh === true });
    return `eyJhbGciOiJub25lIn0.eyJnZW4iOiR${this.generation}In0.sig${this.generation}`;
  }
}

export interface TestSetup {
  fake: FakeGraph;
  clock: FakeClock;
  tokens: FakeTokens;
  client: GraphClient;
}

export function setup(options: Partial<GraphClientOptions> = {}): TestSetup {
  const fake = new FakeGraph();
  const clock = new FakeClock();
  const tokens = new FakeTokens();
  const client = new GraphClient({
    baseUrl: BASE,
    tokenProvider: tokens,
    fetch: fake.fetch,
    clock,
    random: () => 0.5,
    newId: () => "00000000-0000-4000-8000-000000000001",
    ...options,
  });
  return { fake, clock, tokens, client };
}
