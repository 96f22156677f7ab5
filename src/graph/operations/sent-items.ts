import type { GraphClient } from "../client";
import { GraphRequestError } from "../errors";
import { mailboxPath } from "../ids";
import type { GraphExtendedProperty, GraphMessage } from "./types";

/**
 * A named MAPI string property Bemötande puts on every message it sends, holding a
 * client-generated UUID. Graph keeps it on the Sent Items copy and can $filter on it, which is
 * how an interrupted send is resolved without sending twice. (internetMessageHeaders would reach
 * the recipients and cannot be filtered on; subject + recipients + time is the fallback.)
 */
export const SEND_MARKER_PROPERTY_ID = "String {5b1f6a3c-0e7d-4c52-9a8e-3f2d7b6c4e91} Name BemotandeSendId";

export function markerProperty(marker: string): GraphExtendedProperty {
  return { id: SEND_MARKER_PROPERTY_ID, value: marker };
}

export interface SentLookup {
  readonly user?: string;
  readonly marker: string;
  /** When the send was attempted (the search starts a little before, for clock skew). */
  readonly since: Date;
  /** Fallback criteria, all of which must match when the marker cannot be searched for. */
  readonly subject?: string;
  readonly recipients?: readonly string[];
  readonly conversationId?: string;
}

export type SentMatch =
  | { readonly found: true; readonly messageId: string; readonly matchedBy: "marker" | "subjectRecipients" }
  | { readonly found: false };

const SKEW_MS = 2 * 60_000;

/**
 * Looks in Sent Items for a message sent with `lookup.marker`. When Graph rejects the marker
 * filter (400), falls back to messages sent since `since` with the same subject, recipients and
 * conversation. Other failures propagate (the caller then reports "unknown").
 */
export async function findInSentItems(client: GraphClient, lookup: SentLookup): Promise<SentMatch> {
  const path = `${mailboxPath(lookup.user)}/mailFolders/sentitems/messages`;
  const byMarker = await client.send({
    method: "GET",
    path,
    query: {
      $filter: `singleValueExtendedProperties/any(ep: ep/id eq '${SEND_MARKER_PROPERTY_ID}' and ep/value eq '${lookup.marker}')`,
      $select: "id,subject,sentDateTime",
      $top: 1,
    },
    operation: "sentItems.find",
  });
  if (byMarker.status >= 200 && byMarker.status < 300) {
    const first = (JSON.parse(byMarker.text) as { value?: GraphMessage[] }).value?.[0];
    return first ? { found: true, messageId: first.id, matchedBy: "marker" } : { found: false };
  }
  if (byMarker.status !== 400)
    throw new GraphRequestError(client.failureOf(byMarker, { operation: "sentItems.find" }));

  const since = new Date(lookup.since.getTime() - SKEW_MS).toISOString();
  const recent = await client.json<{ value?: GraphMessage[] }>({
    method: "GET",
    path,
    query: {
      $filter: `sentDateTime ge ${since}`,
      $orderby: "sentDateTime desc",
      $select: "id,subject,sentDateTime,toRecipients,ccRecipients,bccRecipients,conversationId",
      $top: 50,
    },
    operation: "sentItems.find",
  });
  const match = (recent.value ?? []).find((message) => matches(message, lookup));
  return match ? { found: true, messageId: match.id, matchedBy: "subjectRecipients" } : { found: false };
}

function matches(message: GraphMessage, lookup: SentLookup): boolean {
  if (
    lookup.subject === undefined &&
    lookup.recipients === undefined &&
    lookup.conversationId === undefined
  ) {
    return false;
  }
  if (lookup.subject !== undefined && (message.subject ?? "").trim() !== lookup.subject.trim()) return false;
  if (lookup.conversationId !== undefined && message.conversationId !== lookup.conversationId) return false;
  if (lookup.recipients !== undefined) {
    const sent = new Set(
      [...(message.toRecipients ?? []), ...(message.ccRecipients ?? []), ...(message.bccRecipients ?? [])]
        .map((r) => r.emailAddress.address?.toLowerCase())
        .filter((a): a is string => a !== undefined),
    );
    if (!lookup.recipients.every((address) => sent.has(address.toLowerCase()))) return false;
  }
  return true;
}
