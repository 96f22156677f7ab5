import { createNaaBridge, PLAYGROUND_TENANT_ID } from "../../src/playground/office-emulator/naa-bridge";
import type { NaaBridgeOptions } from "../../src/playground/office-emulator/naa-bridge";
import type { HostContext } from "../../src/playground/bridge";

const USER = { id: "u-anna", userPrincipalName: "anna.berg@nvk.example", displayName: "Anna Åberg" };

function context(emailAddress = USER.userPrincipalName): HostContext {
  return {
    displayLanguage: "sv-SE",
    theme: "light",
    user: { displayName: USER.displayName, emailAddress, timeZone: "W. Europe Standard Time" },
    restUrl: "http://127.0.0.1:3000/graph",
  };
}

interface Envelope {
  messageType: string;
  requestId: string;
  success: boolean;
  [key: string]: unknown;
}

function setup(overrides: Partial<NaaBridgeOptions> & { user?: string; tokenStatus?: number } = {}) {
  const tokenRequests: Array<{ user: string; scopes: string[] }> = [];
  const fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith("/_emulator/users")) return new Response(JSON.stringify({ value: [USER] }));
    if (url.endsWith("/_emulator/token")) {
      const body = JSON.parse(String(init?.body)) as { user: string; scopes: string[] };
      tokenRequests.push(body);
      if (overrides.tokenStatus) {
        return new Response(JSON.stringify({ error: { code: "invalid_grant" } }), {
          status: overrides.tokenStatus,
        });
      }
      return new Response(JSON.stringify({ access_token: `emu.${tokenRequests.length}`, expires_in: 3600 }));
    }
    return new Response("{}", { status: 404 });
  });
  const queue: Array<() => void> = [];
  const naa = createNaaBridge({
    host: { getContext: () => context(overrides.user) },
    origin: "http://127.0.0.1:3000",
    fetch: fetch as unknown as typeof globalThis.fetch,
    schedule: (task) => queue.push(task),
    now: () => Date.UTC(2026, 2, 2, 8),
    ...overrides,
  });
  const responses: Envelope[] = [];
  naa.bridge.addEventListener("message", (response) => {
    responses.push(JSON.parse(typeof response === "string" ? response : response.data) as Envelope);
  });
  let next = 0;
  /** Posts a request the way MSAL's BridgeProxy does and waits for its response. */
  const send = async (method: string, tokenParams?: Record<string, unknown>): Promise<Envelope> => {
    const requestId = `r${++next}`;
    naa.bridge.postMessage(
      JSON.stringify({ messageType: "NestedAppAuthRequest", method, requestId, sendTime: 0, tokenParams }),
    );
    expect(queue).toHaveLength(0); // never answered inside postMessage
    for (let i = 0; i < 50 && !responses.some((r) => r.requestId === requestId); i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      while (queue.length > 0) queue.shift()?.();
    }
    const response = responses.find((r) => r.requestId === requestId);
    if (!response) throw new Error(`no response to ${method}`);
    return response;
  };
  return { naa, send, tokenRequests, fetch };
}

const tokenParams = (scope: string) => ({
  clientId: "11111111-2222-3333-4444-555555555555",
  scope,
  correlationId: "c1",
  authenticationScheme: "Bearer",
});

