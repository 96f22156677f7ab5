import { runCheck } from "./commands/check";
import { runDeadline } from "./commands/deadline";
import { run as runEmulator } from "./commands/emulator";
import { runWhoami } from "./commands/whoami";
import type { CliIO } from "./io";
import { ExitCode, UsageError } from "./io";

type Command = (args: string[], io: CliIO) => number | Promise<number>;

// Later issues add followups, autoreply and summary here.
const commands: Record<string, { run: Command; summary: string }> = {
  check: { run: runCheck, summary: "check an email draft (.txt, .html, .eml) against the policy" },
  deadline: { run: runDeadline, summary: "reply deadline for a received message (2 Swedish working days)" },
  whoami: { run: runWhoami, summary: "profile and mailbox settings from Microsoft Graph" },
  emulator: { run: runEmulator, summary: "run the local Microsoft Graph stand-in (no tenant needed)" },
};

export const usage = `Usage: bemotande <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join("\n")}

Run "bemotande <command> --help" for a command's options. Exit codes: 0 ok, 1 policy findings, 2 bad input.`;

export async function run(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.stderr.write(`${usage}\n`);
    return ExitCode.badInput;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(`${usage}\n`);
    return ExitCode.ok;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`bemotande: unknown command "${name}"\n${usage}\n`);
    return ExitCode.badInput;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr.write(`bemotande ${name}: ${(error as Error).message}\n`);
      return ExitCode.badInput;
    }
    throw error;
  }
}

// node:util parseArgs reports unknown or malformed flags with these codes.
function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}
