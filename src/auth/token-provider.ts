import type { TokenProvider, TokenRequestOptions } from "../graph/middleware/auth";
import { GraphNetworkError } from "../graph/errors";
import { ALL_DELEGATED_SCOPES } from "../graph/scopes";
import type { OfficeAuthHost } from "../office/mailbox";
import type { IssuedToken } from "./dialog-token-source";
import { needsInteraction, normaliseAuthError, popupUnavailable, SignInError } from "./errors";

/** The requirement set that says Outlook brokers tokens for the add-in (nested app auth). */
export const NESTED_APP_AUTH = { name: "NestedAppAuth", version: "1.1" } as const;

/** What the providers need from MSAL's public client (IPublicClientApplication satisfies it). */
export interface NaaClient {
  acquireTokenSilent(request: { scopes: string[]; forceRefresh?: boolean }): Promise<NaaTokenResult>;
  acquireTokenPopup(request: { scopes: string[] }): Promise<NaaTokenResult>;
}

export interface NaaTokenResult {
  readonly accessToken: string;
}

export interface DialogSource {
  acquire(scopes: readonly string[]): Promise<IssuedToken>;
}

export type SignInRoute = "naa" | "dialog";

export interface PaneTokenProvider extends TokenProvider {
  /** "naa" when Outlook supports NestedAppAuth 1.1, else "dialog". */
  readonly route: SignInRoute;
}

export interface PaneTokenProviderOptions {
  readonly host: Pick<OfficeAuthHost, "isSetSupported">;
  /** Creates MSAL's nestable client (a dynamic import in the pane, a fake in tests). */
  readonly loadNaaClient: () => Promise<NaaClient>;
  /** The Office dialog fallback. */
  readonly dialog: DialogSource;
  readonly now?: () => number;
}

/** A dialog token is renewed this long before it expires. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

const DOCUMENTED = new Set(ALL_DELEGATED_SCOPES);

/** The scopes of one request, each a documented delegated scope (src/graph/scopes.ts). */
function checkScopes(scopes: readonly string[]): string[] {
  const unique = [...new Set(scopes)];
  if (unique.length === 0 || unique.some((scope) => !DOCUMENTED.has(scope))) {
    throw new SignInError("invalid_scope");
  }
  return unique;
}

function supportsNaa(host: Pick<OfficeAuthHost, "isSetSupported">): boolean {
  return host.isSetSupported(NESTED_APP_AUTH.name, NESTED_APP_AUTH.version);
}

/**
 * The task pane's token provider. Scopes are the ones the Graph operation asks for, so consent
 * grows feature by feature. With nested app authentication (NestedAppAuth 1.1): MSAL's
 * acquireTokenSilent, then acquireTokenPopup when the person must act; if the pop-up cannot be
 * shown, or NAA is not supported, the Office dialog fallback. Errors come out as SignInError /
 * GraphNetworkError, which src/graph/errors maps to localised messages. Nothing is logged.
 */
