// The sender's directory profile for the compliant signature: Graph's /me, or, when Graph cannot
// be reached, what Office knows (name and address). Whenever the pane fetched it from the
// directory, the profile is cached in roaming settings for the new-mail event handler, which
// cannot always call Graph.
import type { UserIdentity, RoamingSettingsStore } from "../../office/mailbox";
import type { DirectoryProfile } from "../../policy/signature/build-signature";
// The cache's format is the policy's, shared with the new-mail handler, which reads it.
import { PROFILE_CACHE_KEY, profileCacheValue } from "../../policy/signature/profile-cache";

export type ProfileSource = "directory" | "office";

export interface LoadedProfile {
  readonly source: ProfileSource;
  readonly profile: DirectoryProfile;
}

/** The directory's answer (Graph's /me), any shape with these optional fields. */
export type DirectoryAnswer = {
  readonly [K in keyof DirectoryProfile]?: DirectoryProfile[K];
};

/** Stores the profile in roaming settings; failures are reported, never thrown. */
export async function cacheProfile(
  store: RoamingSettingsStore,
  profile: DirectoryAnswer,
  now: Date,
): Promise<boolean> {
  try {
    store.setSetting(PROFILE_CACHE_KEY, profileCacheValue(profile, now));
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
