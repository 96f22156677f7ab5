// OnNewMessageCompose's choice of profile (src/launchevent/compose.ts, directory.ts): a fresh
// cache at once; otherwise Graph /me through the lazy chunk within the time limit, written back to
// the cache; otherwise the stale cache, then Office's userProfile. The chunk (graph-profile.ts)
// is replaced by a jest mock whose factory counts loads: every test starts from a fresh module
// registry, so "loaded" means the handler asked for the chunk during that test.
import { defaultConfig } from "../../src/policy/config/defaults";
import { buildSignature } from "../../src/policy/signature/build-signature";
import type { DirectoryProfile } from "../../src/policy/signature/build-signature";
import type { GraphProfileRequest } from "../../src/launchevent/graph-profile";
import { parseProfileCache } from "../../src/policy/signature/profile-cache";

import type { Handler, OfficeCallback as Callback } from "./run-handler";
import { runHandler } from "./run-handler";

const mockChunk = {
  loads: 0,
  broken: false,
  requests: [] as GraphProfileRequest[],
  answer: (_request: GraphProfileRequest): Promise<DirectoryProfile> => Promise.reject(new Error("unset")),
};

jest.mock("../../src/launchevent/graph-profile", () => {
  mockChunk.loads++;
  if (mockChunk.broken) throw new Error("ChunkLoadError: Loading chunk graph-profile failed.");
  return {
    fetchDirectoryProfile: (request: GraphProfileRequest) => {
      mockChunk.requests.push(request);
      return mockChunk.answer(request);
    },
  };
});

const KEY = "bemotande.profile.v1";
const DAY = 24 * 60 * 60 * 1000;

const office: DirectoryProfile = { displayName: "Anna Berg", mail: "anna.berg@nvk.se", businessPhones: [] };
const cachedProfile: DirectoryProfile = {
  displayName: "Anna Berg",
  jobTitle: "Handläggare",
  department: "Medlemsservice",
  businessPhones: ["08-123 456 01"],
  mail: "anna.berg@nvk.se",
};
const fromGraph: DirectoryProfile = {
  displayName: "Anna Berg",
  givenName: "Anna",
  surname: "Berg",
  jobTitle: "Utredare",
  department: "Analysenheten",
  businessPhones: ["08-123 456 99"],
  mobilePhone: "070-174 06 11",
  mail: "anna.berg@nvk.se",
};
const html = (profile: DirectoryProfile) => buildSignature(profile, defaultConfig).html;

interface State {
  roaming: Record<string, unknown>;
  naa: boolean;
  dom: boolean;
  saveFails: boolean;
  saveHangs: boolean;
  calls: string[];
  signatures: string[];
}
let state: State;
let handlers: Map<string, Handler>;

function fresh(): State {
  return { roaming: {}, naa: true, dom: true, saveFails: false, saveHangs: false, calls: [], signatures: [] };
}

/** An Office-style async method: answers later (never inside the call). */
function later(callback: Callback | undefined, fail = false): void {
  if (!callback) return;
  setTimeout(() => {
    if (fail) callback({ status: "failed", error: { name: "GenericResponseError", message: "boom" } });
    else callback({ status: "succeeded" });
  }, 0);
}

function installOffice(): void {
  handlers = new Map();
  Object.assign(globalThis, {
    Office: {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      CoercionType: { Html: "html", Text: "text" },
      actions: { associate: (name: string, fn: Handler) => handlers.set(name, fn) },
      context: {
        displayLanguage: "sv-SE",
        requirements: {
          isSetSupported: (name: string, version: string) =>
            (name === "Mailbox" && Number(version.split(".")[1]) <= 14) ||
            (name === "NestedAppAuth" && version === "1.1" && state.naa),
        },
        roamingSettings: {
          get: (key: string) => state.roaming[key],
          set: (key: string, value: unknown) => {
            state.calls.push("roamingSettings.set");
            state.roaming[key] = value;
          },
          saveAsync: (callback?: Callback) => {
            state.calls.push("roamingSettings.saveAsync");
            if (!state.saveHangs) later(callback, state.saveFails);
          },
        },
        mailbox: {
          restUrl: "https://outlook.office.com/api",
          userProfile: { displayName: office.displayName, emailAddress: office.mail },
          item: {
            body: {
              setSignatureAsync: (data: string, _options: unknown, callback: Callback) => {
                state.calls.push("body.setSignatureAsync");
                state.signatures.push(data);
                later(callback);
              },
            },
            disableClientSignatureAsync: (callback: Callback) => {
              state.calls.push("disableClientSignatureAsync");
              later(callback);
            },
          },
        },
      },
    },
  });
  if (state.dom) {
    Object.assign(globalThis, {
      document: { createElement: () => ({}) },
      location: { href: "https://addin.nvk.se/launchevent.html" },
    });
  }
}

