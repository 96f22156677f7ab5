import type { GraphClient } from "../client";
import { mailboxPath } from "../ids";

export const PROFILE_FIELDS = [
  "displayName",
  "givenName",
  "surname",
  "mail",
  "jobTitle",
  "department",
  "businessPhones",
  "mobilePhone",
  "userPrincipalName",
  "id",
] as const;

export interface GraphProfile {
  id: string;
  displayName: string | null;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  jobTitle: string | null;
  department: string | null;
  businessPhones: string[];
  mobilePhone: string | null;
  userPrincipalName: string | null;
}

/** GET /me (no `user`) or /users/{id|UPN}, with the fields the signature and summary need. */
export async function getProfile(client: GraphClient, user?: string): Promise<GraphProfile> {
  const raw = await client.json<Partial<GraphProfile>>({
    method: "GET",
    path: mailboxPath(user),
    query: { $select: PROFILE_FIELDS.join(",") },
    operation: "profile.get",
  });
  const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
  return {
    id: typeof raw.id === "string" ? raw.id : "",
    displayName: text(raw.displayName),
    givenName: text(raw.givenName),
    surname: text(raw.surname),
    mail: text(raw.mail),
    jobTitle: text(raw.jobTitle),
    department: text(raw.department),
    businessPhones: Array.isArray(raw.businessPhones)
      ? raw.businessPhones.filter((p): p is string => typeof p === "string")
      : [],
    mobilePhone: text(raw.mobilePhone),
    userPrincipalName: text(raw.userPrincipalName),
  };
}
