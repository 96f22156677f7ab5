// Entry of the playground page (served at "/"): publishes the Outlook host object for the
// add-in frames, reads the manifest's event handlers and task pane pages, and renders the Outlook-like window.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { HOST_GLOBAL } from "./bridge";
import type { ThemeName } from "./bridge";
import { GraphClient } from "./host/graph";
import {
  DEFAULT_LAUNCH_EVENTS,
  DEFAULT_TASKPANE_PAGES,
  readLaunchEvents,
  readTaskpanePages,
} from "./host/manifest";
import type { LaunchEventsInfo, TaskpanePages } from "./host/manifest";
import { localRoamingStore, OutlookHost } from "./host/outlook-host";
import { App } from "./ui/App";
import type { UiLanguage } from "./ui/strings";

/** Outlook gives event handlers about five minutes; `?eventTimeout=ms` shortens it for tests. */
const DEFAULT_EVENT_TIMEOUT_MS = 300_000;

interface ManifestInfo {
  readonly launchEvents: LaunchEventsInfo;
  readonly taskpanePages: TaskpanePages;
}

async function loadManifest(): Promise<ManifestInfo> {
  const defaults = { launchEvents: DEFAULT_LAUNCH_EVENTS, taskpanePages: DEFAULT_TASKPANE_PAGES };
  try {
    const response = await fetch("/manifest.xml", { cache: "no-cache" });
    if (!response.ok) return defaults;
    const xml = await response.text();
    const parser = new DOMParser();
    return { launchEvents: readLaunchEvents(xml, parser), taskpanePages: readTaskpanePages(xml, parser) };
  } catch {
    return defaults;
  }
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

async function start(): Promise<void> {
  const element = document.getElementById("root");
  if (!element) throw new Error("playground.html has no #root element");
  const params = new URLSearchParams(window.location.search);
  const language: UiLanguage = params.get("lang") === "en" ? "en" : "sv";
  const theme: ThemeName =
    params.get("theme") === "dark" ||
    (params.get("theme") === null && window.matchMedia?.("(prefers-color-scheme: dark)").matches)
      ? "dark"
      : "light";
  const timeout = Number(params.get("eventTimeout"));

  const host = new OutlookHost(
    {
      displayLanguage: language === "en" ? "en-US" : "sv-SE",
      theme,
      user: { displayName: "", emailAddress: "", timeZone: "W. Europe Standard Time" },
      restUrl: `${window.location.origin}/graph`,
    },
    "",
    localRoamingStore(storage()),
  );
  (window as unknown as Record<string, unknown>)[HOST_GLOBAL] = host;

  const { launchEvents, taskpanePages } = await loadManifest();
  createRoot(element).render(
    <StrictMode>
      <App
        host={host}
        graph={new GraphClient()}
        launchEvents={launchEvents}
        taskpanePages={taskpanePages}
        initialUser={params.get("user")}
        initialLanguage={language}
        initialTheme={theme}
        initialPaneOpen={params.get("pane") !== "closed"}
        eventTimeoutMs={Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_EVENT_TIMEOUT_MS}
        addinBase="/playground/addin/"
      />
    </StrictMode>,
  );
}

void start().catch((error: unknown) => {
  console.error("Bemötande playground failed to start", error);
});
