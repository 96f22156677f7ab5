import { GraphClientError } from "@microsoft/microsoft-graph-client";
import { summarise } from "./redact";
import { parseRetryAfter } from "./retry-after";

/**
 * What went wrong, in terms a person can act on. Every Graph, MSAL and network failure maps to
 * one of these kinds; the task pane and the CLI show `message` in the user's language.
 */
export type GraphFailureKind =
  /** The token is missing, expired or rejected: sign in again. */
  | "signIn"
  /** The app lacks a permission: IT must grant admin consent for `permission`. */
  | "consent"
  /** Throttled or the service is busy: try again later (at `retryAfter` when Graph said). */
  | "tryLater"
  /** The mailbox does not exist, is not in Exchange Online, or an access policy hides it. */
  | "mailboxUnreachable"
  /** Graph rejected the request's content (400 and friends). */
  | "badInput"
  /** The item or person is gone. */
  | "notFound"
  /** No connection to Microsoft Graph. */
  | "offline"
  /** The server answered with something that is not the JSON it promised. */
  | "malformedResponse"
  /** A send was interrupted and Sent Items does not (yet) show the message. */
  | "sendUnknown"
  /** Anything else; the message stays general and never shows raw text. */
  | "unexpected";

export interface LocalizedText {
  readonly sv: string;
  readonly en: string;
}

export interface GraphFailure {
  readonly kind: GraphFailureKind;
  readonly message: LocalizedText;
  /** When Graph said it will accept requests again (429/503 with Retry-After). */
  readonly retryAfter?: Date;
  /** The permission (scope) the refused request needed, for the admin-consent message. */
  readonly permission?: string;
  /** HTTP status, when there was a response. */
  readonly status?: number;
  /** Graph's or MSAL's error code ("ErrorAccessDenied", "interaction_required"). */
  readonly code?: string;
  /** Graph's request-id, for a support ticket. */
  readonly requestId?: string;
}

/**
 * The one error type the Graph layer throws. It extends the SDK's GraphClientError so that the
 * SDK passes it through its own error handling unchanged; its message is the English text.
 */
export class GraphRequestError extends GraphClientError {
  readonly failure: GraphFailure;

  constructor(failure: GraphFailure) {
    super(failure.message.en);
    // GraphClientError resets the prototype to its own; restore ours so `instanceof` works.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "GraphRequestError";
    this.failure = failure;
  }
}

/** A failure below HTTP: the connection dropped, timed out or never opened. */
export class GraphNetworkError extends GraphClientError {
  constructor(readonly reason: "timeout" | "network" | "aborted") {
    super(`network failure (${reason})`);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "GraphNetworkError";
  }
}

export interface MapContext {
  /** The permission the request needed (from src/graph/scopes.ts). */
  readonly permission?: string;
  readonly now?: Date;
  /** Time zone for "try again after 14:05"; Europe/Stockholm unless told. */
  readonly timeZone?: string;
}

interface GraphErrorBody {
  code?: string;
  message?: string;
  requestId?: string;
}

/** Graph's `{"error": {"code", "message", "innerError": {"request-id"}}}`, if that is what `body` is. */
export function readGraphErrorBody(body: unknown): GraphErrorBody {
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error !== "object" || error === null) return {};
  const e = error as { code?: unknown; message?: unknown; innerError?: unknown };
  const inner = (e.innerError ?? {}) as { "request-id"?: unknown };
  return {
    code: typeof e.code === "string" && e.code !== "" ? e.code : undefined,
    message: typeof e.message === "string" ? e.message : undefined,
    requestId: typeof inner["request-id"] === "string" ? inner["request-id"] : undefined,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function clock(date: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).format(date);
}

// ---- the messages -------------------------------------------------------------------------

