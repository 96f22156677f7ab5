import { START_FAILURE_TEXT, showStartFailure } from "../../src/taskpane/start-failure";

test("showStartFailure replaces the root's content with the message in both languages, as text", () => {
  const root = { textContent: "<noscript>…</noscript>" as string | null };
  showStartFailure(root);
  expect(root.textContent).toBe(START_FAILURE_TEXT);
  expect(START_FAILURE_TEXT).toContain("Bemötande kunde inte starta");
  expect(START_FAILURE_TEXT).toContain("Bemötande could not start");
  expect(() => showStartFailure(null)).not.toThrow();
});
