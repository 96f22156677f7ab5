import { Client, ResponseType } from "@microsoft/microsoft-graph-client";
import type { Clock } from "./clock";
import { systemClock } from "./clock";
import type { GraphFailure } from "./errors";
import { failure, GraphRequestError, mapHttpFailure, mapThrown } from "./errors";
import type { TokenProvider } from "./middleware/auth";
import { AuthMiddleware } from "./middleware/auth";
import { ConcurrencyMiddleware } from "./middleware/concurrency";
import type { FetchLike } from "./middleware/fetch";
import { FetchMiddleware } from "./middleware/fetch";
import type { GraphRequestInfo } from "./middleware/request-options";
import { GraphRequestOptions, isIdempotentMethod } from "./middleware/request-options";
import type { RetryOptions } from "./middleware/retry";
import { RetryMiddleware } from "./middleware/retry";
import { TargetMiddleware } from "./middleware/target";
import type { AuthMode, GraphOperation } from "./scopes";
import { GRAPH_DEFAULT_SCOPE, scopeFor } from "./scopes";

export const DEFAULT_GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export type QueryValue = string | number | boolean | undefined;

/** One Graph call, as the operation layer describes it. */
export interface GraphRequestSpec {
  readonly method: HttpMethod;
  /** "/me/messages" (relative to the base URL) or an absolute URL such as an @odata.nextLink. */
  readonly path: string;
  /** OData and other query options, appended in this order ($select=a,b …). Not used with absolute URLs. */
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly operation: GraphOperation;
  /** Defaults to the method's nature (GET/PUT/DELETE yes; POST/PATCH no). */
  readonly idempotent?: boolean;
  readonly mailboxKey?: string;
  readonly maxRetries?: number;
  /** Overrides the scope looked up for `operation` (a $batch names its items' union). */
  readonly scopes?: readonly string[];
}

export interface GraphResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export interface GraphClientOptions {
  /** Graph's root including the version: config `graph.baseUrl` (default https://graph.microsoft.com/v1.0). */
  readonly baseUrl?: string;
  readonly tokenProvider: TokenProvider;
  /** "delegated" (task pane) asks per-operation scopes; "application" (CLI app-only) asks .default. */
  readonly authMode?: AuthMode;
  readonly fetch?: FetchLike;
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly retry?: Partial<Omit<RetryOptions, "clock" | "random">>;
  readonly maxConcurrentPerMailbox?: number;
  readonly timeoutMs?: number;
  /** Zone for times in messages ("try again after 14:05"). */
  readonly timeZone?: string;
  /** Generates send markers (tests pass a fixed one). */
  readonly newId?: () => string;
}

/**
 * The one Graph client. Built on the SDK's `Client.initWithMiddleware` with this chain:
 * target → auth → retry → concurrency → fetch. Operations (src/graph/operations) call `json`,
 * `request` or `send`; nothing else in the add-in or the CLI talks to Graph.
 */
export class GraphClient {
  readonly baseUrl: string;
  readonly mode: AuthMode;
  readonly clock: Clock;
  readonly timeZone: string;
  readonly newId: () => string;
  /** The SDK client, for code that needs it directly (it shares the chain). */
  readonly sdk: Client;

