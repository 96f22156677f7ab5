import type { GraphClient } from "../client";
import { mailboxPath } from "../ids";
import type { GraphDateTimeTimeZone } from "./types";

export interface StatusMessage {
  /** Plain text shown next to the person's presence in Teams and Outlook. */
  readonly text: string;
  /** When the message should disappear (Graph clears it then). */
  readonly expiry?: GraphDateTimeTimeZone;
}

/**
 * POST {user}/presence/setStatusMessage. Although a POST, it sets state (the same call twice
 * leaves the same message), so it is marked idempotent and may be retried.
 */
export async function setStatusMessage(
  client: GraphClient,
  message: StatusMessage,
  user?: string,
): Promise<void> {
  await client.request({
    method: "POST",
    path: `${mailboxPath(user)}/presence/setStatusMessage`,
    body: {
      statusMessage: {
        message: { content: message.text, contentType: "text" },
        ...(message.expiry ? { expiryDateTime: message.expiry } : {}),
      },
    },
    operation: "presence.setStatusMessage",
    idempotent: true,
  });
}
