/**
 * Office item ids and Graph (REST) ids differ in encoding. The task pane gets EWS-style ids from
 * Office.js and must convert them before calling Graph: it does so through the mailbox adapter in
 * src/office, which wraps `Office.context.mailbox.convertToRestId(id, Office.MailboxEnums.RestVersion.v2_0)`.
 * This layer never touches Office.js; it takes the conversion as a function.
 *
 * Outlook on the web and new Outlook already hand out REST-style ids in some places; converting
 * one that is already REST-formatted is harmless there, so always convert.
 */
export function toRestId(officeId: string, convert: (id: string) => string): string {
  const trimmed = officeId.trim();
  if (trimmed === "") throw new TypeError("toRestId: empty item id");
  return convert(trimmed);
}

/** Encodes an id or UPN for use as one path segment (/users/{id}, /messages/{id}). */
export function segment(id: string): string {
  return encodeURIComponent(id);
}

/** "/me" for the signed-in user, "/users/{id or UPN}" for anyone else (app-only must name the user). */
export function mailboxPath(user?: string): string {
  return user === undefined || user === "" || user === "me" ? "/me" : `/users/${segment(user)}`;
}
