import { createOfficeMailbox, luminance, MailboxError, officeCall } from "../../src/office/mailbox";
import type { OfficeApi } from "../../src/office/mailbox";

// A small hand-written stand-in for the parts of Office.js the adapter touches.

type Callback<T> = (result: Office.AsyncResult<T>) => void;

const SUCCEEDED = "succeeded";
const FAILED = "failed";

function succeeded<T>(value: T): Office.AsyncResult<T> {
  return { status: SUCCEEDED, value } as unknown as Office.AsyncResult<T>;
}

function failed<T>(code: number, name: string, message: string): Office.AsyncResult<T> {
  return {
    status: FAILED,
    value: undefined,
    error: { code, name, message },
  } as unknown as Office.AsyncResult<T>;
}

interface FakeOptions {
  readonly item?: object | null;
  readonly displayLanguage?: string;
  readonly bodyBackgroundColor?: string;
  readonly addHandlerResult?: Office.AsyncResult<void>;
}

function fakeOffice(options: FakeOptions = {}) {
  const handlers: Array<() => void> = [];
  const office = {
    AsyncResultStatus: { Succeeded: SUCCEEDED, Failed: FAILED },
    CoercionType: { Text: "text", Html: "html" },
    EventType: { ItemChanged: "olkItemSelectedChanged" },
    context: {
      displayLanguage: options.displayLanguage ?? "sv-SE",
      officeTheme:
        options.bodyBackgroundColor === undefined
          ? undefined
          : { bodyBackgroundColor: options.bodyBackgroundColor },
      mailbox: {
        item: options.item === undefined ? null : options.item,
        userProfile: { displayName: "Anna Berg", emailAddress: "anna.berg@nvk.se" },
        addHandlerAsync: (_type: string, handler: () => void, callback: Callback<void>) => {
          const result = options.addHandlerResult ?? succeeded<void>(undefined);
          if (result.status === (SUCCEEDED as unknown)) handlers.push(handler);
          callback(result);
        },
        removeHandlerAsync: (_type: string, callback: Callback<void>) => {
          handlers.length = 0;
          callback(succeeded<void>(undefined));
        },
      },
    },
  };
  return { office: office as unknown as OfficeApi, handlers };
}

const received = new Date("2026-12-23T09:00:00Z");

const readMessage = (body: Office.AsyncResult<string> = succeeded("Hej!")) => ({
  itemType: "message",
  subject: "Fråga om medlemsavgiften",
  dateTimeCreated: received,
  body: { getAsync: (_type: string, callback: Callback<string>) => callback(body) },
});

const composeMessage = (subject: Office.AsyncResult<string>) => ({
  itemType: "message",
  subject: { getAsync: (callback: Callback<string>) => callback(subject) },
  body: {
    getAsync: (_type: string, callback: Callback<string>) => callback(succeeded("Med vänlig hälsning")),
  },
});

