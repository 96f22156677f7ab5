import type { DirectoryProfile } from "../policy/signature/build-signature";
import { PROFILE_CACHE_KEY, parseProfileCache, profileCacheValue } from "../policy/signature/profile-cache";
import type { CachedProfileEntry } from "../policy/signature/profile-cache";
import { officeCall } from "./office-calls";

// The sender's profile for the signature. Sources, best first (see docs/events.md, "Profile
// sources"):
//  1. the directory profile cached in roaming settings (PROFILE_CACHE_KEY), when it is fresh
//     (saved less than PROFILE_FRESH_MS ago): by the task pane, or by this handler;
//  2. Graph /me with a silent token — only OnNewMessageCompose, only in the runtimes that can
//     load the lazy chunk (directory.ts), and only within a time limit;
//  3. the cached profile however old;
//  4. what Office itself knows: Office.context.mailbox.userProfile (display name and address).
// Everything here is synchronous and never throws; the Graph step lives in directory.ts.

// The cache's format, reader and freshness are the policy's (profile-cache.ts), shared with the
// task pane; this file adds the Office calls around them.

export type ProfileSource = "cache" | "graph" | "office";

export interface SenderProfile {
  readonly source: ProfileSource;
  readonly profile: DirectoryProfile;
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : undefined;

/** The cache entry; undefined when absent or malformed (never throws). */
export function readCacheEntry(
  settings: Pick<Office.RoamingSettings, "get"> | undefined,
): CachedProfileEntry | undefined {
  try {
    return parseProfileCache(settings?.get(PROFILE_CACHE_KEY));
  } catch {
    return undefined; // A roaming-settings object that throws on get.
  }
}

/** The cached directory profile; undefined when absent or malformed (never throws). */
export function readCachedProfile(
  settings: Pick<Office.RoamingSettings, "get"> | undefined,
): DirectoryProfile | undefined {
  const entry = readCacheEntry(settings);
  return entry ? entry.profile : undefined;
}

/** A minimal profile from Office's userProfile: name and address only. */
export function officeProfile(
  user: Pick<Office.UserProfile, "displayName" | "emailAddress"> | undefined,
): DirectoryProfile | undefined {
  const displayName = text(user?.displayName);
  const mail = text(user?.emailAddress);
  if (displayName === undefined && mail === undefined) return undefined;
  return { displayName: displayName ?? null, mail: mail ?? null, businessPhones: [] };
}

export function roamingSettings(): Office.RoamingSettings | undefined {
  try {
    return Office.context.roamingSettings ?? undefined;
  } catch {
    return undefined;
  }
}

function userProfile(): Office.UserProfile | undefined {
  try {
    return Office.context.mailbox.userProfile ?? undefined;
  } catch {
    return undefined;
  }
}

/** The cached directory profile, fresh or not, if there is one. */
export function cachedSenderProfile(): DirectoryProfile | undefined {
  return readCachedProfile(roamingSettings());
}

/** The cache entry in roaming settings, fresh or not. */
export function cachedSenderEntry(): CachedProfileEntry | undefined {
  return readCacheEntry(roamingSettings());
}

/** Office's minimal profile, as a SenderProfile. */
export function officeSenderProfile(): SenderProfile | undefined {
  const office = officeProfile(userProfile());
  return office ? { source: "office", profile: office } : undefined;
}

/** The best profile available without Graph: the cache however old, else Office's. */
export function senderProfile(): SenderProfile | undefined {
  const cached = cachedSenderProfile();
  if (cached) return { source: "cache", profile: cached };
  return officeSenderProfile();
}

/**
 * Writes the profile to the cache the way the pane does (set, then saveAsync). Rejects when Office
 * fails; the caller ignores that (the next new message simply asks Graph again).
 */
export function saveCachedProfile(
  settings: Pick<Office.RoamingSettings, "set" | "saveAsync"> | undefined,
  profile: DirectoryProfile,
  now: Date,
): Promise<void> {
  if (!settings) return Promise.reject(new Error("no roaming settings"));
  try {
    settings.set(PROFILE_CACHE_KEY, profileCacheValue(profile, now));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error("roamingSettings.set threw"));
  }
  return officeCall<void>("roamingSettings.saveAsync", (cb) => settings.saveAsync(cb));
}
