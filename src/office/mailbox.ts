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

export type ThemeKind = "light" | "dark";

export interface MailboxAdapter {
  /** The Office UI language, e.g. "sv-SE"; "" when unknown. */
  readonly displayLanguage: string;
  /** The Office theme, when the host reports one. */
  readonly theme: ThemeKind | undefined;
  /** The signed-in user. */
  getUser(): UserIdentity;
  /** The open or selected item; rejects with MailboxError("no-item") when there is none. */
  getCurrentItem(): Promise<CurrentItem>;
  /** Subject of the current item (read or compose). */
  getSubject(): Promise<string>;
  /** Body of the current item as plain text. */
  getBodyText(): Promise<string>;
  /**
   * Calls listener when the user selects another item (pinned task pane). Resolves to a function
   * that removes the handler.
   */
  onItemChanged(listener: () => void): Promise<() => Promise<void>>;
}

/** The subset of the Office namespace the adapter uses; `Office` itself satisfies it. */
export type OfficeApi = Pick<typeof Office, "context" | "AsyncResultStatus" | "CoercionType" | "EventType">;

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

function themeOf(office: OfficeApi): ThemeKind | undefined {
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

/** The Office.js implementation. Pass the Office namespace (defaults to the global). */
export function createOfficeMailbox(office: OfficeApi | undefined = globalThis.Office): MailboxAdapter {
  const mailbox = office?.context?.mailbox;
  if (!office || !mailbox) {
    throw new MailboxError("no-mailbox", "Office.context.mailbox is not available (not running in Outlook)");
  }

  const currentItem = (): AnyItem => {
    const item = mailbox.item as AnyItem | null | undefined;
    if (!item) throw new MailboxError("no-item", "No mail item is open or selected");
    return item;
  };

  return {
    displayLanguage: office.context.displayLanguage ?? "",
    theme: themeOf(office),

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

    async onItemChanged(listener) {
      const handler = (): void => {
        try {
          listener();
        } catch {
          // A listener's fault must not surface inside Office's event dispatch.
        }
      };
      await officeCall<void>(office, "addHandlerAsync(ItemChanged)", (callback) =>
        mailbox.addHandlerAsync(office.EventType.ItemChanged, handler, callback),
      );
      return () =>
        officeCall<void>(office, "removeHandlerAsync(ItemChanged)", (callback) =>
          mailbox.removeHandlerAsync(office.EventType.ItemChanged, callback),
        );
    },
  };
}

/**
 * Resolves once Office.js is ready: true inside Office, false when Office.js never loaded
 * (the page was opened in a plain browser).
 */
export async function whenOfficeReady(
  office: Pick<typeof Office, "onReady"> | undefined = globalOffice(),
): Promise<boolean> {
  if (office === undefined) return false;
  await office.onReady();
  return true;
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
      return context.mailbox.convertToRestId(itemId, office.MailboxEnums.RestVersion.v2_0);
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
