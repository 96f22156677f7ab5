// The Office namespace for the adapter's tests, built with Microsoft's office-addin-mock.
//
// `createOutlook` turns plain data into an OfficeMockObject. With `host: "outlook"` the mock keeps
// property values readable without load()/sync() (Outlook's API has neither), turns nested plain
// objects into nested mock objects and keeps functions as they are, so every Office method here is
// a jest.fn whose calls the tests can read. The async methods answer the way office.js does: later
// (on a timer, never inside the call) with an AsyncResult whose status is "succeeded", or "failed"
// with an Office.Error. Whatever the adapter's callback throws is caught and kept, so a test can
// assert that nothing surfaced inside an Office callback (`thrownInOfficeCallbacks`).
//
// Pitfall of office-addin-mock: a `null` in the data makes it throw (it treats null as an object to
// mock), so "no item" is set after construction (`setItem(null)`).
import { OfficeMockObject } from "office-addin-mock";
import type { OfficeApi, OfficeAuthApi } from "../../src/office/mailbox";

// The values office.js gives these enums at runtime (the @types declare AsyncResultStatus numeric).
export const AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" } as const;
export const CoercionType = { Text: "text", Html: "html" } as const;
export const EventType = {
  ItemChanged: "olkItemSelectedChanged",
  RecipientsChanged: "olkRecipientsChanged",
  DialogMessageReceived: "dialogMessageReceived",
  DialogEventReceived: "dialogEventReceived",
} as const;
export const MailboxEnums = { RestVersion: { v1_0: "v1.0", v2_0: "v2.0", Beta: "beta" } } as const;

export type AsyncCallback<T> = (result: Office.AsyncResult<T>) => void;

/** An Office.Error as office.js hands it over. */
export interface OfficeErrorData {
  readonly code: number | string;
  readonly name: string;
  readonly message: string;
}

/** How an async method fails: with an Office.Error, or (null) with status "failed" and no error. */
export type Failure = OfficeErrorData | null;

const thrown: unknown[] = [];

/** Exceptions that escaped into an Office callback since the last `resetThrown()`. */
export function thrownInOfficeCallbacks(): readonly unknown[] {
  return [...thrown];
}

export function resetThrown(): void {
  thrown.length = 0;
}

// The AsyncResult fields office.js sets. The status is office.js's runtime string, which the
// numeric enum of @types/office-js does not admit; hence the cast through unknown.
function succeeded<T>(value: T): Office.AsyncResult<T> {
  const result = { status: AsyncResultStatus.Succeeded, value, asyncContext: undefined };
  return result as unknown as Office.AsyncResult<T>;
}

function failed<T>(error: Failure): Office.AsyncResult<T> {
  const result = {
    status: AsyncResultStatus.Failed,
    value: undefined,
    asyncContext: undefined,
    ...(error === null ? {} : { error: { ...error } }),
  };
  return result as unknown as Office.AsyncResult<T>;
}

/** Failures by method name (e.g. "body.setAsync"); a method not listed succeeds. */
export type Failures = Map<string, Failure>;

/** Calls back later, as Office does, and keeps whatever the callback throws. */
function answer<T>(failures: Failures, method: string, callback: AsyncCallback<T>, value: () => T): void {
  const failure = failures.get(method);
  const result = failure === undefined ? succeeded(value()) : failed<T>(failure);
  setTimeout(() => {
    try {
      callback(result);
    } catch (error) {
      thrown.push(error);
    }
  }, 0);
}

/** Event handlers registered through addHandlerAsync, by event type. */
export type Handlers = Map<string, Array<(args: unknown) => void>>;

const address = (emailAddress: string, displayName = emailAddress): Office.EmailAddressDetails =>
  ({ emailAddress, displayName, recipientType: "user" }) as Office.EmailAddressDetails;

export const received = new Date("2026-12-23T09:00:00Z");

/** A received message (read mode): plain subject and dateTimeCreated, body through getAsync. */
export function readMessage(failures: Failures, overrides: Record<string, unknown> = {}) {
  const body = {
    getAsync: jest.fn((coercionType: string, callback: AsyncCallback<string>) =>
      answer(failures, "body.getAsync", callback, () =>
        coercionType === CoercionType.Html
          ? "<p>Hej!</p><p>Vi har fått din fråga.</p>"
          : "Hej!\n\nVi har fått din fråga.",
      ),
    ),
  };
  const data = {
    itemType: "message",
    itemId: "AAMkADRead=",
    subject: "Fråga om medlemsavgiften",
    dateTimeCreated: received,
    from: { emailAddress: "medlem@example.com", displayName: "En medlem" },
    body,
    ...overrides,
  };
  return { data, body };
}

export interface ComposeState {
  html: string;
  signature: string | undefined;
  clientSignatureDisabled: boolean;
}