describe("createOfficeMailbox", () => {
  test("throws MailboxError(no-mailbox) outside Outlook", () => {
    expect(() => createOfficeMailbox(undefined)).toThrow(MailboxError);
    const noMailbox = { context: {} } as unknown as OfficeApi;
    try {
      createOfficeMailbox(noMailbox);
      throw new Error("expected a throw");
    } catch (error) {
      expect(error).toBeInstanceOf(MailboxError);
      expect((error as MailboxError).kind).toBe("no-mailbox");
    }
  });

  test("exposes language, user and theme", () => {
    const { office } = fakeOffice({ displayLanguage: "en-US", bodyBackgroundColor: "#1f1f1f" });
    const mailbox = createOfficeMailbox(office);
    expect(mailbox.displayLanguage).toBe("en-US");
    expect(mailbox.theme).toBe("dark");
    expect(mailbox.getUser()).toEqual({ displayName: "Anna Berg", emailAddress: "anna.berg@nvk.se" });
    expect(createOfficeMailbox(fakeOffice({ bodyBackgroundColor: "#ffffff" }).office).theme).toBe("light");
    expect(createOfficeMailbox(fakeOffice().office).theme).toBeUndefined();
  });

  test("read mode: the received time comes from dateTimeCreated", async () => {
    const mailbox = createOfficeMailbox(fakeOffice({ item: readMessage() }).office);
    await expect(mailbox.getCurrentItem()).resolves.toEqual({ mode: "read", kind: "message", received });
    await expect(mailbox.getSubject()).resolves.toBe("Fråga om medlemsavgiften");
    await expect(mailbox.getBodyText()).resolves.toBe("Hej!");
  });

  test("compose mode is recognised and its subject read through getAsync", async () => {
    const mailbox = createOfficeMailbox(
      fakeOffice({ item: composeMessage(succeeded("Svar: Fråga")) }).office,
    );
    await expect(mailbox.getCurrentItem()).resolves.toEqual({ mode: "compose", kind: "message" });
    await expect(mailbox.getSubject()).resolves.toBe("Svar: Fråga");
  });

  test("an AsyncResult failure becomes a MailboxError with Office's code", async () => {
    const item = composeMessage(failed(9041, "GenericResponseError", "The operation failed."));
    const mailbox = createOfficeMailbox(fakeOffice({ item }).office);
    const error = await mailbox.getSubject().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MailboxError);
    expect(error).toMatchObject({ kind: "office-failed", code: 9041 });
    expect((error as Error).message).toContain("GenericResponseError");
  });

  test("body failure in read mode rejects rather than throwing", async () => {
    const item = readMessage(failed(5001, "InternalServerError", "boom"));
    const mailbox = createOfficeMailbox(fakeOffice({ item }).office);
    await expect(mailbox.getBodyText()).rejects.toMatchObject({ kind: "office-failed", code: 5001 });
  });

  test("no item → MailboxError(no-item)", async () => {
    const mailbox = createOfficeMailbox(fakeOffice({ item: null }).office);
    await expect(mailbox.getCurrentItem()).rejects.toMatchObject({ kind: "no-item" });
  });

  test("an invalid received time → MailboxError(item-incomplete)", async () => {
    const item = { ...readMessage(), dateTimeCreated: "not a date" };
    const mailbox = createOfficeMailbox(fakeOffice({ item }).office);
    await expect(mailbox.getCurrentItem()).rejects.toMatchObject({ kind: "item-incomplete" });
  });

  test("onItemChanged registers, forwards and removes the handler; listener faults stay inside", async () => {
    const { office, handlers } = fakeOffice({ item: readMessage() });
    const mailbox = createOfficeMailbox(office);
    const listener = jest.fn(() => {
      throw new Error("listener fault");
    });
    const remove = await mailbox.onItemChanged(listener);
    expect(handlers).toHaveLength(1);
    expect(() => handlers[0]?.()).not.toThrow();
    expect(listener).toHaveBeenCalledTimes(1);
    await remove();
    expect(handlers).toHaveLength(0);
  });

  test("onItemChanged rejects when Office refuses the handler", async () => {
    const addHandlerResult = failed<void>(5000, "HostError", "not supported");
    const mailbox = createOfficeMailbox(fakeOffice({ item: readMessage(), addHandlerResult }).office);
    await expect(mailbox.onItemChanged(() => undefined)).rejects.toBeInstanceOf(MailboxError);
  });
});

describe("officeCall", () => {
  const office = fakeOffice().office;

  test("a synchronous throw from the Office API becomes a rejection", async () => {
    const call = officeCall<string>(office, "thing", () => {
      throw new TypeError("not a function");
    });
    await expect(call).rejects.toMatchObject({ kind: "office-failed" });
  });

  test("a failure without an error object still rejects with a MailboxError", async () => {
    const call = officeCall<string>(office, "thing", (callback) =>
      callback({ status: FAILED } as unknown as Office.AsyncResult<string>),
    );
    await expect(call).rejects.toBeInstanceOf(MailboxError);
  });
});

test("luminance", () => {
  expect(luminance("#000000")).toBe(0);
  expect(luminance("#FFFFFF")).toBeCloseTo(1);
  expect(luminance("white")).toBeUndefined();
});
