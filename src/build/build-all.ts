// Builds the whole add-in (every webpack configuration, production) into one temporary directory,
// the way `npm run build` fills dist/ — for the browser tests and the bench.
import { existsSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import webpack from "webpack";
import type { Configuration } from "webpack";

/** The repository root: the nearest folder above this file with webpack.config.js (this file also
 * runs from the bench's bundle under node_modules/.cache). */
export const repoRoot = findRepoRoot(__dirname);

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "webpack.config.js"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, "..", "..");
  }
}

type ConfigFactory = (env: Record<string, unknown>, argv: { mode?: "production" }) => Configuration[];

export function buildAll(): Promise<string> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), "bemotande-e2e-"));
  const load = createRequire(__filename);
  const factory = load(path.join(repoRoot, "webpack.config.js")) as ConfigFactory;
  const configs = factory({}, { mode: "production" }).map((config) => ({
    ...config,
    output: { ...config.output, path: outDir },
  }));
  const compiler = webpack(configs);
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (!stats) return reject(new Error("webpack returned no stats"));
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(outDir);
    });
  });
}
