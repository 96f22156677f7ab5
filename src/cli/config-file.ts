import { readFileSync } from "node:fs";
import type { PolicyConfig } from "../policy/config";
import { defaultConfig, parsePolicyConfigText } from "../policy/config";
import { UsageError } from "./io";

/** Loads `--config FILE`, or NVK's defaults without one. Every fault becomes a one-line UsageError. */
export function loadConfig(path: string | undefined): PolicyConfig {
  if (path === undefined) return defaultConfig;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : String(code ?? error);
    throw new UsageError(`cannot read config ${path}: ${reason}`);
  }
  try {
    return parsePolicyConfigText(text, path);
  } catch (error) {
    throw new UsageError(`invalid config ${error instanceof Error ? error.message : String(error)}`);
  }
}
