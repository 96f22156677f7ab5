import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { GraphRequestError, mapThrown, readGraphErrorBody } from "../errors";
import { ChainLink, requestInfoOf, setHeader } from "./request-options";

export interface TokenRequestOptions {
  /** Skip any cache: the last token was rejected. */
  readonly forceRefresh?: boolean;
}

/**
 * Where bearer tokens come from: nested app authentication (MSAL browser) in the task pane,
 * GRAPH_TOKEN or MSAL node client credentials in the CLI, a stub in tests.
 */
export interface TokenProvider {
  getToken(scopes: readonly string[], options?: TokenRequestOptions): Promise<string>;
}

export interface AuthOptions {
  /** Refresh-and-retry on 401 InvalidAuthenticationToken (default true; at most once per request). */
  readonly refreshOnInvalidToken?: boolean;
}

/**
 * Adds `Authorization: Bearer …`. When Graph answers 401 InvalidAuthenticationToken, asks the
 * provider for a fresh token once and repeats the request; a second 401 goes back to the caller,
 * which maps it to "sign in again". Token failures (MSAL errors) are mapped, never re-thrown raw.
 */
export class AuthMiddleware extends ChainLink implements Middleware {
  constructor(
    private readonly provider: TokenProvider,
    private readonly options: AuthOptions = {},
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const info = requestInfoOf(context);
    const scopes = info?.scopes ?? [];
    setHeader(context, "Authorization", `Bearer ${await this.token(scopes, false, info?.permission)}`);
    await this.callNext(context);

    const response = context.response;
    if (this.options.refreshOnInvalidToken === false || response?.status !== 401) return;
    if (!(await isInvalidToken(response))) return;
    setHeader(context, "Authorization", `Bearer ${await this.token(scopes, true, info?.permission)}`);
    context.response = undefined;
    await this.callNext(context);
  }

  private async token(
    scopes: readonly string[],
    forceRefresh: boolean,
    permission?: string,
  ): Promise<string> {
    try {
      return await this.provider.getToken(scopes, forceRefresh ? { forceRefresh } : undefined);
    } catch (error) {
      throw new GraphRequestError(mapThrown(error, { permission }));
    }
  }
}

async function isInvalidToken(response: Response): Promise<boolean> {
  const challenge = response.headers.get("www-authenticate") ?? "";
  if (/invalid_token/i.test(challenge)) return true;
  try {
    const { code } = readGraphErrorBody(JSON.parse(await response.clone().text()));
    return code === undefined || code.toLowerCase() === "invalidauthenticationtoken";
  } catch {
    // No readable body: a bare 401 is still about the token.
    return true;
  }
}
