/** Where a command writes; tests pass in-memory streams. */
export interface CliIO {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** Exit codes are part of the CLI's contract (docs/cli.md): keep them stable. */
export const ExitCode = {
  ok: 0,
  /** The input was checked and breaks the policy (e.g. `check` found an error). */
  findings: 1,
  /** Bad input: unknown command or flag, unreadable file, invalid config, malformed value. */
  badInput: 2,
} as const;

/** A failure the user caused and can fix; reported as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
