// What the pane shows when its own code could not be loaded or started: there is no React, no
// Fluent and no language yet, so plain text in both languages (like taskpane.html's <noscript>).

export const START_FAILURE_TEXT =
  "Bemötande kunde inte starta. Stäng fönstret och öppna det igen. / " +
  "Bemötande could not start. Close the pane and open it again.";

/** Replaces whatever the root shows with the failure text (as text, never as HTML). */
export function showStartFailure(root: { textContent: string | null } | null): void {
  if (root) root.textContent = START_FAILURE_TEXT;
}
