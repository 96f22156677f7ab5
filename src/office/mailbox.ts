// The one place that touches Office.js for the task pane. Everything else gets a MailboxAdapter:
// plain data and promises, errors as MailboxError, never an Office callback.

export type MailboxErrorKind =
  /** Office.js did not load, or the page is not running inside Outlook. */
  | "no-mailbox"
  /** No item is selected or open. */
  | "no-item"
  /** An Office async call reported failure. */
  | "office-failed"
  /** The item lacks something we rely on (e.g. a received time). */
  | "item-incomplete";

export class MailboxError extends Error {
  override readonly name = "MailboxError";
  readonly kind: MailboxErrorKind;
  /** Office's numeric error code or name, when Office gave one. */
  readonly code: number | string | undefined;

  constructor(
    kind: MailboxErrorKind,
    message: string,
    code?: number | string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.kind = kind;
    this.code = code;
  }
}

export interface UserIdentity {
  readonly displayName: string;
  readonly emailAddress: string;
}

export type ItemKind = "message" | "appointment" | "other";

export interface ReadItem {
  readonly mode: "read";
  readonly kind: ItemKind;
  /** When the item arrived (Office's dateTimeCreated). */
  readonly received: Date;
}

export interface ComposeItem {
  readonly mode: "compose";
  readonly kind: ItemKind;
}

export type CurrentItem = ReadItem | ComposeItem;

/** "high-contrast": the system forces its colours (Windows contrast themes) — use Fluent's high-contrast theme. */
export type ThemeKind = "light" | "dark" | "high-contrast";

/** The To, Cc and Bcc addresses of the item being written. */
export interface ComposeRecipients {
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
}

/** The compose-mode surface the task pane's fixes and live analysis need. */
export interface ComposeMailbox {
  /** The body as HTML (Office's Html coercion). */
  getBodyHtml(): Promise<string>;
  /** Body of the current item as plain text. */
  getBodyText(): Promise<string>;
  /** Replaces the whole body with `html`. */
  setBodyHtml(html: string): Promise<void>;
  /** Writes `html` as the item's signature (body.setSignatureAsync, Mailbox 1.10). */
  setSignature(html: string): Promise<void>;
  /** Turns off Outlook's own signature for this item, so ours is not doubled (Mailbox 1.10). */
  disableClientSignature(): Promise<void>;
  /** Subject of the current item (read or compose). */
  getSubject(): Promise<string>;
  /** To, Cc and Bcc as email addresses (Bcc is empty where the client cannot say). */
  getRecipients(): Promise<ComposeRecipients>;
  /** Calls listener when To, Cc or Bcc change; resolves to a function that removes the handler. */
  onRecipientsChanged(listener: () => void): Promise<() => Promise<void>>;
}

/** The add-in's roaming settings (per user, kept by Exchange, 32 KB in all). */
export interface RoamingSettingsStore {
  /** The stored value, or undefined. */
  getSetting(name: string): unknown;
  /** Sets a value in memory; call saveSettings to persist it. */
  setSetting(name: string, value: unknown): void;
  saveSettings(): Promise<void>;
}

export interface MailboxAdapter extends ComposeMailbox, RoamingSettingsStore {
  /** The Office UI language, e.g. "sv-SE"; "" when unknown. */
  readonly displayLanguage: string;
  /** The Office theme, when the host reports one; "high-contrast" when the system forces colours. */
  readonly theme: ThemeKind | undefined;
  /** The signed-in user. */
  getUser(): UserIdentity;
  /** The open or selected item; rejects with MailboxError("no-item") when there is none. */
  getCurrentItem(): Promise<CurrentItem>;
  /**
   * Calls listener when the user selects another item (pinned task pane). Resolves to a function
   * that removes the handler.
   */
  onItemChanged(listener: () => void): Promise<() => Promise<void>>;
}

/** The subset of the Office namespace the adapter uses; `Office` itself satisfies it. */
export type OfficeApi = Pick<typeof Office, "context" | "AsyncResultStatus" | "CoercionType" | "EventType">;

