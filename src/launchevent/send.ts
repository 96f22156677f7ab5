import { defaultConfig } from "../policy/config/defaults";
import { checkAtSend } from "../policy/send-check";
import type { SendCheck } from "../policy/send-check";
import { displayLanguage, officeCall, supportsMailbox } from "./office-calls";
import { cachedSenderProfile } from "./profile";

// OnMessageSend (Smart Alerts, SoftBlock): the send-time check of src/policy/send-check.ts. A
// compliant message goes; a message without a complete signature, or with a personnummer to a
// recipient outside NVK, is held with a message saying what to fix. Any failure lets the message
// go (fail open): a fault in the add-in must never stop someone from sending mail.

type CompletedOptions = Office.SmartAlertsEventCompletedOptions;

/** The id of the compose task pane's button in manifest.xml; the Smart Alert's button opens it. */
export const PANE_COMMAND_ID = "Bemotande.ComposePaneButton";

export const OPEN_PANE_LABEL = { sv: "Öppna Bemötande", en: "Open Bemötande" } as const;

async function recipientsOf(field: Office.Recipients | undefined, what: string): Promise<string[]> {
  if (!field) return [];
  const list = await officeCall<Office.EmailAddressDetails[]>(what, (cb) => field.getAsync(cb));
  return list.map((r) => r.emailAddress).filter((a): a is string => typeof a === "string" && a !== "");
}

/** Reads the item and runs the check. Rejects when Office fails (the caller then allows the send). */
export async function checkItem(now: Date = new Date()): Promise<SendCheck> {
  const item = Office.context.mailbox.item as Office.MessageCompose | undefined;
  if (!item) throw new Error("no item to check");
  const [body, to, cc, bcc] = await Promise.all([
    officeCall<string>("body.getAsync", (cb) => item.body.getAsync(Office.CoercionType.Html, cb)),
    recipientsOf(item.to, "to.getAsync"),
    recipientsOf(item.cc, "cc.getAsync"),
    recipientsOf(item.bcc, "bcc.getAsync"),
  ]);
  const profile = cachedSenderProfile();
  return checkAtSend(
    { body, format: "html", recipients: [...to, ...cc, ...bcc] },
    { config: defaultConfig, now, ...(profile ? { profile } : {}) },
  );
}

/** The completed() options for a check's result, in the user's language. */
export function completedOptionsFor(check: SendCheck): CompletedOptions {
  if (!check.block) return { allowEvent: true };
  const language = displayLanguage();
  const options: CompletedOptions = { allowEvent: false, errorMessage: check.message[language] };
  // cancelLabel and commandId came with Mailbox 1.14; older hosts get the message alone.
  if (supportsMailbox("1.14")) {
    options.cancelLabel = OPEN_PANE_LABEL[language];
    options.commandId = PANE_COMMAND_ID;
  }
  return options;
}
