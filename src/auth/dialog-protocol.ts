// What the dialog fallback page (src/auth-dialog) sends to the task pane with messageParent.
// Plain JSON, versioned; the pane checks its shape before trusting it.

export const DIALOG_PROTOCOL_VERSION = 1;

export type DialogResult =
  | {
      readonly v: 1;
      readonly status: "success";
      readonly accessToken: string;
      /** When the token expires, ms since the epoch. */
      readonly expiresOn: number;
      /** The scopes the token carries. */
      readonly scopes: readonly string[];
    }
  | {
      readonly v: 1;
      readonly status: "error";
      /** MSAL's error code (never its message, which may name the account). */
      readonly errorCode: string;
    };

/** The query parameter carrying the requested scopes (space-separated) to the dialog page. */
export const SCOPES_PARAM = "scopes";

export function parseDialogResult(text: string): DialogResult | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (v.v !== DIALOG_PROTOCOL_VERSION) return undefined;
  if (v.status === "error") {
    return {
      v: 1,
      status: "error",
      errorCode: typeof v.errorCode === "string" ? v.errorCode : "unknown_error",
    };
  }
  if (
    v.status === "success" &&
    typeof v.accessToken === "string" &&
    v.accessToken !== "" &&
    typeof v.expiresOn === "number" &&
    Array.isArray(v.scopes) &&
    v.scopes.every((s) => typeof s === "string")
  ) {
    return {
      v: 1,
      status: "success",
      accessToken: v.accessToken,
      expiresOn: v.expiresOn,
      scopes: v.scopes as string[],
    };
  }
  return undefined;
}
