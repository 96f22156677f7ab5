// The compose-mode part of the adapter: body get/set, setSignatureAsync, disableClientSignatureAsync,
// recipients and roaming settings, each on the success and the failure path of Office's AsyncResult.
import { createOfficeMailbox, MailboxError } from "../../src/office/mailbox";
import type { MailboxAdapter, OfficeApi } from "../../src/office/mailbox";

type Callback<T> = (result: Office.AsyncResult<T>) => void;

const SUCCEEDED = "succeeded";
const FAILED = "failed";

function succeeded<T>(value: T): Office.AsyncResult<T> {
  return { status: SUCCEEDED, value } as unknown as Office.AsyncResult<T>;
}

function failed<T>(name: string, message: string, code = 9000): Office.AsyncResult<T> {
  return {
    status: FAILED,
    value: undefined,
    error: { code, name, message },
  } as unknown as Office.AsyncResult<T>;
}

/** What the fake should answer; a missing entry succeeds. */
interface Failures {
  getBody?: Office.AsyncResult<string>;
  setBody?: Office.AsyncResult<void>;
  setSignature?: Office.AsyncResult<void>;
  disableSignature?: Office.AsyncResult<void>;
  cc?: Office.AsyncResult<Office.EmailAddressDetails[]>;
  addRecipientsHandler?: Office.AsyncResult<void>;
  saveSettings?: Office.AsyncResult<void>;
}

interface Calls {
  readonly getBody: string[];
  readonly setBody: Array<{ data: string; coercionType: unknown }>;
  readonly setSignature: Array<{ data: string; coercionType: unknown }>;
  disableSignature: number;
  readonly handlers: Array<() => void>;
  removed: number;
  saved: number;
}

const address = (emailAddress: string): Office.EmailAddressDetails =>
  ({ emailAddress, displayName: emailAddress }) as Office.EmailAddressDetails;

function fakeCompose(fail: Failures = {}, options: { roaming?: boolean; readMode?: boolean } = {}) {
  let body = "<p>Hej!</p>";
  const settings = new Map<string, unknown>();
  const calls: Calls = {
    getBody: [],
    setBody: [],
    setSignature: [],
    disableSignature: 0,
    handlers: [],
    removed: 0,
    saved: 0,
  };
  const recipients = (
    list: Office.EmailAddressDetails[],
    result?: Office.AsyncResult<Office.EmailAddressDetails[]>,
  ) => ({
    getAsync: (callback: Callback<Office.EmailAddressDetails[]>) => callback(result ?? succeeded(list)),
  });
  const item = {
    itemType: "message",
    subject: options.readMode
      ? "Läst"
      : { getAsync: (callback: Callback<string>) => callback(succeeded("Fråga")) },
    body: {
      getAsync: (coercionType: string, callback: Callback<string>) => {
        calls.getBody.push(coercionType);
        callback(fail.getBody ?? succeeded(body));
      },
      setAsync: (data: string, opts: { coercionType: unknown }, callback: Callback<void>) => {
        calls.setBody.push({ data, coercionType: opts.coercionType });
        if (!fail.setBody) body = data;
        callback(fail.setBody ?? succeeded<void>(undefined));
      },
      setSignatureAsync: (data: string, opts: { coercionType: unknown }, callback: Callback<void>) => {
        calls.setSignature.push({ data, coercionType: opts.coercionType });
        callback(fail.setSignature ?? succeeded<void>(undefined));
      },
    },
    disableClientSignatureAsync: (callback: Callback<void>) => {
      calls.disableSignature++;
      callback(fail.disableSignature ?? succeeded<void>(undefined));
    },
    to: recipients([address("anna@nvk.se"), address("extern@example.com")]),
    cc: recipients([address("bo@nvk.se")], fail.cc),
    // Bcc left out: some clients cannot say.
    addHandlerAsync: (_type: string, handler: () => void, callback: Callback<void>) => {
      const result = fail.addRecipientsHandler ?? succeeded<void>(undefined);
      if (result.status === (SUCCEEDED as unknown)) calls.handlers.push(handler);
      callback(result);
    },
    removeHandlerAsync: (_type: string, callback: Callback<void>) => {
      calls.removed++;
      calls.handlers.length = 0;
      callback(succeeded<void>(undefined));
    },
  };
  const roamingSettings = {
    get: (name: string): unknown => settings.get(name),
    set: (name: string, value: unknown): void => void settings.set(name, value),
    saveAsync: (callback: Callback<void>) => {
      calls.saved++;
      callback(fail.saveSettings ?? succeeded<void>(undefined));
    },
  };
  const office = {
    AsyncResultStatus: { Succeeded: SUCCEEDED, Failed: FAILED },
    CoercionType: { Text: "text", Html: "html" },
    EventType: { ItemChanged: "olkItemSelectedChanged", RecipientsChanged: "olkRecipientsChanged" },
    context: {
      displayLanguage: "sv-SE",
      ...(options.roaming === false ? {} : { roamingSettings }),
      mailbox: { item, userProfile: { displayName: "Anna Berg", emailAddress: "anna.berg@nvk.se" } },
    },
  };
  const adapter: MailboxAdapter = createOfficeMailbox(office as unknown as OfficeApi, {
    matchMedia: () => ({ matches: false }),
  });
  return { adapter, calls, settings, body: () => body };
}

const officeFailure = (code: number | string) =>
  expect.objectContaining({ name: "MailboxError", kind: "office-failed", code });

