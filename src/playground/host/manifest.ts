// Reads what the playground needs from the add-in's manifest: the event handlers' function names
// and the Smart Alerts send mode.

export type SendMode = "promptUser" | "softBlock" | "block";

export interface LaunchEventsInfo {
  readonly onNewMessageCompose: string | null;
  readonly onMessageSend: string | null;
  readonly sendMode: SendMode;
}

export const DEFAULT_LAUNCH_EVENTS: LaunchEventsInfo = {
  onNewMessageCompose: null,
  onMessageSend: null,
  sendMode: "softBlock",
};

function toSendMode(value: string | null): SendMode {
  const lower = (value ?? "").toLowerCase();
  if (lower === "promptuser") return "promptUser";
  if (lower === "block") return "block";
  // The documented default when SendMode is absent is SoftBlock.
  return "softBlock";
}

/** Parses manifest XML with the given DOMParser (the browser's, or one from a test). */
export function readLaunchEvents(xml: string, parser: DOMParser): LaunchEventsInfo {
  const doc = parser.parseFromString(xml, "application/xml");
  const events = Array.from(doc.getElementsByTagName("LaunchEvent"));
  const find = (type: string): Element | undefined => events.find((e) => e.getAttribute("Type") === type);
  const compose = find("OnNewMessageCompose");
  const send = find("OnMessageSend");
  return {
    onNewMessageCompose: compose?.getAttribute("FunctionName") ?? null,
    onMessageSend: send?.getAttribute("FunctionName") ?? null,
    sendMode: toSendMode(send?.getAttribute("SendMode") ?? null),
  };
}
