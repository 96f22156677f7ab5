import type { GraphClient } from "../client";
import { GraphRequestError, failure } from "../errors";
import { mailboxPath, segment } from "../ids";
import { pages } from "../paging";
import type { GraphMessage } from "./types";

export interface RemovedItem {
  id: string;
  reason: string;
}

export interface DeltaResult {
  /** Added or changed messages. */
  changed: GraphMessage[];
  /** Messages that left the folder (deleted or moved): Graph's `@removed`. */
  removed: RemovedItem[];
  /** Keep this; pass it as `deltaLink` next time to get only what changed since. */
  deltaLink: string;
}

export interface DeltaOptions {
  readonly user?: string;
  readonly folder?: string;
  /** From the previous round; without it the round starts from scratch. */
  readonly deltaLink?: string;
  readonly select?: readonly string[];
  /** Prefer: odata.maxpagesize. */
  readonly maxPageSize?: number;
}

type DeltaItem = GraphMessage & { "@removed"?: { reason?: string } };

/**
 * One round of message delta for a folder: follows @odata.nextLink pages exactly until the
 * @odata.deltaLink, which the caller stores for the next round.
 */
export async function messagesDelta(client: GraphClient, options: DeltaOptions = {}): Promise<DeltaResult> {
  const headers = options.maxPageSize ? { Prefer: `odata.maxpagesize=${options.maxPageSize}` } : undefined;
  const first = options.deltaLink
    ? { method: "GET" as const, path: options.deltaLink, headers, operation: "messages.delta" as const }
    : {
        method: "GET" as const,
        path: `${mailboxPath(options.user)}/mailFolders/${segment(options.folder ?? "inbox")}/messages/delta`,
        query: { $select: options.select?.join(",") },
        headers,
        operation: "messages.delta" as const,
      };
  const changed: GraphMessage[] = [];
  const removed: RemovedItem[] = [];
  for await (const page of pages<DeltaItem>(client, first)) {
    for (const item of page.value) {
      if (item["@removed"]) removed.push({ id: item.id, reason: item["@removed"].reason ?? "deleted" });
      else changed.push(item);
    }
    if (page.deltaLink) return { changed, removed, deltaLink: page.deltaLink };
  }
  // The last page had neither link: Graph broke the protocol.
  throw new GraphRequestError(failure("malformedResponse", { code: "missingDeltaLink" }));
}
