// A small MIME reader for `bemotande check message.eml`: enough of RFC 5322/2045/2047 to get the
// body (HTML preferred over plain text), subject and recipients out of a saved email.

export interface EmlMessage {
  readonly subject: string;
  readonly to: string[];
  readonly cc: string[];
  readonly body: string;
  readonly format: "html" | "text";
}

interface Part {
  headers: Map<string, string>;
  body: Buffer;
}

const MAX_DEPTH = 20;

export function parseEml(raw: Buffer): EmlMessage {
  const top = splitPart(raw);
  const leaves: Part[] = [];
  collectLeaves(top, leaves, 0);
  const html = leaves.find((p) => mediaType(p) === "text/html");
  const plain = leaves.find((p) => mediaType(p) === "text/plain");
  const chosen = html ?? plain;
  if (!chosen) throw new Error("the message has no text/plain or text/html part");
  return {
    subject: decodeWords(top.headers.get("subject") ?? ""),
    to: addresses(decodeWords(top.headers.get("to") ?? "")),
    cc: addresses(decodeWords(top.headers.get("cc") ?? "")),
    body: decodeBody(chosen),
    format: chosen === html ? "html" : "text",
  };
}

/** Does this look like a MIME message rather than a text or HTML file? */
export function looksLikeEml(raw: Buffer): boolean {
  const head = raw.subarray(0, 4096).toString("latin1");
  return (
    /^(?:[\w-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)+\r?\n/.test(head) &&
    /^(?:from|to|subject|mime-version|received|date):/im.test(head)
  );
}

function splitPart(raw: Buffer): Part {
  const text = raw.toString("latin1");
  const match = /\r?\n\r?\n/.exec(text);
  const headerEnd = match ? match.index : text.length;
  const bodyStart = match ? match.index + match[0].length : text.length;
  const headers = new Map<string, string>();
  const unfolded = text.slice(0, headerEnd).replace(/\r?\n[ \t]+/g, " ");
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
    }
  }
  return { headers, body: raw.subarray(Buffer.byteLength(text.slice(0, bodyStart), "latin1")) };
}

function mediaType(part: Part): string {
  return (part.headers.get("content-type") ?? "text/plain").split(";")[0]!.trim().toLowerCase();
}

function param(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i").exec(header);
  return match ? (match[1] ?? match[2]) : undefined;
}

function collectLeaves(part: Part, leaves: Part[], depth: number): void {
  const type = mediaType(part);
  if (type === "message/rfc822" && depth < MAX_DEPTH) {
    // An attached or forwarded message is someone else's text: never judged as the author's.
    return;
  }
  if (!type.startsWith("multipart/") || depth >= MAX_DEPTH) {
    const disposition = (part.headers.get("content-disposition") ?? "").toLowerCase();
    if (!disposition.startsWith("attachment")) leaves.push(part);
    return;
  }
  const boundary = param(part.headers.get("content-type"), "boundary");
  if (!boundary) return;
  const body = part.body.toString("latin1");
  const delimiter = `--${boundary}`;
  const chunks = body.split(delimiter).slice(1);
  for (const chunk of chunks) {
    if (chunk.startsWith("--")) break; // closing delimiter
    const content = chunk.replace(/^[ \t]*\r?\n/, "").replace(/\r?\n$/, "");
    collectLeaves(splitPart(Buffer.from(content, "latin1")), leaves, depth + 1);
  }
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").trim().toLowerCase();
  let bytes: Buffer = part.body;
  if (encoding === "base64")
    bytes = Buffer.from(part.body.toString("latin1").replace(/[^A-Za-z0-9+/=]/g, ""), "base64");
  else if (encoding === "quoted-printable") bytes = decodeQuotedPrintable(part.body.toString("latin1"));
  return decodeCharset(bytes, param(part.headers.get("content-type"), "charset") ?? "us-ascii");
}

function decodeQuotedPrintable(text: string): Buffer {
  const soft = text.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(soft.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

function decodeCharset(bytes: Buffer, charset: string): string {
  const name = charset.trim().toLowerCase();
  try {
    // "us-ascii" bodies often carry 8-bit Latin-1 in practice; WHATWG maps both to windows-1252.
    return new TextDecoder(name === "us-ascii" ? "windows-1252" : name).decode(bytes);
  } catch {
    throw new Error(`unsupported charset "${charset}"`);
  }
}

/** RFC 2047 encoded words: =?UTF-8?B?…?= and =?ISO-8859-1?Q?…?=. */
function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, charset: string, kind: string, data: string) => {
      const bytes =
        kind.toUpperCase() === "B"
          ? Buffer.from(data, "base64")
          : decodeQuotedPrintable(data.replace(/_/g, " "));
      return decodeCharset(bytes, charset);
    });
}

function addresses(value: string): string[] {
  return [...value.matchAll(/[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+/g)].map((m) => m[0].toLowerCase());
}
