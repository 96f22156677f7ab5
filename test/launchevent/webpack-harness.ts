// Loads webpack.config.js and compiles one of its configurations into a temporary directory,
// so tests never touch dist/.
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import webpack from "webpack";
import type { Configuration, Stats } from "webpack";

export const repoRoot = path.resolve(__dirname, "..", "..");

type Mode = "production" | "development";
type ConfigFactory = (env: Record<string, unknown>, argv: { mode?: Mode }) => Configuration[];

export function loadWebpackConfigs(mode: Mode): Configuration[] {
  const load = createRequire(__filename);
  const factory = load(path.join(repoRoot, "webpack.config.js")) as ConfigFactory;
  return factory({}, { mode });
}

export function loadWebpackConfig(name: "taskpane" | "launchevent", mode: Mode): Configuration {
  const config = loadWebpackConfigs(mode).find((c) => c.name === name);
  if (!config) throw new Error(`webpack.config.js has no "${name}" configuration`);
  return config;
}

export interface CompileResult {
  readonly outDir: string;
  readonly stats: Stats;
}

export function compile(config: Configuration): Promise<CompileResult> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), `bemotande-${config.name ?? "build"}-`));
  const compiler = webpack({ ...config, output: { ...config.output, path: outDir } });
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (!stats) return reject(new Error("webpack returned no stats"));
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve({ outDir, stats });
    });
  });
}
