// A local stand-in for Microsoft Graph v1.0 (Node only): see docs/graph-emulator.md.
import { createServer } from "node:http";
import type { GraphEmulator, GraphEmulatorOptions } from "./emulator";
import { GraphEmulatorImpl } from "./emulator";

export type { GraphEmulator, GraphEmulatorOptions, RequestLogEntry } from "./emulator";
export type { EmulatedUserSummary, UserRole } from "./model";
export type { FaultRule } from "./faults";

export function createGraphEmulator(options: GraphEmulatorOptions = {}): GraphEmulator {
  return new GraphEmulatorImpl(options);
}

export interface StandaloneOptions extends GraphEmulatorOptions {
  port: number;
  host?: string;
}

export interface RunningGraphEmulator {
  /** Origin of the server, e.g. "http://127.0.0.1:3001" (Graph is at url + basePath). */
  url: string;
  emulator: GraphEmulator;
  close(): Promise<void>;
}

/** Runs the emulator on its own HTTP server (port 0 picks a free port). */
export async function startGraphEmulator(options: StandaloneOptions): Promise<RunningGraphEmulator> {
  const emulator = createGraphEmulator(options);
  const server = createServer((req, res) => {
    emulator.handle(req, res).then(
      (handled) => {
        if (!handled) {
          res.writeHead(404, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ error: { code: "NotFound", message: "Not a Graph emulator path." } }));
        }
      },
      (error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
        res.end(`Emulator error: ${error instanceof Error ? error.message : String(error)}\n`);
      },
    );
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  const shownHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "localhost" : host;
  return {
    url: `http://${shownHost}:${port}`,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
