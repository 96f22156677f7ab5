// The emulator's mutable world: directory, mailboxes, messages, settings and presence.
import { Prng } from "./prng";
import type {
  EmailAddress,
  FolderKey,
  LastVerb,
  MailboxSettingsState,
  PresenceState,
  StoredMessage,
  StoredUser,
} from "./model";
import { graphTime, PID_LAST_VERB, PID_LAST_VERB_TIME } from "./model";

export const DOMAIN = "nvk.se";

export interface MailboxState {
  settings: MailboxSettingsState;
  presence: PresenceState;
  /** Senders who already got this period's automatic reply (Exchange answers each sender once). */
  autoRepliedTo: Set<string>;
}

/** A message that left the organisation (there is no mailbox to deliver it to). */
export interface OutboxEntry {
  from: string;
  to: string[];
  subject: string;
  sentDateTime: string;
  internetMessageId: string;
}

export type MessageInit = Partial<StoredMessage> & Pick<StoredMessage, "ownerId" | "folder" | "subject">;

export class EmulatorState {
  readonly users: StoredUser[] = [];
  readonly usersById = new Map<string, StoredUser>();
  readonly messages = new Map<string, StoredMessage>();
  readonly mailboxes = new Map<string, MailboxState>();
  readonly outbox: OutboxEntry[] = [];
  /** Ids for everything created at run time; seeded too, so a replayed session creates the same ids. */
  rng: Prng;

  constructor(seed: number) {
    this.rng = new Prng(seed ^ 0x5bd1e995);
  }

  /** A deep copy, so reset() can restore the seeded world without generating it again. */
  clone(): EmulatorState {
    const copy = new EmulatorState(0);
    copy.rng = this.rng.clone();
    for (const user of structuredClone(this.users))
      copy.addUser(user, structuredClone(this.mailbox(user.id)));
    for (const [id, message] of structuredClone(this.messages)) copy.messages.set(id, message);
    copy.outbox.push(...structuredClone(this.outbox));
    return copy;
  }

  addUser(user: StoredUser, mailbox: MailboxState): void {
    this.users.push(user);
    this.usersById.set(user.id, user);
    this.mailboxes.set(user.id, mailbox);
  }

  /** By object id, userPrincipalName or mail, case-insensitively (as Graph resolves /users/{key}). */
  findUser(key: string): StoredUser | undefined {
    const byId = this.usersById.get(key.toLowerCase());
    if (byId) return byId;
    const lower = key.toLowerCase();
    return this.users.find(
      (u) => u.userPrincipalName.toLowerCase() === lower || u.mail.toLowerCase() === lower,
    );
  }

  mailbox(userId: string): MailboxState {
    const mailbox = this.mailboxes.get(userId);
    if (!mailbox) throw new Error(`no mailbox for ${userId}`);
    return mailbox;
  }

  messagesOf(ownerId: string, folder?: FolderKey): StoredMessage[] {
    const out: StoredMessage[] = [];
    for (const m of this.messages.values()) {
      if (m.ownerId === ownerId && (folder === undefined || m.folder === folder)) out.push(m);
    }
    return out;
  }

  address(user: StoredUser): EmailAddress {
    return { emailAddress: { name: user.displayName, address: user.mail } };
  }

  newConversation(): { conversationId: string; conversationIndex: string } {
    return {
      conversationId: this.rng.exchangeId("AAQkAG", 30),
      conversationIndex: Buffer.from(this.rng.bytes(22)).toString("base64"),
    };
  }

  newInternetMessageId(domain: string): string {
    const hex = Buffer.from(this.rng.bytes(12)).toString("hex").toUpperCase();
    return domain === DOMAIN
      ? `<DB9PR05MB${hex}@DB9PR05MB${hex.slice(0, 4)}.eurprd05.prod.outlook.com>`
      : `<${hex.toLowerCase()}@mail.${domain}>`;
  }

  create(init: MessageInit, at: Date): StoredMessage {
    const time = graphTime(at);
    const message: StoredMessage = {
      id: this.rng.exchangeId("AAMkAGE1M2"),
      version: 1,
      createdDateTime: time,
      lastModifiedDateTime: time,
      receivedDateTime: time,
      sentDateTime: time,
      body: { contentType: "html", content: "" },
      from: null,
      sender: null,
      toRecipients: [],
      ccRecipients: [],
      bccRecipients: [],
      replyTo: [],
      ...this.newConversation(),
      internetMessageId: this.newInternetMessageId(DOMAIN),
      isRead: true,
      isDraft: false,
      importance: "normal",
      inferenceClassification: "focused",
      flag: { flagStatus: "notFlagged" },
      categories: [],
      hasAttachments: false,
      isDeliveryReceiptRequested: false,
      isReadReceiptRequested: false,
      extended: {},
      ...init,
    };
    this.messages.set(message.id, message);
    return message;
  }

  /** Records a change: new changeKey/etag, new lastModifiedDateTime, and a delta entry. */
  touch(message: StoredMessage, at: Date): void {
    message.version++;
    message.lastModifiedDateTime = graphTime(at);
  }

  /** What Outlook writes on the original when you reply (102), reply all (103) or forward (104). */
  recordVerb(message: StoredMessage, verb: LastVerb, at: Date): void {
    message.extended[PID_LAST_VERB] = String(verb);
    message.extended[PID_LAST_VERB_TIME] = graphTime(at);
    this.touch(message, at);
  }
}
