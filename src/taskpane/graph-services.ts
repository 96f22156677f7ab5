// Microsoft Graph for the pane, in its own chunk: the client, sign-in (MSAL itself is yet another
// chunk, loaded on the first token) and the two calls the pane makes. Neither is needed for the
// pane's first render, so the pane imports this module on first use (pane.tsx).
import { createGraphForPane } from "../auth/pane-graph";
import { getProfile } from "../graph/operations/profile";
import type { OfficeAuthHost } from "../office/mailbox";
import type { WorkingHours } from "../policy/calendar/types";
import type { PolicyConfig } from "../policy/config/schema";
import type { DirectoryAnswer } from "./compose/profile";
import { mailboxWorkingHours } from "./working-hours";

export interface PaneGraphServices {
  /** The mailbox's working hours, or undefined when it has none (see working-hours.ts). */
  readonly workingHours: () => Promise<WorkingHours | undefined>;
  /** The sender's directory profile (Graph's /me). */
  readonly profile: () => Promise<DirectoryAnswer>;
}

/** Throws when there is no Graph for this pane (as createGraphForPane does). */
export function createPaneGraphServices(host: OfficeAuthHost, config: PolicyConfig): PaneGraphServices {
  const graph = createGraphForPane(host, config);
  return {
    workingHours: mailboxWorkingHours(graph, config),
    profile: () => getProfile(graph),
  };
}
