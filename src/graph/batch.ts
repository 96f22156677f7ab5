import type { GraphClient, HttpMethod } from "./client";
import type { GraphFailure } from "./errors";
import { GraphRequestError, mapHttpFailure } from "./errors";
import { isIdempotentMethod } from "./middleware/request-options";
import { parseRetryAfter } from "./retry-after";

/** Graph's limit on requests in one $batch. */
export const MAX_BATCH_SIZE = 20;

export interface BatchItem {
  /** Unique within the call. */
  readonly id: string;
  readonly method: HttpMethod;
  /** Relative to the version root: "/me/messages/{id}" (no host, no /v1.0). */
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Ids that must succeed first; such items always travel in the same $batch. */
  readonly dependsOn?: readonly string[];
}

export interface BatchItemResult {
  readonly id: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  /** Set when status is not 2xx. */
  readonly failure?: GraphFailure;
}

export interface BatchOptions {
  /** Rounds of re-sending throttled items after the first (default 3). */
  readonly maxRounds?: number;
  /** Backoff when no failed item says Retry-After (default 1 s base, full jitter). */
  readonly baseDelayMs?: number;
  readonly random?: () => number;
  /** Scopes for the $batch call: the union the items need. */
  readonly scopes?: readonly string[];
  /** Concurrency key when every item targets one mailbox. */
  readonly mailboxKey?: string;
}

interface BatchResponseItem {
  id?: unknown;
  status?: unknown;
  headers?: unknown;
  body?: unknown;
}

const RETRYABLE = new Set([429, 503, 504]);

/**
 * Runs requests through JSON batching: at most 20 per $batch (dependsOn chains kept together),
 * one result per item. Graph answers 200 for the batch even when items inside were throttled,
 * and the retry middleware does not look inside, so this re-sends only the failed items
 * (429 any method; 503/504 only idempotent ones, and items that failed because such an item
 * did) after the LONGEST Retry-After among them, for a bounded number of rounds.
 */
export async function runBatch(
  client: GraphClient,
  items: readonly BatchItem[],
  options: BatchOptions = {},
): Promise<Map<string, BatchItemResult>> {
  validate(items);
  const results = new Map<string, BatchItemResult>();
  for (const chunk of chunks(items)) {
    await runChunk(client, chunk, options, results);
  }
  return results;
}

function validate(items: readonly BatchItem[]): void {
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw new TypeError(`runBatch: duplicate request id "${item.id}"`);
    ids.add(item.id);
  }
  for (const item of items) {
    for (const dep of item.dependsOn ?? []) {
      if (!ids.has(dep)) throw new TypeError(`runBatch: "${item.id}" depends on unknown id "${dep}"`);
    }
  }
}

