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

/** The task pane page for each surface, relative to the add-in's base URL (file and query). */
export interface TaskpanePages {
  readonly read: string;
  readonly compose: string;
}

export const DEFAULT_TASKPANE_PAGES: TaskpanePages = { read: "taskpane.html", compose: "taskpane.html" };

/** The last path segment and the query of `url` ("taskpane.html?surface=compose"). */
function pageOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    const file = parsed.pathname.slice(parsed.pathname.lastIndexOf("/") + 1);
    return file === "" ? undefined : file + parsed.search;
  } catch {
    return undefined;
  }
}

/**
 * The pages the ShowTaskpane buttons of the read and compose surfaces open, as Outlook would:
 * the newest VersionOverrides wins (it is the one that supporting clients read), and its
 * SourceLocation's resid is looked up in that VersionOverrides' bt:Urls.
 */
export function readTaskpanePages(xml: string, parser: DOMParser): TaskpanePages {
  const doc = parser.parseFromString(xml, "application/xml");
  const overrides = Array.from(doc.getElementsByTagName("VersionOverrides"));
  const newest = overrides[overrides.length - 1];
  if (!newest) return DEFAULT_TASKPANE_PAGES;
  const urls = new Map<string, string>();
  for (const url of Array.from(newest.getElementsByTagName("bt:Url"))) {
    const id = url.getAttribute("id");
    const value = url.getAttribute("DefaultValue");
    if (id && value) urls.set(id, value);
  }
  const pageFor = (surface: string): string | undefined => {
    const point = Array.from(newest.getElementsByTagName("ExtensionPoint")).find(
      (e) => e.getAttribute("xsi:type") === surface,
    );
    const action = point
      ? Array.from(point.getElementsByTagName("Action")).find(
          (a) => a.getAttribute("xsi:type") === "ShowTaskpane",
        )
      : undefined;
    const resid = action?.getElementsByTagName("SourceLocation")[0]?.getAttribute("resid");
    const url = resid ? urls.get(resid) : undefined;
    return url ? pageOf(url) : undefined;
  };
  return {
    read: pageFor("MessageReadCommandSurface") ?? DEFAULT_TASKPANE_PAGES.read,
    compose: pageFor("MessageComposeCommandSurface") ?? DEFAULT_TASKPANE_PAGES.compose,
  };
}
