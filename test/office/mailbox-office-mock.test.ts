// The mailbox adapter (src/office/mailbox.ts) against Office as Microsoft's office-addin-mock builds
// it (see office-mock.ts): the values the adapter returns, the exact calls it makes into Office, and
// what becomes of a "failed" AsyncResult — a MailboxError, never an exception inside the callback.
import {
  createOfficeAuthHost,
  createOfficeMailbox,
  MailboxError,
  messageParent,
  officeDisplayLanguage,
  whenOfficeReady,
} from "../../src/office/mailbox";
import type { MailboxAdapter, MailboxErrorKind } from "../../src/office/mailbox";
import {
  composeMessage,
  createOutlook,
  EventType,
  readMessage,
  received,
  resetThrown,
  thrownInOfficeCallbacks,
} from "./office-mock";
import type { Failures, Handlers, OutlookSetup } from "./office-mock";

const noForcedColors = () => ({ matches: false });

/** Outlook with a read-mode message selected. */
function reading(setup: OutlookSetup = {}) {
  const failures: Failures = new Map();
  const item = readMessage(failures);
  const outlook = createOutlook({ displayLanguage: "sv-SE", ...setup, item: item.data, failures });
  const adapter = createOfficeMailbox(outlook.office, { matchMedia: noForcedColors });
  return { outlook, adapter, item };
}

/** Outlook with a message being written. */
function composing(options: Parameters<typeof composeMessage>[2] = {}, setup: OutlookSetup = {}) {
  const failures: Failures = new Map();
  const handlers: Handlers = new Map();
  const item = composeMessage(failures, handlers, options);
  const outlook = createOutlook({ displayLanguage: "sv-SE", ...setup, item: item.data, failures, handlers });
  const adapter = createOfficeMailbox(outlook.office, { matchMedia: noForcedColors });
  return { outlook, adapter, item };
}

