// The task pane itself: React, Fluent and the app, started by the entry (index.ts) once this chunk
// is in. Reads Office's item and language, and renders the pane for it.
import {
  FluentProvider,
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { getStrings, pickLanguage } from "../i18n";
import type { Language } from "../i18n";
import { createOfficeAuthHost, createOfficeMailbox, whenOfficeReady } from "../office/mailbox";
import type { MailboxAdapter, ThemeKind } from "../office/mailbox";
import { defaultConfig } from "../policy/config/defaults";
import { App, PaneView } from "./App";
import type { FetchProfile, FetchWorkingHours, PaneState } from "./App";
import { abandonEarlyCompose, composeViewWithin, prepareCompose } from "./compose-loader";
import { errorKeyOf } from "./errors";
import type { PaneGraphServices } from "./graph-services";

function browserLanguage(): string {
  return typeof navigator === "undefined" ? "" : navigator.language;
}

function fluentTheme(theme: ThemeKind | undefined) {
  if (theme === "high-contrast") return teamsHighContrastTheme;
  return theme === "dark" ? webDarkTheme : webLightTheme;
}

/**
 * How long the first render waits for the compose view's code and first analysis. A usual draft's
 * are in within a few tens of milliseconds of Office being ready; a very long draft gets the
 * pane's frame and loading state first, and the view when its analysis is in.
 */
const COMPOSE_FIRST_RENDER_WAIT_MS = 200;

function render(element: HTMLElement, theme: ThemeKind | undefined, content: ReactNode): void {
  document.documentElement.dataset.theme = theme ?? "light";
  const root = createRoot(element);
  // Now, in this task: React would otherwise render in a task of its own, queued behind Office's
  // and the analysis worker's answers.
  flushSync(() =>
    root.render(
      <FluentProvider theme={fluentTheme(theme)} style={{ minHeight: "100%" }}>
        {content}
      </FluentProvider>,
    ),
  );
}

export async function startPane(): Promise<void> {
  const element = document.getElementById("root");
  if (!element) throw new Error("taskpane.html has no #root element");
  const config = defaultConfig;

  let adapter: MailboxAdapter;
  let language: Language;
  try {
    if (!(await whenOfficeReady())) throw new Error("Office.js is not loaded");
    adapter = createOfficeMailbox();
    language = pickLanguage(adapter.displayLanguage || browserLanguage());
  } catch (error) {
    language = pickLanguage(browserLanguage());
    const errorKey = errorKeyOf(error) === "unexpected" ? "no-mailbox" : errorKeyOf(error);
    render(
      element,
      undefined,
      <PaneView
        state={{ status: "error", errorKey }}
        strings={getStrings(language)}
        language={language}
        config={config}
        now={new Date()}
      />,
    );
    return;
  }

  // Graph (signed in with nested app authentication) for the mailbox's working hours; without
  // it the pane still works with the configuration's.
  // The sender's directory profile (compose: the compliant signature) comes the same way.
  // Graph's client and sign-in are a chunk of their own, loaded on the first call: the first
  // render needs neither. When there is no Graph, both calls fail and the pane falls back.
  let fetchWorkingHours: FetchWorkingHours | undefined;
  let fetchProfile: FetchProfile | undefined;
  try {
    const authHost = createOfficeAuthHost();
    let services: Promise<PaneGraphServices> | undefined;
    const graph = (): Promise<PaneGraphServices> =>
      (services ??= import(/* webpackChunkName: "graph" */ "./graph-services").then((module) =>
        module.createPaneGraphServices(authHost, config),
      ));
    fetchWorkingHours = async () => (await graph()).workingHours();
    fetchProfile = async () => (await graph()).profile();
  } catch {
    fetchWorkingHours = undefined;
    fetchProfile = undefined;
  }

  // Writing a message: take over the compose view's code and the first read and analysis of the
  // draft (started by early-compose.ts, else now), and start in compose state (no render → effect
  // → state update round trip before the view is even requested). Anything else: App loads the
  // state itself.
  let initialState: PaneState | undefined;
  try {
    const item = await adapter.getCurrentItem();
    if (item.mode === "compose") {
      prepareCompose(adapter, config);
      initialState = { status: "compose", user: adapter.getUser() };
    }
  } catch {
    initialState = undefined; // App's own load shows the error.
  }
  if (initialState === undefined) abandonEarlyCompose();
  // One render with the status rows in it rather than the pane's frame, a paint, then the view:
  // measured ~30 ms sooner to the first analysis on screen (docs/performance.md).
  else await composeViewWithin(COMPOSE_FIRST_RENDER_WAIT_MS);

  document.documentElement.lang = language;
  render(
    element,
    adapter.theme,
    <App
      adapter={adapter}
      strings={getStrings(language)}
      language={language}
      config={config}
      initialState={initialState}
      fetchWorkingHours={fetchWorkingHours}
      fetchProfile={fetchProfile}
    />,
  );
}
