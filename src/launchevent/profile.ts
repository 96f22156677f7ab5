import type { DirectoryProfile } from "../policy/signature/build-signature";

// The sender's profile for the signature. The event handlers cannot call Graph (MSAL alone is
// over the handler's size budget, see docs/events.md), so they use, in order:
//  1. the directory profile the task pane caches in roaming settings (PROFILE_CACHE_KEY);
//  2. what Office itself knows: Office.context.mailbox.userProfile (display name and address).

/** Roaming-settings key the task pane writes: a JSON string (or object) `{ profile, savedAt }`. */
export const PROFILE_CACHE_KEY = "bemotande.profile.v1";

export type ProfileSource = "cache" | "office";

export interface SenderProfile {
  readonly source: ProfileSource;
  readonly profile: DirectoryProfile;
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : undefined;

/** The cached directory profile; undefined when absent or malformed (never throws). */
export function readCachedProfile(
  settings: Pick<Office.RoamingSettings, "get"> | undefined,
): DirectoryProfile | undefined {
  try {
    let value: unknown = settings?.get(PROFILE_CACHE_KEY);
    if (typeof value === "string") value = JSON.parse(value);
    if (value === null || typeof value !== "object") return undefined;
    const profile = (value as { profile?: unknown }).profile;
    if (profile === null || typeof profile !== "object") return undefined;
    const p = profile as Record<string, unknown>;
    const mail = text(p.mail);
    const displayName = text(p.displayName);
    // Without an address or a name there is nothing to build a signature from.
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
  } catch {
    return undefined;
  }
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

function roamingSettings(): Office.RoamingSettings | undefined {
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

/** The cached directory profile, if the task pane has stored one. */
export function cachedSenderProfile(): DirectoryProfile | undefined {
  return readCachedProfile(roamingSettings());
}

/** The best profile available to a handler, with where it came from. */
export function senderProfile(): SenderProfile | undefined {
  const cached = cachedSenderProfile();
  if (cached) return { source: "cache", profile: cached };
  const office = officeProfile(userProfile());
  return office ? { source: "office", profile: office } : undefined;
}
