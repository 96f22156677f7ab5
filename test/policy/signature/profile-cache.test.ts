// The roaming-settings cache of the sender's profile: one format, written by the task pane and
// the new-mail handler, read by the handler.
import {
  directoryProfileOf,
  isFresh,
  parseProfileCache,
  PROFILE_FRESH_MS,
  profileCacheValue,
} from "../../../src/policy/signature/profile-cache";

const SAVED = new Date("2026-12-01T09:00:00.000Z");

describe("profileCacheValue", () => {
  it("keeps the signature's fields only, empty optional ones left out, in a fixed order", () => {
    const value = profileCacheValue(
      {
        displayName: "Anna Berg",
        givenName: "",
        jobTitle: "Handläggare",
        department: null,
        businessPhones: ["08-123 456 01", " "],
        mail: "anna.berg@nvk.se",
        // Anything else Graph sent is not stored.
        ...({ officeLocation: "Plan 3" } as object),
      },
      SAVED,
    );
    expect(value).toBe(
      '{"profile":{"displayName":"Anna Berg","jobTitle":"Handläggare","businessPhones":["08-123 456 01"],' +
        '"mail":"anna.berg@nvk.se"},"savedAt":"2026-12-01T09:00:00.000Z"}',
    );
  });
});

describe("parseProfileCache", () => {
  it("reads back what profileCacheValue wrote, with the time", () => {
    const profile = { displayName: "Anna Berg", businessPhones: ["08-123 456 01"], mail: "anna.berg@nvk.se" };
    expect(parseProfileCache(profileCacheValue(profile, SAVED))).toEqual({
      profile: { ...directoryProfileOf(profile) },
      savedAt: SAVED.getTime(),
    });
  });

  it("takes the object itself too (a value set by hand), without a time", () => {
    expect(parseProfileCache({ profile: { mail: "anna.berg@nvk.se" } })).toEqual({
      profile: expect.objectContaining({ mail: "anna.berg@nvk.se", displayName: null }),
      savedAt: undefined,
    });
  });

  it.each([
    ["nothing", undefined],
    ["broken JSON", '{"profile":'],
    ["a number", 42],
    ["no profile", '{"savedAt":"2026-12-01T09:00:00Z"}'],
    ["a profile without name or address", '{"profile":{"jobTitle":"Handläggare"}}'],
  ])("is undefined for %s", (_what, stored) => {
    expect(parseProfileCache(stored)).toBeUndefined();
  });

  it("keeps the profile of an entry whose time cannot be read, without the time", () => {
    expect(parseProfileCache('{"profile":{"displayName":"Anna Berg"},"savedAt":"not a date"}')?.savedAt).toBe(
      undefined,
    );
  });
});

describe("isFresh", () => {
  const entry = (savedAt: number | undefined) => ({ profile: { displayName: "Anna Berg" }, savedAt });
  const now = SAVED.getTime();

  it("is fresh for a day either way (clocks of devices differ), stale beyond or without a time", () => {
    expect(isFresh(entry(now - PROFILE_FRESH_MS + 1), now)).toBe(true);
    expect(isFresh(entry(now + 60_000), now)).toBe(true);
    expect(isFresh(entry(now - PROFILE_FRESH_MS), now)).toBe(false);
    expect(isFresh(entry(now + 3 * PROFILE_FRESH_MS), now)).toBe(false);
    expect(isFresh(entry(undefined), now)).toBe(false);
  });
});