/** Settles a promise into its rejection reason; fails the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<MailboxError> {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: value }),
    (error: unknown) => ({ error }),
  );
  if (!("error" in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.resolved)}`);
  expect(outcome.error).toBeInstanceOf(MailboxError);
  return outcome.error as MailboxError;
}

const mailboxError = (kind: MailboxErrorKind, code?: number | string) =>
  expect.objectContaining({ name: "MailboxError", kind, code });

beforeEach(resetThrown);
afterEach(() => {
  // Office calls back on its own stack: nothing the adapter does there may throw.
  expect(thrownInOfficeCallbacks()).toEqual([]);
});

describe("creating the adapter on an office-addin-mock Office", () => {
  test("display language, user and theme come from Office.context", () => {
    const { outlook } = reading({ displayLanguage: "en-US", bodyBackgroundColor: "#1f1f1f" });
    const adapter: MailboxAdapter = createOfficeMailbox(outlook.office, { matchMedia: noForcedColors });
    expect(adapter.displayLanguage).toBe("en-US");
    expect(adapter.theme).toBe("dark");
    expect(adapter.getUser()).toEqual({ displayName: "Anna Berg", emailAddress: "anna.berg@nvk.se" });
  });

  test.each([
    ["#ffffff", "light"],
    ["#F3F2F1", "light"],
    ["#000000", "dark"],
    ["#262626", "dark"],
    ["not a colour", undefined],
    [undefined, undefined],
  ])("officeTheme.bodyBackgroundColor %s → theme %s", (color, theme) => {
    const { outlook } = reading(color === undefined ? {} : { bodyBackgroundColor: color });
    expect(createOfficeMailbox(outlook.office, { matchMedia: noForcedColors }).theme).toBe(theme);
  });

  test("forced colours win over Office's theme, and the media queries asked are the standard ones", () => {
    const { outlook } = reading({ bodyBackgroundColor: "#ffffff" });
    const matchMedia = jest.fn((query: string) => ({ matches: query === "(-ms-high-contrast: active)" }));
    expect(createOfficeMailbox(outlook.office, { matchMedia }).theme).toBe("high-contrast");
    expect(matchMedia.mock.calls).toStrictEqual([
      ["(forced-colors: active)"],
      ["(-ms-high-contrast: active)"],
    ]);
  });

  test("no displayLanguage in the context → empty string", () => {
    const { adapter } = reading({ displayLanguage: undefined });
    expect(adapter.displayLanguage).toBe("");
  });

  test("a mock Office without context.mailbox → MailboxError(no-mailbox), thrown at creation", () => {
    const { outlook } = reading();
    delete (outlook.mock["context"] as { mailbox?: unknown }).mailbox;
    expect(() => createOfficeMailbox(outlook.office)).toThrow(
      expect.objectContaining({ name: "MailboxError", kind: "no-mailbox" }),
    );
  });
});

describe("read mode", () => {
  test("the item: kind, received time (a Date from dateTimeCreated) and subject without any Office call", async () => {
    const { adapter, item } = reading();
    await expect(adapter.getCurrentItem()).resolves.toEqual({ mode: "read", kind: "message", received });
    await expect(adapter.getSubject()).resolves.toBe("Fråga om medlemsavgiften");
    expect(item.body.getAsync).not.toHaveBeenCalled();
  });

  test("getBodyText and getBodyHtml ask body.getAsync for Text and Html coercion", async () => {
    const { adapter, item } = reading();
    await expect(adapter.getBodyText()).resolves.toBe("Hej!\n\nVi har fått din fråga.");
    await expect(adapter.getBodyHtml()).resolves.toBe("<p>Hej!</p><p>Vi har fått din fråga.</p>");
    expect(item.body.getAsync.mock.calls).toStrictEqual([
      ["text", expect.any(Function)],
      ["html", expect.any(Function)],
    ]);
  });

  test("an appointment whose dateTimeCreated is a string is still read", async () => {
    const failures: Failures = new Map();
    const appointment = readMessage(failures, {
      itemType: "appointment",
      dateTimeCreated: "2026-12-23T09:00:00.000Z",
    });
    const outlook = createOutlook({ item: appointment.data, failures });
    const adapter = createOfficeMailbox(outlook.office, { matchMedia: noForcedColors });
    await expect(adapter.getCurrentItem()).resolves.toEqual({ mode: "read", kind: "appointment", received });
  });

  test("an item type the adapter does not know is 'other'", async () => {
    const { adapter, outlook } = reading();
    outlook.setItem(readMessage(new Map(), { itemType: "task" }).data);
    await expect(adapter.getCurrentItem()).resolves.toEqual({ mode: "read", kind: "other", received });
  });

  test("an unparseable dateTimeCreated → MailboxError(item-incomplete)", async () => {
    const { adapter, outlook } = reading();
    outlook.setItem(readMessage(new Map(), { dateTimeCreated: "igår" }).data);
    expect(await rejection(adapter.getCurrentItem())).toEqual(mailboxError("item-incomplete"));
  });

  test("no item selected → every item call rejects with MailboxError(no-item)", async () => {
    const { adapter, outlook } = reading();
    outlook.setItem(null);
    for (const call of [
      () => adapter.getCurrentItem(),
      () => adapter.getSubject(),
      () => adapter.getBodyText(),
      () => adapter.getBodyHtml(),
      () => adapter.getRecipients(),
    ]) {
      expect(await rejection(call())).toEqual(mailboxError("no-item"));
    }
  });

  test("the item is looked up on every call, so a pinned pane follows the selection", async () => {
    const { adapter, outlook } = reading();
    await expect(adapter.getSubject()).resolves.toBe("Fråga om medlemsavgiften");
    outlook.setItem(readMessage(new Map(), { subject: "Ny fråga" }).data);
    await expect(adapter.getSubject()).resolves.toBe("Ny fråga");
  });

  test("compose-only calls are refused as no-item and never reach Office", async () => {
    const { adapter, outlook } = reading();
    for (const call of [
      () => adapter.setBodyHtml("<p>x</p>"),
      () => adapter.setSignature("<p>x</p>"),
      () => adapter.disableClientSignature(),
      () => adapter.getRecipients(),
      () => adapter.onRecipientsChanged(() => undefined),
    ]) {
      const error = await rejection(call());
      expect(error).toEqual(mailboxError("no-item"));
      expect(error.message).toBe("The open item is not being composed");
    }
    expect(outlook.handlers.size).toBe(0);
  });

  test("a failed body.getAsync → MailboxError(office-failed) with Office's code and text", async () => {
    const { adapter, outlook } = reading();
    outlook.failures.set("body.getAsync", {
      code: 9041,
      name: "GenericResponseError",
      message: "The operation failed.",
    });
    const error = await rejection(adapter.getBodyText());
    expect(error).toEqual(mailboxError("office-failed", 9041));
    expect(error.message).toBe("body.getAsync failed: GenericResponseError (9041) The operation failed.");
  });
});

describe("compose mode: subject and body", () => {
  test("the item is compose mode; the subject comes from subject.getAsync(callback)", async () => {
    const { adapter, item } = composing();
    await expect(adapter.getCurrentItem()).resolves.toEqual({ mode: "compose", kind: "message" });
    await expect(adapter.getSubject()).resolves.toBe("Svar: Fråga om medlemsavgiften");
    expect(item.fns.subjectGetAsync.mock.calls).toStrictEqual([[expect.any(Function)]]);
  });

  test("setBodyHtml calls body.setAsync(html, { coercionType: Html }, callback); getBodyHtml reads it back", async () => {
    const { adapter, item } = composing();
    await expect(adapter.setBodyHtml("<p>Tack för din fråga.</p>")).resolves.toBeUndefined();
    expect(item.fns.bodySetAsync.mock.calls).toStrictEqual([
      ["<p>Tack för din fråga.</p>", { coercionType: "html" }, expect.any(Function)],
    ]);
    await expect(adapter.getBodyHtml()).resolves.toBe("<p>Tack för din fråga.</p>");
    await expect(adapter.getBodyText()).resolves.toBe("Tack för din fråga.");
    expect(item.fns.bodyGetAsync.mock.calls).toStrictEqual([
      ["html", expect.any(Function)],
      ["text", expect.any(Function)],
    ]);
  });

  test("a failed body.setAsync rejects with the mapped error and leaves the body as it was", async () => {
    const { adapter, item, outlook } = composing();
    outlook.failures.set("body.setAsync", {
      code: 9000,
      name: "DataExceedsMaximumSize",
      message: "The data exceeds the maximum size.",
    });
    const error = await rejection(adapter.setBodyHtml("<p>x</p>"));
    expect(error).toEqual(mailboxError("office-failed", 9000));
    expect(error.message).toBe(
      "body.setAsync failed: DataExceedsMaximumSize (9000) The data exceeds the maximum size.",
    );
    expect(item.state.html).toBe("<p>Hej!</p>");
  });

  test("a failed result without an error object → MailboxError with no code", async () => {
    const { adapter, outlook } = composing();
    outlook.failures.set("body.getAsync", null);
    const error = await rejection(adapter.getBodyHtml());
    expect(error).toEqual(mailboxError("office-failed", undefined));
    expect(error.message).toBe("body.getAsync(html) failed");
  });

  test("an Office error whose code is not a number → the error's name is the code", async () => {
    const { adapter, outlook } = composing();
    outlook.failures.set("subject.getAsync", { code: "E_ACCESS", name: "PermissionDenied", message: "no" });
    const error = await rejection(adapter.getSubject());
    expect(error).toEqual(mailboxError("office-failed", "PermissionDenied"));
    expect(error.message).toBe("subject.getAsync failed: PermissionDenied (E_ACCESS) no");
  });
});

describe("compose mode: signature (Mailbox 1.10)", () => {
  test("setSignature calls body.setSignatureAsync(html, { coercionType: Html }, callback)", async () => {
    const { adapter, item } = composing();
    await expect(adapter.setSignature("<p>Anna Berg<br>NVK</p>")).resolves.toBeUndefined();
    expect(item.fns.setSignatureAsync.mock.calls).toStrictEqual([
      ["<p>Anna Berg<br>NVK</p>", { coercionType: "html" }, expect.any(Function)],
    ]);
    expect(item.state.signature).toBe("<p>Anna Berg<br>NVK</p>");
    expect(item.fns.bodySetAsync).not.toHaveBeenCalled();
  });

  test("disableClientSignature calls disableClientSignatureAsync(callback) once", async () => {
    const { adapter, item } = composing();
    await expect(adapter.disableClientSignature()).resolves.toBeUndefined();
    expect(item.fns.disableClientSignatureAsync.mock.calls).toStrictEqual([[expect.any(Function)]]);
    expect(item.state.clientSignatureDisabled).toBe(true);
  });

  test.each([
    ["setSignature", "body.setSignatureAsync", (a: MailboxAdapter) => a.setSignature("<p>x</p>")],
    [
      "disableClientSignature",
      "disableClientSignatureAsync",
      (a: MailboxAdapter) => a.disableClientSignature(),
    ],
  ])("a failed %s rejects with Office's code", async (_name, method, call) => {
    const { adapter, outlook } = composing();
    outlook.failures.set(method, { code: 9009, name: "NotSupported", message: "Not supported here." });
    const error = await rejection(call(adapter));
    expect(error).toEqual(mailboxError("office-failed", 9009));
    expect(error.message).toBe(`${method} failed: NotSupported (9009) Not supported here.`);
  });

  test.each([
    ["setSignature", "body.setSignatureAsync", (a: MailboxAdapter) => a.setSignature("<p>x</p>")],
    [
      "disableClientSignature",
      "disableClientSignatureAsync",
      (a: MailboxAdapter) => a.disableClientSignature(),
    ],
  ])("a client below Mailbox 1.10 (no %s API) → a rejection, not a throw", async (_name, method, call) => {
    const { adapter } = composing({ withoutMailbox110: true });
    let promise: Promise<void> | undefined;
    expect(() => {
      promise = call(adapter);
    }).not.toThrow();
    const error = await rejection(promise ?? Promise.resolve());
    expect(error).toEqual(mailboxError("office-failed", undefined));
    expect(error.message).toMatch(new RegExp(`^${method.replace(/\./g, "\\.")} failed: .*not a function`));
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});

describe("compose mode: recipients", () => {
  test("To, Cc and Bcc through their getAsync(callback), as addresses; entries without one are skipped", async () => {
    const { adapter, item } = composing();
    await expect(adapter.getRecipients()).resolves.toEqual({
      to: ["anna.berg@nvk.se", "medlem@example.com"],
      cc: ["bo.ek@nvk.se"],
      bcc: ["arkiv@nvk.se"],
    });
    expect(item.recipients.to.mock.calls).toStrictEqual([[expect.any(Function)]]);
    expect(item.recipients.cc.mock.calls).toStrictEqual([[expect.any(Function)]]);
    expect(item.recipients.bcc.mock.calls).toStrictEqual([[expect.any(Function)]]);
  });

  test("a client without bcc → bcc is empty", async () => {
    const { adapter } = composing({ withoutBcc: true });
    await expect(adapter.getRecipients()).resolves.toEqual({
      to: ["anna.berg@nvk.se", "medlem@example.com"],
      cc: ["bo.ek@nvk.se"],
      bcc: [],
    });
  });

  test("one failed field rejects the whole read, naming the field", async () => {
    const { adapter, outlook } = composing();
    outlook.failures.set("cc.getAsync", { code: 9008, name: "InvalidParameter", message: "bad" });
    const error = await rejection(adapter.getRecipients());
    expect(error).toEqual(mailboxError("office-failed", 9008));
    expect(error.message).toBe("cc.getAsync failed: InvalidParameter (9008) bad");
  });

  test("onRecipientsChanged: addHandlerAsync(RecipientsChanged, handler, callback), events, removal", async () => {
    const { adapter, item, outlook } = composing();
    const listener = jest.fn();
    const remove = await adapter.onRecipientsChanged(listener);
    expect(item.fns.addHandlerAsync.mock.calls).toStrictEqual([
      ["olkRecipientsChanged", expect.any(Function), expect.any(Function)],
    ]);
    outlook.fire(EventType.RecipientsChanged, { type: "olkRecipientsChanged", changedRecipientFields: {} });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toStrictEqual([]);

    await expect(remove()).resolves.toBeUndefined();
    expect(item.fns.removeHandlerAsync.mock.calls).toStrictEqual([
      ["olkRecipientsChanged", expect.any(Function)],
    ]);
    outlook.fire(EventType.RecipientsChanged);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  test("a listener that throws does not throw inside Office's event dispatch", async () => {
    const { adapter, outlook } = composing();
    const listener = jest.fn(() => {
      throw new Error("listener bug");
    });
    await adapter.onRecipientsChanged(listener);
    expect(() => outlook.fire(EventType.RecipientsChanged)).not.toThrow();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  test("Office refusing the handler, or its removal, rejects with the mapped error", async () => {
    const { adapter, outlook } = composing();
    outlook.failures.set("item.addHandlerAsync", { code: 5000, name: "HostError", message: "not now" });
    expect(await rejection(adapter.onRecipientsChanged(() => undefined))).toEqual(
      mailboxError("office-failed", 5000),
    );
    expect(outlook.handlers.size).toBe(0);

    outlook.failures.delete("item.addHandlerAsync");
    const remove = await adapter.onRecipientsChanged(() => undefined);
    outlook.failures.set("item.removeHandlerAsync", { code: 5000, name: "HostError", message: "not now" });
    const error = await rejection(remove());
    expect(error.message).toBe("removeHandlerAsync(RecipientsChanged) failed: HostError (5000) not now");
  });
});

describe("item changes (pinned pane)", () => {
  test("onItemChanged: mailbox.addHandlerAsync(ItemChanged, handler, callback), events, removal", async () => {
    const { adapter, outlook } = reading();
    const listener = jest.fn(() => {
      throw new Error("listener bug");
    });
    const remove = await adapter.onItemChanged(listener);
    expect(outlook.fns.mailboxAddHandlerAsync.mock.calls).toStrictEqual([
      ["olkItemSelectedChanged", expect.any(Function), expect.any(Function)],
    ]);
    expect(() => outlook.fire(EventType.ItemChanged)).not.toThrow();
    expect(listener).toHaveBeenCalledTimes(1);

    await expect(remove()).resolves.toBeUndefined();
    expect(outlook.fns.mailboxRemoveHandlerAsync.mock.calls).toStrictEqual([
      ["olkItemSelectedChanged", expect.any(Function)],
    ]);
    expect(outlook.handlers.has(EventType.ItemChanged)).toBe(false);
  });

  test("Office refusing the ItemChanged handler rejects with the mapped error", async () => {
    const { adapter, outlook } = reading();
    outlook.failures.set("mailbox.addHandlerAsync", { code: 5000, name: "HostError", message: "no" });
    const error = await rejection(adapter.onItemChanged(() => undefined));
    expect(error).toEqual(mailboxError("office-failed", 5000));
    expect(error.message).toBe("addHandlerAsync(ItemChanged) failed: HostError (5000) no");
  });
});

describe("roaming settings", () => {
  test("get, set and saveAsync go to Office.context.roamingSettings with the caller's arguments", async () => {
    const { adapter, outlook } = reading();
    const profile = { name: "Anna Berg", phone: "+46 8 123 456 78" };
    expect(adapter.getSetting("bemotande.profile.v1")).toBeUndefined();
    adapter.setSetting("bemotande.profile.v1", profile);
    expect(outlook.fns.settingsSet.mock.calls).toStrictEqual([["bemotande.profile.v1", profile]]);
    expect(adapter.getSetting("bemotande.profile.v1")).toBe(profile);
    expect(outlook.fns.settingsGet.mock.calls).toStrictEqual([
      ["bemotande.profile.v1"],
      ["bemotande.profile.v1"],
    ]);
    expect(outlook.saved.size).toBe(0);

    await expect(adapter.saveSettings()).resolves.toBeUndefined();
    expect(outlook.fns.settingsSaveAsync.mock.calls).toStrictEqual([[expect.any(Function)]]);
    expect(outlook.saved.get("bemotande.profile.v1")).toBe(profile);
  });

  test("a stored null reads as undefined; a throwing get reads as undefined", () => {
    const { adapter, outlook } = reading();
    outlook.settings.set("cleared", null);
    expect(adapter.getSetting("cleared")).toBeUndefined();
    outlook.fns.settingsGet.mockImplementationOnce(() => {
      throw new Error("settings not loaded");
    });
    expect(adapter.getSetting("cleared")).toBeUndefined();
  });

  test("a failed saveAsync (e.g. over 32 KB) rejects with Office's code and message", async () => {
    const { adapter, outlook } = reading();
    outlook.failures.set("roamingSettings.saveAsync", {
      code: 9057,
      name: "SettingsSizeExceeded",
      message: "The settings exceed 32 KB.",
    });
    adapter.setSetting("big", "x".repeat(40_000));
    const error = await rejection(adapter.saveSettings());
    expect(error).toEqual(mailboxError("office-failed", 9057));
    expect(error.message).toBe(
      "roamingSettings.saveAsync failed: SettingsSizeExceeded (9057) The settings exceed 32 KB.",
    );
    expect(outlook.saved.size).toBe(0);
  });

  test("without roamingSettings: reads are undefined, set throws and save rejects with no-mailbox", async () => {
    const { adapter } = reading({ roaming: false });
    expect(adapter.getSetting("x")).toBeUndefined();
    expect(() => adapter.setSetting("x", 1)).toThrow(
      expect.objectContaining({ name: "MailboxError", kind: "no-mailbox" }),
    );
    expect(await rejection(adapter.saveSettings())).toEqual(mailboxError("no-mailbox"));
  });
});

describe("the sign-in host: requirement sets, REST ids, dialogs", () => {
  const sets = { Mailbox: "1.13", NestedAppAuth: "1.1", DialogApi: "1.2" };

  test("isSetSupported passes name and version to Office.context.requirements.isSetSupported", () => {
    const { outlook } = reading({ requirementSets: sets });
    const host = createOfficeAuthHost(outlook.authOffice);
    expect(host.isSetSupported("Mailbox", "1.10")).toBe(true);
    expect(host.isSetSupported("NestedAppAuth", "1.1")).toBe(true);
    expect(host.isSetSupported("Mailbox", "1.14")).toBe(false);
    expect(host.isSetSupported("IdentityAPI")).toBe(false);
    expect(outlook.fns.isSetSupported.mock.calls).toStrictEqual([
      ["Mailbox", "1.10"],
      ["NestedAppAuth", "1.1"],
      ["Mailbox", "1.14"],
      ["IdentityAPI", undefined],
    ]);
  });

  test("isSetSupported is false when Office throws or answers something other than true", () => {
    const { outlook } = reading({ requirementSets: sets });
    const host = createOfficeAuthHost(outlook.authOffice);
    outlook.fns.isSetSupported.mockImplementationOnce(() => {
      throw new Error("requirements not ready");
    });
    expect(host.isSetSupported("Mailbox", "1.10")).toBe(false);
    outlook.fns.isSetSupported.mockImplementationOnce(() => "yes" as unknown as boolean);
    expect(host.isSetSupported("Mailbox", "1.10")).toBe(false);
  });

  test("restUrl is the mailbox's, or empty; convertToRestId asks for REST v2.0", () => {
    const { outlook } = reading({ restUrl: "https://outlook.office.com/api" });
    const host = createOfficeAuthHost(outlook.authOffice);
    expect(host.restUrl).toBe("https://outlook.office.com/api");
    expect(host.convertToRestId("AAMk/AD=")).toBe("AAMk-AD=@v2.0");
    expect(outlook.fns.convertToRestId.mock.calls).toStrictEqual([["AAMk/AD=", "v2.0"]]);
    expect(createOfficeAuthHost(reading().outlook.authOffice).restUrl).toBe("");
  });

  test("displayDialog: displayDialogAsync(url, { height, width }, callback); messages and closing reach the listener", async () => {
    const { outlook } = reading();
    const host = createOfficeAuthHost(outlook.authOffice);
    const listener = { message: jest.fn(), closed: jest.fn() };
    const opened = await host.displayDialog(
      "https://localhost:3000/auth-dialog.html",
      { height: 60, width: 30 },
      listener,
    );
    expect(outlook.fns.displayDialogAsync.mock.calls).toStrictEqual([
      ["https://localhost:3000/auth-dialog.html", { height: 60, width: 30 }, expect.any(Function)],
    ]);
    expect(outlook.dialog.addEventHandler.mock.calls).toStrictEqual([
      ["dialogMessageReceived", expect.any(Function)],
      ["dialogEventReceived", expect.any(Function)],
    ]);

    outlook.fireDialog(EventType.DialogMessageReceived, {
      message: '{"ok":true}',
      origin: "https://localhost:3000",
    });
    outlook.fireDialog(EventType.DialogMessageReceived, { error: 12003 });
    outlook.fireDialog(EventType.DialogEventReceived, { error: 12006 });
    expect(listener.message.mock.calls).toStrictEqual([['{"ok":true}', "https://localhost:3000"]]);
    expect(listener.closed.mock.calls).toStrictEqual([[12003], [12006]]);

    opened.close();
    expect(outlook.dialog.close).toHaveBeenCalledTimes(1);
  });

  test("dialog listener faults and a failing close() stay inside", async () => {
    const { outlook } = reading();
    const host = createOfficeAuthHost(outlook.authOffice);
    const fault = () => {
      throw new Error("listener bug");
    };
    const opened = await host.displayDialog(
      "https://localhost:3000/a.html",
      { height: 50, width: 50 },
      {
        message: fault,
        closed: fault,
      },
    );
    expect(() =>
      outlook.fireDialog(EventType.DialogMessageReceived, { message: "m", origin: "o" }),
    ).not.toThrow();
    expect(() => outlook.fireDialog(EventType.DialogEventReceived, { error: 12006 })).not.toThrow();
    outlook.dialog.close.mockImplementationOnce(() => {
      throw new Error("already closed");
    });
    expect(() => opened.close()).not.toThrow();
  });

  test("a failed displayDialogAsync (a dialog is already open) → MailboxError with code 12007", async () => {
    const { outlook } = reading();
    outlook.failures.set("ui.displayDialogAsync", {
      code: 12007,
      name: "Display Dialog Error",
      message: "A dialog box is already opened from this host window.",
    });
    const listener = { message: jest.fn(), closed: jest.fn() };
    const error = await rejection(
      createOfficeAuthHost(outlook.authOffice).displayDialog(
        "https://localhost:3000/a.html",
        { height: 50, width: 50 },
        listener,
      ),
    );
    expect(error).toEqual(mailboxError("office-failed", 12007));
    expect(outlook.dialog.addEventHandler).not.toHaveBeenCalled();
  });

  test("createOfficeAuthHost without Office.context → MailboxError(no-mailbox)", () => {
    const { outlook } = reading();
    delete (outlook.mock as { context?: unknown }).context;
    expect(() => createOfficeAuthHost(outlook.authOffice)).toThrow(
      expect.objectContaining({ name: "MailboxError", kind: "no-mailbox" }),
    );
  });
});

describe("the dialog page and readiness", () => {
  test("messageParent hands the text to Office.context.ui.messageParent", () => {
    const { outlook } = reading();
    messageParent('{"token":"t"}', outlook.mock as unknown as Pick<typeof Office, "context">);
    expect(outlook.fns.messageParent.mock.calls).toStrictEqual([['{"token":"t"}']]);
  });

  test("messageParent without Office.context.ui → MailboxError(no-mailbox)", () => {
    const { outlook } = reading();
    delete (outlook.mock["context"] as { ui?: unknown }).ui;
    expect(() => messageParent("x", outlook.mock as unknown as Pick<typeof Office, "context">)).toThrow(
      expect.objectContaining({ name: "MailboxError", kind: "no-mailbox" }),
    );
  });

  test("officeDisplayLanguage reads Office.context.displayLanguage, empty when absent", () => {
    const office = (setup: OutlookSetup) =>
      reading(setup).outlook.mock as unknown as Pick<typeof Office, "context">;
    expect(officeDisplayLanguage(office({ displayLanguage: "sv-SE" }))).toBe("sv-SE");
    expect(officeDisplayLanguage(office({ displayLanguage: undefined }))).toBe("");
  });

  test("whenOfficeReady awaits Office.onReady() and resolves true", async () => {
    const { outlook } = reading();
    await expect(whenOfficeReady(outlook.mock as unknown as Pick<typeof Office, "onReady">)).resolves.toBe(
      true,
    );
    expect(outlook.fns.onReady.mock.calls).toStrictEqual([[]]);
  });

  test("whenOfficeReady asks Office.onReady() once per Office object: later callers share its answer", async () => {
    const { outlook } = reading();
    const office = outlook.mock as unknown as Pick<typeof Office, "onReady">;
    const first = whenOfficeReady(office);
    const second = whenOfficeReady(office);
    expect(second).toBe(first);
    await expect(second).resolves.toBe(true);
    expect(outlook.fns.onReady).toHaveBeenCalledTimes(1);
    const other = reading().outlook;
    await expect(whenOfficeReady(other.mock as unknown as Pick<typeof Office, "onReady">)).resolves.toBe(
      true,
    );
    expect(other.fns.onReady).toHaveBeenCalledTimes(1);
  });

  test("whenOfficeReady without Office.js resolves false", async () => {
    await expect(whenOfficeReady(undefined)).resolves.toBe(false);
  });
});

describe("shared event handlers and errors that keep their cause", () => {
  test("two recipient listeners share one Office handler; removing one keeps the other", async () => {
    const { adapter, item, outlook } = composing();
    const first = jest.fn();
    const second = jest.fn();
    const removeFirst = await adapter.onRecipientsChanged(first);
    const removeSecond = await adapter.onRecipientsChanged(second);
    expect(item.fns.addHandlerAsync).toHaveBeenCalledTimes(1);

    outlook.fire(EventType.RecipientsChanged);
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 1]);

    await removeFirst();
    // Office's removeHandlerAsync would remove every handler of the type: it is not called yet.
    expect(item.fns.removeHandlerAsync).not.toHaveBeenCalled();
    outlook.fire(EventType.RecipientsChanged);
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 2]);

    await removeFirst(); // a second call is a no-op
    await removeSecond();
    expect(item.fns.removeHandlerAsync).toHaveBeenCalledTimes(1);

    const third = jest.fn();
    await adapter.onRecipientsChanged(third);
    expect(item.fns.addHandlerAsync).toHaveBeenCalledTimes(2);
    outlook.fire(EventType.RecipientsChanged);
    expect([first.mock.calls.length, second.mock.calls.length, third.mock.calls.length]).toEqual([1, 2, 1]);
  });

  test("two item-changed listeners: one throwing does not stop the other", async () => {
    const { adapter, outlook } = reading();
    const failing = jest.fn(() => {
      throw new Error("listener bug");
    });
    const working = jest.fn();
    await adapter.onItemChanged(failing);
    const removeWorking = await adapter.onItemChanged(working);
    expect(outlook.fns.mailboxAddHandlerAsync).toHaveBeenCalledTimes(1);
    expect(() => outlook.fire(EventType.ItemChanged)).not.toThrow();
    expect([failing.mock.calls.length, working.mock.calls.length]).toEqual([1, 1]);
    await removeWorking();
    expect(outlook.fns.mailboxRemoveHandlerAsync).not.toHaveBeenCalled();
  });

  test("a failed async result keeps Office's error as the cause", async () => {
    const { adapter, outlook } = composing();
    outlook.failures.set("cc.getAsync", { code: 9008, name: "InvalidParameter", message: "bad" });
    const error = await rejection(adapter.getRecipients());
    expect(error.cause).toEqual({ code: 9008, name: "InvalidParameter", message: "bad" });
  });

  test("a throwing roamingSettings.set becomes a MailboxError with the cause", () => {
    const { adapter, outlook } = reading();
    const cause = new Error("too big");
    outlook.fns.settingsSet.mockImplementationOnce(() => {
      throw cause;
    });
    expect(() => adapter.setSetting("x", 1)).toThrow(
      expect.objectContaining({ name: "MailboxError", kind: "office-failed", cause }),
    );
  });

  test("convertToRestId: a throwing Office call becomes a MailboxError", () => {
    const { outlook } = reading();
    const host = createOfficeAuthHost(outlook.authOffice);
    outlook.fns.convertToRestId.mockImplementationOnce(() => {
      throw new Error("bad id");
    });
    expect(() => host.convertToRestId("x")).toThrow(
      expect.objectContaining({
        name: "MailboxError",
        kind: "office-failed",
        message: "convertToRestId failed: bad id",
      }),
    );
  });

  test("displayDialog: a throwing addEventHandler closes the dialog and rejects", async () => {
    const { outlook } = reading();
    const host = createOfficeAuthHost(outlook.authOffice);
    outlook.dialog.addEventHandler.mockImplementationOnce(() => {
      throw new Error("no events");
    });
    const error = await rejection(
      host.displayDialog(
        "https://localhost:3000/auth-dialog.html",
        { height: 60, width: 30 },
        {
          message: jest.fn(),
          closed: jest.fn(),
        },
      ),
    );
    expect(error).toEqual(mailboxError("office-failed", undefined));
    expect(error.message).toBe("dialog.addEventHandler failed: no events");
    expect(outlook.dialog.close).toHaveBeenCalledTimes(1);
  });
});