/** window.matchMedia, or a stand-in in tests. */
export type MatchMedia = (query: string) => { readonly matches: boolean };

export interface OfficeMailboxOptions {
  /** For high-contrast detection ("(forced-colors: active)"); defaults to window.matchMedia. */
  readonly matchMedia?: MatchMedia;
}

/** Wraps an Office callback API in a promise; never throws inside the Office callback. */
export function officeCall<T>(
  office: Pick<typeof Office, "AsyncResultStatus">,
  what: string,
  start: (callback: (result: Office.AsyncResult<T>) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((result) => {
        if (result.status === office.AsyncResultStatus.Succeeded) {
          resolve(result.value);
        } else {
          reject(toMailboxError(what, result.error));
        }
      });
    } catch (error) {
      reject(
        new MailboxError("office-failed", `${what} failed: ${describe(error)}`, undefined, { cause: error }),
      );
    }
  });
}

function toMailboxError(what: string, error: Office.Error | undefined): MailboxError {
  if (!error) return new MailboxError("office-failed", `${what} failed`);
  const code = typeof error.code === "number" ? error.code : error.name;
  return new MailboxError(
    "office-failed",
    `${what} failed: ${error.name} (${error.code}) ${error.message}`,
    code,
    { cause: error },
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A colour like "#1f1f1f" → relative luminance in 0…1; undefined if unparseable. */
export function luminance(color: string): number | undefined {
  const match = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (!match?.[1]) return undefined;
  const value = parseInt(match[1], 16);
  const channel = (shift: number): number => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** True when the system forces its own colours (Windows contrast themes, which Outlook follows). */
export function forcedColors(matchMedia: MatchMedia | undefined): boolean {
  if (!matchMedia) return false;
  try {
    return matchMedia("(forced-colors: active)").matches || matchMedia("(-ms-high-contrast: active)").matches;
  } catch {
    return false;
  }
}

function defaultMatchMedia(): MatchMedia | undefined {
  return typeof window !== "undefined" && typeof window.matchMedia === "function"
    ? (query) => window.matchMedia(query)
    : undefined;
}

function themeOf(office: OfficeApi, matchMedia: MatchMedia | undefined): ThemeKind | undefined {
  if (forcedColors(matchMedia)) return "high-contrast";
  try {
    const background = office.context.officeTheme?.bodyBackgroundColor;
    if (typeof background !== "string") return undefined;
    const lum = luminance(background);
    if (lum === undefined) return undefined;
    return lum < 0.4 ? "dark" : "light";
  } catch {
    return undefined;
  }
}

type AnyItem =
  Office.MessageRead | Office.MessageCompose | Office.AppointmentRead | Office.AppointmentCompose;

function kindOf(item: AnyItem): ItemKind {
  const type: unknown = item.itemType;
  if (type === "message") return "message";
  if (type === "appointment") return "appointment";
  return "other";
}

/** Read-mode items have a plain string subject; compose-mode items have a Subject object. */
function isReadItem(item: AnyItem): item is Office.MessageRead | Office.AppointmentRead {
  return typeof item.subject === "string";
}

function addressesOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const entry of value as unknown[]) {
    if (entry !== null && typeof entry === "object") {
      const address = (entry as { emailAddress?: unknown }).emailAddress;
      if (typeof address === "string" && address !== "") out.push(address);
    }
  }
  return out;
}

/** Subscribes a listener; resolves to a function that unsubscribes it. */
type Subscribe = (listener: () => void) => Promise<() => Promise<void>>;

/**
 * One Office event handler shared by any number of listeners. Office's removeHandlerAsync removes
 * every handler of an event type, so each subscriber adding and removing its own would silently
 * unsubscribe the others: the Office handler is added for the first listener and removed with the
 * last one.
 */
function sharedHandler(
  office: Pick<typeof Office, "AsyncResultStatus">,
  what: string,
  add: (handler: () => void, callback: (result: Office.AsyncResult<void>) => void) => void,
  remove: (callback: (result: Office.AsyncResult<void>) => void) => void,
): Subscribe {
  const listeners = new Set<() => void>();
  let registered: Promise<void> | undefined;
  const dispatch = (): void => {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch {
        // A listener's fault must not surface inside Office's event dispatch.
      }
    }
  };
  return async (listener) => {
    const entry = (): void => listener(); // one entry per subscription, even for the same function
    listeners.add(entry);
    registered ??= officeCall<void>(office, `addHandlerAsync(${what})`, (callback) =>
      add(dispatch, callback),
    );
    const registering = registered;
    try {
      await registering;
    } catch (error) {
      listeners.delete(entry);
      if (registered === registering) registered = undefined;
      throw error;
    }
    let removed = false;
    return async () => {
      if (removed) return;
      removed = true;
      listeners.delete(entry);
      if (listeners.size > 0 || registered === undefined) return;
      registered = undefined;
      await officeCall<void>(office, `removeHandlerAsync(${what})`, remove);
    };
  };
}

