import type { ErrorKey } from "../i18n";
import { MailboxError } from "../office/mailbox";

/** Maps anything thrown to a localisable message key; raw messages and stacks never reach the UI. */
export function errorKeyOf(error: unknown): ErrorKey {
  return error instanceof MailboxError ? error.kind : "unexpected";
}
