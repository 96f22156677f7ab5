// The sender's directory profile for the compliant signature: Graph's /me, or, when Graph cannot
// be reached, what Office knows (name and address). Whenever the pane fetched it from the
// directory, the profile is cached in roaming settings for the new-mail event handler, which
// cannot always call Graph.
import type { UserIdentity, RoamingSettingsStore } from "../../office/mailbox";
import type { DirectoryProfile } from "../../policy/signature/build-signature";

/** Roaming-settings key of the cached profile; the value is a JSON string of CachedProfile. */
export const PROFILE_CACHE_KEY = "bemotande.profile.v1";

/** Only the fields the signature needs; nothing else about the person is stored. */
export interface CachedProfileFields {
  readonly displayName: string;
  readonly givenName?: string;
  readonly surname?: string;
  readonly jobTitle?: string;
  readonly department?: string;
  readonly businessPhones: readonly string[];
  readonly mobilePhone?: string;
  readonly mail: string;
}

export interface CachedProfile {
  readonly profile: CachedProfileFields;
  /** ISO 8601. */
  readonly savedAt: string;
}

export type ProfileSource = "directory" | "office";

export interface LoadedProfile {
  readonly source: ProfileSource;
  readonly profile: DirectoryProfile;
}

/** The directory's answer (Graph's /me), any shape with these optional fields. */
export type DirectoryAnswer = {
  readonly [K in keyof DirectoryProfile]?: DirectoryProfile[K];
};

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : undefined;

/** The cache entry for a profile: the listed fields only, empty ones left out. */
export function cachedProfileOf(profile: DirectoryAnswer, savedAt: Date): CachedProfile {
  const optional = (key: "givenName" | "surname" | "jobTitle" | "department" | "mobilePhone") => {
    const value = text(profile[key]);
    return value === undefined ? {} : { [key]: value };
  };
  return {
    profile: {
      displayName: text(profile.displayName) ?? "",
      ...optional("givenName"),
      ...optional("surname"),
      ...optional("jobTitle"),
      ...optional("department"),
      businessPhones: (profile.businessPhones ?? []).filter((p): p is string => text(p) !== undefined),
      ...optional("mobilePhone"),
      mail: text(profile.mail) ?? "",
    },
    savedAt: savedAt.toISOString(),
  };
}

/** Reads the cache (a JSON string, or the object itself); undefined when absent or malformed. */
export function readCachedProfile(
  store: Pick<RoamingSettingsStore, "getSetting">,
): CachedProfile | undefined {
  let value: unknown = store.getSetting(PROFILE_CACHE_KEY);
  try {
    if (typeof value === "string") value = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== "object") return undefined;
  const record = value as { profile?: unknown; savedAt?: unknown };
  if (record.profile === null || typeof record.profile !== "object" || typeof record.savedAt !== "string")
    return undefined;
  const savedAt = new Date(record.savedAt);
  if (Number.isNaN(savedAt.getTime())) return undefined;
  return cachedProfileOf(record.profile as DirectoryAnswer, savedAt);
}

/** Stores the profile in roaming settings; failures are reported, never thrown. */
export async function cacheProfile(
  store: RoamingSettingsStore,
  profile: DirectoryAnswer,
  now: Date,
): Promise<boolean> {
  try {
    store.setSetting(PROFILE_CACHE_KEY, JSON.stringify(cachedProfileOf(profile, now)));
    await store.saveSettings();
    return true;
  } catch {
    return false;
  }
}

/**
 * The directory profile from `fetchProfile` (cached on success), or Office's user profile when
 * there is no Graph or it fails.
 */
export async function loadProfile(
  fetchProfile: (() => Promise<DirectoryAnswer>) | undefined,
  user: UserIdentity,
  store: RoamingSettingsStore,
  now: () => Date = () => new Date(),
): Promise<LoadedProfile> {
  if (fetchProfile) {
    try {
      const profile = await fetchProfile();
      void cacheProfile(store, profile, now());
      return { source: "directory", profile };
    } catch {
      // Fall through to what Office knows.
    }
  }
  return {
    source: "office",
    profile: { displayName: user.displayName, mail: user.emailAddress, businessPhones: [] },
  };
}
