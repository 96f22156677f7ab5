// The task pane's entry, kept small. It starts the compose view's work (early-compose.ts: the
// analysis worker, the view's code, the first read and analysis of the draft) and loads the pane
// itself (pane.tsx: React, Fluent and the app) as a chunk that taskpane.html preloads. While that
// chunk downloads and evaluates, Office gets ready and the draft is read and analysed; in one
// bundle all of it waited for the whole bundle to be evaluated (docs/performance.md).
import "./early-compose";
import { showStartFailure } from "./start-failure";

void import(/* webpackChunkName: "pane" */ "./pane")
  .then((pane) => pane.startPane())
  .catch((error: unknown) => {
    // Last resort: the pane's code did not load, or the UI could not even be rendered.
    console.error("Bemötande: the task pane failed to start", error);
    showStartFailure(document.getElementById("root"));
  });
