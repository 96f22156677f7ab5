// Mail flow: submitting a message delivers copies to internal mailboxes, keeps the sender's copy
// in Sent Items, sends automatic replies, and bounces unknown internal addresses.
import type { EmailAddress, LastVerb, StoredMessage, StoredUser } from "./model";
import { graphTime, htmlToText } from "./model";
import { autoRepliesActive } from "./settings";
import type { EmulatorState } from "./state";
import { DOMAIN } from "./state";

export const REPLY_PREFIX = "SV: ";
export const FORWARD_PREFIX = "VB: ";

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The header block Swedish Outlook puts above a quoted message. */
export function quoteOriginal(original: StoredMessage): string {
  const list = (r: EmailAddress[]): string =>
    r.map((x) => escapeHtml(`${x.emailAddress.name} <${x.emailAddress.address}>`)).join("; ");
  const from = original.from ? list([original.from]) : "";
  const content =
    original.body.contentType === "html"
      ? stripHtmlShell(original.body.content)
      : `<p>${escapeHtml(original.body.content)}</p>`;
  return (
    `<hr><p><b>Från:</b> ${from}<br><b>Skickat:</b> ${original.sentDateTime ?? original.receivedDateTime}<br>` +
    `<b>Till:</b> ${list(original.toRecipients)}<br><b>Ämne:</b> ${escapeHtml(original.subject)}</p>${content}`
  );
}

function stripHtmlShell(html: string): string {
  return html.replace(/^[\s\S]*?<body[^>]*>/i, "").replace(/<\/body>[\s\S]*$/i, "");
}

