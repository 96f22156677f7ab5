// The sender's directory profile as cached in roaming settings (P6): the task pane writes it after
// each directory lookup, the new-mail handler writes it after its own, and the handler reads it
// when Graph cannot be reached. One format and one reader for both (docs/events.md, "Profile
// sources"); the Office calls around them stay in each side's adapter.
import type { DirectoryProfile } from "./build-signature";

/** Roaming-settings key: a JSON string (or, written by hand, an object) `{ profile, savedAt }`. */
export const PROFILE_CACHE_KEY = "bemotande.profile.v1";

/** A cached profile younger than this is used as it is; an older one is refreshed from Graph. */
export const PROFILE_FRESH_MS = 24 * 60 * 60 * 1000;

/** The cache entry as read: the profile, and when it was saved (ms since the epoch, if known). */
export interface CachedProfileEntry {
  readonly profile: DirectoryProfile;
  readonly savedAt: number | undefined;
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : undefined;

/**
 * The profile in the shape the signature needs, from any object with the directory's field names
 * (the cache's `profile`, or Graph's /me). Undefined when it has neither a name nor an address:
 * there is nothing to build a signature from.
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

/** The entry in a stored value (a JSON string or the object); undefined when absent or malformed. */
export function parseProfileCache(stored: unknown): CachedProfileEntry | undefined {
  let value = stored;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (value === null || typeof value !== "object") return undefined;
  const profile = directoryProfileOf((value as { profile?: unknown }).profile);
  if (!profile) return undefined;
  const savedAt = (value as { savedAt?: unknown }).savedAt;
  const time = typeof savedAt === "string" ? Date.parse(savedAt) : NaN;
  return { profile, savedAt: Number.isNaN(time) ? undefined : time };
}

/**
 * The value to store for a profile: a JSON string of `{ profile, savedAt }` with the signature's
 * fields only (nothing else about the person is kept), empty optional ones left out.
 */
export function profileCacheValue(profile: DirectoryProfile, savedAt: Date): string {
  const fields: Record<string, unknown> = { displayName: text(profile.displayName) ?? "" };
  for (const key of ["givenName", "surname", "jobTitle", "department"] as const) {
    const value = text(profile[key]);
    if (value !== undefined) fields[key] = value;
  }
  fields.businessPhones = (profile.businessPhones ?? []).filter((p) => text(p) !== undefined);
  const mobile = text(profile.mobilePhone);
  if (mobile !== undefined) fields.mobilePhone = mobile;
  fields.mail = text(profile.mail) ?? "";
  return JSON.stringify({ profile: fields, savedAt: savedAt.toISOString() });
}

/**
 * Whether the entry was saved less than PROFILE_FRESH_MS from `now`, either way: roaming settings
 * travel between devices whose clocks differ, so a time a little in the future counts as fresh,
 * and one far in the future (a wrong clock) as stale. No time at all is stale.
 */
export function isFresh(entry: CachedProfileEntry, now: number): boolean {
  return entry.savedAt !== undefined && Math.abs(now - entry.savedAt) < PROFILE_FRESH_MS;
}
