// The HTTP face of the emulator: auth, CORS, request ids, fault injection, $batch, the request
// log and the /_emulator/ control endpoints. Graph semantics live in routes.ts.
import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestIds } from "./errors";
import { errorBody, GraphError, throttledBody } from "./errors";
import type { StoredFault } from "./faults";
import { FaultTable, parseFaultRules } from "./faults";
import type { EmulatedUserSummary, StoredUser } from "./model";
import { summaryOf } from "./model";
import type { Json } from "./odata";
import { Prng } from "./prng";
import type { Identity, RouteResponse } from "./routes";
import { GraphRoutes } from "./routes";
import { seedWorld } from "./seed";
import { EmulatorState } from "./state";

export interface GraphEmulatorOptions {
  /** Seed of the generated organisation and mail (default 1). */
  seed?: number;
  /** The clock; seeded mail is relative to it (default: the real time). */
  now?: () => Date;
  /** Where Graph v1.0 lives (default "/graph/v1.0"). */
  basePath?: string;
}

export interface GraphEmulator {
  /** Handles a request whose URL path starts with basePath or "/_emulator/"; returns false if the path is not its own. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  reset(): void;
  users(): readonly EmulatedUserSummary[];
}

export interface RequestLogEntry {
  seq: number;
  method: string;
  /** Path and query as received, e.g. "/graph/v1.0/me/sendMail". */
  path: string;
  status: number;
  /** True when a fault dropped the connection (status is then 0 if nothing was applied). */
  dropped?: boolean;
  /** Set on requests that ran inside a $batch: the batch item's id. */
  batchItem?: string;
  fault?: number;
}

interface TokenGrant {
  userId: string;
  scopes: string[] | null;
  expires: number;
}

const JSON_TYPE =
  "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
const MAX_BODY = 4 * 1024 * 1024;
const MAX_BATCH = 20;
const DEFAULT_RETRY_AFTER = "2.128";

/** What Graph answers a CORS preflight with, and exposes to browser code. */
const CORS_ALLOW_HEADERS =
  "Authorization, Content-Type, ConsistencyLevel, Prefer, client-request-id, return-client-request-id, If-Match, If-None-Match, SdkVersion, x-ms-client-request-id";
const CORS_EXPOSE_HEADERS =
  "Retry-After, request-id, client-request-id, Location, Preference-Applied, x-ms-ags-diagnostic, Content-Type";

class RequestDropped extends Error {}

interface Inner {
  method: string;
  /** Full path incl. query, as the log and fault rules see it. */
  url: string;
  headers: Record<string, string>;
  rawBody: string;
  body: unknown;
  bodyError?: GraphError;
  origin: string;
  ids: RequestIds;
  batchItem?: string;
}

interface Outcome {
  status: number;
  headers: Record<string, string>;
  body?: Json;
  /** What the fault asked for after the response was computed. */
  after?: "drop" | "malformed";
}

export class GraphEmulatorImpl implements GraphEmulator {
  private readonly seed: number;
  private readonly now: () => Date;
  private readonly basePath: string;
  private state!: EmulatorState;
  private routes!: GraphRoutes;
  private readonly faults = new FaultTable();
  private log: RequestLogEntry[] = [];
  private seq = 0;
  private readonly tokens = new Map<string, TokenGrant>();
  private defaultUserId = "";
  private batchCount = 0;
  private pristine: { at: number; state: EmulatorState } | undefined;

  constructor(options: GraphEmulatorOptions = {}) {
    this.seed = options.seed ?? 1;
    this.now = options.now ?? (() => new Date());
    this.basePath = (options.basePath ?? "/graph/v1.0").replace(/\/+$/, "");
    this.reset();
  }