function claimsOf(idToken: string): Record<string, unknown> {
  const payload = idToken.split(".")[1] ?? "";
  const binary = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

describe("the emulated nested app auth bridge", () => {
  test("GetInitContext: SDK name and the signed-in user's account context", async () => {
    const { send } = setup();
    const response = await send("GetInitContext");
    expect(response).toMatchObject({
      messageType: "NestedAppAuthResponse",
      success: true,
      initContext: {
        sdkName: "bemotande-playground",
        accountContext: {
          homeAccountId: `u-anna.${PLAYGROUND_TENANT_ID}`,
          environment: "login.microsoftonline.com",
          tenantId: PLAYGROUND_TENANT_ID,
        },
      },
    });
  });

  test("GetToken: a token from POST /_emulator/token for the user and the Graph scopes asked for", async () => {
    const { send, tokenRequests, naa } = setup();
    const response = await send(
      "GetToken",
      tokenParams("MailboxSettings.ReadWrite openid profile offline_access"),
    );
    expect(response.success).toBe(true);
    expect(tokenRequests).toEqual([{ user: USER.userPrincipalName, scopes: ["MailboxSettings.ReadWrite"] }]);
    const token = response.token as Record<string, unknown>;
    expect(token).toMatchObject({
      access_token: "emu.1",
      expires_in: 3600,
      scope: "MailboxSettings.ReadWrite",
    });
    expect(response.account).toMatchObject({
      username: USER.userPrincipalName,
      name: "Anna Åberg",
      localAccountId: "u-anna",
    });
    const claims = claimsOf(String(token.id_token));
    expect(claims).toMatchObject({
      aud: "11111111-2222-3333-4444-555555555555",
      oid: "u-anna",
      tid: PLAYGROUND_TENANT_ID,
      preferred_username: USER.userPrincipalName,
      name: "Anna Åberg",
    });
    // The log says what was asked, never a token or an address.
    expect(naa.log).toEqual([{ method: "GetToken", scopes: ["MailboxSettings.ReadWrite"], outcome: "ok" }]);
    expect(JSON.stringify(naa.log)).not.toMatch(/emu\.|@/);
  });

  test("consent 'prompt': GetToken needs interaction until GetTokenPopup approved the scope", async () => {
    const { send } = setup({ consent: "prompt" });
    const silent = await send("GetToken", tokenParams("Mail.Send"));
    expect(silent).toMatchObject({
      success: false,
      error: { status: "USER_INTERACTION_REQUIRED", code: "consent_required" },
    });
    expect((await send("GetTokenPopup", tokenParams("Mail.Send"))).success).toBe(true);
    expect((await send("GetToken", tokenParams("Mail.Send"))).success).toBe(true);
    expect((await send("GetToken", tokenParams("User.Read"))).success).toBe(false);
  });

  test("no signed-in user: ACCOUNT_UNAVAILABLE (and no account context)", async () => {
    const { send } = setup({ user: "" });
    expect(await send("GetToken", tokenParams("User.Read"))).toMatchObject({
      success: false,
      error: { status: "ACCOUNT_UNAVAILABLE" },
    });
    const init = await send("GetInitContext");
    expect(init.success).toBe(true);
    expect((init.initContext as Record<string, unknown>).accountContext).toBeUndefined();
  });

  test("the emulator refusing, or an unknown method: PERSISTENT_ERROR with a code", async () => {
    const { send } = setup({ tokenStatus: 400 });
    expect(await send("GetToken", tokenParams("User.Read"))).toMatchObject({
      success: false,
      error: { status: "PERSISTENT_ERROR", code: "invalid_grant" },
    });
    expect(await send("Frobnicate")).toMatchObject({
      success: false,
      error: { status: "PERSISTENT_ERROR", code: "unsupported_method" },
    });
  });

  test("GetActiveAccount and SignOut", async () => {
    const { send } = setup({ consent: "prompt" });
    expect(await send("GetActiveAccount")).toMatchObject({
      success: true,
      account: { localAccountId: "u-anna" },
    });
    await send("GetTokenPopup", tokenParams("User.Read"));
    await send("SignOut");
    expect((await send("GetToken", tokenParams("User.Read"))).success).toBe(false);
  });

  test("ignores what is not a nested app auth request; removed listeners hear nothing", async () => {
    const { naa, fetch } = setup();
    naa.bridge.postMessage("not json");
    naa.bridge.postMessage(JSON.stringify({ messageType: "Other", requestId: "x" }));
    expect(fetch).not.toHaveBeenCalled();
    const heard: unknown[] = [];
    const listener = (r: unknown) => heard.push(r);
    naa.bridge.addEventListener("message", listener);
    naa.bridge.removeEventListener("message", listener);
    expect(heard).toEqual([]);
  });
});