export const messages = {
  signIn: {
    sv: "Din inloggning har gått ut eller godkändes inte. Logga in igen och försök på nytt.",
    en: "Your sign-in has expired or was not accepted. Sign in again and retry.",
  },
  consent: (permission: string | undefined): LocalizedText =>
    permission
      ? {
          sv: `Bemötande saknar behörigheten ${permission}. Be IT att ge administratörsmedgivande (admin consent) för den.`,
          en: `Bemötande lacks the permission ${permission}. Ask IT to grant admin consent for it.`,
        }
      : {
          sv: "Bemötande saknar en behörighet som krävs. Be IT att ge administratörsmedgivande (admin consent).",
          en: "Bemötande lacks a required permission. Ask IT to grant admin consent.",
        },
  tryLater: (retryAfter: Date | undefined, timeZone: string): LocalizedText =>
    retryAfter
      ? {
          sv: `Microsoft 365 är överbelastat just nu. Försök igen efter kl. ${clock(retryAfter, timeZone, "sv-SE")}.`,
          en: `Microsoft 365 is busy right now. Try again after ${clock(retryAfter, timeZone, "en-GB")}.`,
        }
      : {
          sv: "Microsoft 365 svarar inte som det ska just nu. Försök igen om en stund.",
          en: "Microsoft 365 is not responding properly right now. Try again in a while.",
        },
  mailboxUnreachable: {
    sv: "Brevlådan går inte att nå: den finns inte i Exchange Online, eller så har IT inte gett Bemötande åtkomst till den.",
    en: "The mailbox cannot be reached: it is not in Exchange Online, or IT has not given Bemötande access to it.",
  },
  badInput: (summary: string | undefined): LocalizedText =>
    summary
      ? {
          sv: `Microsoft 365 godtog inte uppgifterna (”${summary}”). Kontrollera dem och försök igen.`,
          en: `Microsoft 365 did not accept the request ("${summary}"). Check it and try again.`,
        }
      : {
          sv: "Microsoft 365 godtog inte uppgifterna. Kontrollera dem och försök igen.",
          en: "Microsoft 365 did not accept the request. Check it and try again.",
        },
  notFound: {
    sv: "Det du sökte finns inte längre (det kan ha flyttats eller tagits bort).",
    en: "What you asked for no longer exists (it may have been moved or deleted).",
  },
  offline: {
    sv: "Det gick inte att nå Microsoft 365. Kontrollera nätverksanslutningen och försök igen.",
    en: "Could not reach Microsoft 365. Check the network connection and try again.",
  },
  malformedResponse: {
    sv: "Microsoft 365 skickade ett svar som inte gick att läsa. Försök igen om en stund.",
    en: "Microsoft 365 sent a reply that could not be read. Try again in a while.",
  },
  sendUnknown: {
    sv: "Det gick inte att avgöra om meddelandet skickades. Titta i Skickade objekt innan du skickar igen.",
    en: "Could not tell whether the message was sent. Check Sent Items before sending again.",
  },
  unexpected: {
    sv: "Något gick fel i kontakten med Microsoft 365. Försök igen; kvarstår felet, kontakta IT.",
    en: "Something went wrong talking to Microsoft 365. Try again; if it persists, contact IT.",
  },
} as const;

export function failure(
  kind:
    | "signIn"
    | "mailboxUnreachable"
    | "notFound"
    | "offline"
    | "malformedResponse"
    | "sendUnknown"
    | "unexpected",
  extra: Partial<GraphFailure> = {},
): GraphFailure {
  return { ...extra, kind, message: messages[kind] };
}

// ---- HTTP responses -------------------------------------------------------------------------

const UNREACHABLE_CODES = new Set([
  "mailboxnotenabledforrestapi",
  "errormailboxnotfound",
  "mailboxnotfound",
  "errornonexistentmailbox",
  "errormailboxmoveinprogress",
  "errormailboxstoreunavailable",
  "errorinvaliduser",
]);

const CONSENT_CODES = new Set([
  "authorization_requestdenied",
  "erroraccessdenied",
  "accessdenied",
  "forbidden",
]);

/** Graph says "Access to OData is disabled." when an application access policy excludes the mailbox. */
const ACCESS_POLICY = /access to odata is disabled|application ?access ?policy/i;