  reset(): void {
    // Seeded mail is relative to now; with an unchanged clock (tests) reuse the generated world.
    const now = this.now();
    if (this.pristine?.at !== now.getTime()) {
      const fresh = new EmulatorState(this.seed);
      seedWorld(fresh, this.seed, now);
      this.pristine = { at: now.getTime(), state: fresh };
    }
    this.state = this.pristine.state.clone();
    this.routes = new GraphRoutes(this.state, this.seed, this.now);
    this.faults.clear();
    this.log = [];
    this.seq = 0;
    this.batchCount = 0;
    this.defaultUserId = this.state.users.find((u) => u.role === "staff")?.id ?? "";
  }

  users(): readonly EmulatedUserSummary[] {
    return this.state.users.map(summaryOf);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const isGraph = url.pathname === this.basePath || url.pathname.startsWith(`${this.basePath}/`);
    const isControl = url.pathname.startsWith("/_emulator/");
    if (!isGraph && !isControl) return false;

    const requestId = randomUUID();
    const clientRequestId = header(req, "client-request-id") ?? requestId;
    const ids: RequestIds = { requestId, clientRequestId };
    this.setCors(req, res);
    if (req.method === "OPTIONS") {
      res.writeHead(200, { "Access-Control-Max-Age": "3600", "Content-Length": "0" });
      res.end();
      return true;
    }
    let raw: string;
    try {
      raw = await readBody(req);
    } catch {
      this.send(
        res,
        {
          status: 413,
          headers: {},
          body: errorBody("RequestEntityTooLarge", "The request body is too large.", this.now(), ids) as Json,
        },
        ids,
      );
      return true;
    }
    const origin = `${(req.socket as { encrypted?: boolean }).encrypted ? "https" : "http"}://${req.headers.host ?? "localhost"}`;
    if (isControl) {
      await this.control(req.method ?? "GET", url, raw, res, ids, origin);
      return true;
    }

    const inner: Inner = {
      method: (req.method ?? "GET").toUpperCase(),
      url: `${url.pathname}${url.search}`,
      headers: lowerHeaders(req),
      rawBody: raw,
      origin,
      ids,
      ...parseJsonBody(raw, header(req, "content-type")),
    };
    let outcome: Outcome;
    try {
      outcome = await this.execute(inner, true);
    } catch (error) {
      if (error instanceof RequestDropped) {
        req.socket.destroy();
        return true;
      }
      throw error;
    }
    if (outcome.after === "drop") {
      req.socket.destroy();
      return true;
    }
    this.send(res, outcome, ids);
    return true;
  }

  /** Runs one Graph request (top level or a $batch item) through faults, auth and routes. */
  private async execute(inner: Inner, topLevel: boolean): Promise<Outcome> {
    const entry: RequestLogEntry = { seq: ++this.seq, method: inner.method, path: inner.url, status: 0 };
    if (inner.batchItem !== undefined) entry.batchItem = inner.batchItem;
    this.log.push(entry);

    const fault = this.faults.take(inner.method, inner.url);
    if (fault) entry.fault = fault.id;
    if (fault?.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault?.drop && topLevel) {
      entry.dropped = true;
      throw new RequestDropped();
    }
    if (fault?.status !== undefined) {
      const outcome = this.faultResponse(fault, inner.ids);
      entry.status = outcome.status;
      return outcome;
    }

    const outcome = await this.run(inner);
    entry.status = outcome.status;
    if (fault?.dropAfterApply && topLevel) {
      entry.dropped = true;
      return { ...outcome, after: "drop" };
    }
    if (fault?.malformedJson) return { ...outcome, after: "malformed" };
    return outcome;
  }

