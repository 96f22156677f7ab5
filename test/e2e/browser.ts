// The browser finder lives in src/build so that the bench uses the same one.
export { findBrowser, isCi, LAUNCH_ARGS } from "../../src/build/chromium";