beforeEach(async () => {
  state = fresh();
  mockChunk.loads = 0;
  mockChunk.broken = false;
  mockChunk.requests = [];
  mockChunk.answer = () => Promise.resolve(fromGraph);
});

afterEach(() => {
  jest.useRealTimers();
  for (const name of ["Office", "document", "location"]) Reflect.deleteProperty(globalThis, name);
});

/** Loads the handler source afresh (after the test set up `state`). */
async function load(): Promise<void> {
  jest.resetModules();
  installOffice();
  await import("../../src/launchevent/launchevent");
}

/** Runs OnNewMessageCompose; resolves with every completed() call, a little after the first. */
async function compose(): Promise<unknown[][]> {
  await load();
  return runHandler(handlers, "onNewMessageComposeHandler", { settleMs: 30 });
}

const entry = (profile: unknown, savedAt: number | string) =>
  JSON.stringify({
    profile,
    savedAt: typeof savedAt === "number" ? new Date(savedAt).toISOString() : savedAt,
  });

describe("a fresh cached profile", () => {
  test("is used at once: no chunk, no Graph, no write", async () => {
    state.roaming[KEY] = entry(cachedProfile, Date.now() - 2 * 60 * 60 * 1000);
    expect(await compose()).toEqual([[]]);
    expect(mockChunk.loads).toBe(0);
    expect(mockChunk.requests).toHaveLength(0);
    expect(state.signatures).toEqual([html(cachedProfile)]);
    expect(state.calls).not.toContain("roamingSettings.saveAsync");
  });

  test("a time a little in the future (another device's clock) is still fresh", async () => {
    state.roaming[KEY] = entry(cachedProfile, Date.now() + 10 * 60 * 1000);
    await compose();
    expect(mockChunk.loads).toBe(0);
  });
});

describe("a missing or stale cache: Graph /me through the lazy chunk", () => {
  test("missing: the chunk is loaded once, /me gives the signature, and the cache is written", async () => {
    expect(await compose()).toEqual([[]]);
    expect(mockChunk.loads).toBe(1);
    expect(mockChunk.requests).toHaveLength(1);
    expect(state.signatures).toEqual([html(fromGraph)]);
    expect(state.signatures[0]).toContain("Utredare");
    expect(state.calls.filter((c) => c === "roamingSettings.saveAsync")).toHaveLength(1);
    const written = JSON.parse(state.roaming[KEY] as string) as { profile: unknown; savedAt: string };
    expect(Math.abs(Date.parse(written.savedAt) - Date.now())).toBeLessThan(5_000);
  });

  test("the chunk gets the mailbox's REST URL, the page's URL, a live signal and the remaining time", async () => {
    await compose();
    const [request] = mockChunk.requests;
    expect(request?.restUrl).toBe("https://outlook.office.com/api");
    expect(request?.pageUrl).toBe("https://addin.nvk.se/launchevent.html");
    expect(request?.signal.aborted).toBe(false);
    expect(request?.timeoutMs).toBeGreaterThan(2_000);
    expect(request?.timeoutMs).toBeLessThanOrEqual(3_000);
    expect(request?.isSetSupported("NestedAppAuth", "1.1")).toBe(true);
  });

  test("the written cache reads back as the same profile, in the shared format", async () => {
    await compose();
    const pane = parseProfileCache(state.roaming[KEY]);
    expect(pane?.profile).toEqual(fromGraph);
    expect(Object.keys(JSON.parse(state.roaming[KEY] as string) as object)).toEqual(["profile", "savedAt"]);
  });

  test.each([
    ["older than 24 hours", Date.now() - DAY - 60_000],
    ["far in the future (a wrong clock)", Date.now() + 3 * DAY],
    ["without a time", "not a date"],
  ])("stale (%s): Graph's profile replaces it", async (_what, savedAt) => {
    state.roaming[KEY] = entry(cachedProfile, savedAt);
    expect(await compose()).toEqual([[]]);
    expect(mockChunk.loads).toBe(1);
    expect(state.signatures).toEqual([html(fromGraph)]);
    expect(parseProfileCache(state.roaming[KEY])?.profile.jobTitle).toBe("Utredare");
  });

  test("a failing saveAsync does not matter: the signature is in, completed once", async () => {
    state.saveFails = true;
    expect(await compose()).toEqual([[]]);
    expect(state.signatures).toEqual([html(fromGraph)]);
  });

  test("a saveAsync that never answers: completed by the handler's own bound", async () => {
    jest.useFakeTimers();
    state.saveHangs = true;
    await load();
    const calls: unknown[][] = [];
    handlers.get("onNewMessageComposeHandler")?.({ completed: (...args: unknown[]) => calls.push(args) });
    await jest.advanceTimersByTimeAsync(3_999);
    expect(state.signatures).toEqual([html(fromGraph)]);
    expect(calls).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([[]]);
  });
});

