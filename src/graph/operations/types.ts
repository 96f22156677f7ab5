/** The slices of Graph's resources this layer reads and writes. */

export interface GraphEmailAddress {
  emailAddress: { name?: string; address?: string };
}

export interface GraphDateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

export interface GraphItemBody {
  contentType: "text" | "html" | "Text" | "HTML";
  content: string;
}

export interface GraphFollowupFlag {
  flagStatus: "notFlagged" | "flagged" | "complete";
  startDateTime?: GraphDateTimeTimeZone;
  dueDateTime?: GraphDateTimeTimeZone;
  completedDateTime?: GraphDateTimeTimeZone;
}

export interface GraphExtendedProperty {
  id: string;
  value: string;
}

export interface GraphMessage {
  id: string;
  subject?: string | null;
  receivedDateTime?: string;
  sentDateTime?: string | null;
  from?: GraphEmailAddress | null;
  sender?: GraphEmailAddress | null;
  toRecipients?: GraphEmailAddress[];
  ccRecipients?: GraphEmailAddress[];
  bccRecipients?: GraphEmailAddress[];
  conversationId?: string;
  internetMessageId?: string;
  isRead?: boolean;
  isDraft?: boolean;
  flag?: GraphFollowupFlag;
  body?: GraphItemBody;
  bodyPreview?: string;
  parentFolderId?: string;
  singleValueExtendedProperties?: GraphExtendedProperty[];
}

/** A message to send or a draft's changes. */
export interface OutgoingMessage {
  subject?: string;
  body?: GraphItemBody;
  toRecipients?: GraphEmailAddress[];
  ccRecipients?: GraphEmailAddress[];
  bccRecipients?: GraphEmailAddress[];
  replyTo?: GraphEmailAddress[];
  importance?: "low" | "normal" | "high";
  flag?: GraphFollowupFlag;
  internetMessageHeaders?: Array<{ name: string; value: string }>;
}

export const recipients = (...addresses: string[]): GraphEmailAddress[] =>
  addresses.map((address) => ({ emailAddress: { address } }));
