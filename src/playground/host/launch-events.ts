// Runs an event-based activation handler the way Outlook on the web does: load the add-in's
// event page (here /playground/addin/launchevent.html, with the Office.js stand-in) in a hidden
// frame, call the function the manifest names for the event with an event object, and wait for
// event.completed() — or give up after a timeout.
import type { CompletedOptions, OfficeEmulatorHandle } from "../bridge";
import { EMULATOR_GLOBAL } from "../bridge";

export type LaunchOutcome =
  | { readonly status: "completed"; readonly options: CompletedOptions | undefined; readonly ms: number }
  | { readonly status: "timeout"; readonly ms: number }
  | { readonly status: "failed"; readonly message: string; readonly ms: number };

export interface LaunchEventRequest {
  readonly document: Document;
  /** URL of the event runtime page. */
  readonly pageUrl: string;
  /** FunctionName from the manifest's <LaunchEvent>. */
  readonly functionName: string;
  /** How long to wait for event.completed(). */
  readonly timeoutMs: number;
  /** How long the page may take to load and associate the handler. */
  readonly loadTimeoutMs?: number;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until the frame's stand-in has the handler associated (the script runs at load). */
async function waitForHandle(
  frame: HTMLIFrameElement,
  functionName: string,
  deadline: number,
): Promise<OfficeEmulatorHandle | string> {
  for (;;) {
    const handle = (frame.contentWindow as unknown as Record<string, unknown> | null)?.[EMULATOR_GLOBAL] as
      OfficeEmulatorHandle | undefined;
    const loaded = frame.contentDocument?.readyState === "complete";
    if (handle && handle.associatedActions().includes(functionName)) return handle;
    if (loaded && handle)
      return `The event page did not associate "${functionName}" (associated: ${handle.associatedActions().join(", ") || "none"})`;
    if (Date.now() > deadline) return "The event page did not load in time";
    await delay(10);
  }
}

export async function runLaunchEvent(request: LaunchEventRequest): Promise<LaunchOutcome> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const frame = request.document.createElement("iframe");
  frame.hidden = true;
  frame.title = "Bemötande event runtime";
  frame.setAttribute("aria-hidden", "true");
  frame.src = request.pageUrl;
  request.document.body.appendChild(frame);
  try {
    const handle = await waitForHandle(
      frame,
      request.functionName,
      Date.now() + (request.loadTimeoutMs ?? 10_000),
    );
    if (typeof handle === "string") return { status: "failed", message: handle, ms: elapsed() };
    return await new Promise<LaunchOutcome>((resolve) => {
      const timer = setTimeout(() => resolve({ status: "timeout", ms: elapsed() }), request.timeoutMs);
      const invoked = handle.invokeAction(
        request.functionName,
        (options) => {
          clearTimeout(timer);
          resolve({ status: "completed", options, ms: elapsed() });
        },
        (message) => {
          // Like Outlook, an exception does not complete the event; it is only reported. The
          // handler may still call completed() later, or the timeout ends it.
          console.warn(`Bemötande playground: ${request.functionName} threw: ${message}`);
        },
      );
      if (!invoked) {
        clearTimeout(timer);
        resolve({ status: "failed", message: `No handler "${request.functionName}"`, ms: elapsed() });
      }
    });
  } finally {
    frame.remove();
  }
}
