import type { GraphClient } from "../client";
import { mailboxPath } from "../ids";
import { collect } from "../paging";

export interface Person {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  userPrincipalName?: string | null;
}

const PERSON_FIELDS = "id,displayName,mail,jobTitle,department,userPrincipalName";

/** The user's direct reports (the weekly summary's team). */
export async function listDirectReports(client: GraphClient, user?: string): Promise<Person[]> {
  return collect<Person>(client, {
    method: "GET",
    path: `${mailboxPath(user)}/directReports`,
    query: { $select: PERSON_FIELDS },
    operation: "people.directReports",
  });
}

/**
 * Finds colleagues by name or address: /users?$search, which needs `ConsistencyLevel: eventual`.
 * Quotes and backslashes are removed from the query (they would end Graph's quoted term).
 */
export async function searchPeople(client: GraphClient, query: string, top = 10): Promise<Person[]> {
  const term = query.replace(/["\\]/g, " ").trim();
  if (term === "") return [];
  return collect<Person>(
    client,
    {
      method: "GET",
      path: "/users",
      query: {
        $search: `"displayName:${term}" OR "mail:${term}"`,
        $select: PERSON_FIELDS,
        $top: top,
      },
      headers: { ConsistencyLevel: "eventual" },
      operation: "people.search",
    },
    { limit: top },
  );
}