export function htmlDocument(inner: string): string {
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>${inner}</body></html>`;
}

export function prefixed(prefix: string, subject: string): string {
  return subject.toUpperCase().startsWith(prefix.toUpperCase()) ? subject : `${prefix}${subject}`;
}

function appendIndex(index: string, state: EmulatorState): string {
  return Buffer.concat([Buffer.from(index, "base64"), Buffer.from(state.rng.bytes(5))]).toString("base64");
}

/** A new message in the same conversation as `original`. */
export function threadOf(
  original: StoredMessage,
  state: EmulatorState,
): Pick<StoredMessage, "conversationId" | "conversationIndex"> {
  return {
    conversationId: original.conversationId,
    conversationIndex: appendIndex(original.conversationIndex, state),
  };
}

export interface SubmitOptions {
  saveToSentItems: boolean;
  at: Date;
}

/**
 * Sends `draft` (a message owned by the sender, in any folder): the sender's copy moves to Sent
 * Items (or is removed), each internal recipient gets a copy in the inbox, external recipients go
 * to the emulator's outbox. Returns the sent copy, if kept.
 */
export function submit(
  state: EmulatorState,
  sender: StoredUser,
  draft: StoredMessage,
  options: SubmitOptions,
): StoredMessage | undefined {
  const at = options.at;
  const time = graphTime(at);
  draft.isDraft = false;
  draft.isRead = true;
  draft.from = state.address(sender);
  draft.sender = state.address(sender);
  draft.sentDateTime = time;
  draft.receivedDateTime = time;
  draft.internetMessageId = state.newInternetMessageId(DOMAIN);

  const recipients = [...draft.toRecipients, ...draft.ccRecipients, ...draft.bccRecipients];
  const seen = new Set<string>();
  for (const recipient of recipients) {
    const address = recipient.emailAddress.address.toLowerCase();
    if (seen.has(address)) continue;
    seen.add(address);
    const user = state.findUser(address);
    if (user) {
      deliver(state, user, draft, at);
    } else if (address.endsWith(`@${DOMAIN}`)) {
      bounce(state, sender, draft, recipient, at);
    }
  }
  const external = [...seen].filter((a) => !a.endsWith(`@${DOMAIN}`));
  if (external.length > 0) {
    state.outbox.push({
      from: sender.mail,
      to: external,
      subject: draft.subject,
      sentDateTime: time,
      internetMessageId: draft.internetMessageId,
    });
  }

  if (draft.draftOf) {
    const original = state.messages.get(draft.draftOf.originalId);
    if (original) state.recordVerb(original, draft.draftOf.verb, at);
    delete draft.draftOf;
  }
  if (!options.saveToSentItems) {
    state.messages.delete(draft.id);
    return undefined;
  }
  draft.folder = "sentitems";
  state.touch(draft, at);
  return draft;
}

/** The recipient's copy: same internet message id and conversation, a new item id, unread. */
function deliver(state: EmulatorState, recipient: StoredUser, sent: StoredMessage, at: Date): void {
  state.create(
    {
      ownerId: recipient.id,
      folder: "inbox",
      subject: sent.subject,
      body: { ...sent.body },
      from: sent.from,
      sender: sent.sender,
      toRecipients: sent.toRecipients.map((r) => ({ emailAddress: { ...r.emailAddress } })),
      ccRecipients: sent.ccRecipients.map((r) => ({ emailAddress: { ...r.emailAddress } })),
      bccRecipients: [],
      replyTo: sent.replyTo,
      conversationId: sent.conversationId,
      conversationIndex: sent.conversationIndex,
      internetMessageId: sent.internetMessageId,
      importance: sent.importance,
      hasAttachments: sent.hasAttachments,
      sentDateTime: sent.sentDateTime,
      receivedDateTime: graphTime(at),
      isRead: false,
    },
    at,
  );
  const sender = sent.from ? state.findUser(sent.from.emailAddress.address) : undefined;
  if (sender && sender.id !== recipient.id) autoReply(state, recipient, sender, sent, at);
}

/** Exchange's automatic reply: once per sender while replies are on; internal message for colleagues. */
function autoReply(
  state: EmulatorState,
  away: StoredUser,
  to: StoredUser,
  original: StoredMessage,
  at: Date,
): void {
  const mailbox = state.mailbox(away.id);
  const settings = mailbox.settings.automaticReplies;
  if (!autoRepliesActive(settings, at) || mailbox.autoRepliedTo.has(to.id)) return;
  if (original.subject.startsWith("Automatiskt svar:")) return;
  mailbox.autoRepliedTo.add(to.id);
  const replyAt = new Date(at.getTime() + 1000);
  state.create(
    {
      ownerId: to.id,
      folder: "inbox",
      subject: `Automatiskt svar: ${original.subject}`,
      body: { contentType: "html", content: htmlDocument(settings.internalReplyMessage || "<p></p>") },
      from: state.address(away),
      sender: state.address(away),
      toRecipients: [state.address(to)],
      ...threadOf(original, state),
      internetMessageId: state.newInternetMessageId(DOMAIN),
      isRead: false,
      receivedDateTime: graphTime(replyAt),
      sentDateTime: graphTime(replyAt),
    },
    replyAt,
  );
}

/** A non-delivery report for an nvk.se address nobody has. */
function bounce(
  state: EmulatorState,
  sender: StoredUser,
  sent: StoredMessage,
  recipient: EmailAddress,
  at: Date,
): void {
  const address = escapeHtml(recipient.emailAddress.address);
  state.create(
    {
      ownerId: sender.id,
      folder: "inbox",
      subject: `Olevererbart: ${sent.subject}`,
      body: {
        contentType: "html",
        content: htmlDocument(
          `<p>Det gick inte att leverera meddelandet till <b>${address}</b>.</p><p>Adressen hittades inte i organisationen (550 5.1.10 RESOLVER.ADR.RecipientNotFound).</p>`,
        ),
      },
      from: {
        emailAddress: {
          name: "Microsoft Outlook",
          address: `MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@${DOMAIN}`,
        },
      },
      sender: {
        emailAddress: {
          name: "Microsoft Outlook",
          address: `MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@${DOMAIN}`,
        },
      },
      toRecipients: [state.address(sender)],
      ...threadOf(sent, state),
      isRead: false,
    },
    at,
  );
}

export interface ResponseDraftInput {
  verb: LastVerb;
  comment?: string;
  toRecipients?: EmailAddress[];
  message?: Partial<
    Pick<StoredMessage, "subject" | "body" | "toRecipients" | "ccRecipients" | "bccRecipients">
  >;
}

/** createReply / createReplyAll / createForward: a draft in Drafts that remembers its original. */
export function responseDraft(
  state: EmulatorState,
  owner: StoredUser,
  original: StoredMessage,
  input: ResponseDraftInput,
  at: Date,
): StoredMessage {
  const self = owner.mail.toLowerCase();
  let to: EmailAddress[] = [];
  let cc: EmailAddress[] = [];
  if (input.verb === 102 || input.verb === 103) {
    const replyTarget = original.replyTo.length > 0 ? original.replyTo : original.from ? [original.from] : [];
    to = replyTarget.filter(
      (r) => r.emailAddress.address.toLowerCase() !== self || original.folder === "sentitems",
    );
    if (original.folder === "sentitems" && to.length === 0) to = original.toRecipients;
    if (input.verb === 103) {
      const more = original.toRecipients.filter(
        (r) =>
          r.emailAddress.address.toLowerCase() !== self &&
          !to.some((t) => t.emailAddress.address.toLowerCase() === r.emailAddress.address.toLowerCase()),
      );
      to = [...to, ...more];
      cc = original.ccRecipients.filter((r) => r.emailAddress.address.toLowerCase() !== self);
    }
  }
  if (input.toRecipients) to = input.toRecipients;
  if (input.message?.toRecipients) to = input.message.toRecipients;
  if (input.message?.ccRecipients) cc = input.message.ccRecipients;
  const prefix = input.verb === 104 ? FORWARD_PREFIX : REPLY_PREFIX;
  const comment = input.comment ? `<p>${escapeHtml(input.comment).replace(/\n/g, "<br>")}</p>` : "";
  const ownBody = input.message?.body
    ? input.message.body.contentType === "html"
      ? stripHtmlShell(input.message.body.content)
      : `<p>${escapeHtml(input.message.body.content)}</p>`
    : "";
  return state.create(
    {
      ownerId: owner.id,
      folder: "drafts",
      subject: input.message?.subject ?? prefixed(prefix, original.subject),
      body: { contentType: "html", content: htmlDocument(`${comment}${ownBody}${quoteOriginal(original)}`) },
      from: state.address(owner),
      sender: state.address(owner),
      toRecipients: to,
      ccRecipients: cc,
      bccRecipients: input.message?.bccRecipients ?? [],
      ...threadOf(original, state),
      isDraft: true,
      isRead: true,
      hasAttachments: input.verb === 104 ? original.hasAttachments : false,
      draftOf: { originalId: original.id, verb: input.verb },
    },
    at,
  );
}

export { htmlToText };
