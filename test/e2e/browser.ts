// The browser finder lives in src/build so that the bench uses the same one.
import { findBrowser, isCi } from "../../src/build/chromium";

export { findBrowser, isCi, LAUNCH_ARGS } from "../../src/build/chromium";

const MISSING =
  "No Chromium/Chrome/Edge found (set CHROME_PATH, or apt-get install chromium); browser tests skipped.";

/**
 * The browser for a suite of browser tests, and the `describe` to run them with: under CI=true a
 * missing browser fails the run; elsewhere the suite is skipped with a notice.
 */
export function browserSuite(): { browserPath: string | undefined; suite: typeof describe } {
  const browserPath = findBrowser();
  if (!browserPath) {
    if (isCi()) {
      test("a browser is available under CI=true", () => {
        throw new Error(MISSING.replace("skipped", "required under CI=true"));
      });
    } else {
      console.warn(`\n*** ${MISSING}\n`);
    }
  }
  return { browserPath, suite: (browserPath ? describe : describe.skip) as typeof describe };
}
