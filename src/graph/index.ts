// The Graph client layer: every Microsoft Graph call in Bemötande goes through here.
// Browser- and Node-safe (fetch, Intl, crypto.randomUUID); no React, no Office.js, no Node APIs.
export { createGraphClient, DEFAULT_GRAPH_BASE_URL, GraphClient } from "./client";
export type { GraphClientOptions, GraphRequestSpec, GraphResponse, HttpMethod } from "./client";
export type { Clock } from "./clock";
export { systemClock } from "./clock";
export { GraphNetworkError, GraphRequestError, mapHttpFailure, mapThrown, messages } from "./errors";
export type { GraphFailure, GraphFailureKind, LocalizedText } from "./errors";
export type { TokenProvider, TokenRequestOptions } from "./middleware/auth";
export type { FetchLike } from "./middleware/fetch";
export { mailboxKeyOf } from "./middleware/concurrency";
export { parseRetryAfter } from "./retry-after";
export { collect, pages } from "./paging";
export type { GraphPage } from "./paging";
export { chunks, MAX_BATCH_SIZE, runBatch, unwrap } from "./batch";
export type { BatchItem, BatchItemResult, BatchOptions } from "./batch";
export { mailboxPath, toRestId } from "./ids";
export { windowsToIana } from "./timezones";
export {
  ALL_DELEGATED_SCOPES,
  APPLICATION_PERMISSIONS,
  DELEGATED_SCOPES,
  GRAPH_DEFAULT_SCOPE,
  OPERATION_SCOPES,
  scopeFor,
} from "./scopes";
export type { AuthMode, GraphOperation } from "./scopes";
export { getProfile, PROFILE_FIELDS } from "./operations/profile";
export type { GraphProfile } from "./operations/profile";
export {
  getMailboxSettings,
  normaliseAutoReplyStatus,
  updateMailboxSettings,
} from "./operations/mailbox-settings";
export type { AutoReplyStatus, MailboxSettings, MailboxSettingsPatch } from "./operations/mailbox-settings";
export {
  flagMessage,
  getMessage,
  listMessagesWithReplyState,
  REPLY_STATE_EXPAND,
  replyStateOf,
} from "./operations/messages";
export type { LastVerb, MessageWithReplyState, ReplyState } from "./operations/messages";
export { messagesDelta } from "./operations/delta";
export type { DeltaResult } from "./operations/delta";
export { createForward, forwardMessage, replyToMessage, sendDraft, sendMail } from "./operations/send";
export type { SendOutcome } from "./operations/send";
export { findInSentItems, SEND_MARKER_PROPERTY_ID } from "./operations/sent-items";
export { listDirectReports, searchPeople } from "./operations/people";
export type { Person } from "./operations/people";
export { setStatusMessage } from "./operations/presence";
export { recipients } from "./operations/types";
export type { GraphEmailAddress, GraphMessage, OutgoingMessage } from "./operations/types";
