import { createGraphClient } from "../graph/client";
import type { FetchLike, GraphClient } from "../graph";
import type { OfficeAuthHost } from "../office/mailbox";
import type { PolicyConfig } from "../policy/config/schema";
import { AUTH_DIALOG_PAGE, readAuthConfig } from "./auth-config";
import type { AuthConfig } from "./auth-config";
import { createDialogTokenSource } from "./dialog-token-source";
import { createPaneTokenProvider, createSilentTokenProvider } from "./token-provider";
import type { NaaClient, PaneTokenProvider } from "./token-provider";

export interface PaneGraphOptions {
  /** Defaults to the build-time constants (auth-config.ts). */
  readonly auth?: AuthConfig;
  /** The page's URL, for auth-dialog.html and the REST origin check (default: location.href). */
  readonly pageUrl?: string;
  /** Defaults to a dynamic import of MSAL (naa-client.ts). */
  readonly loadNaaClient?: () => Promise<NaaClient>;
  readonly fetch?: FetchLike;
}

/**
 * Graph's base URL for the pane: the configuration's (Microsoft Graph), unless the mailbox's REST
 * endpoint is served by the add-in's own origin — a local Graph-compatible stand-in, as in the
 * playground, where Office.context.mailbox.restUrl is "<origin>/graph". Outlook's REST endpoint
 * is never the add-in's origin.
 */
export function graphBaseUrlFor(configured: string, restUrl: string, pageUrl: string): string {
  try {
    const rest = new URL(restUrl);
    if (rest.origin === new URL(pageUrl).origin && rest.search === "" && rest.hash === "") {
      return `${rest.href.replace(/\/+$/, "")}/v1.0`;
    }
  } catch {
    // No (valid) REST URL: Microsoft Graph from the configuration.
  }
  return configured;
}

function naaLoader(auth: AuthConfig): () => Promise<NaaClient> {
  return () => import("./naa-client").then((module) => module.createNaaClient(auth));
}

function pageUrlOf(options: PaneGraphOptions): string {
  return options.pageUrl ?? window.location.href;
}

/** The pane's token provider: nested app auth, then the dialog fallback (see token-provider.ts). */
export function createPaneTokenProviderFor(
  adapter: OfficeAuthHost,
  options: PaneGraphOptions = {},
): PaneTokenProvider {
  const auth = options.auth ?? readAuthConfig();
  return createPaneTokenProvider({
    host: adapter,
    loadNaaClient: options.loadNaaClient ?? naaLoader(auth),
    dialog: createDialogTokenSource({
      host: adapter,
      dialogUrl: new URL(AUTH_DIALOG_PAGE, pageUrlOf(options)).href,
    }),
  });
}

/**
 * The Graph client for the task pane, signed in with nested app authentication (dialog
 * fallback). Hook-free: call it once at start and pass the client down; every feature asks for
 * its own scope when it first calls Graph.
 */
export function createGraphForPane(
  adapter: OfficeAuthHost,
  config: PolicyConfig,
  options: PaneGraphOptions = {},
): GraphClient {
  return createGraphClient({
    baseUrl: graphBaseUrlFor(config.graph.baseUrl, adapter.restUrl, pageUrlOf(options)),
    tokenProvider: createPaneTokenProviderFor(adapter, options),
    timeZone: config.workingHours.timeZone,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/**
 * A Graph client for event handlers: silent tokens only (never a pop-up or dialog, never waits
 * for the person), so a missing consent fails fast with "sign in" instead of blocking the event.
 */
export function createSilentGraph(
  adapter: Pick<OfficeAuthHost, "isSetSupported" | "restUrl">,
  config: PolicyConfig,
  options: PaneGraphOptions & { readonly timeoutMs?: number } = {},
): GraphClient {
  const auth = options.auth ?? readAuthConfig();
  return createGraphClient({
    baseUrl: graphBaseUrlFor(config.graph.baseUrl, adapter.restUrl, pageUrlOf(options)),
    tokenProvider: createSilentTokenProvider({
      host: adapter,
      loadNaaClient: options.loadNaaClient ?? naaLoader(auth),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    }),
    timeZone: config.workingHours.timeZone,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
