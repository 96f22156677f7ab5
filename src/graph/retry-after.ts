/**
 * The wait a `Retry-After` header asks for, in milliseconds: delay-seconds ("10"), fractional
 * seconds as Graph sends them ("2.128"), or an HTTP date. Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT"). Digits-only strings were handled above, so
  // Date.parse does not get a chance to read "2" as a year.
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