  private faultResponse(fault: StoredFault, ids: RequestIds): Outcome {
    const status = fault.status as number;
    const now = this.now();
    const headers: Record<string, string> = {};
    if (status === 429) {
      headers["Retry-After"] = fault.retryAfter ?? DEFAULT_RETRY_AFTER;
      return { status, headers, body: throttledBody(now, ids) as Json };
    }
    if (fault.retryAfter !== undefined) headers["Retry-After"] = fault.retryAfter;
    const defaults: Record<number, [string, string]> = {
      400: ["BadRequest", "The request is invalid."],
      401: ["InvalidAuthenticationToken", "Access token has expired or is not yet valid."],
      403: ["ErrorAccessDenied", "Access is denied. Check credentials and try again."],
      404: ["ErrorItemNotFound", "The specified object was not found in the store."],
      500: ["InternalServerError", "An internal server error occurred."],
      502: ["BadGateway", "Bad gateway."],
      503: ["ServiceNotAvailable", "The service is temporarily unavailable. Please retry later."],
      504: ["GatewayTimeout", "The gateway timed out."],
    };
    const [code, message] = defaults[status] ?? ["UnknownError", `Injected fault ${status}.`];
    if (status === 401) headers["WWW-Authenticate"] = wwwAuthenticate();
    return {
      status,
      headers,
      body: errorBody(fault.code ?? code, fault.message ?? message, now, ids) as Json,
    };
  }

  private async run(inner: Inner): Promise<Outcome> {
    const url = new URL(inner.url, "http://emulator.invalid");
    const path = url.pathname.slice(this.basePath.length) || "/";
    try {
      const identity = this.authenticate(inner.headers.authorization);
      if (inner.bodyError) throw inner.bodyError;
      if (path.replace(/\/+$/, "").toLowerCase() === "/$batch") {
        if (inner.method !== "POST")
          throw new GraphError(
            405,
            "Request_BadRequest",
            "Specified HTTP method is not allowed for the request target.",
          );
        if (inner.batchItem !== undefined)
          throw new GraphError(400, "BadRequest", "Nested batch requests are not supported.");
        return await this.batch(inner);
      }
      const response: RouteResponse = this.routes.dispatch({
        method: inner.method,
        path,
        query: url.searchParams,
        headers: inner.headers,
        body: inner.body,
        rawBody: inner.rawBody,
        identity,
        root: `${inner.origin}${this.basePath}`,
      });
      return {
        status: response.status,
        headers: response.headers ?? {},
        ...(response.body === undefined ? {} : { body: response.body }),
      };
    } catch (error) {
      if (error instanceof GraphError) {
        return {
          status: error.status,
          headers: { ...error.headers },
          body: errorBody(error.code, error.message, this.now(), inner.ids) as Json,
        };
      }
      const message = error instanceof Error ? error.message : String(error);
      return {
        status: 500,
        headers: {},
        body: errorBody("InternalServerError", `Emulator error: ${message}`, this.now(), inner.ids) as Json,
      };
    }
  }

  private authenticate(authorization: string | undefined): Identity {
    const unauthorized = (message: string): GraphError =>
      new GraphError(401, "InvalidAuthenticationToken", message, { "WWW-Authenticate": wwwAuthenticate() });
    const match = /^Bearer\s+(.*)$/i.exec(authorization ?? "");
    const token = match?.[1]?.trim() ?? "";
    if (!authorization || token === "") throw unauthorized("Access token is empty.");
    const grant = this.tokens.get(token);
    if (grant) {
      if (grant.expires <= this.now().getTime())
        throw unauthorized("Lifetime validation failed, the token is expired.");
      const user = this.state.usersById.get(grant.userId);
      if (!user) throw unauthorized("Access token validation failure. The user no longer exists.");
      return { user, scopes: grant.scopes };
    }
    if (token.startsWith("emu.")) throw unauthorized("Access token validation failure. Invalid audience.");
    const user = this.state.usersById.get(this.defaultUserId) as StoredUser;
    return { user, scopes: null };
  }

  // ---- $batch ----