/** The Office.js implementation. Pass the Office namespace (defaults to the global). */
export function createOfficeMailbox(
  office: OfficeApi | undefined = globalThis.Office,
  options: OfficeMailboxOptions = {},
): MailboxAdapter {
  const mailbox = office?.context?.mailbox;
  if (!office || !mailbox) {
    throw new MailboxError("no-mailbox", "Office.context.mailbox is not available (not running in Outlook)");
  }

  const currentItem = (): AnyItem => {
    const item = mailbox.item as AnyItem | null | undefined;
    if (!item) throw new MailboxError("no-item", "No mail item is open or selected");
    return item;
  };

  /** The item being written; MailboxError("no-item") in read mode. */
  const composeItem = (): Office.MessageCompose => {
    const item = currentItem();
    if (isReadItem(item)) throw new MailboxError("no-item", "The open item is not being composed");
    return item as Office.MessageCompose;
  };

  const recipientsOf = (field: Office.Recipients | undefined, what: string): Promise<string[]> =>
    field && typeof field.getAsync === "function"
      ? officeCall<Office.EmailAddressDetails[]>(office, what, (callback) => field.getAsync(callback)).then(
          addressesOf,
        )
      : Promise.resolve([]);

  // Created on first use: in compose mode the recipients handler belongs to the open item.
  let recipientsChanged: Subscribe | undefined;
  let itemChanged: Subscribe | undefined;

  const roaming = (): Office.RoamingSettings | undefined => {
    try {
      return office.context.roamingSettings ?? undefined;
    } catch {
      return undefined;
    }
  };

  return {
    displayLanguage: office.context.displayLanguage ?? "",
    theme: themeOf(office, options.matchMedia ?? defaultMatchMedia()),

    getUser() {
      const profile = mailbox.userProfile;
      return { displayName: profile?.displayName ?? "", emailAddress: profile?.emailAddress ?? "" };
    },

    async getCurrentItem() {
      const item = currentItem();
      const kind = kindOf(item);
      if (!isReadItem(item)) return { mode: "compose", kind };
      const created: unknown = item.dateTimeCreated;
      const received = created instanceof Date ? created : new Date(String(created));
      if (Number.isNaN(received.getTime())) {
        throw new MailboxError("item-incomplete", "The item has no valid received time (dateTimeCreated)");
      }
      return { mode: "read", kind, received };
    },

    async getSubject() {
      const item = currentItem();
      if (isReadItem(item)) return item.subject;
      return officeCall<string>(office, "subject.getAsync", (callback) => item.subject.getAsync(callback));
    },

    async getBodyText() {
      const item = currentItem();
      return officeCall<string>(office, "body.getAsync", (callback) =>
        item.body.getAsync(office.CoercionType.Text, callback),
      );
    },

    async getBodyHtml() {
      const item = currentItem();
      return officeCall<string>(office, "body.getAsync(html)", (callback) =>
        item.body.getAsync(office.CoercionType.Html, callback),
      );
    },

    async setBodyHtml(html) {
      const item = composeItem();
      await officeCall<void>(office, "body.setAsync", (callback) =>
        item.body.setAsync(html, { coercionType: office.CoercionType.Html }, callback),
      );
    },

    async setSignature(html) {
      const item = composeItem();
      await officeCall<void>(office, "body.setSignatureAsync", (callback) =>
        item.body.setSignatureAsync(html, { coercionType: office.CoercionType.Html }, callback),
      );
    },

    async disableClientSignature() {
      const item = composeItem();
      await officeCall<void>(office, "disableClientSignatureAsync", (callback) =>
        item.disableClientSignatureAsync(callback),
      );
    },

    async getRecipients() {
      const item = composeItem();
      const [to, cc, bcc] = await Promise.all([
        recipientsOf(item.to, "to.getAsync"),
        recipientsOf(item.cc, "cc.getAsync"),
        recipientsOf(item.bcc, "bcc.getAsync"),
      ]);
      return { to, cc, bcc };
    },

    onRecipientsChanged(listener) {
      try {
        recipientsChanged ??= (() => {
          const item = composeItem();
          return sharedHandler(
            office,
            "RecipientsChanged",
            (handler, callback) =>
              item.addHandlerAsync(office.EventType.RecipientsChanged, handler, callback),
            (callback) => item.removeHandlerAsync(office.EventType.RecipientsChanged, callback),
          );
        })();
      } catch (error) {
        return Promise.reject(error);
      }
      return recipientsChanged(listener);
    },

    getSetting(name) {
      try {
        const value: unknown = roaming()?.get(name);
        return value ?? undefined;
      } catch {
        return undefined;
      }
    },

    setSetting(name, value) {
      const settings = roaming();
      if (!settings) throw new MailboxError("no-mailbox", "Office.context.roamingSettings is not available");
      try {
        settings.set(name, value);
      } catch (error) {
        throw new MailboxError("office-failed", `roamingSettings.set failed: ${describe(error)}`, undefined, {
          cause: error,
        });
      }
    },

    async saveSettings() {
      const settings = roaming();
      if (!settings) throw new MailboxError("no-mailbox", "Office.context.roamingSettings is not available");
      await officeCall<void>(office, "roamingSettings.saveAsync", (callback) => settings.saveAsync(callback));
    },

    onItemChanged(listener) {
      itemChanged ??= sharedHandler(
        office,
        "ItemChanged",
        (handler, callback) => mailbox.addHandlerAsync(office.EventType.ItemChanged, handler, callback),
        (callback) => mailbox.removeHandlerAsync(office.EventType.ItemChanged, callback),
      );
      return itemChanged(listener);
    },
  };
}

