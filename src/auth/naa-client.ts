// The only module that imports MSAL for the task pane. It is loaded with a dynamic import
// (token-provider.ts), so MSAL is a separate chunk fetched when Graph is first used, not part of
// taskpane.js.
import { createNestablePublicClientApplication, LogLevel } from "@azure/msal-browser";
import type { Configuration } from "@azure/msal-browser";
import type { AuthConfig } from "./auth-config";
import type { NaaClient } from "./token-provider";

/** MSAL's configuration for the task pane. MSAL logs nothing: no callback, no PII. */
export function msalConfiguration(auth: AuthConfig): Configuration {
  return {
    auth: { clientId: auth.clientId, authority: auth.authority },
    cache: { cacheLocation: "sessionStorage" },
    system: {
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Error,
        loggerCallback: () => undefined,
      },
    },
  };
}

/**
 * A nestable public client: nested app authentication through the host's bridge when Outlook
 * offers one, otherwise MSAL's standard browser client.
 */
export async function createNaaClient(auth: AuthConfig): Promise<NaaClient> {
  return createNestablePublicClientApplication(msalConfiguration(auth));
}
