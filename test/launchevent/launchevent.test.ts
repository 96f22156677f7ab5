// Runs the handler source against a fake Office: the signature on new mail (OnNewMessageCompose)
// and the send-time check (OnMessageSend). Every handler must call event.completed exactly once,
// even when Office fails or completed itself throws.
import { defaultConfig } from "../../src/policy/config/defaults";
import { buildSignature } from "../../src/policy/signature/build-signature";
import type { DirectoryProfile } from "../../src/policy/signature/build-signature";

import type { Completed, Handler, OfficeCallback as Callback } from "./run-handler";
import { runHandler } from "./run-handler";

interface FakeState {
  displayLanguage: string;
  /** Highest Mailbox requirement set the fake host supports, as a minor version (1.x). */
  mailboxMinor: number;
  roaming: Record<string, unknown>;
  userProfile: { displayName: string; emailAddress: string };
  body: string;
  to: string[];
  cc: string[];
  bcc: string[];
  fail: Set<string>;
  hang: Set<string>;
  throwing: Set<string>;
  calls: { name: string; args: unknown[] }[];
}

const handlers = new Map<string, Handler>();
let state: FakeState;

function freshState(): FakeState {
  return {
    displayLanguage: "sv-SE",
    mailboxMinor: 14,
    roaming: {},
    userProfile: { displayName: "Anna Berg", emailAddress: "anna.berg@nvk.se" },
    body: "",
    to: [],
    cc: [],
    bcc: [],
    fail: new Set(),
    hang: new Set(),
    throwing: new Set(),
    calls: [],
  };
}

/** An Office-style async method: records the call and answers later, never inside the call. */
function asyncMethod(name: string, value: () => unknown) {
  return (...args: unknown[]): void => {
    state.calls.push({ name, args: args.filter((a) => typeof a !== "function") });
    if (state.throwing.has(name)) throw new Error(`${name} threw`);
    const callback = args.find((a): a is Callback => typeof a === "function");
    if (state.hang.has(name) || !callback) return;
    setTimeout(() => {
      if (state.fail.has(name))
        callback({ status: "failed", error: { name: "GenericResponseError", message: "boom" } });
      else callback({ status: "succeeded", value: value() });
    }, 0);
  };
}

const recipients = (list: () => string[]) => ({
  getAsync: asyncMethod("recipients.getAsync", () =>
    list().map((emailAddress) => ({ emailAddress, displayName: "" })),
  ),
});

beforeAll(async () => {
  state = freshState();
  Object.assign(globalThis, {
    Office: {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      CoercionType: { Html: "html", Text: "text" },
      actions: { associate: (name: string, fn: Handler) => handlers.set(name, fn) },
      context: {
        get displayLanguage() {
          return state.displayLanguage;
        },
        requirements: {
          isSetSupported: (name: string, version: string) =>
            name === "Mailbox" && Number(version.split(".")[1]) <= state.mailboxMinor,
        },
        roamingSettings: { get: (key: string) => state.roaming[key] },
        mailbox: {
          get userProfile() {
            return state.userProfile;
          },
          item: {
            body: {
              getAsync: asyncMethod("body.getAsync", () => state.body),
              setSignatureAsync: asyncMethod("body.setSignatureAsync", () => undefined),
            },
            to: recipients(() => state.to),
            cc: recipients(() => state.cc),
            bcc: recipients(() => state.bcc),
            disableClientSignatureAsync: asyncMethod("disableClientSignatureAsync", () => undefined),
          },
        },
      },
    },
  });
  await import("../../src/launchevent/launchevent");
});

beforeEach(() => {
  state = freshState();
});

afterAll(() => {
  Reflect.deleteProperty(globalThis, "Office");
});

/** Runs a handler and resolves with every completed() call once the first arrives (plus a tick). */
const run = (name: string, completed: Completed = () => undefined): Promise<unknown[][]> =>
  runHandler(handlers, name, { completed });

const directory: DirectoryProfile = {
  displayName: "Anna Berg",
  givenName: "Anna",
  surname: "Berg",
  jobTitle: "Handläggare",
  department: "Medlemsservice",
  businessPhones: ["08-123 456 01"],
  mobilePhone: null,
  mail: "anna.berg@nvk.se",
};
const cacheEntry = (profile: unknown) => JSON.stringify({ profile, savedAt: "2026-12-01T09:00:00.000Z" });
const signatureHtml = buildSignature(directory, defaultConfig).html;
const signatureCalls = () => state.calls.filter((c) => c.name === "body.setSignatureAsync");

