import type { ComposeItemState, HostContext, ReadItemState } from "../../src/playground/bridge";
import { OutlookHost } from "../../src/playground/host/outlook-host";
import type { RoamingStore } from "../../src/playground/host/outlook-host";
import { createOffice, LIMITS, placeSignature } from "../../src/playground/office-emulator/create-office";
import type { EmulatedAsyncResult } from "../../src/playground/office-emulator/async";
import { createOfficeMailbox, officeCall } from "../../src/office/mailbox";
import type { OfficeApi } from "../../src/office/mailbox";

// The stand-in is exercised through its public surface, the way the add-in uses Office.js.
// Scheduled tasks go into a queue that the test drains, so "later" is observable.

const context: HostContext = {
  displayLanguage: "sv-SE",
  theme: "light",
  user: {
    displayName: "Anna Berg",
    emailAddress: "anna.berg@nvk.example",
    timeZone: "W. Europe Standard Time",
  },
  restUrl: "http://127.0.0.1:3000/graph",
};

const readItem: ReadItemState = {
  mode: "read",
  itemId: "AAMk-1",
  conversationId: "conv-1",
  internetMessageId: "<1@nvk.example>",
  subject: "Fråga om ansökan",
  from: { displayName: "Örjan Åberg", emailAddress: "orjan@example.org" },
  to: [{ displayName: "Anna Berg", emailAddress: "anna.berg@nvk.example" }],
  cc: [],
  dateTimeCreated: "2026-03-02T08:15:00.000Z",
  dateTimeModified: "2026-03-02T08:15:00.000Z",
  bodyHtml: "<p>Hej!</p><p>När får jag svar?&nbsp;Tack.</p>",
  notifications: [],
};

function compose(overrides: Partial<ComposeItemState> = {}): ComposeItemState {
  return {
    mode: "compose",
    sessionId: "s1",
    itemId: null,
    composeType: "newMail",
    conversationId: "",
    subject: "",
    from: { displayName: "Anna Berg", emailAddress: "anna.berg@nvk.example" },
    to: [],
    cc: [],
    bcc: [],
    bodyHtml: "<div>Text</div>",
    clientSignatureEnabled: true,
    notifications: [],
    ...overrides,
  };
}

function memoryRoaming(): RoamingStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    load: (u) => data.get(u) ?? "{}",
    save: (u, j) => void data.set(u, j),
    clear: () => data.clear(),
  };
}

function setup(item: ReadItemState | ComposeItemState | null = readItem) {
  const queue: Array<() => void> = [];
  const roaming = memoryRoaming();
  const host = new OutlookHost(context, "user-1", roaming);
  host.setItem(item);
  const emulated = createOffice({ host, schedule: (task) => queue.push(task) });
  const office = emulated.office as unknown as OfficeNs;
  const flush = (): void => {
    for (let i = 0; i < 1000 && queue.length > 0; i++) queue.shift()?.();
  };
  /** Calls an async method and returns its AsyncResult after draining the queue. */
  const call = <T>(start: (cb: (r: EmulatedAsyncResult<T>) => void) => void): EmulatedAsyncResult<T> => {
    let result: EmulatedAsyncResult<T> | undefined;
    start((r) => (result = r));
    expect(result).toBeUndefined(); // never synchronously
    flush();
    if (!result) throw new Error("no callback");
    return result;
  };
  return { host, office, emulated, queue, flush, call, roaming };
}

/* The stand-in's Office namespace, typed loosely for the test: what a caller would see. */
type Fn = (...args: unknown[]) => void;
interface OfficeNs {
  AsyncResultStatus: { Succeeded: string; Failed: string };
  CoercionType: { Text: string; Html: string };
  EventType: { ItemChanged: string; RecipientsChanged: string };
  onReady(cb?: (info: unknown) => void): Promise<{ host: string; platform: string }>;
  actions: { associate(name: string, fn: (event: unknown) => void): void };
  context: {
    displayLanguage: string;
    officeTheme: { bodyBackgroundColor: string };
    requirements: { isSetSupported(name: string, version?: string | number): boolean };
    roamingSettings: {
      get(n: string): unknown;
      set(n: string, v: unknown): void;
      remove(n: string): void;
      saveAsync: Fn;
    };
    mailbox: {
      item: Record<string, unknown> & {
        body: Record<string, Fn>;
        subject: unknown;
        to: Record<string, Fn>;
        notificationMessages: Record<string, Fn>;
      };
      userProfile: { displayName: string; emailAddress: string; timeZone: string };
      addHandlerAsync: Fn;
      convertToRestId(id: string, v: string): string;
      restUrl: string;
    };
  };
}

