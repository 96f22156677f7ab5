// The host side of nested app authentication (NAA) in the playground: `window.nestedAppAuthBridge`,
// the object MSAL's NestedAppAuthController talks to in an add-in frame (in Outlook, Office.js
// provides it and Outlook brokers the tokens). MSAL posts JSON request envelopes with
// postMessage and listens for response envelopes on the "message" event; this stand-in answers
// them for the playground's signed-in user with tokens from the Graph emulator
// (POST /_emulator/token {"user", "scopes"}).
//
// The envelope shapes follow MSAL's naa/ types (BridgeRequestEnvelope, BridgeResponseEnvelope,
// InitContext, TokenRequest, TokenResponse, AccountInfo, BridgeError, BridgeStatusCode).
// Methods: GetInitContext, GetToken (silent), GetTokenPopup (interactive: auto-approved for the
// signed-in user, who is the one consenting), and GetActiveAccount / SignOut for completeness.
// Tokens and addresses are never logged; `log` records method, scopes and outcome only.
import type { OutlookHostBridge } from "../bridge";
import type { Schedule } from "./async";

/** MSAL's BridgeStatusCode values. */
export const BridgeStatus = {
  UserInteractionRequired: "USER_INTERACTION_REQUIRED",
  UserCancel: "USER_CANCEL",
  NoNetwork: "NO_NETWORK",
  TransientError: "TRANSIENT_ERROR",
  PersistentError: "PERSISTENT_ERROR",
  Disabled: "DISABLED",
  AccountUnavailable: "ACCOUNT_UNAVAILABLE",
  NestedAppAuthUnavailable: "NESTED_APP_AUTH_UNAVAILABLE",
} as const;
type BridgeStatusCode = (typeof BridgeStatus)[keyof typeof BridgeStatus];

interface BridgeError {
  readonly status: BridgeStatusCode;
  readonly code?: string;
  readonly description?: string;
}

interface TokenParams {
  readonly clientId?: unknown;
  readonly scope?: unknown;
  readonly forceRefresh?: unknown;
}

export interface BridgeAccount {
  readonly homeAccountId: string;
  readonly environment: string;
  readonly tenantId: string;
  readonly username: string;
  readonly localAccountId: string;
  readonly name: string;
}

type Listener = (response: string | { data: string }) => void;

/** What MSAL expects at window.nestedAppAuthBridge (its AuthBridge type). */
export interface NestedAppAuthBridge {
  addEventListener(eventName: string, callback: Listener): void;
  removeEventListener(eventName: string, callback: Listener): void;
  postMessage(message: string): void;
}

export interface BridgeLogEntry {
  readonly method: string;
  /** The Graph scopes asked for (OpenID scopes left out). */
  readonly scopes: readonly string[];
  /** "ok" or the BridgeStatusCode of the failure. */
  readonly outcome: string;
}

export interface EmulatedNaaBridge {
  readonly bridge: NestedAppAuthBridge;
  /** What the bridge was asked, in order (no tokens, no addresses). */
  readonly log: BridgeLogEntry[];
}

export interface NaaBridgeOptions {
  /** The playground host; null outside the playground (then every request fails: no account). */
  readonly host: Pick<OutlookHostBridge, "getContext"> | null;
  /** The server's origin, where /_emulator lives. */
  readonly origin: string;
  readonly fetch: typeof fetch;
  /** Responses are delivered later, never inside postMessage (as a real host does). */
  readonly schedule: Schedule;
  /**
   * "granted" (default): the organisation has consented, GetToken succeeds silently.
   * "prompt": a scope needs GetTokenPopup once per frame before GetToken returns it.
   */
  readonly consent?: "granted" | "prompt";
  readonly now?: () => number;
}

/** The playground's made-up tenant. */
export const PLAYGROUND_TENANT_ID = "4b1f0c9e-5d2a-4e7b-9c31-6a8d2f0e7b15";
const ENVIRONMENT = "login.microsoftonline.com";
const OIDC_SCOPES = new Set(["openid", "profile", "offline_access", "email"]);

function base64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** An unsigned ID token (alg "none"): MSAL reads its claims; nothing here verifies signatures. */
export function idTokenFor(account: BridgeAccount, clientId: string, nowSeconds: number): string {
  const header = { alg: "none", typ: "JWT" };
  const claims = {
    aud: clientId,
    iss: `https://${ENVIRONMENT}/${account.tenantId}/v2.0`,
    iat: nowSeconds,
    nbf: nowSeconds,
    exp: nowSeconds + 3600,
    name: account.name,
    oid: account.localAccountId,
    preferred_username: account.username,
    sub: account.localAccountId,
    tid: account.tenantId,
    ver: "2.0",
  };
  return `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(claims))}.`;
}

function graphScopes(scope: unknown): string[] {
  if (typeof scope !== "string") return [];
  return [...new Set(scope.split(/\s+/).filter((s) => s !== "" && !OIDC_SCOPES.has(s.toLowerCase())))];
}

class BridgeFailure extends Error {
  constructor(readonly error: BridgeError) {
    super(error.status);
  }
}