test("associates exactly the manifest's handler names", () => {
  expect([...handlers.keys()].sort()).toEqual(["onMessageSendHandler", "onNewMessageComposeHandler"]);
});

describe("OnNewMessageCompose", () => {
  test("inserts the signature from the cached directory profile, after turning Outlook's own off", async () => {
    state.roaming["bemotande.profile.v1"] = cacheEntry(directory);
    expect(await run("onNewMessageComposeHandler")).toEqual([[]]);
    expect(state.calls.map((c) => c.name)).toEqual(["disableClientSignatureAsync", "body.setSignatureAsync"]);
    expect(signatureCalls()[0]?.args).toEqual([signatureHtml, { coercionType: "html" }]);
    expect(signatureHtml).toContain("Handläggare");
    expect(signatureHtml).toContain("Medlemsservice, NVK");
    expect(signatureHtml).toContain('href="tel:+46812345601"');
  });

  test("accepts the cache as an object too", async () => {
    state.roaming["bemotande.profile.v1"] = { profile: directory, savedAt: "2026-12-01T09:00:00.000Z" };
    await run("onNewMessageComposeHandler");
    expect(signatureCalls()[0]?.args[0]).toBe(signatureHtml);
  });

  test("without a cached profile, builds a minimal one from Office's userProfile", async () => {
    await run("onNewMessageComposeHandler");
    const expected = buildSignature(
      { displayName: "Anna Berg", mail: "anna.berg@nvk.se", businessPhones: [] },
      defaultConfig,
    ).html;
    expect(signatureCalls()[0]?.args[0]).toBe(expected);
    expect(expected).toContain("anna.berg@nvk.se");
    expect(expected).not.toContain("Handläggare");
  });

  test.each([
    ["malformed JSON", "{not json"],
    ["no profile", JSON.stringify({ savedAt: "x" })],
    ["a number", 42],
    ["an empty profile", cacheEntry({ businessPhones: "no" })],
  ])("ignores a cache with %s", async (_what, value) => {
    state.roaming["bemotande.profile.v1"] = value;
    await run("onNewMessageComposeHandler");
    expect(signatureCalls()[0]?.args[0]).toContain("Anna Berg");
    expect(signatureCalls()[0]?.args[0]).not.toContain("Handläggare");
  });

  test("before Mailbox 1.10 it does not call disableClientSignatureAsync", async () => {
    state.mailboxMinor = 9;
    await run("onNewMessageComposeHandler");
    expect(state.calls.map((c) => c.name)).toEqual(["body.setSignatureAsync"]);
  });

  test("a failing disableClientSignatureAsync still inserts the signature", async () => {
    state.fail.add("disableClientSignatureAsync");
    expect(await run("onNewMessageComposeHandler")).toEqual([[]]);
    expect(signatureCalls()).toHaveLength(1);
  });

  test("a failing or throwing setSignatureAsync still completes once", async () => {
    state.fail.add("body.setSignatureAsync");
    expect(await run("onNewMessageComposeHandler")).toEqual([[]]);
    state.throwing.add("body.setSignatureAsync");
    expect(await run("onNewMessageComposeHandler")).toEqual([[]]);
  });

  test("without any profile it completes without inserting anything", async () => {
    state.userProfile = { displayName: "", emailAddress: "" };
    expect(await run("onNewMessageComposeHandler")).toEqual([[]]);
    expect(signatureCalls()).toEqual([]);
  });

  test("a host that never answers does not hold compose: completed within a few seconds", async () => {
    jest.useFakeTimers();
    try {
      state.hang.add("body.setSignatureAsync");
      const calls: unknown[][] = [];
      handlers.get("onNewMessageComposeHandler")?.({ completed: (...args: unknown[]) => calls.push(args) });
      await jest.advanceTimersByTimeAsync(3_999);
      expect(calls).toEqual([]);
      await jest.advanceTimersByTimeAsync(1);
      expect(calls).toEqual([[]]);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("OnMessageSend", () => {
  const compliant = `<div>Hej! Tack för ditt mejl.</div>${signatureHtml}`;
  const noSignature = "<div>Hej! Vi ses.</div>";
  const withNumber = `<div>Gäller 19121212-1212.</div>${signatureHtml}`;
  const svNoSignature =
    "Meddelandet saknar signatur. Lägg till en med för- och efternamn, titel, telefonnummer, e-postadress och organisation eller enhet, eller infoga din signatur från Bemötande.";

  test("a compliant message is allowed", async () => {
    state.body = compliant;
    state.to = ["kund@example.com"];
    expect(await run("onMessageSendHandler")).toEqual([[{ allowEvent: true }]]);
  });

  test("a message without a signature is blocked with the exact message and a button to the pane", async () => {
    state.body = noSignature;
    state.to = ["erik.lund@nvk.se"];
    expect(await run("onMessageSendHandler")).toEqual([
      [
        {
          allowEvent: false,
          errorMessage: svNoSignature,
          cancelLabel: "Öppna Bemötande",
          commandId: "Bemotande.ComposePaneButton",
        },
      ],
    ]);
  });

  test("in English when Office's display language is not Swedish", async () => {
    state.displayLanguage = "en-US";
    state.body = noSignature;
    const [[options]] = (await run("onMessageSendHandler")) as [[Record<string, unknown>]];
    expect(options.errorMessage).toBe(
      "The message has no signature. Add one with first and last name, title, phone number, email address and organisation or unit, or insert your signature from Bemötande.",
    );
    expect(options.cancelLabel).toBe("Open Bemötande");
  });

  test("before Mailbox 1.14 the alert has the message only", async () => {
    state.mailboxMinor = 12;
    state.body = noSignature;
    expect(await run("onMessageSendHandler")).toEqual([[{ allowEvent: false, errorMessage: svNoSignature }]]);
  });

  test("a personnummer to an external recipient (Bcc too) is blocked", async () => {
    state.body = withNumber;
    state.to = ["erik.lund@nvk.se"];
    state.bcc = ["kund@example.com"];
    const [[options]] = (await run("onMessageSendHandler")) as [[Record<string, unknown>]];
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).toBe(
      "Meddelandet innehåller ett personnummer och går till mottagare utanför NVK (kund@example.com). Ta bort numret eller använd en säker kanal.",
    );
  });

  test("the same to internal recipients only is allowed", async () => {
    state.body = withNumber;
    state.to = ["erik.lund@nvk.se"];
    state.cc = ["kansliet@nvk.se"];
    expect(await run("onMessageSendHandler")).toEqual([[{ allowEvent: true }]]);
  });

  test("the cached profile is used when present (and does not change a compliant verdict)", async () => {
    state.roaming["bemotande.profile.v1"] = cacheEntry(directory);
    state.body = compliant;
    state.to = ["kund@example.com"];
    expect(await run("onMessageSendHandler")).toEqual([[{ allowEvent: true }]]);
  });

  test.each(["body.getAsync", "recipients.getAsync"])(
    "fails open when %s fails or throws",
    async (method) => {
      state.body = noSignature;
      state.fail.add(method);
      expect(await run("onMessageSendHandler")).toEqual([[{ allowEvent: true }]]);
      state.fail.clear();
      state.throwing.add(method);
      expect(await run("onMessageSendHandler")).toEqual([[{ allowEvent: true }]]);
    },
  );

  test("fails open when Office has no item", async () => {
    const office = (globalThis as unknown as { Office: { context: { mailbox: { item?: unknown } } } }).Office;
    const item = office.context.mailbox.item;
    office.context.mailbox.item = undefined;
    try {
      expect(await run("onMessageSendHandler")).toEqual([[{ allowEvent: true }]]);
    } finally {
      office.context.mailbox.item = item;
    }
  });

  test("messages stay within 500 characters in both languages", async () => {
    for (const language of ["sv-SE", "en-GB"]) {
      state = freshState();
      state.displayLanguage = language;
      state.body = `<div>${Array.from({ length: 50 }, () => "19121212-1212").join(" ")}</div>`;
      state.to = Array.from({ length: 100 }, (_, i) => `${"lång.adress.".repeat(5)}${i}@example.com`);
      const [[options]] = (await run("onMessageSendHandler")) as [[Record<string, unknown>]];
      expect(options.allowEvent).toBe(false);
      expect(String(options.errorMessage).length).toBeLessThanOrEqual(500);
    }
  });

  test("a 10k-word body is checked well under a second", async () => {
    const words = "Hej och tack för ditt mejl om ärendet som vi nu har tittat på noga ".split(" ");
    state.body = `<div>${Array.from({ length: 10_000 }, (_, i) => words[i % words.length]).join(" ")}</div>${signatureHtml}`;
    state.to = ["kund@example.com"];
    const started = performance.now();
    expect(await run("onMessageSendHandler")).toEqual([[{ allowEvent: true }]]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

test("a throwing completed() does not escape the handler", async () => {
  const boom = (): never => {
    throw new Error("boom");
  };
  state.body = "<div>x</div>";
  await expect(run("onMessageSendHandler", boom)).resolves.toHaveLength(1);
  await expect(run("onNewMessageComposeHandler", boom)).resolves.toHaveLength(1);
});
