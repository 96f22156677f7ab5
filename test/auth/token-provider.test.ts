import { createGraphClient, GraphRequestError, messages } from "../../src/graph";
import { getMailboxSettings } from "../../src/graph/operations/mailbox-settings";
import { getProfile } from "../../src/graph/operations/profile";
import { DELEGATED_SCOPES } from "../../src/graph/scopes";
import { SignInError } from "../../src/auth/errors";
import { createPaneTokenProvider, createSilentTokenProvider } from "../../src/auth/token-provider";
import type { DialogSource, NaaClient } from "../../src/auth/token-provider";

const TOKEN = "eyJhbGciOiJub25lIn0.eyJ1cG4iOiJhbm5hQG52ay5zZSJ9.secret-token";
const EMAIL = "anna.berg@nvk.se";

/** An MSAL error as MSAL shapes it: name, errorCode, a message that may name the account. */
function msalError(name: string, errorCode: string): Error {
  const error = new Error(`${errorCode}: something about ${EMAIL}`);
  error.name = name;
  return Object.assign(error, { errorCode });
}

interface FakeMsal extends NaaClient {
  readonly calls: string[];
}

function fakeMsal(behaviour: {
  silent?: (scopes: string[]) => string | Error;
  popup?: (scopes: string[]) => string | Error;
}): FakeMsal {
  const calls: string[] = [];
  const answer = (value: string | Error) =>
    value instanceof Error ? Promise.reject(value) : Promise.resolve({ accessToken: value });
  return {
    calls,
    acquireTokenSilent: ({ scopes, forceRefresh }) => {
      calls.push(`silent ${scopes.join(",")}${forceRefresh ? " force" : ""}`);
      return answer(behaviour.silent?.(scopes) ?? TOKEN);
    },
    acquireTokenPopup: ({ scopes }) => {
      calls.push(`popup ${scopes.join(",")}`);
      return answer(behaviour.popup?.(scopes) ?? TOKEN);
    },
  };
}

function fakeDialog(result: string | Error = "dialog-token"): DialogSource & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    acquire: (scopes) => {
      calls.push(scopes.join(","));
      return result instanceof Error
        ? Promise.reject(result)
        : Promise.resolve({ accessToken: result, expiresOn: Date.now() + 3600_000 });
    },
  };
}

const host = (naa: boolean) => ({
  isSetSupported: jest.fn(
    (name: string, version?: string) => naa && name === "NestedAppAuth" && version === "1.1",
  ),
});

let consoleSpies: jest.SpyInstance[];
beforeEach(() => {
  consoleSpies = (["log", "info", "warn", "error", "debug"] as const).map((method) =>
    jest.spyOn(console, method).mockImplementation(() => undefined),
  );
});
afterEach(() => {
  // No PII logging: nothing is logged at all, so certainly no token or address.
  for (const spy of consoleSpies) {
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  }
});

describe("createPaneTokenProvider: which route", () => {
  test("NestedAppAuth 1.1 supported → MSAL's nestable client, no dialog", async () => {
    const msal = fakeMsal({});
    const dialog = fakeDialog();
    const h = host(true);
    const provider = createPaneTokenProvider({ host: h, loadNaaClient: async () => msal, dialog });
    expect(provider.route).toBe("naa");
    expect(h.isSetSupported).toHaveBeenCalledWith("NestedAppAuth", "1.1");
    await expect(provider.getToken(["User.Read"])).resolves.toBe(TOKEN);
    expect(msal.calls).toEqual(["silent User.Read"]);
    expect(dialog.calls).toEqual([]);
  });

  test("not supported → the Office dialog, MSAL never loaded; the token is reused until it expires", async () => {
    const load = jest.fn(async () => fakeMsal({}));
    const dialog = fakeDialog();
    let now = Date.now();
    const provider = createPaneTokenProvider({
      host: host(false),
      loadNaaClient: load,
      dialog,
      now: () => now,
    });
    expect(provider.route).toBe("dialog");
    await expect(provider.getToken(["User.Read"])).resolves.toBe("dialog-token");
    await expect(provider.getToken(["User.Read"])).resolves.toBe("dialog-token");
    expect(dialog.calls).toEqual(["User.Read"]);
    now += 3600_000; // expired
    await provider.getToken(["User.Read"]);
    await provider.getToken(["User.Read"], { forceRefresh: true });
    expect(dialog.calls).toHaveLength(3);
    expect(load).not.toHaveBeenCalled();
  });
});