export function createNaaBridge(options: NaaBridgeOptions): EmulatedNaaBridge {
  const listeners = new Set<Listener>();
  const log: BridgeLogEntry[] = [];
  const consented = new Set<string>();
  const now = options.now ?? Date.now;
  const idsByUser = new Map<string, string>();

  const currentUser = (): { username: string; name: string } | undefined => {
    const user = options.host?.getContext().user;
    return user && user.emailAddress !== ""
      ? { username: user.emailAddress, name: user.displayName }
      : undefined;
  };

  /** The emulator's id for the user (the account's object id), looked up once per user. */
  const objectId = async (username: string): Promise<string> => {
    const known = idsByUser.get(username.toLowerCase());
    if (known) return known;
    let id = "";
    try {
      const response = await options.fetch(`${options.origin}/_emulator/users`);
      const body = (await response.json()) as {
        value?: Array<{ id?: unknown; userPrincipalName?: unknown }>;
      };
      const match = (body.value ?? []).find(
        (u) =>
          typeof u.userPrincipalName === "string" &&
          u.userPrincipalName.toLowerCase() === username.toLowerCase(),
      );
      if (typeof match?.id === "string") id = match.id;
    } catch {
      throw new BridgeFailure({ status: BridgeStatus.NoNetwork, code: "no_network" });
    }
    if (id === "") throw new BridgeFailure({ status: BridgeStatus.AccountUnavailable, code: "unknown_user" });
    idsByUser.set(username.toLowerCase(), id);
    return id;
  };

  const account = async (): Promise<BridgeAccount> => {
    const user = currentUser();
    if (!user)
      throw new BridgeFailure({ status: BridgeStatus.AccountUnavailable, code: "no_signed_in_user" });
    const oid = await objectId(user.username);
    return {
      homeAccountId: `${oid}.${PLAYGROUND_TENANT_ID}`,
      environment: ENVIRONMENT,
      tenantId: PLAYGROUND_TENANT_ID,
      username: user.username,
      localAccountId: oid,
      name: user.name,
    };
  };

  const issue = async (params: TokenParams, interactive: boolean) => {
    const scopes = graphScopes(params.scope);
    const clientId = typeof params.clientId === "string" ? params.clientId : "";
    const who = await account();
    if (!interactive && options.consent === "prompt" && scopes.some((s) => !consented.has(s))) {
      throw new BridgeFailure({
        status: BridgeStatus.UserInteractionRequired,
        code: "consent_required",
        description: "The user has not consented to the requested scopes.",
      });
    }
    let response: Response;
    try {
      response = await options.fetch(`${options.origin}/_emulator/token`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ user: who.username, scopes }),
      });
    } catch {
      throw new BridgeFailure({ status: BridgeStatus.NoNetwork, code: "no_network" });
    }
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: unknown;
      expires_in?: unknown;
      error?: { code?: unknown };
    };
    if (!response.ok || typeof body.access_token !== "string") {
      const code = typeof body.error?.code === "string" ? body.error.code : `http_${response.status}`;
      throw new BridgeFailure({ status: BridgeStatus.PersistentError, code });
    }
    if (interactive) for (const scope of scopes) consented.add(scope);
    return {
      token: {
        access_token: body.access_token,
        expires_in: typeof body.expires_in === "number" ? body.expires_in : 3600,
        id_token: idTokenFor(who, clientId, Math.floor(now() / 1000)),
        scope: scopes.join(" "),
        properties: null,
        authority: `https://${ENVIRONMENT}/${who.tenantId}`,
      },
      account: who,
    };
  };

  const handle = async (method: string, params: TokenParams): Promise<Record<string, unknown>> => {
    switch (method) {
      case "GetInitContext": {
        const who = currentUser() ? await account().catch(() => undefined) : undefined;
        return {
          initContext: {
            sdkName: "bemotande-playground",
            sdkVersion: "1.0.0",
            capabilities: { queryAccount: false },
            ...(who
              ? {
                  accountContext: {
                    homeAccountId: who.homeAccountId,
                    environment: who.environment,
                    tenantId: who.tenantId,
                  },
                }
              : {}),
          },
        };
      }
      case "GetToken":
        return issue(params, false);
      case "GetTokenPopup":
        return issue(params, true);
      case "GetActiveAccount":
        return { account: await account() };
      case "SignOut":
        consented.clear();
        return {};
      default:
        throw new BridgeFailure({ status: BridgeStatus.PersistentError, code: "unsupported_method" });
    }
  };

  const deliver = (payload: Record<string, unknown>): void => {
    const text = JSON.stringify({ messageType: "NestedAppAuthResponse", ...payload });
    options.schedule(() => {
      for (const listener of [...listeners]) {
        try {
          listener(text);
        } catch {
          // A listener's fault stays with the listener.
        }
      }
    });
  };

  const bridge: NestedAppAuthBridge = {
    addEventListener(eventName, callback) {
      if (eventName === "message") listeners.add(callback);
    },
    removeEventListener(eventName, callback) {
      if (eventName === "message") listeners.delete(callback);
    },
    postMessage(message) {
      let request: {
        messageType?: unknown;
        method?: unknown;
        requestId?: unknown;
        tokenParams?: TokenParams;
      };
      try {
        request = JSON.parse(message) as typeof request;
      } catch {
        return; // Not an NAA request.
      }
      if (request.messageType !== "NestedAppAuthRequest" || typeof request.requestId !== "string") return;
      const requestId = request.requestId;
      const method = typeof request.method === "string" ? request.method : "";
      const params = request.tokenParams ?? {};
      const scopes = graphScopes(params.scope);
      handle(method, params).then(
        (result) => {
          log.push({ method, scopes, outcome: "ok" });
          deliver({ requestId, success: true, ...result });
        },
        (error: unknown) => {
          const failure: BridgeError =
            error instanceof BridgeFailure
              ? error.error
              : { status: BridgeStatus.TransientError, code: "internal" };
          log.push({ method, scopes, outcome: failure.status });
          deliver({ requestId, success: false, error: failure });
        },
      );
    },
  };

  return { bridge, log };
}
