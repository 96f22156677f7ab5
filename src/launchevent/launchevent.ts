// Event-based activation handlers. Classic Outlook on Windows runs this file on its own in a
// JavaScript-only runtime (ES2016, no DOM, Office.onReady does not fire for events), so it stays
// tiny, imports nothing and associates its handlers at top level. Every handler calls
// event.completed exactly once, whatever happens inside it.

type CompletedOptions = Parameters<Office.MailboxEvent["completed"]>[0];

function complete(event: Office.MailboxEvent, options?: CompletedOptions): void {
  try {
    if (options === undefined) event.completed();
    else event.completed(options);
  } catch {
    // Nothing more can be done: Outlook times the handler out on its own.
  }
}

function onNewMessageComposeHandler(event: Office.MailboxEvent): void {
  try {
    // Signature insertion (policy P6) arrives in a later issue.
  } finally {
    complete(event);
  }
}

function onMessageSendHandler(event: Office.MailboxEvent): void {
  // Fails open: a fault in the add-in must never stop a user from sending mail.
  const options: CompletedOptions = { allowEvent: true };
  try {
    // Send-time checks arrive in a later issue.
  } finally {
    complete(event, options);
  }
}

if (typeof Office !== "undefined" && Office.actions) {
  Office.actions.associate("onNewMessageComposeHandler", onNewMessageComposeHandler);
  Office.actions.associate("onMessageSendHandler", onMessageSendHandler);
}

// A module, so the helpers above stay out of the global scope (webpack wraps it in an IIFE).
export {};
