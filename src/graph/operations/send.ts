import type { GraphClient, GraphRequestSpec, GraphResponse } from "../client";
import type { GraphFailure } from "../errors";
import { GraphRequestError, messages } from "../errors";
import { mailboxPath, segment } from "../ids";
import type { SentLookup, SentMatch } from "./sent-items";
import { findInSentItems, markerProperty } from "./sent-items";
import type { GraphEmailAddress, GraphMessage, OutgoingMessage } from "./types";

/**
 * How a send ended. "sent": Graph accepted it, or it was interrupted and then found in Sent
 * Items. "unknown": interrupted and not found; the person must look before sending again.
 * A clear refusal (4xx, including 429) throws GraphRequestError instead: nothing was sent.
 */
export type SendOutcome =
  | {
      readonly outcome: "sent";
      /** "response": Graph said so; "marker"/"subjectRecipients": recovered from Sent Items. */
      readonly confirmedBy: "response" | "marker" | "subjectRecipients";
      readonly messageId?: string;
    }
  | { readonly outcome: "unknown"; readonly failure: GraphFailure };

export interface SendOptions {
  readonly user?: string;
  /** Pauses before each look in Sent Items after an interrupted send (default 1 s, 4 s). */
  readonly checkDelaysMs?: readonly number[];
}

const DEFAULT_CHECK_DELAYS = [1000, 4000];

/**
 * Sends a non-idempotent request once. 2xx → sent. A dropped connection, a timeout or a 5xx is
 * ambiguous: the request is NOT repeated; Sent Items is searched for the marker instead.
 */
async function sendOnce(
  client: GraphClient,
  spec: GraphRequestSpec,
  lookup: () => Promise<SentLookup>,
  options: SendOptions,
): Promise<SendOutcome> {
  let response: GraphResponse | undefined;
  let cause: GraphFailure | undefined;
  try {
    response = await client.send({ ...spec, idempotent: false });
  } catch (error) {
    if (!(error instanceof GraphRequestError) || error.failure.kind !== "offline") throw error;
    cause = error.failure;
  }
  if (response) {
    if (response.status >= 200 && response.status < 300) return { outcome: "sent", confirmedBy: "response" };
    cause = client.failureOf(response, spec);
    if (response.status < 500) throw new GraphRequestError(cause);
  }

  let search: SentLookup | undefined;
  for (const delay of options.checkDelaysMs ?? DEFAULT_CHECK_DELAYS) {
    await client.clock.sleep(delay);
    let match: SentMatch;
    try {
      search ??= await lookup();
      match = await findInSentItems(client, search);
    } catch {
      continue;
    }
    if (match.found) return { outcome: "sent", confirmedBy: match.matchedBy, messageId: match.messageId };
  }
  return {
    outcome: "unknown",
    failure: {
      kind: "sendUnknown",
      message: messages.sendUnknown,
      status: cause?.status,
      code: cause?.code,
      requestId: cause?.requestId,
    },
  };
}

const addresses = (list: GraphEmailAddress[] | undefined): string[] =>
  (list ?? []).map((r) => r.emailAddress.address).filter((a): a is string => typeof a === "string");

/** POST {mailbox}/sendMail, with a marker so an interrupted send can be found in Sent Items. */
export async function sendMail(
  client: GraphClient,
  message: OutgoingMessage,
  options: SendOptions & { readonly saveToSentItems?: boolean } = {},
): Promise<SendOutcome> {
  const marker = client.newId();
  const since = client.clock.now();
  const saveToSentItems = options.saveToSentItems ?? true;
  return sendOnce(
    client,
    {
      method: "POST",
      path: `${mailboxPath(options.user)}/sendMail`,
      body: {
        message: { ...message, singleValueExtendedProperties: [markerProperty(marker)] },
        saveToSentItems,
      },
      operation: "mail.sendMail",
    },
    async () => ({
      user: options.user,
      marker,
      since,
      subject: message.subject ?? "",
      recipients: [...addresses(message.toRecipients), ...addresses(message.ccRecipients)],
    }),
    // Without a Sent Items copy there is nothing to look for.
    saveToSentItems ? options : { ...options, checkDelaysMs: [] },
  );
}

export interface ReplyInput {
  /** Text put above the quoted original. */
  readonly comment?: string;
  readonly replyAll?: boolean;
  /** Extra changes (recipients, body) Graph allows on reply. */
  readonly message?: OutgoingMessage;
}

/** POST {mailbox}/messages/{id}/reply (or replyAll). Found afterwards by marker or conversation. */
export async function replyToMessage(
  client: GraphClient,
  messageId: string,
  input: ReplyInput,
  options: SendOptions = {},
): Promise<SendOutcome> {
  const marker = client.newId();
  const since = client.clock.now();
  const base = `${mailboxPath(options.user)}/messages/${segment(messageId)}`;
  return sendOnce(
    client,
    {
      method: "POST",
      path: `${base}/${input.replyAll ? "replyAll" : "reply"}`,
      body: {
        message: { ...input.message, singleValueExtendedProperties: [markerProperty(marker)] },
        ...(input.comment !== undefined ? { comment: input.comment } : {}),
      },
      operation: "messages.reply",
    },
    async () => {
      const original = await client.json<GraphMessage>({
        method: "GET",
        path: base,
        query: { $select: "id,conversationId" },
        operation: "messages.get",
      });
      return { user: options.user, marker, since, conversationId: original.conversationId };
    },
    options,
  );
}

export interface ForwardInput {
  readonly toRecipients: GraphEmailAddress[];
  readonly comment?: string;
}

export interface ForwardDraft {
  readonly draft: GraphMessage;
  readonly marker: string;
}

/**
 * POST {mailbox}/messages/{id}/createForward: a draft in Drafts, carrying the send marker. A
 * failure here sends nothing (at worst an extra draft is left), so it simply throws.
 */
export async function createForward(
  client: GraphClient,
  messageId: string,
  input: ForwardInput,
  options: { readonly user?: string } = {},
): Promise<ForwardDraft> {
  const marker = client.newId();
  const draft = await client.json<GraphMessage>({
    method: "POST",
    path: `${mailboxPath(options.user)}/messages/${segment(messageId)}/createForward`,
    body: {
      message: { toRecipients: input.toRecipients, singleValueExtendedProperties: [markerProperty(marker)] },
      ...(input.comment !== undefined ? { comment: input.comment } : {}),
    },
    operation: "messages.createForward",
  });
  return { draft, marker };
}

/** POST {mailbox}/messages/{draftId}/send, resolved through Sent Items when interrupted. */
export async function sendDraft(
  client: GraphClient,
  forward: ForwardDraft,
  options: SendOptions = {},
): Promise<SendOutcome> {
  const since = client.clock.now();
  const { draft, marker } = forward;
  return sendOnce(
    client,
    {
      method: "POST",
      path: `${mailboxPath(options.user)}/messages/${segment(draft.id)}/send`,
      operation: "messages.sendDraft",
    },
    async () => ({
      user: options.user,
      marker,
      since,
      subject: draft.subject ?? undefined,
      recipients: addresses(draft.toRecipients),
      conversationId: draft.conversationId,
    }),
    options,
  );
}

/** createForward + send: forwards a message to colleagues (P14 routing). */
export async function forwardMessage(
  client: GraphClient,
  messageId: string,
  input: ForwardInput,
  options: SendOptions = {},
): Promise<SendOutcome> {
  const forward = await createForward(client, messageId, input, options);
  return sendDraft(client, forward, options);
}
