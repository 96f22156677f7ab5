import type { GraphClient } from "../client";
import { mailboxPath, segment } from "../ids";
import { pages } from "../paging";
import type { GraphFollowupFlag, GraphMessage } from "./types";

/** PidTagLastVerbExecuted and PidTagLastVerbExecutionTime: what Outlook last did with a message. */
export const PID_LAST_VERB = "Integer 0x1081";
export const PID_LAST_VERB_TIME = "SystemTime 0x1082";
export const REPLY_STATE_EXPAND = `singleValueExtendedProperties($filter=id eq '${PID_LAST_VERB}' or id eq '${PID_LAST_VERB_TIME}')`;

export type LastVerb = "reply" | "replyAll" | "forward";

export interface ReplyState {
  lastVerb: LastVerb | undefined;
  lastVerbAt: Date | undefined;
}

export type MessageWithReplyState = GraphMessage & ReplyState;

// EXCHIVERB_REPLYTOSENDER, EXCHIVERB_REPLYTOALL, EXCHIVERB_FORWARD.
const VERBS: Record<string, LastVerb> = { "102": "reply", "103": "replyAll", "104": "forward" };

/** Reads the reply state out of a message fetched with REPLY_STATE_EXPAND. */
export function replyStateOf(message: Pick<GraphMessage, "singleValueExtendedProperties">): ReplyState {
  let lastVerb: LastVerb | undefined;
  let lastVerbAt: Date | undefined;
  for (const property of message.singleValueExtendedProperties ?? []) {
    const id = property.id.toLowerCase();
    if (id === PID_LAST_VERB.toLowerCase()) {
      lastVerb = VERBS[String(property.value).trim()];
    } else if (id === PID_LAST_VERB_TIME.toLowerCase()) {
      const at = new Date(property.value);
      if (!Number.isNaN(at.getTime())) lastVerbAt = at;
    }
  }
  return { lastVerb, lastVerbAt: lastVerb ? lastVerbAt : undefined };
}

export interface ListMessagesOptions {
  readonly user?: string;
  /** Well-known folder name ("inbox", "sentitems") or a folder id. Default inbox. */
  readonly folder?: string;
  /** Only messages received at or after this instant. */
  readonly since?: Date;
  readonly select?: readonly string[];
  /** Page size ($top). */
  readonly pageSize?: number;
}

const DEFAULT_SELECT = [
  "id",
  "subject",
  "receivedDateTime",
  "from",
  "toRecipients",
  "ccRecipients",
  "conversationId",
  "isRead",
  "flag",
];

/** Messages of a folder, newest first, each with its reply state; follows every page. */
export async function* listMessagesWithReplyState(
  client: GraphClient,
  options: ListMessagesOptions = {},
): AsyncGenerator<MessageWithReplyState> {
  const folder = options.folder ?? "inbox";
  const first = {
    method: "GET" as const,
    path: `${mailboxPath(options.user)}/mailFolders/${segment(folder)}/messages`,
    query: {
      $select: (options.select ?? DEFAULT_SELECT).join(","),
      $filter: options.since ? `receivedDateTime ge ${options.since.toISOString()}` : undefined,
      $orderby: "receivedDateTime desc",
      $top: options.pageSize,
      $expand: REPLY_STATE_EXPAND,
    },
    operation: "messages.list" as const,
  };
  for await (const page of pages<GraphMessage>(client, first)) {
    for (const message of page.value) yield { ...message, ...replyStateOf(message) };
  }
}

/** One message with its reply state. */
export async function getMessage(
  client: GraphClient,
  id: string,
  options: { user?: string; select?: readonly string[] } = {},
): Promise<MessageWithReplyState> {
  const message = await client.json<GraphMessage>({
    method: "GET",
    path: `${mailboxPath(options.user)}/messages/${segment(id)}`,
    query: { $select: (options.select ?? DEFAULT_SELECT).join(","), $expand: REPLY_STATE_EXPAND },
    operation: "messages.get",
  });
  return { ...message, ...replyStateOf(message) };
}

/** Sets a message's follow-up flag. Setting a value is idempotent, so it may be retried. */
export async function flagMessage(
  client: GraphClient,
  id: string,
  flag: GraphFollowupFlag,
  user?: string,
): Promise<void> {
  await client.request({
    method: "PATCH",
    path: `${mailboxPath(user)}/messages/${segment(id)}`,
    body: { flag },
    operation: "messages.flag",
    idempotent: true,
  });
}