describe("Office namespace", () => {
  test("onReady resolves with Outlook / OfficeOnline, by promise and callback, after a task", async () => {
    const { office, flush } = setup();
    const seen: unknown[] = [];
    const ready = office.onReady((info) => seen.push(info));
    expect(seen).toEqual([]);
    flush();
    await expect(ready).resolves.toEqual({ host: "Outlook", platform: "OfficeOnline" });
    expect(seen).toEqual([{ host: "Outlook", platform: "OfficeOnline" }]);
  });

  test("context: language, theme, profile, requirement sets, REST helpers", () => {
    const { office } = setup();
    expect(office.context.displayLanguage).toBe("sv-SE");
    expect(office.context.officeTheme.bodyBackgroundColor).toBe("#ffffff");
    expect(office.context.mailbox.userProfile).toMatchObject({
      displayName: "Anna Berg",
      emailAddress: "anna.berg@nvk.example",
    });
    const { isSetSupported } = office.context.requirements;
    expect(isSetSupported("Mailbox", "1.14")).toBe(true);
    expect(isSetSupported("mailbox", 1.1)).toBe(true);
    expect(isSetSupported("Mailbox", "1.15")).toBe(false);
    expect(isSetSupported("NestedAppAuth", "1.1")).toBe(true);
    expect(isSetSupported("NestedAppAuth", "1.2")).toBe(false);
    expect(isSetSupported("ExcelApi", "1.1")).toBe(false);
    expect(office.context.mailbox.convertToRestId("AAMk-1", "v2.0")).toBe("AAMk-1");
    expect(office.context.mailbox.restUrl).toBe("http://127.0.0.1:3000/graph");
  });
});

describe("read mode", () => {
  test("item properties as Office.js exposes them", () => {
    const { office } = setup();
    const item = office.context.mailbox.item;
    expect(item.itemType).toBe("message");
    expect(item.subject).toBe("Fråga om ansökan");
    expect(item.itemId).toBe("AAMk-1");
    expect(item.dateTimeCreated).toBeInstanceOf(Date);
    expect((item.dateTimeCreated as Date).toISOString()).toBe("2026-03-02T08:15:00.000Z");
    expect(item.from).toEqual({
      displayName: "Örjan Åberg",
      emailAddress: "orjan@example.org",
      recipientType: "externalUser",
    });
    expect((item.to as unknown as Array<{ recipientType: string }>)[0]?.recipientType).toBe("user");
  });

  test("body.getAsync in text and HTML, with asyncContext", () => {
    const { office, call } = setup();
    const text = call<string>((cb) =>
      office.context.mailbox.item.body.getAsync?.("text", { asyncContext: 7 }, cb),
    );
    expect(text).toMatchObject({
      status: "succeeded",
      value: "Hej!\n\nNär får jag svar? Tack.",
      asyncContext: 7,
    });
    const html = call<string>((cb) => office.context.mailbox.item.body.getAsync?.("html", cb));
    expect(html.value).toBe(readItem.bodyHtml);
    expect(html.error).toBeUndefined();
  });

  test("the real mailbox adapter works on top of the stand-in", async () => {
    const { office, flush } = setup();
    const adapter = createOfficeMailbox(office as unknown as OfficeApi);
    const pending = adapter.getBodyText();
    flush();
    await expect(pending).resolves.toContain("När får jag svar?");
    await expect(adapter.getCurrentItem()).resolves.toEqual({
      mode: "read",
      kind: "message",
      received: new Date("2026-03-02T08:15:00.000Z"),
    });
    expect(adapter.theme).toBe("light");
  });

  test("ItemChanged: the item is swapped first, then handlers run asynchronously", () => {
    const { office, host, flush, call } = setup();
    const seen: string[] = [];
    const added = call<void>((cb) =>
      office.context.mailbox.addHandlerAsync(
        office.EventType.ItemChanged,
        (e: { type: string }) => {
          seen.push(`${e.type}:${String(office.context.mailbox.item?.subject)}`);
        },
        cb,
      ),
    );
    expect(added.status).toBe("succeeded");
    host.setItem({ ...readItem, itemId: "AAMk-2", subject: "Nästa" });
    expect(seen).toEqual([]);
    flush();
    expect(seen).toEqual(["olkItemSelectedChanged:Nästa"]);
  });

  test("calls on an item that is no longer selected fail", () => {
    const { office, host, call } = setup();
    const item = office.context.mailbox.item;
    host.setItem({ ...readItem, itemId: "AAMk-2" });
    const result = call<string>((cb) => item.body.getAsync?.("text", cb));
    expect(result.status).toBe("failed");
    expect(result.error?.name).toBe("ItemChanged");
  });
});