export function createPaneTokenProvider(options: PaneTokenProviderOptions): PaneTokenProvider {
  const now = options.now ?? Date.now;
  const route: SignInRoute = supportsNaa(options.host) ? "naa" : "dialog";
  const dialogTokens = new Map<string, IssuedToken>();
  let client: Promise<NaaClient> | undefined;
  // One interaction (pop-up or dialog) at a time: MSAL refuses a second one while one is open.
  let interaction: Promise<unknown> = Promise.resolve();

  // (A function declaration: the bundler reads .ts as TSX, where `<T>(…) =>` is a JSX tag.)
  function interactively<T>(task: () => Promise<T>): Promise<T> {
    const run = interaction.then(task);
    interaction = run.catch(() => undefined);
    return run;
  }

  const loadClient = (): Promise<NaaClient> => {
    client ??= options.loadNaaClient().catch((error: unknown) => {
      client = undefined; // a failed chunk load may succeed next time
      throw error;
    });
    return client;
  };

  const viaDialog = async (scopes: string[], forceRefresh: boolean): Promise<string> => {
    const key = [...scopes].sort().join(" ");
    const cached = dialogTokens.get(key);
    if (!forceRefresh && cached && cached.expiresOn - EXPIRY_MARGIN_MS > now()) return cached.accessToken;
    const issued = await interactively(() => options.dialog.acquire(scopes));
    dialogTokens.set(key, issued);
    return issued.accessToken;
  };

  const viaNaa = async (scopes: string[], forceRefresh: boolean): Promise<string> => {
    let msal: NaaClient;
    try {
      msal = await loadClient();
    } catch (error) {
      if (error instanceof GraphNetworkError) throw error;
      return viaDialog(scopes, forceRefresh);
    }
    try {
      return (await msal.acquireTokenSilent({ scopes, forceRefresh })).accessToken;
    } catch (error) {
      if (popupUnavailable(error)) return viaDialog(scopes, forceRefresh);
      if (!needsInteraction(error)) throw error;
    }
    try {
      return await interactively(async () => {
        // Another request may have finished the same interaction while this one waited.
        try {
          return (await msal.acquireTokenSilent({ scopes })).accessToken;
        } catch {
          return (await msal.acquireTokenPopup({ scopes })).accessToken;
        }
      });
    } catch (error) {
      if (popupUnavailable(error)) return viaDialog(scopes, forceRefresh);
      throw error;
    }
  };

  return {
    route,
    async getToken(scopes: readonly string[], request?: TokenRequestOptions): Promise<string> {
      const forceRefresh = request?.forceRefresh === true;
      try {
        const checked = checkScopes(scopes);
        return route === "naa" ? await viaNaa(checked, forceRefresh) : await viaDialog(checked, forceRefresh);
      } catch (error) {
        throw normaliseAuthError(error);
      }
    },
  };
}

export interface SilentTokenProviderOptions {
  readonly host: Pick<OfficeAuthHost, "isSetSupported">;
  readonly loadNaaClient: () => Promise<NaaClient>;
  /** How long to wait for the host before giving up (default 10 s). */
  readonly timeoutMs?: number;
  readonly setTimer?: (task: () => void, ms: number) => unknown;
  /** Cancels what setTimer returned (default: clearTimeout; with a setTimer of your own, nothing). */
  readonly clearTimer?: (handle: unknown) => void;
}

/**
 * For event handlers: silent tokens only. Never opens a pop-up or a dialog and never waits for
 * the person; when a token needs interaction it fails at once with SignInError, and a host
 * that does not answer within `timeoutMs` fails as offline.
 */
export function createSilentTokenProvider(options: SilentTokenProviderOptions): TokenProvider {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const setTimer = options.setTimer ?? ((task: () => void, ms: number) => setTimeout(task, ms));
  const clearTimer =
    options.clearTimer ??
    (options.setTimer
      ? () => undefined
      : (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let client: Promise<NaaClient> | undefined;
  return {
    async getToken(scopes: readonly string[], request?: TokenRequestOptions): Promise<string> {
      try {
        const checked = checkScopes(scopes);
        if (!supportsNaa(options.host)) throw new SignInError("interaction_required");
        client ??= options.loadNaaClient();
        const loaded = client;
        const attempt = loaded.then((msal) =>
          msal.acquireTokenSilent({ scopes: checked, forceRefresh: request?.forceRefresh === true }),
        );
        let timer: unknown;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimer(() => reject(new GraphNetworkError("timeout")), timeoutMs);
        });
        try {
          return (await Promise.race([attempt, timeout])).accessToken;
        } finally {
          // A pending 10 s timer per token would keep a handler's runtime (or Node) alive.
          clearTimer(timer);
        }
      } catch (error) {
        throw normaliseAuthError(error);
      }
    },
  };
}