  constructor(options: GraphClientOptions) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, "");
    this.mode = options.authMode ?? "delegated";
    this.clock = options.clock ?? systemClock;
    this.timeZone = options.timeZone ?? "Europe/Stockholm";
    this.newId = options.newId ?? (() => globalThis.crypto.randomUUID());
    this.sdk = Client.initWithMiddleware({
      middleware: [
        new TargetMiddleware(),
        new AuthMiddleware(options.tokenProvider),
        new RetryMiddleware({
          ...options.retry,
          clock: this.clock,
          ...(options.random ? { random: options.random } : {}),
        }),
        new ConcurrencyMiddleware({ maxPerMailbox: options.maxConcurrentPerMailbox ?? 4 }),
        new FetchMiddleware({ fetch: options.fetch, timeoutMs: options.timeoutMs }),
      ],
    });
  }

  /** The absolute URL for `path` + `query`; an absolute `path` is returned exactly as given. */
  url(path: string, query?: Readonly<Record<string, QueryValue>>): string {
    if (/^https?:\/\//i.test(path)) return path;
    const relative = path.startsWith("/") ? path : `/${path}`;
    const parts = Object.entries(query ?? {})
      .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
      .map(([key, value]) => `${key}=${encodeQueryValue(String(value))}`);
    return `${this.baseUrl}${relative}${parts.length > 0 ? `?${parts.join("&")}` : ""}`;
  }

  /** The permission an operation needs in this client's auth mode. */
  permissionFor(operation: GraphOperation): string {
    return scopeFor(operation, this.mode);
  }

  /** Sends one request; resolves with any HTTP status, throws GraphRequestError below HTTP. */
  async send(spec: GraphRequestSpec): Promise<GraphResponse> {
    const permission = this.permissionFor(spec.operation);
    const info: GraphRequestInfo = {
      url: this.url(spec.path, spec.query),
      operation: spec.operation,
      scopes: spec.scopes ?? (this.mode === "application" ? [GRAPH_DEFAULT_SCOPE] : [permission]),
      permission,
      idempotent: spec.idempotent ?? isIdempotentMethod(spec.method),
      mailboxKey: spec.mailboxKey,
      maxRetries: spec.maxRetries,
    };
    const request = this.sdk
      .api(info.url)
      .responseType(ResponseType.RAW)
      .middlewareOptions([new GraphRequestOptions(info)])
      .headers({ ...spec.headers });
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    let response: Response;
    try {
      response = (await callSdk(request, spec.method, body)) as Response;
    } catch (error) {
      throw new GraphRequestError(mapThrown(error, { permission }));
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      // The connection broke while the body was arriving.
      throw new GraphRequestError(failure("offline", { status: response.status, code: "network" }));
    }
    return { status: response.status, headers: response.headers, text };
  }

  /** The mapped failure for a non-2xx response to `spec`. */
  failureOf(response: GraphResponse, spec: Pick<GraphRequestSpec, "operation">): GraphFailure {
    return mapHttpFailure(
      { status: response.status, headers: response.headers, body: response.text },
      { permission: this.permissionFor(spec.operation), now: this.clock.now(), timeZone: this.timeZone },
    );
  }

  /** Sends and checks: non-2xx throws the mapped failure; a JSON body is parsed (or undefined when empty). */
  async request<T>(spec: GraphRequestSpec): Promise<T | undefined> {
    const response = await this.send(spec);
    if (response.status < 200 || response.status > 299)
      throw new GraphRequestError(this.failureOf(response, spec));
    return parseBody<T>(response);
  }

  /** Like `request`, for calls that must return a JSON body. */
  async json<T>(spec: GraphRequestSpec): Promise<T> {
    const value = await this.request<T>(spec);
    if (value === undefined) {
      throw new GraphRequestError(failure("malformedResponse", { code: "emptyBody" }));
    }
    return value;
  }
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  return new GraphClient(options);
}

/** Parses a 2xx body: empty → undefined, JSON → value, anything else → malformedResponse. */
export function parseBody<T>(response: GraphResponse): T | undefined {
  if (response.text.trim() === "") return undefined;
  try {
    return JSON.parse(response.text) as T;
  } catch {
    throw new GraphRequestError(failure("malformedResponse", { status: response.status }));
  }
}

// Percent-encodes a query value but keeps the characters OData expressions are written with, so
// that URLs stay readable in logs of the emulator ($filter=id eq 'Integer 0x1081').
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value)
    .replace(/%24/g, "$")
    .replace(/%2C/g, ",")
    .replace(/%3A/g, ":")
    .replace(/%2F/g, "/");
}

interface SdkRequest {
  get(): Promise<unknown>;
  post(content: unknown): Promise<unknown>;
  patch(content: unknown): Promise<unknown>;
  put(content: unknown): Promise<unknown>;
  delete(): Promise<unknown>;
}

function callSdk(request: SdkRequest, method: HttpMethod, body: string | undefined): Promise<unknown> {
  switch (method) {
    case "GET":
      return request.get();
    case "POST":
      return request.post(body);
    case "PATCH":
      return request.patch(body);
    case "PUT":
      return request.put(body);
    case "DELETE":
      return request.delete();
  }
}
