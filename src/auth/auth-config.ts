// Sign-in settings, fixed at build time: webpack's DefinePlugin replaces BEMOTANDE_CLIENT_ID and
// BEMOTANDE_AUTHORITY with the values of ADDIN_CLIENT_ID and ADDIN_AUTHORITY (see
// docs/deployment.md, "Sign-in"). Under jest or tsx the constants do not exist and the defaults
// apply.

declare const BEMOTANDE_CLIENT_ID: string | undefined;
declare const BEMOTANDE_AUTHORITY: string | undefined;

export const DEFAULT_AUTHORITY = "https://login.microsoftonline.com/common";

/** The page, next to taskpane.html, that runs the dialog fallback (src/auth-dialog). */
export const AUTH_DIALOG_PAGE = "auth-dialog.html";

export interface AuthConfig {
  /** Application (client) ID of the Entra app registration; "" when the build was not given one. */
  readonly clientId: string;
  /** https://login.microsoftonline.com/<tenant id> (or /common). */
  readonly authority: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads and checks the build-time constants; bad values fall back to the defaults. */
export function readAuthConfig(
  clientId: string | undefined = typeof BEMOTANDE_CLIENT_ID === "undefined" ? undefined : BEMOTANDE_CLIENT_ID,
  authority: string | undefined = typeof BEMOTANDE_AUTHORITY === "undefined"
    ? undefined
    : BEMOTANDE_AUTHORITY,
): AuthConfig {
  const id = (clientId ?? "").trim();
  return {
    clientId: GUID.test(id) ? id.toLowerCase() : "",
    authority: normaliseAuthority(authority),
  };
}

function normaliseAuthority(value: string | undefined): string {
  const text = (value ?? "").trim();
  if (text === "") return DEFAULT_AUTHORITY;
  try {
    const url = new URL(text);
    if (url.protocol !== "https:" || url.search !== "" || url.hash !== "") return DEFAULT_AUTHORITY;
    return url.href.replace(/\/+$/, "");
  } catch {
    return DEFAULT_AUTHORITY;
  }
}
