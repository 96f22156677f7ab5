import { spawnSync } from "node:child_process";
import path from "node:path";
import { run } from "../../src/cli/main";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function runCli(...argv: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

const bin = path.resolve(__dirname, "../../src/cli/bin.cjs");

/** Runs the real `bemotande` executable in a child process, as `npx bemotande` does. */
export function spawnCli(...argv: string[]): CliResult {
  const result = spawnSync(process.execPath, [bin, ...argv], { encoding: "utf8", timeout: 30_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
