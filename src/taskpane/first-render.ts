// The "first render" performance mark the bench measures (src/bench/taskpane-bench.ts): set once
// per page, when the pane's first real content (compose status rows, read deadline) commits.

export const FIRST_RENDER_MARK = "bemotande:first-render";

/** Sets the mark unless this page already has it; a no-op where the Performance API is missing. */
export function markFirstRender(perf: Performance | undefined = globalThis.performance): void {
  if (perf === undefined || typeof perf.mark !== "function") return;
  try {
    if (typeof perf.getEntriesByName === "function" && perf.getEntriesByName(FIRST_RENDER_MARK).length > 0) {
      return;
    }
    perf.mark(FIRST_RENDER_MARK);
  } catch {
    // Measuring must never break the pane.
  }
}