export interface ComposeOptions {
  /** Leave out body.setSignatureAsync and disableClientSignatureAsync (clients below Mailbox 1.10). */
  readonly withoutMailbox110?: boolean;
  /** Leave out bcc (clients that cannot read it). */
  readonly withoutBcc?: boolean;
}

/** A message being written (compose mode): every field is read and written through async calls. */
export function composeMessage(failures: Failures, handlers: Handlers, options: ComposeOptions = {}) {
  const state: ComposeState = { html: "<p>Hej!</p>", signature: undefined, clientSignatureDisabled: false };
  const recipientField = (name: string, list: Office.EmailAddressDetails[]) => ({
    getAsync: jest.fn((callback: AsyncCallback<Office.EmailAddressDetails[]>) =>
      answer(failures, `${name}.getAsync`, callback, () => list),
    ),
  });
  const fns = {
    subjectGetAsync: jest.fn((callback: AsyncCallback<string>) =>
      answer(failures, "subject.getAsync", callback, () => "Svar: Fråga om medlemsavgiften"),
    ),
    bodyGetAsync: jest.fn((coercionType: string, callback: AsyncCallback<string>) =>
      answer(failures, "body.getAsync", callback, () =>
        coercionType === CoercionType.Html ? state.html : state.html.replace(/<[^>]*>/g, ""),
      ),
    ),
    bodySetAsync: jest.fn((data: string, _options: { coercionType: string }, callback: AsyncCallback<void>) =>
      answer(failures, "body.setAsync", callback, () => {
        state.html = data;
      }),
    ),
    setSignatureAsync: jest.fn(
      (data: string, _options: { coercionType: string }, callback: AsyncCallback<void>) =>
        answer(failures, "body.setSignatureAsync", callback, () => {
          state.signature = data;
        }),
    ),
    disableClientSignatureAsync: jest.fn((callback: AsyncCallback<void>) =>
      answer(failures, "disableClientSignatureAsync", callback, () => {
        state.clientSignatureDisabled = true;
      }),
    ),
    addHandlerAsync: jest.fn(
      (eventType: string, handler: (args: unknown) => void, callback: AsyncCallback<void>) =>
        answer(failures, "item.addHandlerAsync", callback, () => {
          handlers.set(eventType, [...(handlers.get(eventType) ?? []), handler]);
        }),
    ),
    removeHandlerAsync: jest.fn((eventType: string, callback: AsyncCallback<void>) =>
      answer(failures, "item.removeHandlerAsync", callback, () => {
        handlers.delete(eventType);
      }),
    ),
  };
  const to = recipientField("to", [
    address("anna.berg@nvk.se", "Anna Berg"),
    address("medlem@example.com"),
    // An entry without an address (an unresolved name) is skipped by the adapter.
    address(""),
  ]);
  const cc = recipientField("cc", [address("bo.ek@nvk.se", "Bo Ek")]);
  const bcc = recipientField("bcc", [address("arkiv@nvk.se")]);
  const data = {
    itemType: "message",
    subject: { getAsync: fns.subjectGetAsync },
    body: {
      getAsync: fns.bodyGetAsync,
      setAsync: fns.bodySetAsync,
      ...(options.withoutMailbox110 ? {} : { setSignatureAsync: fns.setSignatureAsync }),
    },
    ...(options.withoutMailbox110 ? {} : { disableClientSignatureAsync: fns.disableClientSignatureAsync }),
    to,
    cc,
    ...(options.withoutBcc ? {} : { bcc }),
    addHandlerAsync: fns.addHandlerAsync,
    removeHandlerAsync: fns.removeHandlerAsync,
  };
  return { data, fns, state, recipients: { to: to.getAsync, cc: cc.getAsync, bcc: bcc.getAsync } };
}

export interface OutlookSetup {
  /** The item's data (from readMessage / composeMessage); none selected when left out. */
  readonly item?: Record<string, unknown>;
  readonly displayLanguage?: string;
  /** officeTheme.bodyBackgroundColor; no officeTheme when left out. */
  readonly bodyBackgroundColor?: string;
  /** False: the host has no roamingSettings. */
  readonly roaming?: boolean;
  /** Requirement sets the host supports: name → highest version. */
  readonly requirementSets?: Readonly<Record<string, string>>;
  readonly restUrl?: string;
  readonly failures?: Failures;
  readonly handlers?: Handlers;
}

const versionAtLeast = (have: string, want: string): boolean => {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
};

