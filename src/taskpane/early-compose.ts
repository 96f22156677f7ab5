// Imported by the task pane's entry (index.ts), so that it runs before React and Fluent are
// loaded (pane.tsx): on a page opened for compose, the analysis worker, the compose view's code
// and the first read and analysis of the draft start at once instead of after the pane's code has
// run (compose-loader.ts). Office's own answer about the item still decides what is shown.
import { createOfficeMailbox, whenOfficeReady } from "../office/mailbox";
import { defaultConfig } from "../policy/config/defaults";
import { startComposeEarly } from "./compose-loader";
import { readSnapshot } from "./compose/snapshot";
import { openedForCompose } from "./launch-hint";

if (typeof location !== "undefined" && openedForCompose(location.search)) {
  startComposeEarly(defaultConfig, async () => {
    if (!(await whenOfficeReady())) throw new Error("Office.js is not loaded");
    return readSnapshot(createOfficeMailbox());
  });
}