  private async batch(outer: Inner): Promise<Outcome> {
    const body = outer.body;
    const requests =
      typeof body === "object" && body !== null && !Array.isArray(body)
        ? (body as { requests?: unknown }).requests
        : undefined;
    if (!Array.isArray(requests))
      throw new GraphError(400, "BadRequest", "Invalid batch payload format: 'requests' must be an array.");
    if (requests.length === 0)
      throw new GraphError(
        400,
        "BadRequest",
        "Invalid batch payload format: at least one request is required.",
      );
    if (requests.length > MAX_BATCH)
      throw new GraphError(
        400,
        "BadRequest",
        `Invalid batch payload format: the number of requests exceeds the limit of ${MAX_BATCH}.`,
      );
    interface Item {
      id: string;
      method: string;
      url: string;
      headers: Record<string, string>;
      body: unknown;
      dependsOn: string[];
    }
    const items: Item[] = requests.map((r: unknown, index: number) => {
      const o = (typeof r === "object" && r !== null ? r : {}) as Record<string, unknown>;
      if (typeof o.id !== "string" || o.id === "")
        throw new GraphError(400, "BadRequest", `Invalid batch payload format: request ${index} has no id.`);
      if (typeof o.method !== "string" || typeof o.url !== "string") {
        throw new GraphError(
          400,
          "BadRequest",
          `Invalid batch payload format: request '${o.id}' needs a method and a url.`,
        );
      }
      const headers: Record<string, string> = {};
      if (typeof o.headers === "object" && o.headers !== null) {
        for (const [k, v] of Object.entries(o.headers)) headers[k.toLowerCase()] = String(v);
      }
      const dependsOn = Array.isArray(o.dependsOn) ? o.dependsOn.map(String) : [];
      return { id: o.id, method: o.method.toUpperCase(), url: o.url, headers, body: o.body, dependsOn };
    });
    const ids = new Set<string>();
    for (const item of items) {
      if (ids.has(item.id))
        throw new GraphError(
          400,
          "BadRequest",
          `Invalid batch payload format: duplicate request id '${item.id}'.`,
        );
      ids.add(item.id);
    }
    for (const item of items) {
      for (const dep of item.dependsOn) {
        if (!ids.has(dep))
          throw new GraphError(
            400,
            "BadRequest",
            `Invalid batch payload format: request '${item.id}' depends on unknown request '${dep}'.`,
          );
      }
    }
    // Dependencies first (topological), otherwise request order.
    const ordered: Item[] = [];
    const visiting = new Set<string>();
    const byId = new Map(items.map((i) => [i.id, i]));
    const visit = (item: Item): void => {
      if (ordered.includes(item)) return;
      if (visiting.has(item.id))
        throw new GraphError(400, "BadRequest", "Invalid batch payload format: dependsOn has a cycle.");
      visiting.add(item.id);
      for (const dep of item.dependsOn) visit(byId.get(dep) as Item);
      visiting.delete(item.id);
      ordered.push(item);
    };
    items.forEach(visit);

    const statuses = new Map<string, number>();
    const responses: Json[] = [];
    for (const item of ordered) {
      const itemIds: RequestIds = { requestId: randomUUID(), clientRequestId: outer.ids.clientRequestId };
      let outcome: Outcome;
      if (item.dependsOn.some((d) => (statuses.get(d) ?? 0) >= 400)) {
        outcome = {
          status: 424,
          headers: {},
          body: errorBody(
            "FailedDependency",
            "The request could not be run because a request it depends on failed.",
            this.now(),
            itemIds,
          ) as Json,
        };
        this.log.push({
          seq: ++this.seq,
          method: item.method,
          path: this.itemUrl(item.url),
          status: 424,
          batchItem: item.id,
        });
      } else {
        const hasBody = item.body !== undefined && item.body !== null;
        if (hasBody && !item.headers["content-type"]) {
          outcome = {
            status: 400,
            headers: {},
            body: errorBody(
              "BadRequest",
              `Write request id : ${item.id} does not contain Content-Type header or body.`,
              this.now(),
              itemIds,
            ) as Json,
          };
          this.log.push({
            seq: ++this.seq,
            method: item.method,
            path: this.itemUrl(item.url),
            status: 400,
            batchItem: item.id,
          });
        } else {
          const raw = hasBody ? (typeof item.body === "string" ? item.body : JSON.stringify(item.body)) : "";
          outcome = await this.execute(
            {
              method: item.method,
              url: this.itemUrl(item.url),
              headers: { ...item.headers, authorization: outer.headers.authorization ?? "" },
              rawBody: raw,
              body: hasBody
                ? typeof item.body === "string" && /^text\/plain/i.test(item.headers["content-type"] ?? "")
                  ? undefined
                  : item.body
                : undefined,
              origin: outer.origin,
              ids: itemIds,
              batchItem: item.id,
            },
            false,
          );
        }
      }
      statuses.set(item.id, outcome.status);
      const headers: Record<string, string> = { "Cache-Control": "no-cache", ...outcome.headers };
      if (outcome.body !== undefined) {
        headers["OData-Version"] = "4.0";
        headers["Content-Type"] = outcome.status < 400 ? JSON_TYPE : "application/json";
      }
      responses.push({
        id: item.id,
        status: outcome.status,
        headers,
        ...(outcome.body === undefined ? {} : { body: outcome.body }),
      });
    }
    // Graph returns batch responses in any order; shuffle (deterministically) so clients match by id.
    const shuffled = new Prng(this.seed * 7919 + ++this.batchCount).shuffle(responses);
    return { status: 200, headers: {}, body: { responses: shuffled } };
  }

