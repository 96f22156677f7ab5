// Entry of dist/playground/office-emulator.js: the Office.js stand-in the playground server puts
// in place of Microsoft's CDN office.js in the add-in's own pages (/playground/addin/*.html).
// It is a local test double, not Office.js: see docs/playground.md.
import type { OutlookHostBridge } from "../bridge";
import { EMULATOR_GLOBAL, HOST_GLOBAL } from "../bridge";
import { createOffice } from "./create-office";
import { createNaaBridge } from "./naa-bridge";

/** The bridge's request log, on the frame's window, for tests and curious developers. */
export const NAA_LOG_GLOBAL = "__bemotandeNaaLog";

function findHost(): OutlookHostBridge | null {
  const candidates: Array<Window | null> = [];
  try {
    if (window.parent !== window) candidates.push(window.parent);
    if (window.top && window.top !== window && window.top !== window.parent) candidates.push(window.top);
  } catch {
    return null;
  }
  for (const candidate of candidates) {
    try {
      const host = (candidate as unknown as Record<string, unknown> | null)?.[HOST_GLOBAL];
      if (host && typeof host === "object" && (host as { version?: unknown }).version === 1)
        return host as OutlookHostBridge;
    } catch {
      // Cross-origin parent: not the playground.
    }
  }
  return null;
}

/** `?naaConsent=prompt` on the playground page: scopes need GetTokenPopup once before GetToken. */
function consentMode(): "granted" | "prompt" {
  try {
    const page = window.top ?? window;
    return new URLSearchParams(page.location.search).get("naaConsent") === "prompt" ? "prompt" : "granted";
  } catch {
    return "granted";
  }
}

const host = findHost();
const schedule = (task: () => void): void => void window.setTimeout(task, 0);
const emulated = createOffice({ host, schedule });
const naa = createNaaBridge({
  host,
  origin: window.location.origin,
  fetch: (input, init) => window.fetch(input, init),
  schedule,
  consent: consentMode(),
});
const target = window as unknown as Record<string, unknown>;
target.Office = emulated.office;
target[EMULATOR_GLOBAL] = emulated.handle;
// Where MSAL's nested app authentication looks for the host (Office.js sets it in Outlook).
target.nestedAppAuthBridge = naa.bridge;
target[NAA_LOG_GLOBAL] = naa.log;
window.addEventListener("pagehide", () => emulated.dispose());
