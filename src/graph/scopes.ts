/**
 * The Microsoft Graph permissions Bemötande uses, and for each operation the least of them it
 * needs. docs/graph.md documents the same list; test/graph/scopes.test.ts fails when any file in
 * src/ names a scope that is not documented there.
 *
 * Within the set the add-in requests, an operation gets the least scope that allows it: reading
 * mail uses Mail.ReadWrite (not the read-only mail scope) because the add-in asks for Mail.ReadWrite anyway
 * to flag messages, and one consent per resource keeps the consent prompt short.
 */

/** Delegated scopes (the task pane, nested app authentication). */
export const DELEGATED_SCOPES = {
  userRead: "User.Read",
  userReadBasicAll: "User.ReadBasic.All",
  mailboxSettingsReadWrite: "MailboxSettings.ReadWrite",
  mailReadWrite: "Mail.ReadWrite",
  mailSend: "Mail.Send",
  presenceReadWrite: "Presence.ReadWrite",
} as const;

/** Application permissions (the CLI and the weekly summary job, app-only). */
export const APPLICATION_PERMISSIONS = {
  userReadAll: "User.Read.All",
  mailboxSettingsReadWrite: "MailboxSettings.ReadWrite",
  mailReadWrite: "Mail.ReadWrite",
  mailSend: "Mail.Send",
  presenceReadWriteAll: "Presence.ReadWrite.All",
} as const;

/** App-only token requests ask for the permissions granted to the app registration. */
export const GRAPH_DEFAULT_SCOPE = "https://graph.microsoft.com/.default";

export type GraphOperation =
  | "profile.get"
  | "mailboxSettings.get"
  | "mailboxSettings.update"
  | "messages.list"
  | "messages.get"
  | "messages.delta"
  | "messages.flag"
  | "messages.createForward"
  | "messages.updateDraft"
  | "messages.sendDraft"
  | "messages.reply"
  | "mail.sendMail"
  | "sentItems.find"
  | "people.directReports"
  | "people.search"
  | "presence.setStatusMessage"
  | "batch";

export interface OperationScope {
  /** Least delegated scope (what the task pane asks for). */
  readonly delegated: string;
  /** Least application permission (what the app registration needs for app-only use). */
  readonly application: string;
}

const D = DELEGATED_SCOPES;
const A = APPLICATION_PERMISSIONS;

export const OPERATION_SCOPES: Readonly<Record<GraphOperation, OperationScope>> = {
  "profile.get": { delegated: D.userRead, application: A.userReadAll },
  "mailboxSettings.get": { delegated: D.mailboxSettingsReadWrite, application: A.mailboxSettingsReadWrite },
  "mailboxSettings.update": {
    delegated: D.mailboxSettingsReadWrite,
    application: A.mailboxSettingsReadWrite,
  },
  "messages.list": { delegated: D.mailReadWrite, application: A.mailReadWrite },
  "messages.get": { delegated: D.mailReadWrite, application: A.mailReadWrite },
  "messages.delta": { delegated: D.mailReadWrite, application: A.mailReadWrite },
  "messages.flag": { delegated: D.mailReadWrite, application: A.mailReadWrite },
  "messages.createForward": { delegated: D.mailReadWrite, application: A.mailReadWrite },
  "messages.updateDraft": { delegated: D.mailReadWrite, application: A.mailReadWrite },
  "messages.sendDraft": { delegated: D.mailSend, application: A.mailSend },
  "messages.reply": { delegated: D.mailSend, application: A.mailSend },
  "mail.sendMail": { delegated: D.mailSend, application: A.mailSend },
  "sentItems.find": { delegated: D.mailReadWrite, application: A.mailReadWrite },
  "people.directReports": { delegated: D.userRead, application: A.userReadAll },
  "people.search": { delegated: D.userReadBasicAll, application: A.userReadAll },
  "presence.setStatusMessage": { delegated: D.presenceReadWrite, application: A.presenceReadWriteAll },
  // A batch needs the union of its items' scopes; the caller names them (see batch.ts).
  batch: { delegated: D.userRead, application: A.userReadAll },
};

/** Every delegated scope the task pane requests at sign-in. */
export const ALL_DELEGATED_SCOPES: readonly string[] = Object.values(DELEGATED_SCOPES);

export type AuthMode = "delegated" | "application";

export function scopeFor(operation: GraphOperation, mode: AuthMode): string {
  const entry = OPERATION_SCOPES[operation];
  return mode === "delegated" ? entry.delegated : entry.application;
}