describe("compose body", () => {
  test("getBodyHtml asks for Html coercion and resolves the value", async () => {
    const { adapter, calls } = fakeCompose();
    await expect(adapter.getBodyHtml()).resolves.toBe("<p>Hej!</p>");
    expect(calls.getBody).toEqual(["html"]);
  });

  test("getBodyHtml rejects with Office's error name and code", async () => {
    const { adapter } = fakeCompose({
      getBody: failed("ItemChanged", "The selected item has been changed.", 9007),
    });
    const error = await adapter.getBodyHtml().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailboxError);
    expect(error).toEqual(officeFailure(9007));
    expect((error as Error).message).toContain("ItemChanged");
  });

  test("setBodyHtml writes Html; a failure rejects instead of throwing in the callback", async () => {
    const ok = fakeCompose();
    await expect(ok.adapter.setBodyHtml("<p>Nytt</p>")).resolves.toBeUndefined();
    expect(ok.calls.setBody).toEqual([{ data: "<p>Nytt</p>", coercionType: "html" }]);
    expect(ok.body()).toBe("<p>Nytt</p>");

    const bad = fakeCompose({ setBody: failed("DataExceedsMaximumSize", "too long", 9000) });
    await expect(bad.adapter.setBodyHtml("x")).rejects.toEqual(officeFailure(9000));
    expect(bad.body()).toBe("<p>Hej!</p>");
  });

  test("writing in read mode is refused as no-item", async () => {
    const { adapter, calls } = fakeCompose({}, { readMode: true });
    await expect(adapter.setBodyHtml("x")).rejects.toEqual(expect.objectContaining({ kind: "no-item" }));
    await expect(adapter.setSignature("x")).rejects.toEqual(expect.objectContaining({ kind: "no-item" }));
    expect(calls.setBody).toEqual([]);
  });
});

describe("signature", () => {
  test("setSignature uses setSignatureAsync with Html coercion", async () => {
    const { adapter, calls } = fakeCompose();
    await expect(adapter.setSignature("<p>Anna Berg</p>")).resolves.toBeUndefined();
    expect(calls.setSignature).toEqual([{ data: "<p>Anna Berg</p>", coercionType: "html" }]);
  });

  test("setSignature failure rejects with the code", async () => {
    const { adapter } = fakeCompose({ setSignature: failed("NotSupported", "no", 9009) });
    await expect(adapter.setSignature("<p>x</p>")).rejects.toEqual(officeFailure(9009));
  });

  test("disableClientSignature calls disableClientSignatureAsync; failures reject", async () => {
    const ok = fakeCompose();
    await expect(ok.adapter.disableClientSignature()).resolves.toBeUndefined();
    expect(ok.calls.disableSignature).toBe(1);
    const bad = fakeCompose({ disableSignature: failed("NotSupported", "no", 9009) });
    await expect(bad.adapter.disableClientSignature()).rejects.toEqual(officeFailure(9009));
  });
});

describe("recipients", () => {
  test("To, Cc and Bcc as addresses; a field the client lacks is empty", async () => {
    const { adapter } = fakeCompose();
    await expect(adapter.getRecipients()).resolves.toEqual({
      to: ["anna@nvk.se", "extern@example.com"],
      cc: ["bo@nvk.se"],
      bcc: [],
    });
  });

  test("a failing field rejects the whole read", async () => {
    const { adapter } = fakeCompose({ cc: failed("InvalidParameter", "bad", 9008) });
    await expect(adapter.getRecipients()).rejects.toEqual(officeFailure(9008));
  });

  test("onRecipientsChanged forwards events, keeps listener faults inside, and unsubscribes", async () => {
    const { adapter, calls } = fakeCompose();
    const listener = jest.fn(() => {
      throw new Error("listener bug");
    });
    const remove = await adapter.onRecipientsChanged(listener);
    expect(calls.handlers).toHaveLength(1);
    expect(() => calls.handlers[0]?.()).not.toThrow();
    expect(listener).toHaveBeenCalledTimes(1);
    await remove();
    expect(calls.removed).toBe(1);
    expect(calls.handlers).toHaveLength(0);
  });

  test("onRecipientsChanged rejects when Office refuses the handler", async () => {
    const { adapter } = fakeCompose({ addRecipientsHandler: failed("NotSupported", "no", 9009) });
    await expect(adapter.onRecipientsChanged(() => undefined)).rejects.toEqual(officeFailure(9009));
  });
});

describe("roaming settings", () => {
  test("get, set and save", async () => {
    const { adapter, calls, settings } = fakeCompose();
    expect(adapter.getSetting("bemotande.profile.v1")).toBeUndefined();
    adapter.setSetting("bemotande.profile.v1", "{}");
    expect(settings.get("bemotande.profile.v1")).toBe("{}");
    expect(adapter.getSetting("bemotande.profile.v1")).toBe("{}");
    await expect(adapter.saveSettings()).resolves.toBeUndefined();
    expect(calls.saved).toBe(1);
  });

  test("a failed save rejects with Office's code", async () => {
    const { adapter } = fakeCompose({ saveSettings: failed("DataExceedsMaximumSize", "32 KB", 9000) });
    await expect(adapter.saveSettings()).rejects.toEqual(officeFailure(9000));
  });

  test("without roamingSettings: reads are undefined, writes throw no-mailbox", async () => {
    const { adapter } = fakeCompose({}, { roaming: false });
    expect(adapter.getSetting("x")).toBeUndefined();
    expect(() => adapter.setSetting("x", 1)).toThrow(MailboxError);
    await expect(adapter.saveSettings()).rejects.toEqual(expect.objectContaining({ kind: "no-mailbox" }));
  });
});
