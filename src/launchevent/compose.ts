import { defaultConfig } from "../policy/config/defaults";
import { buildSignature } from "../policy/signature/build-signature";
import { officeCall, supportsMailbox } from "./office-calls";
import { senderProfile } from "./profile";

// OnNewMessageCompose (P6): insert the compliant signature built from the sender's profile.
//
// New messages, replies and forwards get the same signature: setSignatureAsync puts it where
// Outlook puts its own, above the quoted text of a reply or forward, and replaces a signature the
// add-in inserted before. Outlook's own signature is turned off for the item first
// (disableClientSignatureAsync, Mailbox 1.10) so the two are not stacked.
// The signature's language is the configuration's (Swedish for NVK), not the UI's: it is read by
// the recipients.

/** Inserts the signature; rejects on failure (the caller completes the event either way). */
export async function insertSignature(): Promise<void> {
  const sender = senderProfile();
  if (!sender) return;
  const signature = buildSignature(sender.profile, defaultConfig);
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