/** Splits into $batch-sized chunks; items linked by dependsOn stay in one chunk, in order. */
export function chunks(items: readonly BatchItem[]): BatchItem[][] {
  // Union-find over dependsOn links.
  const parent = new Map<string, string>(items.map((i) => [i.id, i.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(id, root);
    return root;
  };
  for (const item of items) for (const dep of item.dependsOn ?? []) parent.set(find(item.id), find(dep));

  const groups = new Map<string, BatchItem[]>();
  for (const item of items) {
    const root = find(item.id);
    const group = groups.get(root) ?? [];
    group.push(item);
    groups.set(root, group);
  }
  const out: BatchItem[][] = [];
  let current: BatchItem[] = [];
  for (const group of groups.values()) {
    if (group.length > MAX_BATCH_SIZE) {
      throw new TypeError(
        `runBatch: a dependsOn chain of ${group.length} requests exceeds ${MAX_BATCH_SIZE}`,
      );
    }
    if (current.length + group.length > MAX_BATCH_SIZE) {
      out.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0) out.push(current);
  return out;
}

async function runChunk(
  client: GraphClient,
  chunk: readonly BatchItem[],
  options: BatchOptions,
  results: Map<string, BatchItemResult>,
): Promise<void> {
  const maxRounds = options.maxRounds ?? 3;
  const random = options.random ?? Math.random;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  let pending = [...chunk];
  for (let round = 0; ; round++) {
    const done = new Set([...results.keys()].filter((id) => (results.get(id)?.status ?? 0) < 300));
    const requests = pending.map((item) => toRequest(item, done));
    const idempotent = pending.every((item) => isIdempotentMethod(item.method));
    const response = await client.json<{ responses?: BatchResponseItem[] }>({
      method: "POST",
      path: "/$batch",
      body: { requests },
      operation: "batch",
      idempotent,
      scopes: options.scopes,
      mailboxKey: options.mailboxKey,
    });
    const byId = new Map<string, BatchItemResult>();
    for (const raw of response.responses ?? []) {
      const result = toResult(raw, client);
      if (result) byId.set(result.id, result);
    }
    for (const item of pending) {
      const result = byId.get(item.id);
      if (!result) {
        // Graph left an item out: treat as "try later" rather than inventing success.
        results.set(item.id, {
          id: item.id,
          status: 503,
          headers: {},
          body: undefined,
          failure: missing(client),
        });
      } else {
        results.set(item.id, result);
      }
    }

    const retry = retryable(pending, results);
    if (retry.length === 0 || round >= maxRounds) return;
    const waits = retry
      .map((item) =>
        parseRetryAfter(header(results.get(item.id)?.headers, "retry-after"), client.clock.now()),
      )
      .filter((ms): ms is number => ms !== undefined);
    const delay =
      waits.length > 0
        ? Math.max(...waits)
        : Math.floor(random() * Math.min(32_000, baseDelayMs * 2 ** round));
    await client.clock.sleep(delay);
    pending = retry;
  }
}

/** Items to re-send: throttled ones, plus dependants that failed only because of them (424). */
function retryable(pending: readonly BatchItem[], results: Map<string, BatchItemResult>): BatchItem[] {
  const again = new Set<string>();
  for (const item of pending) {
    const status = results.get(item.id)?.status ?? 0;
    if (status === 429 || (RETRYABLE.has(status) && isIdempotentMethod(item.method))) again.add(item.id);
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of pending) {
      if (again.has(item.id) || results.get(item.id)?.status !== 424) continue;
      if ((item.dependsOn ?? []).some((dep) => again.has(dep))) {
        again.add(item.id);
        grew = true;
      }
    }
  }
  return pending.filter((item) => again.has(item.id));
}

function toRequest(item: BatchItem, done: Set<string>): Record<string, unknown> {
  const dependsOn = (item.dependsOn ?? []).filter((dep) => !done.has(dep));
  const headers = { ...item.headers };
  if (item.body !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === "content-type")) {
    headers["Content-Type"] = "application/json";
  }
  return {
    id: item.id,
    method: item.method,
    url: item.url,
    ...(item.body !== undefined ? { body: item.body } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
  };
}

function toResult(raw: BatchResponseItem, client: GraphClient): BatchItemResult | undefined {
  if (typeof raw.id !== "string" || typeof raw.status !== "number") return undefined;
  const headers: Record<string, string> = {};
  if (typeof raw.headers === "object" && raw.headers !== null) {
    for (const [k, v] of Object.entries(raw.headers)) if (typeof v === "string") headers[k] = v;
  }
  const result = { id: raw.id, status: raw.status, headers, body: raw.body };
  if (raw.status >= 200 && raw.status < 300) return result;
  const failure = mapHttpFailure(
    { status: raw.status, headers: { get: (name) => header(headers, name) }, body: raw.body },
    { permission: client.permissionFor("batch"), now: client.clock.now(), timeZone: client.timeZone },
  );
  return { ...result, failure };
}

function header(headers: Readonly<Record<string, string>> | undefined, name: string): string | null {
  if (!headers) return null;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? null : (headers[key] ?? null);
}

function missing(client: GraphClient): GraphFailure {
  return mapHttpFailure({ status: 503, headers: { get: () => null }, body: "" }, { now: client.clock.now() });
}

/** Convenience: the result's body, or throws its failure. */
export function unwrap<T>(result: BatchItemResult | undefined): T {
  if (!result) throw new TypeError("unwrap: no such batch item");
  if (result.failure) throw new GraphRequestError(result.failure);
  return result.body as T;
}