describe("compose mode", () => {
  test("getComposeTypeAsync, subject, body type", () => {
    const { office, call } = setup(compose({ composeType: "reply", subject: "SV: Fråga" }));
    const item = office.context.mailbox.item;
    expect(call((cb) => (item.getComposeTypeAsync as Fn)(cb)).value).toEqual({
      composeType: "reply",
      coercionType: "html",
    });
    expect(call((cb) => ((item.subject as Record<string, Fn>).getAsync as Fn)(cb)).value).toBe("SV: Fråga");
    expect(call((cb) => item.body.getTypeAsync?.(cb)).value).toBe("html");
  });

  test("setAsync/prependAsync write HTML or escaped text; the form sees it", () => {
    const { office, host, call } = setup(compose());
    const body = office.context.mailbox.item.body;
    call((cb) => body.setAsync?.("<p>Hej & välkommen</p>", { coercionType: "html" }, cb));
    expect((host.getItem() as ComposeItemState).bodyHtml).toBe("<p>Hej & välkommen</p>");
    call((cb) => body.prependAsync?.("A < B\nrad två", { coercionType: "text" }, cb));
    expect((host.getItem() as ComposeItemState).bodyHtml).toBe("A &lt; B<br>rad två<p>Hej & välkommen</p>");
  });

  test("body writes over 1,000,000 characters fail with DataExceedsMaximumSize", () => {
    const { office, host, call } = setup(compose());
    const big = "x".repeat(LIMITS.bodyChars + 1);
    const result = call((cb) =>
      office.context.mailbox.item.body.setAsync?.(big, { coercionType: "text" }, cb),
    );
    expect(result.status).toBe("failed");
    expect(result.error).toMatchObject({ name: "DataExceedsMaximumSize" });
    expect(typeof result.error?.code).toBe("number");
    expect((host.getItem() as ComposeItemState).bodyHtml).toBe("<div>Text</div>");
    const ok = call((cb) => office.context.mailbox.item.body.setAsync?.("x".repeat(LIMITS.bodyChars), cb));
    expect(ok.status).toBe("succeeded");
  });

  test("setSignatureAsync: ≤ 30,000 characters, replaces its block, sits before the quote", () => {
    const quoted = compose({ bodyHtml: '<div>Svar</div><div id="appendonsend"></div><hr><div>Citat</div>' });
    const { office, host, call } = setup(quoted);
    const body = office.context.mailbox.item.body;
    call((cb) => body.setSignatureAsync?.("<b>Anna</b>", { coercionType: "html" }, cb));
    call((cb) => body.setSignatureAsync?.("<b>Anna Berg</b>", { coercionType: "html" }, cb));
    const html = (host.getItem() as ComposeItemState).bodyHtml;
    expect(html).toBe(
      '<div>Svar</div><div id="Signature"><b>Anna Berg</b></div><!--/Signature--><div id="appendonsend"></div><hr><div>Citat</div>',
    );
    const tooLong = call((cb) => body.setSignatureAsync?.("x".repeat(30_001), { coercionType: "text" }, cb));
    expect(tooLong.error?.name).toBe("DataExceedsMaximumSize");
    expect(call((cb) => body.setSignatureAsync?.("x".repeat(30_000), cb)).status).toBe("succeeded");
  });

  test("placeSignature appends to a new message", () => {
    expect(placeSignature("<div>Hej</div>", "Anna")).toBe(
      '<div>Hej</div><div id="Signature">Anna</div><!--/Signature-->',
    );
  });

  test("client signature flag", () => {
    const { office, call } = setup(compose());
    const item = office.context.mailbox.item;
    expect(call((cb) => (item.isClientSignatureEnabledAsync as Fn)(cb)).value).toBe(true);
    call((cb) => (item.disableClientSignatureAsync as Fn)(cb));
    expect(call((cb) => (item.isClientSignatureEnabledAsync as Fn)(cb)).value).toBe(false);
  });

  test("recipients: set/add/get, RecipientsChanged for add-in and user edits", () => {
    const { office, host, call, flush } = setup(compose());
    const item = office.context.mailbox.item;
    const events: unknown[] = [];
    call((cb) =>
      (item.addHandlerAsync as Fn)(office.EventType.RecipientsChanged, (e: unknown) => events.push(e), cb),
    );
    call((cb) => item.to.setAsync?.(["bo@nvk.example"], cb));
    call((cb) => item.to.addAsync?.([{ displayName: "Extern", emailAddress: "x@example.org" }], cb));
    expect(call((cb) => item.to.getAsync?.(cb)).value).toEqual([
      { displayName: "bo@nvk.example", emailAddress: "bo@nvk.example", recipientType: "user" },
      { displayName: "Extern", emailAddress: "x@example.org", recipientType: "externalUser" },
    ]);
    host.editCompose({ cc: [{ displayName: "C", emailAddress: "c@nvk.example" }] });
    flush();
    expect(events).toEqual([
      { type: "olkRecipientsChanged", changedRecipientFields: { to: true, cc: false, bcc: false } },
      { type: "olkRecipientsChanged", changedRecipientFields: { to: true, cc: false, bcc: false } },
      { type: "olkRecipientsChanged", changedRecipientFields: { to: false, cc: true, bcc: false } },
    ]);
    const tooMany = call((cb) =>
      item.to.setAsync?.(
        Array.from({ length: 101 }, (_, i) => `u${i}@nvk.example`),
        cb,
      ),
    );
    expect(tooMany.error?.name).toBe("NumberOfRecipientsExceeded");
  });

  test("notificationMessages: add, duplicate, replace, getAll, remove, limits", () => {
    const { office, host, call } = setup(compose());
    const n = office.context.mailbox.item.notificationMessages;
    const info = {
      type: "informationalMessage",
      message: "Kom ihåg signaturen",
      icon: "Icon.16x16",
      persistent: false,
    };
    expect(call((cb) => n.addAsync?.("sig", info, cb)).status).toBe("succeeded");
    expect(call((cb) => n.addAsync?.("sig", info, cb)).error?.name).toBe("DuplicateNotificationKey");
    call((cb) => n.replaceAsync?.("sig", { type: "errorMessage", message: "Fel" }, cb));
    expect(host.getItem()?.notifications).toEqual([{ key: "sig", type: "errorMessage", message: "Fel" }]);
    expect(
      call((cb) => n.addAsync?.("long", { type: "errorMessage", message: "x".repeat(151) }, cb)).error?.name,
    ).toBe("DataExceedsMaximumSize");
    for (const key of ["a", "b", "c", "d"])
      call((cb) => n.addAsync?.(key, { type: "errorMessage", message: key }, cb));
    expect(call((cb) => n.addAsync?.("f", { type: "errorMessage", message: "f" }, cb)).error?.name).toBe(
      "NumberOfNotificationMessagesExceeded",
    );
    expect((call((cb) => n.getAllAsync?.(cb)).value as unknown[]).length).toBe(5);
    call((cb) => n.removeAsync?.("sig", cb));
    expect(call((cb) => n.removeAsync?.("sig", cb)).error?.name).toBe("KeyNotFound");
  });

  test("saveAsync gives an id; getItemIdAsync fails before", () => {
    const { office, call } = setup(compose());
    const item = office.context.mailbox.item;
    expect(call((cb) => (item.getItemIdAsync as Fn)(cb)).error?.name).toBe("ItemNotSaved");
    const saved = call<string>((cb) => (item.saveAsync as Fn)(cb));
    expect(saved.value).toMatch(/^AAMk/);
    expect(call((cb) => (item.getItemIdAsync as Fn)(cb)).value).toBe(saved.value);
  });

  test("officeCall turns stand-in failures into MailboxError", async () => {
    const { office, flush } = setup(compose());
    const item = office.context.mailbox.item;
    const pending = officeCall(office as unknown as typeof Office, "setSignatureAsync", (cb) =>
      item.body.setSignatureAsync?.("x".repeat(30_001), cb),
    );
    flush();
    await expect(pending).rejects.toThrow(/DataExceedsMaximumSize/);
  });
});

