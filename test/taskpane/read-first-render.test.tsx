// The read view's first render after loadPaneState must not suspend: React reveals suspended
// content no sooner than 300 ms after its fallback, which once made the reply deadline appear a
// third of a second late. A file of its own, so that no earlier test has loaded the card already.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToString } from "react-dom/server";
import { getStrings } from "../../src/i18n";
import type { MailboxAdapter } from "../../src/office/mailbox";
import { defaultConfig } from "../../src/policy/config/defaults";
import { loadPaneState, PaneView } from "../../src/taskpane/App";

// Wed 23 Dec 2026 10:00 in Stockholm: 24–27 Dec are days off, so two working days end Tue 29 Dec.
const received = new Date("2026-12-23T09:00:00Z");
const now = new Date("2026-12-23T12:00:00Z");

const adapter = {
  getCurrentItem: () => Promise.resolve({ mode: "read", kind: "message", received }),
} as unknown as MailboxAdapter; // loadPaneState reads the item only.

test("once loadPaneState is done, the read view renders at once, without suspending", async () => {
  const state = await loadPaneState(adapter, defaultConfig);
  // renderToString does not wait: a component that suspends would leave its fallback here.
  const html = renderToString(
    <FluentProvider theme={webLightTheme}>
      <PaneView state={state} strings={getStrings("sv")} language="sv" config={defaultConfig} now={now} />
    </FluentProvider>,
  );
  expect(html).toContain("Svara senast tisdag 29 december 17:00");
  expect(html).not.toContain('aria-busy="true"');
});
