import { defaultConfig } from "../policy/config/defaults";
import { buildSignature } from "../policy/signature/build-signature";
import type { DirectoryProfile } from "../policy/signature/build-signature";
import { directoryProfile, graphProfileAvailable } from "./directory";
import { officeCall, supportsMailbox } from "./office-calls";
import { isFresh } from "../policy/signature/profile-cache";
import { cachedSenderEntry, officeSenderProfile, roamingSettings, saveCachedProfile } from "./profile";
import type { SenderProfile } from "./profile";

// OnNewMessageCompose (P6): insert the compliant signature built from the sender's profile.
//
// The profile (see profile.ts and docs/events.md): a fresh cached one at once; otherwise Graph
// /me through the lazy chunk (directory.ts), within GRAPH_TIME_LIMIT_MS, and written back to the
// cache; otherwise the cached one however old; otherwise Office's userProfile.
//
// New messages, replies and forwards get the same signature: setSignatureAsync puts it where
// Outlook puts its own, above the quoted text of a reply or forward, and replaces a signature the
// add-in inserted before. Outlook's own signature is turned off for the item first
// (disableClientSignatureAsync, Mailbox 1.10) so the two are not stacked.
// The signature's language is the configuration's (Swedish for NVK), not the UI's: it is read by
// the recipients.

/** The profile for the signature, and where it came from; undefined when there is none. */
export async function composeSenderProfile(now: number = Date.now()): Promise<SenderProfile | undefined> {
  const cached = cachedSenderEntry();
  if (cached && isFresh(cached, now)) return { source: "cache", profile: cached.profile };
  if (graphProfileAvailable()) {
    const fromGraph = await directoryProfile();
    if (fromGraph) return { source: "graph", profile: fromGraph };
  }
  if (cached) return { source: "cache", profile: cached.profile };
  return officeSenderProfile();
}

async function setSignature(profile: DirectoryProfile): Promise<void> {
  const signature = buildSignature(profile, defaultConfig);
  const item = Office.context.mailbox.item as Office.MessageCompose | undefined;
  if (!item) return;

  if (supportsMailbox("1.10") && typeof item.disableClientSignatureAsync === "function") {
    try {
      await officeCall<void>("disableClientSignatureAsync", (cb) => item.disableClientSignatureAsync(cb));
    } catch {
      // Not fatal: at worst Outlook's own signature stays as well.
    }
  }
  await officeCall<void>("body.setSignatureAsync", (cb) =>
    item.body.setSignatureAsync(signature.html, { coercionType: Office.CoercionType.Html }, cb),
  );
}

const ignore = (): void => undefined;

/** Inserts the signature; rejects on failure (the caller completes the event either way). */
export async function insertSignature(): Promise<void> {
  const sender = await composeSenderProfile();
  if (!sender) return;
  // A profile fresh from Graph is cached for the next message (and for the send check), as the
  // pane does; in parallel with the signature, and a failure only means asking Graph again.
  const saving =
    sender.source === "graph"
      ? saveCachedProfile(roamingSettings(), sender.profile, new Date()).then(ignore, ignore)
      : undefined;
  try {
    await setSignature(sender.profile);
  } finally {
    if (saving) await saving;
  }
}