describe("roaming settings", () => {
  test("get/set/remove locally; saveAsync persists per user; 32 KB limit", () => {
    const { office, call, roaming } = setup();
    const settings = office.context.roamingSettings;
    settings.set("signatur", { titel: "Handläggare" });
    expect(settings.get("signatur")).toEqual({ titel: "Handläggare" });
    expect(roaming.data.get("user-1")).toBeUndefined();
    expect(call((cb) => settings.saveAsync(cb)).status).toBe("succeeded");
    expect(JSON.parse(roaming.data.get("user-1") ?? "{}")).toEqual({ signatur: { titel: "Handläggare" } });
    settings.set("big", "x".repeat(33_000));
    expect(call((cb) => settings.saveAsync(cb)).error?.name).toBe("DataExceedsMaximumSize");
    settings.remove("big");
    expect(settings.get("big")).toBeUndefined();

    const again = createOffice({
      host: (() => {
        const host = new OutlookHost(context, "user-1", roaming);
        return host;
      })(),
      schedule: () => undefined,
    });
    const ctx = (again.office as unknown as OfficeNs).context;
    expect(ctx.roamingSettings.get("signatur")).toEqual({ titel: "Handläggare" });
  });
});

describe("Office.actions and event completion", () => {
  test("invokeAction calls the associated handler; completed() counts once", () => {
    const { office, emulated, flush } = setup(compose());
    const events: Array<{ completed(o?: object): void }> = [];
    office.actions.associate("onMessageSendHandler", (event) =>
      events.push(event as { completed(o?: object): void }),
    );
    expect(emulated.handle.associatedActions()).toEqual(["onMessageSendHandler"]);
    const outcomes: unknown[] = [];
    expect(
      emulated.handle.invokeAction(
        "nope",
        () => undefined,
        () => undefined,
      ),
    ).toBe(false);
    emulated.handle.invokeAction(
      "onMessageSendHandler",
      (o) => outcomes.push(o),
      () => undefined,
    );
    expect(events).toHaveLength(0);
    flush();
    events[0]?.completed({ allowEvent: false, errorMessage: "Lägg till en signatur." });
    events[0]?.completed({ allowEvent: true });
    flush();
    expect(outcomes).toEqual([{ allowEvent: false, errorMessage: "Lägg till en signatur." }]);
  });

  test("a throwing handler is reported, not completed", () => {
    const { office, emulated, flush } = setup(compose());
    office.actions.associate("h", () => {
      throw new Error("boom");
    });
    const errors: string[] = [];
    const done: unknown[] = [];
    emulated.handle.invokeAction(
      "h",
      (o) => done.push(o),
      (m) => errors.push(m),
    );
    flush();
    expect(errors).toEqual(["Error: boom"]);
    expect(done).toEqual([]);
  });
});

test("without a host: onReady still resolves and there is no item", async () => {
  const queue: Array<() => void> = [];
  const { office } = createOffice({ host: null, schedule: (t) => queue.push(t) });
  const ns = office as unknown as OfficeNs;
  const ready = ns.onReady();
  queue.splice(0).forEach((t) => t());
  await expect(ready).resolves.toMatchObject({ host: "Outlook" });
  expect(ns.context.mailbox.item).toBeNull();
});
