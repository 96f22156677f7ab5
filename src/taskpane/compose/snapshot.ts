// What the compose view analyses: the body, subject and recipients, read through the adapter. A
// module of its own (no policy code), so the bootstrap can read the draft while the compose
// chunk is still downloading (compose-loader.ts).
import type { MailboxAdapter } from "../../office/mailbox";
import type { Snapshot } from "./live";

/**
 * Reads the draft. `recipients`: the To, Cc and Bcc addresses when they are known to be current
 * (RecipientsChanged keeps them so); they are then not read again — every Office call is a round
 * trip to the host, and the body is re-read on every poll.
 */
export async function readSnapshot(
  adapter: MailboxAdapter,
  recipients?: readonly string[],
): Promise<Snapshot> {
  const [html, subject, current] = await Promise.all([
    adapter.getBodyHtml(),
    adapter.getSubject().catch(() => ""),
    recipients ??
      adapter
        .getRecipients()
        .then((r) => [...r.to, ...r.cc, ...r.bcc])
        .catch(() => []),
  ]);
  return { html, subject, recipients: current };
}