describe("createPaneTokenProvider: silent first, then pop-up, then dialog", () => {
  test("silent fails for want of interaction → acquireTokenPopup", async () => {
    const msal = fakeMsal({ silent: () => msalError("InteractionRequiredAuthError", "") });
    const provider = createPaneTokenProvider({
      host: host(true),
      loadNaaClient: async () => msal,
      dialog: fakeDialog(),
    });
    await expect(provider.getToken(["Mail.Send"])).resolves.toBe(TOKEN);
    expect(msal.calls).toEqual(["silent Mail.Send", "silent Mail.Send", "popup Mail.Send"]);
  });

  test("the pop-up is blocked → the dialog fallback", async () => {
    const msal = fakeMsal({
      silent: () => msalError("InteractionRequiredAuthError", "consent_required"),
      popup: () => msalError("BrowserAuthError", "popup_window_error"),
    });
    const dialog = fakeDialog("from-dialog");
    const provider = createPaneTokenProvider({ host: host(true), loadNaaClient: async () => msal, dialog });
    await expect(provider.getToken(["Mail.Send"])).resolves.toBe("from-dialog");
    expect(dialog.calls).toEqual(["Mail.Send"]);
  });

  test("the NAA bridge goes away → the dialog fallback", async () => {
    const msal = fakeMsal({ silent: () => msalError("ClientAuthError", "nested_app_auth_bridge_disabled") });
    const dialog = fakeDialog("from-dialog");
    const provider = createPaneTokenProvider({ host: host(true), loadNaaClient: async () => msal, dialog });
    await expect(provider.getToken(["User.Read"])).resolves.toBe("from-dialog");
    expect(msal.calls).toEqual(["silent User.Read"]);
  });

  test("a network failure is not an interaction problem: no pop-up, offline", async () => {
    const msal = fakeMsal({ silent: () => msalError("ClientAuthError", "no_network_connectivity") });
    const provider = createPaneTokenProvider({
      host: host(true),
      loadNaaClient: async () => msal,
      dialog: fakeDialog(),
    });
    await expect(provider.getToken(["User.Read"])).rejects.toMatchObject({ name: "GraphNetworkError" });
    expect(msal.calls).toEqual(["silent User.Read"]);
  });

  test("concurrent requests share one interaction at a time", async () => {
    let consented = false;
    const msal = fakeMsal({
      silent: () => (consented ? TOKEN : msalError("InteractionRequiredAuthError", "interaction_required")),
      popup: () => {
        consented = true;
        return TOKEN;
      },
    });
    const provider = createPaneTokenProvider({
      host: host(true),
      loadNaaClient: async () => msal,
      dialog: fakeDialog(),
    });
    await Promise.all([provider.getToken(["User.Read"]), provider.getToken(["User.Read"])]);
    expect(msal.calls.filter((c) => c.startsWith("popup"))).toHaveLength(1);
  });

  test("forceRefresh reaches MSAL", async () => {
    const msal = fakeMsal({});
    const provider = createPaneTokenProvider({
      host: host(true),
      loadNaaClient: async () => msal,
      dialog: fakeDialog(),
    });
    await provider.getToken(["User.Read"], { forceRefresh: true });
    expect(msal.calls).toEqual(["silent User.Read force"]);
  });

  test("MSAL is loaded once, and again after a failed load", async () => {
    let attempts = 0;
    const load = jest.fn(async () => {
      attempts++;
      if (attempts === 1) throw new Error("ChunkLoadError");
      return fakeMsal({});
    });
    const dialog = fakeDialog("from-dialog");
    const provider = createPaneTokenProvider({ host: host(true), loadNaaClient: load, dialog });
    await expect(provider.getToken(["User.Read"])).resolves.toBe("from-dialog");
    await expect(provider.getToken(["User.Read"])).resolves.toBe(TOKEN);
    await expect(provider.getToken(["User.Read"])).resolves.toBe(TOKEN);
    expect(load).toHaveBeenCalledTimes(2);
  });

  test("only documented scopes may be asked for", async () => {
    const msal = fakeMsal({});
    const provider = createPaneTokenProvider({
      host: host(true),
      loadNaaClient: async () => msal,
      dialog: fakeDialog(),
    });
    await expect(provider.getToken(["Files.ReadWrite.All"])).rejects.toMatchObject({
      errorCode: "invalid_scope",
    });
    await expect(provider.getToken([])).rejects.toBeInstanceOf(SignInError);
    expect(msal.calls).toEqual([]);
  });
});