  private itemUrl(url: string): string {
    const trimmed = url
      .replace(/^https?:\/\/[^/]+/i, "")
      .replace(/^\/+/, "")
      .replace(/^(v1\.0|beta)\//i, "");
    return `${this.basePath}/${trimmed}`;
  }

  // ---- control endpoints ----

  private async control(
    method: string,
    url: URL,
    raw: string,
    res: ServerResponse,
    ids: RequestIds,
    origin: string,
  ): Promise<void> {
    const route = `${method.toUpperCase()} ${url.pathname.replace(/\/+$/, "")}`;
    const reply = (status: number, body?: unknown): void =>
      this.send(res, { status, headers: {}, ...(body === undefined ? {} : { body: body as Json }) }, ids);
    const fail = (status: number, code: string, message: string): void =>
      reply(status, errorBody(code, message, this.now(), ids));
    let body: unknown;
    try {
      body = raw.trim() === "" ? undefined : JSON.parse(raw);
    } catch {
      fail(400, "BadRequest", "The body is not valid JSON.");
      return;
    }
    const bodyObject = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
    switch (route) {
      case "GET /_emulator":
      case "GET /_emulator/info":
        reply(200, {
          graph: `${origin}${this.basePath}`,
          seed: this.seed,
          now: this.now().toISOString(),
          defaultUser: this.state.usersById.get(this.defaultUserId)?.userPrincipalName ?? null,
          endpoints: [
            "POST /_emulator/reset",
            "GET /_emulator/users",
            "POST /_emulator/token",
            "POST /_emulator/signin",
            "GET|POST|DELETE /_emulator/faults",
            "GET|DELETE /_emulator/requests",
            "GET /_emulator/outbox",
          ],
        });
        return;
      case "POST /_emulator/reset":
        this.reset();
        reply(200, { reset: true, seed: this.seed });
        return;
      case "GET /_emulator/users":
        reply(200, { value: this.users().map((u) => ({ ...u, isDefault: u.id === this.defaultUserId })) });
        return;
      case "POST /_emulator/token": {
        const user = typeof bodyObject.user === "string" ? this.state.findUser(bodyObject.user) : undefined;
        if (!user) {
          fail(400, "invalid_grant", `Unknown user "${String(bodyObject.user)}": see GET /_emulator/users.`);
          return;
        }
        const scopes = bodyObject.scopes;
        if (scopes !== undefined && (!Array.isArray(scopes) || !scopes.every((s) => typeof s === "string"))) {
          fail(400, "invalid_scope", '"scopes" must be an array of strings.');
          return;
        }
        const token = `emu.${randomBytes(24).toString("base64url")}`;
        const list = scopes === undefined ? null : (scopes as string[]);
        this.tokens.set(token, { userId: user.id, scopes: list, expires: this.now().getTime() + 3600_000 });
        reply(200, {
          access_token: token,
          token_type: "Bearer",
          expires_in: 3600,
          scope: list ? list.join(" ") : "https://graph.microsoft.com/.default",
        });
        return;
      }
      case "POST /_emulator/signin": {
        const user = typeof bodyObject.user === "string" ? this.state.findUser(bodyObject.user) : undefined;
        if (!user) {
          fail(400, "invalid_grant", `Unknown user "${String(bodyObject.user)}": see GET /_emulator/users.`);
          return;
        }
        this.defaultUserId = user.id;
        reply(200, summaryOf(user));
        return;
      }
      case "GET /_emulator/faults":
        reply(200, { value: this.faults.list() });
        return;
      case "POST /_emulator/faults":
        try {
          reply(200, { value: this.faults.add(parseFaultRules(body)) });
        } catch (error) {
          if (error instanceof GraphError) fail(error.status, error.code, error.message);
          else throw error;
        }
        return;
      case "DELETE /_emulator/faults":
        this.faults.clear();
        reply(204);
        return;
      case "GET /_emulator/requests":
        reply(200, { value: this.log });
        return;
      case "DELETE /_emulator/requests":
        this.log = [];
        reply(204);
        return;
      case "GET /_emulator/outbox":
        reply(200, { value: this.state.outbox });
        return;
      default:
        fail(404, "NotFound", `No emulator endpoint ${route}.`);
    }
  }

  // ---- HTTP ----

  private setCors(req: IncomingMessage, res: ServerResponse): void {
    const origin = header(req, "origin");
    res.setHeader("Access-Control-Allow-Origin", origin ?? "*");
    if (origin) res.setHeader("Vary", "Origin");
    res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
    res.setHeader(
      "Access-Control-Allow-Headers",
      header(req, "access-control-request-headers") ?? CORS_ALLOW_HEADERS,
    );
    res.setHeader("Access-Control-Expose-Headers", CORS_EXPOSE_HEADERS);
  }

  private send(res: ServerResponse, outcome: Outcome, ids: RequestIds): void {
    const headers: Record<string, string> = {
      "Cache-Control": "no-cache",
      "request-id": ids.requestId,
      "client-request-id": ids.clientRequestId,
      "x-ms-ags-diagnostic": JSON.stringify({
        ServerInfo: {
          DataCenter: "Sweden Central",
          Slice: "E",
          Ring: "5",
          ScaleUnit: "000",
          RoleInstance: "graph-emulator",
        },
      }),
      ...outcome.headers,
    };
    if (outcome.body === undefined) {
      res.writeHead(outcome.status, { ...headers, "Content-Length": "0" });
      res.end();
      return;
    }
    let text = JSON.stringify(outcome.body);
    // A truncated document: what a client sees when a proxy cuts the body short.
    if (outcome.after === "malformed") text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    const buffer = Buffer.from(text, "utf8");
    res.writeHead(outcome.status, {
      ...headers,
      "OData-Version": "4.0",
      "Content-Type": outcome.status < 400 ? JSON_TYPE : "application/json",
      "Content-Length": String(buffer.length),
    });
    res.end(buffer);
  }
}

function wwwAuthenticate(): string {
  return 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

function parseJsonBody(
  raw: string,
  contentType: string | undefined,
): { body: unknown; bodyError?: GraphError } {
  if (raw.trim() === "" || /^text\/plain/i.test(contentType ?? "")) return { body: undefined };
  try {
    return { body: JSON.parse(raw) as unknown };
  } catch {
    return {
      body: undefined,
      bodyError: new GraphError(
        400,
        "BadRequest",
        "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
      ),
    };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error("too large"));
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
