import type { GraphClient, GraphRequestSpec } from "./client";

export interface GraphPage<T> {
  readonly value: T[];
  readonly nextLink?: string;
  readonly deltaLink?: string;
}

interface RawPage<T> {
  value?: T[];
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
}

export interface PagingOptions {
  /** Stop after this many pages (a guard against a server that never ends). Default 1000. */
  readonly maxPages?: number;
}

/**
 * Yields the pages of a collection. Each @odata.nextLink is requested exactly as Graph wrote it
 * (its $skiptoken is opaque; rebuilding the URL would break it), with the first request's
 * headers (Prefer, ConsistencyLevel) kept.
 */
export async function* pages<T>(
  client: GraphClient,
  first: GraphRequestSpec,
  options: PagingOptions = {},
): AsyncGenerator<GraphPage<T>> {
  const maxPages = options.maxPages ?? 1000;
  let spec: GraphRequestSpec = first;
  for (let count = 0; count < maxPages; count++) {
    const raw = await client.json<RawPage<T>>(spec);
    const page: GraphPage<T> = {
      value: Array.isArray(raw.value) ? raw.value : [],
      nextLink: raw["@odata.nextLink"],
      deltaLink: raw["@odata.deltaLink"],
    };
    yield page;
    if (!page.nextLink) return;
    spec = { method: "GET", path: page.nextLink, headers: first.headers, operation: first.operation };
  }
}

/** Every item of every page. */
export async function collect<T>(
  client: GraphClient,
  first: GraphRequestSpec,
  options: PagingOptions & { readonly limit?: number } = {},
): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages<T>(client, first, options)) {
    items.push(...page.value);
    if (options.limit !== undefined && items.length >= options.limit) return items.slice(0, options.limit);
  }
  return items;
}
