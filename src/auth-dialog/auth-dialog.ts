// The Office dialog fallback page (auth-dialog.html): used when Outlook does not support nested
// app authentication, or the NAA pop-up was blocked. The task pane opens it with
// Office.context.ui.displayDialogAsync and ?scopes=…; it signs in with MSAL's standard browser
// client (authorization code + PKCE, redirect flow inside the dialog window) and hands the token
// to the pane with messageParent. See docs/deployment.md, "Sign-in".
import { createStandardPublicClientApplication, LogLevel } from "@azure/msal-browser";
import type { AuthenticationResult, IPublicClientApplication } from "@azure/msal-browser";
import { readAuthConfig } from "../auth/auth-config";
import { DIALOG_PROTOCOL_VERSION, SCOPES_PARAM } from "../auth/dialog-protocol";
import type { DialogResult } from "../auth/dialog-protocol";
import { ALL_DELEGATED_SCOPES } from "../graph/scopes";
import { pickLanguage } from "../i18n";
import { messageParent, officeDisplayLanguage, whenOfficeReady } from "../office/mailbox";

// The scopes survive the round trip to the sign-in page here (the redirect drops the query).
const PENDING_SCOPES_KEY = "bemotande.auth-dialog.scopes";

const TEXT = {
  sv: {
    signingIn: "Loggar in …",
    done: "Klart. Fönstret stängs.",
    failed: "Inloggningen misslyckades. Stäng fönstret och försök igen.",
  },
  en: {
    signingIn: "Signing in …",
    done: "Done. This window will close.",
    failed: "Sign-in failed. Close this window and try again.",
  },
} as const;

function show(text: string): void {
  const status = document.getElementById("status");
  if (status) status.textContent = text;
}

/** The requested scopes: documented delegated scopes only (src/graph/scopes.ts). */
function requestedScopes(): string[] | undefined {
  const fromQuery = new URLSearchParams(window.location.search).get(SCOPES_PARAM);
  let text = fromQuery;
  try {
    if (fromQuery !== null) window.sessionStorage.setItem(PENDING_SCOPES_KEY, fromQuery);
    else text = window.sessionStorage.getItem(PENDING_SCOPES_KEY);
  } catch {
    // No session storage: the query is all there is.
  }
  const scopes = [...new Set((text ?? "").split(/\s+/).filter((s) => s !== ""))];
  return scopes.length > 0 && scopes.every((s) => ALL_DELEGATED_SCOPES.includes(s)) ? scopes : undefined;
}

function success(result: AuthenticationResult): DialogResult {
  return {
    v: DIALOG_PROTOCOL_VERSION,
    status: "success",
    accessToken: result.accessToken,
    expiresOn: result.expiresOn?.getTime() ?? Date.now() + 30 * 60_000,
    scopes: result.scopes,
  };
}

function failure(error: unknown): DialogResult {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  return {
    v: DIALOG_PROTOCOL_VERSION,
    status: "error",
    errorCode: typeof code === "string" && code !== "" ? code : "unknown_error",
  };
}

async function signIn(pca: IPublicClientApplication): Promise<DialogResult | undefined> {
  const returned = await pca.handleRedirectPromise();
  if (returned) return success(returned);
  const scopes = requestedScopes();
  if (!scopes) return { v: DIALOG_PROTOCOL_VERSION, status: "error", errorCode: "invalid_scope" };
  const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
  if (account) {
    try {
      return success(await pca.acquireTokenSilent({ scopes, account }));
    } catch {
      // Consent or sign-in needed: go to the sign-in page.
    }
  }
  await pca.acquireTokenRedirect({ scopes, ...(account ? { account } : {}) });
  return undefined; // The page navigates away; it comes back with the answer.
}

async function start(): Promise<void> {
  const inOffice = await whenOfficeReady();
  const language = pickLanguage(officeDisplayLanguage() || navigator.language);
  document.documentElement.lang = language;
  const text = TEXT[language];
  show(text.signingIn);

  const auth = readAuthConfig();
  let result: DialogResult | undefined;
  if (auth.clientId === "") {
    result = { v: DIALOG_PROTOCOL_VERSION, status: "error", errorCode: "invalid_client" };
  } else {
    try {
      const pca = await createStandardPublicClientApplication({
        auth: {
          clientId: auth.clientId,
          authority: auth.authority,
          redirectUri: `${window.location.origin}${window.location.pathname}`,
        },
        // The dialog is a separate browser session: localStorage lets the next dialog sign in
        // silently instead of asking again.
        cache: { cacheLocation: "localStorage" },
        system: {
          loggerOptions: {
            piiLoggingEnabled: false,
            logLevel: LogLevel.Error,
            loggerCallback: () => undefined,
          },
        },
      });
      result = await signIn(pca);
    } catch (error) {
      result = failure(error);
    }
  }
  if (!result) return;
  try {
    window.sessionStorage.removeItem(PENDING_SCOPES_KEY);
  } catch {
    // Nothing to clean up.
  }
  show(result.status === "success" ? text.done : text.failed);
  if (inOffice) messageParent(JSON.stringify(result));
}

void start().catch(() => {
  show(`${TEXT.sv.failed} / ${TEXT.en.failed}`);
});
