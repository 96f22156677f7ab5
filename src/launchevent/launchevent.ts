// Event-based activation handlers. Classic Outlook on Windows runs this file on its own in a
// JavaScript-only runtime (ES2016, no DOM, Office.onReady does not fire for events), so it stays
// small (the policy code it imports is inlined by the bundler, see docs/events.md), works on its
// own, and associates its handlers at top level. Its one lazy chunk (Graph /me for the signature,
// directory.ts) is loaded only in the HTML runtime, and only when the cached profile is stale.
// Every handler calls event.completed exactly once, whatever happens inside it, and within a
// bounded time.
import { insertSignature } from "./compose";
import { settleWithin } from "./office-calls";
import { checkItem, completedOptionsFor } from "./send";

type CompletedOptions = Office.SmartAlertsEventCompletedOptions;

/** Compose must never wait for the add-in: the signature is given this long. */
export const COMPOSE_TIMEOUT_MS = 4_000;
/** The send check is well under a second; past this the message goes (fail open). */
export const SEND_TIMEOUT_MS = 10_000;

function complete(event: Office.MailboxEvent, options?: CompletedOptions): void {
  try {
    if (options === undefined) event.completed();
    else event.completed(options);
  } catch {
    // Nothing more can be done: Outlook times the handler out on its own.
  }
}

function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return work();
  } catch (error) {
    return Promise.reject(error);
  }
}

function onNewMessageComposeHandler(event: Office.MailboxEvent): void {
  settleWithin(run(insertSignature), COMPOSE_TIMEOUT_MS, () => complete(event));
}

function onMessageSendHandler(event: Office.MailboxEvent): void {
  // Fails open: a fault in the add-in must never stop a user from sending mail.
  let options: CompletedOptions = { allowEvent: true };
  const work = run(checkItem).then((check) => {
    options = completedOptionsFor(check);
  });
  settleWithin(work, SEND_TIMEOUT_MS, (timedOut) =>
    complete(event, timedOut ? { allowEvent: true } : options),
  );
}

if (typeof Office !== "undefined" && Office.actions) {
  Office.actions.associate("onNewMessageComposeHandler", onNewMessageComposeHandler);
  Office.actions.associate("onMessageSendHandler", onMessageSendHandler);
}
