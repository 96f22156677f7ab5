// The emulator's in-memory model and how each entity renders as Graph JSON.
import { createHash } from "node:crypto";
import type { Json } from "./odata";

export type UserRole = "staff" | "manager" | "incomplete-profile";

export interface EmulatedUserSummary {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly role: UserRole;
  readonly jobTitle: string | null;
  readonly department: string | null;
}

export interface StoredUser {
  id: string;
  userPrincipalName: string;
  mail: string;
  mailNickname: string;
  displayName: string;
  givenName: string;
  surname: string;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  city: string;
  businessPhones: string[];
  mobilePhone: string | null;
  managerId: string | null;
  role: UserRole;
}

export interface EmailAddress {
  emailAddress: { name: string; address: string };
}

export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

export interface FollowupFlag {
  flagStatus: "notFlagged" | "flagged" | "complete";
  startDateTime?: DateTimeTimeZone;
  dueDateTime?: DateTimeTimeZone;
  completedDateTime?: DateTimeTimeZone;
}

export type FolderKey = "inbox" | "sentitems" | "drafts" | "deleteditems";

export const folderNames: Record<FolderKey, string> = {
  inbox: "Inkorgen",
  sentitems: "Skickade objekt",
  drafts: "Utkast",
  deleteditems: "Borttagna objekt",
};

export const folderKeys = Object.keys(folderNames) as FolderKey[];

export interface StoredMessage {
  id: string;
  ownerId: string;
  folder: FolderKey;
  version: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  receivedDateTime: string;
  sentDateTime: string | null;
  subject: string;
  body: { contentType: "html" | "text"; content: string };
  from: EmailAddress | null;
  sender: EmailAddress | null;
  toRecipients: EmailAddress[];
  ccRecipients: EmailAddress[];
  bccRecipients: EmailAddress[];
  replyTo: EmailAddress[];
  conversationId: string;
  conversationIndex: string;
  internetMessageId: string;
  isRead: boolean;
  isDraft: boolean;
  importance: "low" | "normal" | "high";
  inferenceClassification: "focused" | "other";
  flag: FollowupFlag;
  categories: string[];
  hasAttachments: boolean;
  isDeliveryReceiptRequested: boolean | null;
  isReadReceiptRequested: boolean;
  /** Single-value extended properties by canonical id ("Integer 0x1081"). */
  extended: Record<string, string>;
  /** For drafts made by createReply/createReplyAll/createForward: the verb to record on send. */
  draftOf?: { originalId: string; verb: LastVerb };
}

/** PidTagLastVerbExecuted values Outlook writes. */
export type LastVerb = 102 | 103 | 104;
export const PID_LAST_VERB = "Integer 0x1081";
export const PID_LAST_VERB_TIME = "SystemTime 0x1082";

export interface AutomaticRepliesState {
  status: "disabled" | "alwaysEnabled" | "scheduled";
  externalAudience: "none" | "contactsOnly" | "all";
  scheduledStart: Date;
  scheduledEnd: Date;
  internalReplyMessage: string;
  externalReplyMessage: string;
}

export interface MailboxSettingsState {
  automaticReplies: AutomaticRepliesState;
  timeZone: string;
  language: { locale: string; displayName: string };
  workingHours: {
    daysOfWeek: string[];
    startTime: string;
    endTime: string;
    timeZone: Record<string, Json>;
  };
  dateFormat: string;
  timeFormat: string;
  delegateMeetingMessageDeliveryOptions: string;
}

export interface PresenceState {
  availability: string;
  activity: string;
  statusMessage: null | {
    message: { content: string; contentType: string };
    expiryDateTime?: DateTimeTimeZone;
    publishedDateTime: string;
  };
}

/** "2026-03-02T09:15:00Z": Graph's message timestamps have no fraction. */
export const graphTime = (d: Date): string => `${d.toISOString().slice(0, 19)}Z`;

/** "2016-03-14T07:00:00.0000000": the dateTime part of a dateTimeTimeZone. */
export const graphLocalTime = (d: Date): string => `${d.toISOString().slice(0, 19)}.0000000`;

export function changeKeyOf(message: StoredMessage): string {
  return createHash("sha1").update(`${message.id}#${message.version}`).digest("base64").slice(0, 24);
}

export function etagOf(message: StoredMessage): string {
  return `W/"${changeKeyOf(message)}"`;
}

export function folderIdOf(ownerId: string, folder: FolderKey | "msgfolderroot"): string {
  const hash = createHash("sha1").update(`${ownerId}/${folder}`).digest("base64");
  return `AQMkAD${hash.replace(/\+/g, "-").replace(/\//g, "_")}AAA=`;
}

export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|hr)\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function bodyPreviewOf(message: StoredMessage): string {
  const text = message.body.contentType === "html" ? htmlToText(message.body.content) : message.body.content;
  return text.replace(/\s+/g, " ").trim().slice(0, 255);
}

