import type { DirectoryProfile } from "../policy/signature/build-signature";
import type * as GraphProfileModule from "./graph-profile";
import type { GraphProfileRequest } from "./graph-profile";
import { supportsSet } from "./office-calls";

// The Graph /me step of OnNewMessageCompose, from the entry's side. The token and the request
// need MSAL (~90 KB gzip), far more than this bundle's 80 KB budget, so they live in a separate
// chunk (graph-profile.ts, webpack chunk "graph-profile") that is loaded only when it is needed
// and only where it can be: the HTML runtime (Outlook on the web, new Outlook, Mac) adds a
// <script> for it; classic Outlook on Windows runs this file alone in a JavaScript-only runtime
// with no DOM, where the step is skipped and nothing is loaded. See docs/events.md.

/** Chunk, token and GET /me together get this long; then compose goes on without them. */
export const GRAPH_TIME_LIMIT_MS = 3_000;

/**
 * Whether this runtime can load a chunk: webpack adds a <script> to the document, and the
 * request needs fetch and AbortController. False in classic Outlook's JavaScript-only runtime.
 */
export function canLoadChunks(): boolean {
  try {
    return (
      typeof document !== "undefined" &&
      document !== null &&
      typeof document.createElement === "function" &&
      typeof fetch === "function" &&
      typeof AbortController === "function"
    );
  } catch {
    return false;
  }
}

/**
 * Whether the Graph step may run: a runtime that can load the chunk, and a host that brokers
 * tokens for add-ins (NestedAppAuth 1.1, as src/auth/token-provider.ts checks; without it a
 * silent token cannot succeed, so the chunk is not even fetched).
 */
export function graphProfileAvailable(): boolean {
  return canLoadChunks() && supportsSet("NestedAppAuth", "1.1");
}

/** Loads the chunk (a function of its own so that tests can watch it). */
export function loadGraphProfile(): Promise<typeof GraphProfileModule> {
  return import(/* webpackChunkName: "graph-profile" */ "./graph-profile");
}

function pageUrl(): string {
  try {
    return typeof location === "undefined" ? "" : String(location.href);
  } catch {
    return "";
  }
}

function restUrl(): string {
  try {
    return Office.context.mailbox.restUrl ?? "";
  } catch {
    return "";
  }
}

/**
 * The sender's directory profile from Graph /me, or undefined when it cannot be had within
 * `timeLimitMs` — chunk, silent token and request together. Never rejects. When the time is up
 * the request is aborted and a late answer is ignored. Nothing is logged (no token, no profile).
 */
export function directoryProfile(
  timeLimitMs: number = GRAPH_TIME_LIMIT_MS,
): Promise<DirectoryProfile | undefined> {
  return new Promise<DirectoryProfile | undefined>((resolve) => {
    const controller = new AbortController();
    const started = Date.now();
    let done = false;
    const finish = (profile: DirectoryProfile | undefined): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(profile);
    };
    const timer = setTimeout(() => {
      controller.abort();
      finish(undefined);
    }, timeLimitMs);
    let work: Promise<DirectoryProfile>;
    try {
      work = loadGraphProfile().then((module) => {
        const request: GraphProfileRequest = {
          restUrl: restUrl(),
          pageUrl: pageUrl(),
          isSetSupported: supportsSet,
          signal: controller.signal,
          timeoutMs: Math.max(1, timeLimitMs - (Date.now() - started)),
        };
        return module.fetchDirectoryProfile(request);
      });
    } catch (error) {
      work = Promise.reject(error);
    }
    work.then(
      (profile) => finish(profile),
      () => finish(undefined),
    );
  });
}