const readiness = new WeakMap<object, Promise<boolean>>();

/**
 * Resolves once Office.js is ready: true inside Office, false when Office.js never loaded
 * (the page was opened in a plain browser). One Office.onReady() per Office object: each call of
 * it answers in a task of its own, and the pane's start-up asks from two places (early-compose.ts
 * and pane.tsx), which would otherwise wait for one another's turn.
 */
export function whenOfficeReady(
  office: Pick<typeof Office, "onReady"> | undefined = globalOffice(),
): Promise<boolean> {
  if (office === undefined) return Promise.resolve(false);
  let ready = readiness.get(office);
  if (!ready) {
    ready = office.onReady().then(() => true);
    readiness.set(office, ready);
  }
  return ready;
}

function globalOffice(): typeof Office | undefined {
  return typeof Office === "undefined" ? undefined : Office;
}

// ---- sign-in support (src/auth): requirement sets, the dialog API, REST ids -------------------

/** Size of an Office dialog, in percent of the screen. */
export interface DialogSize {
  readonly height: number;
  readonly width: number;
}

/** What an open Office dialog reports back. */
export interface DialogListener {
  /** The dialog page called messageParent; `origin` is the page's origin when Office says it. */
  message(text: string, origin: string | undefined): void;
  /** The dialog closed or failed (Office's code: 12006 closed by the user, 12002/12003 bad page). */
  closed(code: number): void;
}