/** Every message property the emulator knows, in Graph's order. */
export const messageProperties = [
  "id",
  "createdDateTime",
  "lastModifiedDateTime",
  "changeKey",
  "categories",
  "receivedDateTime",
  "sentDateTime",
  "hasAttachments",
  "internetMessageId",
  "subject",
  "bodyPreview",
  "importance",
  "parentFolderId",
  "conversationId",
  "conversationIndex",
  "isDeliveryReceiptRequested",
  "isReadReceiptRequested",
  "isRead",
  "isDraft",
  "webLink",
  "inferenceClassification",
  "body",
  "uniqueBody",
  "sender",
  "from",
  "toRecipients",
  "ccRecipients",
  "bccRecipients",
  "replyTo",
  "flag",
] as const;

/** Selectable but not in the default set, as in Graph. */
const nonDefaultMessageProperties = new Set(["uniqueBody"]);

export interface RenderOptions {
  select?: readonly string[];
  bodyAsText?: boolean;
  extendedFilter?: (property: { id: string; value: string }) => boolean;
  expandExtended?: boolean;
}

export function renderMessage(message: StoredMessage, options: RenderOptions = {}): { [key: string]: Json } {
  const body =
    options.bodyAsText && message.body.contentType === "html"
      ? { contentType: "text", content: htmlToText(message.body.content) }
      : { contentType: message.body.contentType, content: message.body.content };
  const all: Record<(typeof messageProperties)[number], Json> = {
    id: message.id,
    createdDateTime: message.createdDateTime,
    lastModifiedDateTime: message.lastModifiedDateTime,
    changeKey: changeKeyOf(message),
    categories: [...message.categories],
    receivedDateTime: message.receivedDateTime,
    sentDateTime: message.sentDateTime,
    hasAttachments: message.hasAttachments,
    internetMessageId: message.internetMessageId,
    subject: message.subject,
    bodyPreview: bodyPreviewOf(message),
    importance: message.importance,
    parentFolderId: folderIdOf(message.ownerId, message.folder),
    conversationId: message.conversationId,
    conversationIndex: message.conversationIndex,
    isDeliveryReceiptRequested: message.isDeliveryReceiptRequested,
    isReadReceiptRequested: message.isReadReceiptRequested,
    isRead: message.isRead,
    isDraft: message.isDraft,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(message.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: message.inferenceClassification,
    body,
    uniqueBody: body,
    sender: clone(message.sender),
    from: clone(message.from),
    toRecipients: clone(message.toRecipients),
    ccRecipients: clone(message.ccRecipients),
    bccRecipients: clone(message.bccRecipients),
    replyTo: clone(message.replyTo),
    flag: clone(message.flag),
  };
  const out: { [key: string]: Json } = { "@odata.etag": etagOf(message) };
  const selected = options.select ? new Set(["id", ...options.select]) : undefined;
  for (const key of messageProperties) {
    if (selected ? selected.has(key) : !nonDefaultMessageProperties.has(key)) out[key] = all[key];
  }
  if (options.expandExtended) {
    const filter = options.extendedFilter ?? (() => true);
    const props = Object.entries(message.extended)
      .map(([id, value]) => ({ id, value }))
      .filter(filter);
    // Graph leaves the navigation property out when no extended property matches.
    if (props.length > 0) out.singleValueExtendedProperties = props;
  }
  return out;
}

function clone<T>(value: T): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

/** Graph's default user properties (GET /users/{id} without $select), in Graph's order. */
export const defaultUserProperties = [
  "businessPhones",
  "displayName",
  "givenName",
  "jobTitle",
  "mail",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "surname",
  "userPrincipalName",
  "id",
] as const;

export const userProperties = [
  ...defaultUserProperties,
  "accountEnabled",
  "city",
  "companyName",
  "country",
  "department",
  "mailNickname",
  "usageLocation",
  "userType",
] as const;

export function renderUser(user: StoredUser, select?: readonly string[]): { [key: string]: Json } {
  const all: Record<(typeof userProperties)[number], Json> = {
    businessPhones: [...user.businessPhones],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: user.mobilePhone,
    officeLocation: user.officeLocation,
    preferredLanguage: "sv-SE",
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
    accountEnabled: true,
    city: user.city,
    companyName: "NVK",
    country: "Sverige",
    department: user.department,
    mailNickname: user.mailNickname,
    usageLocation: "SE",
    userType: "Member",
  };
  const out: { [key: string]: Json } = {};
  const keys: readonly string[] = select ?? defaultUserProperties;
  for (const key of userProperties) if (keys.includes(key)) out[key] = all[key];
  return out;
}

export function summaryOf(user: StoredUser): EmulatedUserSummary {
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName,
    role: user.role,
    jobTitle: user.jobTitle,
    department: user.department,
  };
}
