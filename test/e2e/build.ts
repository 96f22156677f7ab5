// The production build for browser tests lives in src/build so that the bench uses the same one.
export { buildAll, repoRoot } from "../../src/build/build-all";
