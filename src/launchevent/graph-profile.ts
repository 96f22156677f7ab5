// The lazy chunk of the event handler (webpack chunk "graph-profile"): a silent token through
// nested app authentication, then GET /me. directory.ts loads it only in the HTML runtime
// (Outlook on the web, new Outlook, Mac: browsers and WebViews with ES2020), never in classic
// Outlook's JavaScript-only runtime; so MSAL ships here as published (ES2020), while the entry,
// launchevent.js, stays ES2016 and within its budget. See docs/events.md.
//
// The pieces are the pane's: MSAL's nestable client (src/auth/naa-client.ts), the silent-only
// token provider (never a pop-up or dialog, src/auth/token-provider.ts) and the one Graph client
// (src/graph), here with no retries — the caller's time limit is short, and a failure falls back
// to the cache or Office's profile anyway.
import { readAuthConfig } from "../auth/auth-config";
import { createNaaClient } from "../auth/naa-client";
import { graphBaseUrlFor } from "../auth/pane-graph";
import { createSilentTokenProvider } from "../auth/token-provider";
import type { NaaClient } from "../auth/token-provider";
import { createGraphClient } from "../graph/client";
import { getProfile } from "../graph/operations/profile";
import type { FetchLike } from "../graph/middleware/fetch";
import { defaultConfig } from "../policy/config/defaults";
import type { DirectoryProfile } from "../policy/signature/build-signature";
import { directoryProfileOf } from "../policy/signature/profile-cache";

export interface GraphProfileRequest {
  /** Office.context.mailbox.restUrl: a same-origin stand-in (the playground) is used as Graph. */
  readonly restUrl: string;
  /** The event page's URL. */
  readonly pageUrl: string;
  readonly isSetSupported: (name: string, version: string) => boolean;
  /** Aborted when the caller stops waiting: the request is cancelled. */
  readonly signal: AbortSignal;
  /** How long the token may take (the caller's remaining time). */
  readonly timeoutMs: number;
  /** Tests only: MSAL and fetch stand-ins. */
  readonly loadNaaClient?: () => Promise<NaaClient>;
  readonly fetch?: FetchLike;
}

let sharedClient: Promise<NaaClient> | undefined;

/** One MSAL client per runtime: Outlook may reuse the event runtime for the next message. */
function naaClient(): Promise<NaaClient> {
  sharedClient ??= createNaaClient(readAuthConfig()).catch((error: unknown) => {
    sharedClient = undefined;
    throw error;
  });
  return sharedClient;
}

/** `fetchImpl` that is also cancelled by `signal` (the Graph client passes its own as well). */
function abortable(fetchImpl: FetchLike, signal: AbortSignal): FetchLike {
  return (input, init) => {
    const controller = new AbortController();
    const abort = (): void => controller.abort();
    const inner = init?.signal ?? undefined;
    if (signal.aborted || inner?.aborted) controller.abort();
    signal.addEventListener("abort", abort);
    inner?.addEventListener("abort", abort);
    const cleanUp = (): void => {
      signal.removeEventListener("abort", abort);
      inner?.removeEventListener("abort", abort);
    };
    return fetchImpl(input, { ...init, signal: controller.signal }).then(
      (response) => {
        cleanUp();
        return response;
      },
      (error: unknown) => {
        cleanUp();
        throw error;
      },
    );
  };
}

/**
 * The signed-in user's directory profile: silent token (User.Read), then
 * GET /me through the Graph layer's one profile operation (getProfile). Rejects on any failure — no bridge or no NestedAppAuth, consent or
 * sign-in needed, timeout, network, any non-2xx — and when the answer has neither name nor
 * address. Never opens a pop-up; logs nothing.
 */
export async function fetchDirectoryProfile(request: GraphProfileRequest): Promise<DirectoryProfile> {
  // The provider's time-out timers, cleared when done (it leaves them running after a token).
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  const graph = createGraphClient({
    baseUrl: graphBaseUrlFor(defaultConfig.graph.baseUrl, request.restUrl, request.pageUrl),
    tokenProvider: createSilentTokenProvider({
      host: { isSetSupported: request.isSetSupported },
      loadNaaClient: request.loadNaaClient ?? naaClient,
      timeoutMs: request.timeoutMs,
      setTimer: (task, ms) => timers.push(setTimeout(task, ms)),
    }),
    retry: { maxRetries: 0 },
    timeoutMs: request.timeoutMs,
    timeZone: defaultConfig.workingHours.timeZone,
    fetch: abortable(request.fetch ?? ((input, init) => fetch(input, init)), request.signal),
  });
  let me: Awaited<ReturnType<typeof getProfile>>;
  try {
    me = await getProfile(graph);
  } finally {
    for (const timer of timers) clearTimeout(timer);
  }
  const profile = directoryProfileOf(me);
  if (!profile) throw new Error("GET /me gave neither a name nor an address");
  return profile;
}