export interface OpenDialog {
  close(): void;
}

/** The Office.js surface sign-in needs; the task pane passes it to src/auth. */
export interface OfficeAuthHost {
  /** Office.context.requirements.isSetSupported, false when Office cannot say. */
  isSetSupported(name: string, version?: string): boolean;
  /** The mailbox's REST endpoint (Office.context.mailbox.restUrl); "" when unknown. */
  readonly restUrl: string;
  /** Opens `url` (same origin as the pane) in an Office dialog. */
  displayDialog(url: string, size: DialogSize, listener: DialogListener): Promise<OpenDialog>;
  /** An EWS item id as a Graph (REST v2.0) id. */
  convertToRestId(itemId: string): string;
}

/** The subset of the Office namespace the auth host uses; `Office` itself satisfies it. */
export type OfficeAuthApi = Pick<
  typeof Office,
  "context" | "AsyncResultStatus" | "EventType" | "MailboxEnums"
>;

export function createOfficeAuthHost(office: OfficeAuthApi | undefined = globalOffice()): OfficeAuthHost {
  if (!office?.context) {
    throw new MailboxError("no-mailbox", "Office.context is not available (not running in Outlook)");
  }
  const context = office.context;
  return {
    isSetSupported(name, version) {
      try {
        return context.requirements?.isSetSupported(name, version) === true;
      } catch {
        return false;
      }
    },

    get restUrl() {
      try {
        return context.mailbox?.restUrl ?? "";
      } catch {
        return "";
      }
    },

    displayDialog(url, size, listener) {
      return officeCall<Office.Dialog>(office, "displayDialogAsync", (callback) =>
        context.ui.displayDialogAsync(url, { height: size.height, width: size.width }, callback),
      ).then((dialog) => {
        const safe =
          <A extends unknown[]>(fn: (...args: A) => void) =>
          (...args: A): void => {
            try {
              fn(...args);
            } catch {
              // A listener's fault must not surface inside Office's event dispatch.
            }
          };
        try {
          dialog.addEventHandler(
            office.EventType.DialogMessageReceived,
            safe((args) => {
              if ("message" in args) listener.message(args.message, args.origin);
              else listener.closed(args.error);
            }),
          );
          dialog.addEventHandler(
            office.EventType.DialogEventReceived,
            safe((args) => listener.closed("error" in args ? args.error : 0)),
          );
        } catch (error) {
          // A dialog nobody listens to could never be closed by the caller: close it now.
          try {
            dialog.close();
          } catch {
            // Already closed.
          }
          throw new MailboxError(
            "office-failed",
            `dialog.addEventHandler failed: ${describe(error)}`,
            undefined,
            {
              cause: error,
            },
          );
        }
        return {
          close: () => {
            try {
              dialog.close();
            } catch {
              // Already closed.
            }
          },
        };
      });
    },

    convertToRestId(itemId) {
      const mailbox = context.mailbox as Office.Mailbox | undefined;
      if (!mailbox) throw new MailboxError("no-mailbox", "Office.context.mailbox is not available");
      try {
        return mailbox.convertToRestId(itemId, office.MailboxEnums.RestVersion.v2_0);
      } catch (error) {
        throw new MailboxError("office-failed", `convertToRestId failed: ${describe(error)}`, undefined, {
          cause: error,
        });
      }
    },
  };
}

/** In an Office dialog page: sends `message` to the page that opened it. */
export function messageParent(
  message: string,
  office: Pick<typeof Office, "context"> | undefined = globalOffice(),
): void {
  if (!office?.context?.ui) throw new MailboxError("no-mailbox", "Office.context.ui is not available");
  office.context.ui.messageParent(message);
}

/** Office's UI language ("sv-SE"), "" outside Office — for pages without a mailbox (the dialog). */
export function officeDisplayLanguage(
  office: Pick<typeof Office, "context"> | undefined = globalOffice(),
): string {
  try {
    return office?.context?.displayLanguage ?? "";
  } catch {
    return "";
  }
}
