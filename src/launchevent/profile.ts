import type { DirectoryProfile } from "../policy/signature/build-signature";
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

/** Roaming-settings key the task pane writes: a JSON string (or object) `{ profile, savedAt }`. */
export const PROFILE_CACHE_KEY = "bemotande.profile.v1";

/** A cached profile younger than this is used as it is; an older one is refreshed from Graph. */
export const PROFILE_FRESH_MS = 24 * 60 * 60 * 1000;

export type ProfileSource = "cache" | "graph" | "office";

export interface SenderProfile {
  readonly source: ProfileSource;
  readonly profile: DirectoryProfile;
}

/** The cache entry as read: the profile, and when it was saved (ms since the epoch, if known). */
export interface CachedEntry {
  readonly profile: DirectoryProfile;
  readonly savedAt: number | undefined;
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : undefined;

/**
 * The profile in the shape the signature needs, from any object with the directory's field
 * names (the cache's `profile`, or Graph's /me). Undefined when it has neither a name nor an
 * address: there is nothing to build a signature from.
 */
export function directoryProfileOf(value: unknown): DirectoryProfile | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const p = value as Record<string, unknown>;
  const mail = text(p.mail);
  const displayName = text(p.displayName);
  if (mail === undefined && displayName === undefined) return undefined;
  const phones = Array.isArray(p.businessPhones)
    ? p.businessPhones.filter((x): x is string => text(x) !== undefined)
    : [];
  return {
    displayName: displayName ?? null,
    givenName: text(p.givenName) ?? null,
    surname: text(p.surname) ?? null,
    jobTitle: text(p.jobTitle) ?? null,
    department: text(p.department) ?? null,
    businessPhones: phones,
    mobilePhone: text(p.mobilePhone) ?? null,
    mail: mail ?? null,
  };
}

/** The cache entry; undefined when absent or malformed (never throws). */
export function readCacheEntry(
  settings: Pick<Office.RoamingSettings, "get"> | undefined,
): CachedEntry | undefined {
  try {
    let value: unknown = settings?.get(PROFILE_CACHE_KEY);
    if (typeof value === "string") value = JSON.parse(value);
    if (value === null || typeof value !== "object") return undefined;
    const profile = directoryProfileOf((value as { profile?: unknown }).profile);
    if (!profile) return undefined;
    const savedAt = (value as { savedAt?: unknown }).savedAt;
    const time = typeof savedAt === "string" ? Date.parse(savedAt) : NaN;
    return { profile, savedAt: Number.isNaN(time) ? undefined : time };
  } catch {
    return undefined;
  }
}

/** The cached directory profile; undefined when absent or malformed (never throws). */
export function readCachedProfile(
  settings: Pick<Office.RoamingSettings, "get"> | undefined,
): DirectoryProfile | undefined {
  const entry = readCacheEntry(settings);
  return entry ? entry.profile : undefined;
}

/**
 * Whether the entry was saved less than PROFILE_FRESH_MS from `now`, either way: roaming settings
 * travel between devices whose clocks differ, so a time a little in the future counts as fresh,
 * and one far in the future (a wrong clock) as stale. No time at all is stale.
 */
export function isFresh(entry: CachedEntry, now: number): boolean {
  return entry.savedAt !== undefined && Math.abs(now - entry.savedAt) < PROFILE_FRESH_MS;
}

/**
 * The cache value for a profile, exactly as the task pane writes it
 * (src/taskpane/compose/profile.ts, cachedProfileOf): a JSON string of `{ profile, savedAt }`
 * with the signature's fields only, empty optional ones left out.
 */
export function cacheValueOf(profile: DirectoryProfile, savedAt: Date): string {
  const fields: Record<string, unknown> = { displayName: text(profile.displayName) ?? "" };
  const optional = ["givenName", "surname", "jobTitle", "department"] as const;
  for (const key of optional) {
    const value = text(profile[key]);
    if (value !== undefined) fields[key] = value;
  }
  fields.businessPhones = (profile.businessPhones ?? []).filter((p) => text(p) !== undefined);
  const mobile = text(profile.mobilePhone);
  if (mobile !== undefined) fields.mobilePhone = mobile;
  fields.mail = text(profile.mail) ?? "";
  return JSON.stringify({ profile: fields, savedAt: savedAt.toISOString() });
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
export function cachedSenderEntry(): CachedEntry | undefined {
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
    settings.set(PROFILE_CACHE_KEY, cacheValueOf(profile, now));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error("roamingSettings.set threw"));
  }
  return officeCall<void>("roamingSettings.saveAsync", (cb) => settings.saveAsync(cb));
}
