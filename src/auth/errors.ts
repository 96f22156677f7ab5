import { GraphNetworkError } from "../graph/errors";

/**
 * A sign-in failure, in the vocabulary src/graph/errors.ts maps to localised messages:
 * `errorCode` is one of MSAL's codes that mapThrown knows (interaction_required, consent_required,
 * user_cancelled …). The message names the code only: never a token, account or server text.
 */
export class SignInError extends Error {
  override readonly name = "SignInError";

  constructor(readonly errorCode: string) {
    super(`Sign-in failed (${errorCode})`);
  }
}

const CONSENT = /AADSTS65001|AADSTS90094|consent_required/i;
const NETWORK = new Set([
  "no_network_connectivity",
  "network_error",
  "no_network",
  "get_request_failed",
  "post_request_failed",
]);
const CANCELLED = new Set(["user_cancelled", "user_canceled", "interrupted_user"]);
const BLOCKED = new Set(["popup_window_error", "empty_window_error", "block_nested_popups"]);
const INTERACTION = new Set([
  "interaction_required",
  "login_required",
  "invalid_grant",
  "no_tokens_found",
  "native_account_unavailable",
  "refresh_token_expired",
  "ui_not_allowed",
  "bad_token",
  "token_refresh_required",
  "no_account_error",
  "no_account_found",
  "no_account_in_silent_request",
  "user_interaction_required",
  "account_unavailable",
]);

interface MsalLikeError {
  readonly name?: unknown;
  readonly errorCode?: unknown;
  readonly subError?: unknown;
  readonly message?: unknown;
}

function codeOf(error: unknown): { name: string; code: string; text: string } {
  const e = (typeof error === "object" && error !== null ? error : {}) as MsalLikeError;
  return {
    name: typeof e.name === "string" ? e.name : "",
    code: typeof e.errorCode === "string" ? e.errorCode.toLowerCase() : "",
    text: `${typeof e.subError === "string" ? e.subError : ""} ${typeof e.message === "string" ? e.message : ""}`,
  };
}

/** True when MSAL needs the person (silent failed for want of consent, sign-in or an account). */
export function needsInteraction(error: unknown): boolean {
  const { name, code, text } = codeOf(error);
  return (
    name === "InteractionRequiredAuthError" ||
    INTERACTION.has(code) ||
    CONSENT.test(code) ||
    CONSENT.test(text)
  );
}

/** True when the pop-up could not be shown (blocked, or nested app auth went away under us). */
export function popupUnavailable(error: unknown): boolean {
  const { code } = codeOf(error);
  return BLOCKED.has(code) || code === "nested_app_auth_bridge_disabled" || code === "bridge_unavailable";
}

export function isOffline(error: unknown): boolean {
  return error instanceof GraphNetworkError || NETWORK.has(codeOf(error).code);
}

/**
 * Any failure from MSAL, the bridge or the dialog → a SignInError with a code mapThrown
 * understands, or GraphNetworkError when the network is the problem. Raw messages are dropped.
 */
export function normaliseAuthError(error: unknown): Error {
  if (error instanceof SignInError || error instanceof GraphNetworkError) return error;
  if (isOffline(error)) return new GraphNetworkError("network");
  const { code, text } = codeOf(error);
  if (CONSENT.test(code) || CONSENT.test(text)) return new SignInError("consent_required");
  if (CANCELLED.has(code)) return new SignInError("user_cancelled");
  if (BLOCKED.has(code)) return new SignInError("popup_window_error");
  if (needsInteraction(error) || code === "nested_app_auth_bridge_disabled") {
    return new SignInError("interaction_required");
  }
  if (/^invalid_client$|^unauthorized_client$/.test(code)) return new SignInError(code);
  const aadsts = /AADSTS\d+/.exec(`${code} ${text}`)?.[0];
  if (aadsts) return new SignInError("login_required");
  return new SignInError("unknown_error");
}