describe("per-feature scopes through the Graph client", () => {
  const ok = (body: unknown) =>
    new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });

  test("each operation asks for its own least scope, when first used", async () => {
    const msal = fakeMsal({});
    const provider = createPaneTokenProvider({
      host: host(true),
      loadNaaClient: async () => msal,
      dialog: fakeDialog(),
    });
    const graph = createGraphClient({
      tokenProvider: provider,
      fetch: async (url) =>
        String(url).endsWith("/mailboxSettings")
          ? ok({ timeZone: "UTC" })
          : ok({ id: "1", displayName: "A" }),
    });
    expect(msal.calls).toEqual([]); // nothing asked for up front
    await getProfile(graph);
    await getMailboxSettings(graph);
    expect(msal.calls).toEqual([
      `silent ${DELEGATED_SCOPES.userRead}`,
      `silent ${DELEGATED_SCOPES.mailboxSettingsReadWrite}`,
    ]);
  });

  test.each([
    ["a cancelled sign-in", "ClientAuthError", "user_canceled", "signIn"],
    ["interaction needed", "InteractionRequiredAuthError", "", "signIn"],
    ["consent missing", "ServerError", "AADSTS65001", "consent"],
    ["anything else", "AuthError", "weird_thing", "unexpected"],
  ])("%s (%s %p) maps to a localised %s message, without MSAL's text", async (_what, name, code, kind) => {
    const error = msalError(name, code);
    const msal = fakeMsal({ silent: () => error, popup: () => error });
    const provider = createPaneTokenProvider({
      host: host(true),
      loadNaaClient: async () => msal,
      dialog: fakeDialog(new SignInError("user_cancelled")),
    });
    const graph = createGraphClient({ tokenProvider: provider, fetch: async () => ok({}) });
    const thrown = await getMailboxSettings(graph).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(GraphRequestError);
    const failure = (thrown as GraphRequestError).failure;
    expect(failure.kind).toBe(kind);
    if (kind === "signIn") expect(failure.message).toEqual(messages.signIn);
    if (kind === "consent") {
      expect(failure.message.sv).toContain("MailboxSettings.ReadWrite");
      expect(failure.message.sv).toMatch(/^Bemötande saknar behörigheten/);
    }
    expect(JSON.stringify(failure)).not.toContain(EMAIL);
    expect((thrown as Error).message).not.toContain(EMAIL);
  });
});

describe("createSilentTokenProvider (event handlers)", () => {
  test("silent only: never a pop-up or dialog, fails at once when interaction is needed", async () => {
    const msal = fakeMsal({
      silent: () => msalError("InteractionRequiredAuthError", "interaction_required"),
    });
    const provider = createSilentTokenProvider({ host: host(true), loadNaaClient: async () => msal });
    await expect(provider.getToken(["User.Read"])).rejects.toMatchObject({
      errorCode: "interaction_required",
    });
    expect(msal.calls).toEqual(["silent User.Read"]);
  });

  test("returns the silent token", async () => {
    const provider = createSilentTokenProvider({ host: host(true), loadNaaClient: async () => fakeMsal({}) });
    await expect(provider.getToken(["User.Read"])).resolves.toBe(TOKEN);
  });

  test("leaves no timer behind once the token is in, or once it failed", async () => {
    jest.useFakeTimers();
    try {
      const ok = createSilentTokenProvider({ host: host(true), loadNaaClient: async () => fakeMsal({}) });
      await expect(ok.getToken(["User.Read"])).resolves.toBe(TOKEN);
      expect(jest.getTimerCount()).toBe(0);
      const failing = createSilentTokenProvider({
        host: host(true),
        loadNaaClient: async () =>
          fakeMsal({ silent: () => msalError("InteractionRequiredAuthError", "interaction_required") }),
      });
      await expect(failing.getToken(["User.Read"])).rejects.toMatchObject({
        errorCode: "interaction_required",
      });
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  test("without NAA it does not even try", async () => {
    const load = jest.fn(async () => fakeMsal({}));
    const provider = createSilentTokenProvider({ host: host(false), loadNaaClient: load });
    await expect(provider.getToken(["User.Read"])).rejects.toMatchObject({
      errorCode: "interaction_required",
    });
    expect(load).not.toHaveBeenCalled();
  });

  test("never blocks: a host that does not answer times out", async () => {
    let fire: (() => void) | undefined;
    const hanging: NaaClient = {
      acquireTokenSilent: () => new Promise(() => undefined),
      acquireTokenPopup: () => new Promise(() => undefined),
    };
    const provider = createSilentTokenProvider({
      host: host(true),
      loadNaaClient: async () => hanging,
      timeoutMs: 50,
      setTimer: (task) => {
        fire = task;
      },
    });
    const pending = provider.getToken(["User.Read"]);
    await Promise.resolve();
    fire?.();
    await expect(pending).rejects.toMatchObject({ name: "GraphNetworkError" });
  });
});
