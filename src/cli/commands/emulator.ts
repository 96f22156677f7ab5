import { parseArgs } from "node:util";
import { startGraphEmulator } from "../../emulator/graph";
import type { CliIO } from "../io";
import { ExitCode, UsageError } from "../io";

export const emulatorUsage = `Usage: bemotande emulator [--port N] [--host H] [--seed N]

Runs the local Microsoft Graph stand-in (made-up NVK users and Swedish mail) until Ctrl+C.
Graph v1.0 is served under /graph/v1.0; control endpoints under /_emulator/ (docs/graph-emulator.md).

  --port N   port to listen on (default 3001; 0 picks a free port)
  --host H   interface to bind (default 127.0.0.1)
  --seed N   seed of the generated organisation and mail (default 1)`;

export async function runEmulator(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      seed: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${emulatorUsage}\n`);
    return ExitCode.ok;
  }
  if (positionals.length > 0) throw new UsageError(`emulator takes no arguments, got "${positionals[0]}"`);
  const port = parseWhole(values.port ?? "3001", "--port", 65535);
  const seed = parseWhole(values.seed ?? "1", "--seed", 2 ** 31 - 1);
  const host = values.host ?? "127.0.0.1";
  if (host.trim() === "") throw new UsageError("invalid --host: expected a host name or address");

  let running;
  try {
    running = await startGraphEmulator({ port, host, seed });
  } catch (error) {
    throw new UsageError(
      `cannot listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const users = running.emulator.users();
  const width = Math.max(...users.map((u) => u.userPrincipalName.length));
  io.stdout.write(
    [
      "LOCAL STAND-IN for Microsoft Graph – made-up users and mail, not Microsoft 365.",
      `Graph emulator (seed ${seed}) at ${running.url}/graph/v1.0`,
      `  try: curl -H 'Authorization: Bearer x' '${running.url}/graph/v1.0/me/mailFolders/inbox/messages?$top=2&$select=subject'`,
      `  any bearer token signs in as ${users.find((u) => u.role === "staff")?.userPrincipalName ?? "?"}; others via POST /_emulator/token {"user": UPN}`,
      "",
      "Users you can sign in as:",
      ...users.map(
        (u) =>
          `  ${u.userPrincipalName.padEnd(width)}  ${u.role.padEnd(18)} ${u.displayName} (${u.jobTitle ?? "no title"}, ${u.department ?? "no department"})`,
      ),
      "",
      "Press Ctrl+C to stop.",
      "",
    ].join("\n"),
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await running.close();
  io.stdout.write("Graph emulator stopped.\n");
  return ExitCode.ok;
}

function parseWhole(text: string, flag: string, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) > max) {
    throw new UsageError(`invalid ${flag} "${text}": expected a whole number from 0 to ${max}`);
  }
  return Number(text);
}

/** The entry the CLI table loads lazily (keeps the emulator out of other commands' start-up). */
export const run = runEmulator;
