// The contract between the playground page (the "host", standing in for Outlook) and the Office.js
// stand-in running inside the add-in's iframes. Both sides are same-origin:
//  - child → host: the stand-in finds the host object on `window.parent` (or `window.top`) under
//    HOST_GLOBAL and calls it;
//  - host → child: the stand-in publishes EMULATOR_GLOBAL on its own window, which the host uses
//    to invoke handlers registered with Office.actions.associate.
// Everything that crosses the boundary is plain JSON data (each side copies it into its own
// realm), except the listener and completion callbacks.

export const HOST_GLOBAL = "__bemotandeOutlookHost";
export const EMULATOR_GLOBAL = "__bemotandeOfficeEmulator";

export type ThemeName = "light" | "dark";
export type ComposeType = "newMail" | "reply" | "forward";

export interface Address {
  readonly displayName: string;
  readonly emailAddress: string;
}

export interface HostContext {
  /** e.g. "sv-SE" or "en-US". */
  readonly displayLanguage: string;
  readonly theme: ThemeName;
  readonly user: Address & { readonly timeZone: string };
  /** Base URL for REST calls (the Graph emulator's /graph). */
  readonly restUrl: string;
}

export interface NotificationState {
  readonly key: string;
  readonly type: string;
  readonly message: string;
  readonly icon?: string;
  readonly persistent?: boolean;
}

export interface ReadItemState {
  readonly mode: "read";
  readonly itemId: string;
  readonly conversationId: string;
  readonly internetMessageId: string;
  readonly subject: string;
  readonly from: Address;
  readonly to: readonly Address[];
  readonly cc: readonly Address[];
  /** ISO 8601 instant: when the message arrived. */
  readonly dateTimeCreated: string;
  readonly dateTimeModified: string;
  readonly bodyHtml: string;
  readonly notifications: readonly NotificationState[];
}

export interface ComposeItemState {
  readonly mode: "compose";
  /** Local id of this compose session (not a server id until saved). */
  readonly sessionId: string;
  /** Set once saveAsync ran. */
  readonly itemId: string | null;
  readonly composeType: ComposeType;
  readonly conversationId: string;
  readonly subject: string;
  readonly from: Address;
  readonly to: readonly Address[];
  readonly cc: readonly Address[];
  readonly bcc: readonly Address[];
  readonly bodyHtml: string;
  readonly clientSignatureEnabled: boolean;
  readonly notifications: readonly NotificationState[];
}

export type ItemState = ReadItemState | ComposeItemState;

export type RecipientField = "to" | "cc" | "bcc";

/** What the host tells the stand-ins. */
export type HostEvent =
  /** Another item was selected or opened (or none). */
  | { readonly type: "item-changed" }
  /** Recipients of the open compose item changed (by the user or an add-in). */
  | { readonly type: "recipients-changed"; readonly fields: readonly RecipientField[] }
  /** Body, subject or notifications changed; informational. */
  | { readonly type: "item-updated" };

/** Changes a stand-in may make to the open compose item. */
export interface ComposePatch {
  readonly subject?: string;
  readonly to?: readonly Address[];
  readonly cc?: readonly Address[];
  readonly bcc?: readonly Address[];
  readonly bodyHtml?: string;
  readonly clientSignatureEnabled?: boolean;
  readonly itemId?: string;
}

/** The host object the playground page publishes as window[HOST_GLOBAL]. */
export interface OutlookHostBridge {
  readonly version: 1;
  getContext(): HostContext;
  /** A copy of the current item, or null when nothing is selected. */
  getItem(): ItemState | null;
  /** Applies a change to the open compose item; returns false when `sessionId` is no longer open. */
  updateCompose(sessionId: string, patch: ComposePatch): boolean;
  /** Replaces the notification messages of the current item (read or compose). */
  setNotifications(itemKey: string, notifications: readonly NotificationState[]): boolean;
  /** Roaming settings of the signed-in user, as a JSON object text. */
  loadRoamingSettings(): string;
  saveRoamingSettings(json: string): void;
  /** Returns an unsubscribe function. */
  subscribe(listener: (event: HostEvent) => void): () => void;
}

/** Options of event.completed() the host understands (SmartAlertsEventCompletedOptions). */
export interface CompletedOptions {
  readonly allowEvent?: boolean;
  readonly errorMessage?: string;
  readonly errorMessageMarkdown?: string;
  readonly cancelLabel?: string;
  readonly commandId?: string;
  readonly contextData?: string;
  readonly sendModeOverride?: string;
}

/** What the stand-in publishes as window[EMULATOR_GLOBAL] inside each add-in frame. */
export interface OfficeEmulatorHandle {
  /** Names passed to Office.actions.associate so far. */
  associatedActions(): string[];
  /**
   * Calls the associated handler with a fresh event object. `onCompleted` runs once, when the
   * handler calls event.completed. Returns false when no handler has that name.
   */
  invokeAction(
    name: string,
    onCompleted: (options: CompletedOptions | undefined) => void,
    onError: (message: string) => void,
  ): boolean;
}

/** The key identifying an item for notification messages: itemId (read) or sessionId (compose). */
export function itemKeyOf(item: ItemState): string {
  return item.mode === "read" ? item.itemId : item.sessionId;
}

/** Copies plain data into the caller's realm (and drops anything that is not JSON). */
export function cloneData<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
