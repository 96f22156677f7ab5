// Text that may end up in a log line or a user-facing message goes through here first: no email
// addresses, bearer tokens or long opaque strings survive.

const BEARER = /\bBearer\s+[A-Za-z0-9\-._~+/]+=*/gi;
// Three base64url parts separated by dots: a JWT, whether or not it follows "Bearer".
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const OPAQUE = /[A-Za-z0-9+/=_-]{40,}/g;

/** Removes tokens, email addresses and long opaque strings (ids, keys) from `text`. */
export function redact(text: string): string {
  return text
    .replace(BEARER, "Bearer [token]")
    .replace(JWT, "[token]")
    .replace(EMAIL, "[address]")
    .replace(OPAQUE, "[id]");
}

// Graph sometimes quotes the offending input back ("Cannot parse '…'"). A quoted identifier
// ('toRecipients', '$select') helps; quoted free text may be the email body, so it goes.
const QUOTED = /(['"“”‘’])([^'"“”‘’]*)\1|(“)([^”]*)”|(‘)([^’]*)’/g;

function elideQuoted(text: string): string {
  return text.replace(
    QUOTED,
    (whole: string, _q: string, a?: string, _q2?: string, b?: string, _q3?: string, c?: string) => {
      const inner = a ?? b ?? c ?? "";
      return /^[\w.$@/-]{1,40}$/.test(inner) ? whole : "'…'";
    },
  );
}

/** One short line of Graph's own error text, safe to show: redacted, quoted text elided, capped. */
export function summarise(text: string, max = 160): string {
  const line = elideQuoted(redact(text)).replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