/** Outlook as an OfficeMockObject: the Office namespace with context, mailbox, settings and UI. */
export function createOutlook(setup: OutlookSetup = {}) {
  const failures: Failures = setup.failures ?? new Map();
  const handlers: Handlers = setup.handlers ?? new Map();
  const settings = new Map<string, unknown>();
  const saved = new Map<string, unknown>();
  const dialogHandlers: Handlers = new Map();

  const dialog = {
    addEventHandler: jest.fn((eventType: string, handler: (args: unknown) => void) => {
      dialogHandlers.set(eventType, [...(dialogHandlers.get(eventType) ?? []), handler]);
    }),
    close: jest.fn((): void => undefined),
    messageChild: jest.fn((_message: string): void => undefined),
  };
  const dialogMock = new OfficeMockObject({ host: "outlook", ...dialog });

  const fns = {
    onReady: jest.fn(async () => ({ host: "Outlook", platform: "OfficeOnline" })),
    isSetSupported: jest.fn((name: string, version?: string): boolean => {
      const have = setup.requirementSets?.[name];
      return have !== undefined && (version === undefined || versionAtLeast(have, version));
    }),
    settingsGet: jest.fn((name: string): unknown => settings.get(name)),
    settingsSet: jest.fn((name: string, value: unknown): void => void settings.set(name, value)),
    settingsRemove: jest.fn((name: string): void => void settings.delete(name)),
    settingsSaveAsync: jest.fn((callback: AsyncCallback<void>) =>
      answer(failures, "roamingSettings.saveAsync", callback, () => {
        saved.clear();
        for (const [name, value] of settings) saved.set(name, value);
      }),
    ),
    displayDialogAsync: jest.fn(
      (_url: string, _options: Office.DialogOptions, callback: AsyncCallback<Office.Dialog>) =>
        answer(failures, "ui.displayDialogAsync", callback, () => dialogMock as unknown as Office.Dialog),
    ),
    messageParent: jest.fn((_message: string): void => undefined),
    convertToRestId: jest.fn(
      (itemId: string, restVersion: string) => `${itemId.replace(/\//g, "-")}@${restVersion}`,
    ),
    mailboxAddHandlerAsync: jest.fn(
      (eventType: string, handler: (args: unknown) => void, callback: AsyncCallback<void>) =>
        answer(failures, "mailbox.addHandlerAsync", callback, () => {
          handlers.set(eventType, [...(handlers.get(eventType) ?? []), handler]);
        }),
    ),
    mailboxRemoveHandlerAsync: jest.fn((eventType: string, callback: AsyncCallback<void>) =>
      answer(failures, "mailbox.removeHandlerAsync", callback, () => {
        handlers.delete(eventType);
      }),
    ),
  };

  const data = {
    host: "outlook",
    AsyncResultStatus,
    CoercionType,
    EventType,
    MailboxEnums,
    onReady: fns.onReady,
    context: {
      ...(setup.displayLanguage === undefined ? {} : { displayLanguage: setup.displayLanguage }),
      ...(setup.bodyBackgroundColor === undefined
        ? {}
        : {
            officeTheme: {
              bodyBackgroundColor: setup.bodyBackgroundColor,
              bodyForegroundColor: "#000000",
              controlBackgroundColor: setup.bodyBackgroundColor,
              controlForegroundColor: "#000000",
            },
          }),
      requirements: { isSetSupported: fns.isSetSupported },
      ...(setup.roaming === false
        ? {}
        : {
            roamingSettings: {
              get: fns.settingsGet,
              set: fns.settingsSet,
              remove: fns.settingsRemove,
              saveAsync: fns.settingsSaveAsync,
            },
          }),
      ui: { displayDialogAsync: fns.displayDialogAsync, messageParent: fns.messageParent },
      mailbox: {
        ...(setup.item === undefined ? {} : { item: setup.item }),
        userProfile: {
          displayName: "Anna Berg",
          emailAddress: "anna.berg@nvk.se",
          timeZone: "W. Europe Standard Time",
          accountType: "enterprise",
        },
        ...(setup.restUrl === undefined ? {} : { restUrl: setup.restUrl }),
        convertToRestId: fns.convertToRestId,
        addHandlerAsync: fns.mailboxAddHandlerAsync,
        removeHandlerAsync: fns.mailboxRemoveHandlerAsync,
      },
    },
  };
  const mock = new OfficeMockObject(data);

  /** The mocked mailbox, typed for the one property tests change. */
  const mailbox = (): { item: unknown } => mock["context"].mailbox as { item: unknown };

  return {
    mock,
    /** The mock as the adapter's view of Office: OfficeMockObject is typed as a bag of `any`. */
    office: mock as unknown as OfficeApi,
    authOffice: mock as unknown as OfficeAuthApi,
    fns,
    dialog,
    dialogMock,
    dialogHandlers,
    failures,
    handlers,
    settings,
    saved,
    /** Selects another item (a new OfficeMockObject), or none. */
    setItem(item: Record<string, unknown> | null): void {
      mailbox().item = item === null ? null : new OfficeMockObject({ host: "outlook", ...item });
    },
    /** Fires an event on the handlers Office holds for `eventType`, as Office's dispatch would. */
    fire(eventType: string, args: unknown = { type: eventType }): void {
      for (const handler of handlers.get(eventType) ?? []) handler(args);
    },
    fireDialog(eventType: string, args: unknown): void {
      for (const handler of dialogHandlers.get(eventType) ?? []) handler(args);
    },
  };
}
