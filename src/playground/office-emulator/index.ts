// Entry of dist/playground/office-emulator.js: the Office.js stand-in the playground server puts
// in place of Microsoft's CDN office.js in the add-in's own pages (/playground/addin/*.html).
// It is a local test double, not Office.js: see docs/playground.md.
import type { OutlookHostBridge } from "../bridge";
import { EMULATOR_GLOBAL, HOST_GLOBAL } from "../bridge";
import { createOffice } from "./create-office";

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

const emulated = createOffice({ host: findHost(), schedule: (task) => window.setTimeout(task, 0) });
const target = window as unknown as Record<string, unknown>;
target.Office = emulated.office;
target[EMULATOR_GLOBAL] = emulated.handle;
window.addEventListener("pagehide", () => emulated.dispose());
