// Imported first by the task pane's entry (index.tsx), so that it runs before React and Fluent
// are evaluated: on a page opened for compose, the analysis worker and the compose view's code
// start loading at once instead of after Office.onReady (compose-loader.ts).
import { defaultConfig } from "../policy/config/defaults";
import { startComposeEarly } from "./compose-loader";
import { openedForCompose } from "./launch-hint";

if (typeof location !== "undefined" && openedForCompose(location.search)) startComposeEarly(defaultConfig);