describe("when Graph fails: the stale cache, then Office's userProfile", () => {
  const failures: Array<[string, () => void]> = [
    [
      "the token (interaction_required)",
      () => {
        mockChunk.answer = () =>
          Promise.reject(
            Object.assign(new Error("Sign-in failed (interaction_required)"), { name: "SignInError" }),
          );
      },
    ],
    ["Graph (503)", () => (mockChunk.answer = () => Promise.reject(new Error("unavailable")))],
    ["the chunk does not load", () => (mockChunk.broken = true)],
  ];

  test.each(failures)("%s, with a stale cache: the stale cache", async (_what, fail) => {
    fail();
    state.roaming[KEY] = entry(cachedProfile, Date.now() - 3 * DAY);
    expect(await compose()).toEqual([[]]);
    expect(mockChunk.loads).toBe(1);
    expect(state.signatures).toEqual([html(cachedProfile)]);
    expect(state.calls).not.toContain("roamingSettings.saveAsync");
  });

  test.each(failures)("%s, without a cache: Office's userProfile", async (_what, fail) => {
    fail();
    expect(await compose()).toEqual([[]]);
    expect(state.signatures).toEqual([html(office)]);
    expect(state.calls).not.toContain("roamingSettings.saveAsync");
  });

  test("Graph does not answer: after 3 s the request is aborted and the fallback inserted, within the 4 s bound", async () => {
    jest.useFakeTimers();
    let aborted = false;
    mockChunk.answer = (request) =>
      new Promise<DirectoryProfile>((_resolve, reject) => {
        request.signal.addEventListener("abort", () => {
          aborted = true;
          // A late answer after the abort must change nothing.
          setTimeout(() => reject(new Error("aborted")), 10);
        });
      });
    state.roaming[KEY] = entry(cachedProfile, Date.now() - 2 * DAY);
    await load();
    const calls: unknown[][] = [];
    handlers.get("onNewMessageComposeHandler")?.({ completed: (...args: unknown[]) => calls.push(args) });
    await jest.advanceTimersByTimeAsync(2_999);
    expect(state.signatures).toEqual([]);
    expect(aborted).toBe(false);
    await jest.advanceTimersByTimeAsync(100);
    expect(aborted).toBe(true);
    expect(state.signatures).toEqual([html(cachedProfile)]);
    expect(calls).toEqual([[]]);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(calls).toEqual([[]]);
    expect(state.calls).not.toContain("roamingSettings.saveAsync");
  });

  test("a late success after the time limit is ignored (no signature change, no write)", async () => {
    jest.useFakeTimers();
    mockChunk.answer = () => new Promise((resolve) => setTimeout(() => resolve(fromGraph), 3_500));
    await load();
    const calls: unknown[][] = [];
    handlers.get("onNewMessageComposeHandler")?.({ completed: (...args: unknown[]) => calls.push(args) });
    await jest.advanceTimersByTimeAsync(10_000);
    expect(state.signatures).toEqual([html(office)]);
    expect(calls).toEqual([[]]);
    expect(state.calls).not.toContain("roamingSettings.saveAsync");
  });
});

describe("where the chunk is never loaded", () => {
  test("the JavaScript-only runtime (no document): stale cache, no chunk", async () => {
    state.dom = false;
    state.roaming[KEY] = entry(cachedProfile, Date.now() - 3 * DAY);
    expect(await compose()).toEqual([[]]);
    expect(mockChunk.loads).toBe(0);
    expect(state.signatures).toEqual([html(cachedProfile)]);
  });

  test("the JavaScript-only runtime without a cache: Office's userProfile, no chunk", async () => {
    state.dom = false;
    expect(await compose()).toEqual([[]]);
    expect(mockChunk.loads).toBe(0);
    expect(state.signatures).toEqual([html(office)]);
  });

  test("a host without NestedAppAuth 1.1: no chunk", async () => {
    state.naa = false;
    expect(await compose()).toEqual([[]]);
    expect(mockChunk.loads).toBe(0);
    expect(state.signatures).toEqual([html(office)]);
  });
});

test("OnMessageSend never loads the chunk (it reads the cache only)", async () => {
  await load();
  const calls: unknown[][] = [];
  await new Promise<void>((resolve) => {
    handlers.get("onMessageSendHandler")?.({
      completed: (...args: unknown[]) => {
        calls.push(args);
        resolve();
      },
    });
  });
  expect(calls).toEqual([[{ allowEvent: true }]]);
  expect(mockChunk.loads).toBe(0);
});
