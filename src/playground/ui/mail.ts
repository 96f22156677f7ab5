// Conversions between Graph messages, the host's item states and the compose form.
import type { Address, ComposeItemState, ComposeType, ReadItemState } from "../bridge";
import type { GraphMessage, GraphRecipient } from "../host/graph";
import { escapeHtml } from "../office-emulator/html-text";
import type { UiStrings } from "./strings";

export function addressOf(recipient: GraphRecipient | null | undefined): Address {
  const emailAddress = recipient?.emailAddress?.address ?? "";
  return { displayName: recipient?.emailAddress?.name ?? emailAddress, emailAddress };
}

export function readItemFrom(message: GraphMessage): ReadItemState {
  const received = message.receivedDateTime ?? message.sentDateTime ?? new Date(0).toISOString();
  const content = message.body?.content ?? "";
  const bodyHtml =
    (message.body?.contentType ?? "html").toLowerCase() === "text"
      ? `<pre>${escapeHtml(content)}</pre>`
      : content;
  return {
    mode: "read",
    itemId: message.id,
    conversationId: message.conversationId ?? message.id,
    internetMessageId: message.internetMessageId ?? `<${message.id}@playground.invalid>`,
    subject: message.subject ?? "",
    from: addressOf(message.from),
    to: (message.toRecipients ?? []).map(addressOf),
    cc: (message.ccRecipients ?? []).map(addressOf),
    dateTimeCreated: received,
    dateTimeModified: message.lastModifiedDateTime ?? received,
    bodyHtml,
    notifications: [],
  };
}

let sessionCounter = 0;

function newSessionId(): string {
  sessionCounter += 1;
  return `compose-${Date.now().toString(36)}-${sessionCounter}`;
}

export function formatAddress(address: Address): string {
  return address.displayName && address.displayName !== address.emailAddress
    ? `${address.displayName} <${address.emailAddress}>`
    : address.emailAddress;
}

export function formatAddresses(list: readonly Address[]): string {
  return list.map(formatAddress).join("; ");
}

/** "Anna Berg <anna@nvk.se>; bo@nvk.se" → addresses; names are looked up among known users. */
export function parseAddresses(text: string, known: readonly Address[]): Address[] {
  return text
    .split(/[;,\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const match = /^(.*?)\s*<([^<>\s]+)>$/.exec(part);
      const emailAddress = (match?.[2] ?? part).trim();
      const named = match?.[1]?.replace(/^"|"$/g, "").trim();
      const user = known.find((u) => u.emailAddress.toLowerCase() === emailAddress.toLowerCase());
      return { displayName: named || user?.displayName || emailAddress, emailAddress };
    });
}

export function isEmailAddress(text: string): boolean {
  return /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(text);
}

function quoteHeader(item: ReadItemState, strings: UiStrings, locale: string): string {
  const when = new Date(item.dateTimeCreated).toLocaleString(locale, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  });
  return (
    `<div id="appendonsend"></div><hr>` +
    `<div><b>${escapeHtml(strings.from)}:</b> ${escapeHtml(formatAddress(item.from))}<br>` +
    `<b>${escapeHtml(strings.sentLabel)}:</b> ${escapeHtml(when)}<br>` +
    `<b>${escapeHtml(strings.to)}:</b> ${escapeHtml(formatAddresses(item.to))}<br>` +
    `<b>${escapeHtml(strings.subject)}:</b> ${escapeHtml(item.subject)}</div><br>` +
    `<div>${item.bodyHtml}</div>`
  );
}

export function newCompose(from: Address): ComposeItemState {
  return {
    mode: "compose",
    sessionId: newSessionId(),
    itemId: null,
    composeType: "newMail",
    conversationId: "",
    subject: "",
    from,
    to: [],
    cc: [],
    bcc: [],
    bodyHtml: "<div><br></div>",
    clientSignatureEnabled: true,
    notifications: [],
  };
}

export function respondTo(
  item: ReadItemState,
  type: Exclude<ComposeType, "newMail">,
  from: Address,
  strings: UiStrings,
  locale: string,
): ComposeItemState {
  const prefix = type === "reply" ? strings.replyPrefix : strings.forwardPrefix;
  const bare = item.subject.replace(/^((re|sv|fw|fwd|vb|vs)\s*:\s*)+/i, "");
  return {
    ...newCompose(from),
    composeType: type,
    conversationId: item.conversationId,
    subject: `${prefix}${bare}`,
    to: type === "reply" ? [item.from] : [],
    bodyHtml: `<div><br></div>${quoteHeader(item, strings, locale)}`,
  };
}

const DROP_ELEMENTS =
  "script,style,iframe,frame,object,embed,link,meta,base,form,input,button,textarea,select";

/**
 * Makes mail HTML safe to show in the playground page: no scripts, handlers, forms or external
 * loads (images from elsewhere would be requests to the internet, which this stand-in never makes).
 */
export function sanitizeMailHtml(html: string, parser: DOMParser): string {
  const doc = parser.parseFromString(`<body>${html}</body>`, "text/html");
  doc.querySelectorAll(DROP_ELEMENTS).forEach((el) => el.remove());
  doc.body.querySelectorAll("*").forEach((el) => {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim().toLowerCase();
      if (name.startsWith("on") || name === "srcset" || name === "background") el.removeAttribute(attr.name);
      else if ((name === "href" || name === "src") && value.startsWith("javascript:"))
        el.removeAttribute(attr.name);
      else if (name === "src" && !value.startsWith("data:")) el.removeAttribute(attr.name);
      else if (name === "style" && /url\s*\(/i.test(value)) el.removeAttribute(attr.name);
    }
    if (el.tagName === "A") {
      el.setAttribute("target", "_blank");
      el.setAttribute("rel", "noopener noreferrer");
    }
  });
  return doc.body.innerHTML;
}