export interface HttpFailureInput {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  /** The response body as text (or already parsed). */
  readonly body: string | unknown;
}

/** Maps a non-2xx response to a failure. */
export function mapHttpFailure(input: HttpFailureInput, context: MapContext = {}): GraphFailure {
  const now = context.now ?? new Date();
  const timeZone = context.timeZone ?? "Europe/Stockholm";
  const parsed = typeof input.body === "string" ? parseJson(input.body) : input.body;
  const { code, message, requestId } = readGraphErrorBody(parsed);
  const lower = (code ?? "").toLowerCase();
  const base = { status: input.status, code, requestId };
  const status = input.status;

  if (status === 401) return { ...base, kind: "signIn", message: messages.signIn };
  if (UNREACHABLE_CODES.has(lower) || (lower === "erroraccessdenied" && ACCESS_POLICY.test(message ?? ""))) {
    return { ...base, kind: "mailboxUnreachable", message: messages.mailboxUnreachable };
  }
  if (status === 403 || CONSENT_CODES.has(lower)) {
    return {
      ...base,
      kind: "consent",
      message: messages.consent(context.permission),
      permission: context.permission,
    };
  }
  if (status === 429 || status >= 500) {
    const waitMs = parseRetryAfter(input.headers.get("retry-after"), now);
    const retryAfter = waitMs === undefined ? undefined : new Date(now.getTime() + waitMs);
    return { ...base, kind: "tryLater", message: messages.tryLater(retryAfter, timeZone), retryAfter };
  }
  if (status === 404 || status === 410) return { ...base, kind: "notFound", message: messages.notFound };
  if (status >= 400 && status < 500) {
    return {
      ...base,
      kind: "badInput",
      message: messages.badInput(message ? summarise(message) : undefined),
    };
  }
  return { ...base, kind: "unexpected", message: messages.unexpected };
}

// ---- thrown errors (network, MSAL, JSON) ----------------------------------------------------

const SIGN_IN_MSAL = new Set([
  "interaction_required",
  "login_required",
  "invalid_grant",
  "no_account_error",
  "no_tokens_found",
  "token_refresh_required",
  "user_cancelled",
  "invalid_client",
  "unauthorized_client",
  "popup_window_error",
  "monitor_window_timeout",
]);

/** Maps anything thrown while talking to Graph (or getting a token) to a failure. Never leaks its text. */
export function mapThrown(error: unknown, context: MapContext = {}): GraphFailure {
  if (error instanceof GraphRequestError) return error.failure;
  if (error instanceof GraphNetworkError) return failure("offline", { code: error.reason });
  if (error instanceof SyntaxError) return failure("malformedResponse");

  const e = (error ?? {}) as { errorCode?: unknown; name?: unknown; message?: unknown; subError?: unknown };
  const errorCode = typeof e.errorCode === "string" ? e.errorCode.toLowerCase() : undefined;
  const text = typeof e.message === "string" ? e.message : "";
  if (errorCode === "consent_required" || /AADSTS65001|AADSTS90094|consent_required/.test(text)) {
    return {
      kind: "consent",
      message: messages.consent(context.permission),
      permission: context.permission,
      code: "consent_required",
    };
  }
  if ((errorCode && SIGN_IN_MSAL.has(errorCode)) || /AADSTS\d+/.test(text)) {
    return failure("signIn", { code: errorCode ?? /AADSTS\d+/.exec(text)?.[0] });
  }
  if (e.name === "AbortError" || e.name === "TimeoutError") return failure("offline", { code: "timeout" });
  if (error instanceof TypeError && /fetch|network|socket|ECONN|ENOTFOUND|EAI_AGAIN/i.test(text)) {
    return failure("offline", { code: "network" });
  }
  return failure("unexpected");
}

/** Throws the mapped failure for a non-2xx response. */
export function throwHttpFailure(input: HttpFailureInput, context: MapContext = {}): never {
  throw new GraphRequestError(mapHttpFailure(input, context));
}
