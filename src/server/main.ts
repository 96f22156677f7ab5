// `npm run serve`: serves dist/ for sideloading and the local playground (a stand-in for Outlook
// and Microsoft 365: the Outlook-like page at "/", the Graph emulator under /graph/v1.0).
//   PORT (default 3000), HOST (default 127.0.0.1), HTTPS=1 to use the Office dev certificate
//   from ~/.office-addin-dev-certs (create it with `npx office-addin-dev-certs install`).
import { existsSync, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createGraphEmulator } from "../emulator/graph";
import { createServer } from "./static-server";
import type { TlsFiles } from "./static-server";

export { createServer } from "./static-server";
export type { EmulatorRoutes, RunningServer, StaticServerOptions } from "./static-server";

const distDir = path.resolve(__dirname, "..", "..", "dist");

function loadDevCertificate(): TlsFiles {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const certPath = path.join(dir, "localhost.crt");
  const keyPath = path.join(dir, "localhost.key");
  const missing = [certPath, keyPath].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(
      `HTTPS=1 needs the Office dev certificate, but ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} missing.\n` +
        "Create and trust it with: npx office-addin-dev-certs install",
    );
  }
  return { cert: readFileSync(certPath), key: readFileSync(keyPath) };
}

function parsePort(text: string | undefined): number {
  if (text === undefined || text === "") return 3000;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be 0–65535, got "${text}"`);
  return port;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(distDir, "index.html"))) {
    console.error(`No build found in ${distDir}: run npm run build first.`);
    process.exit(1);
  }
  const useHttps = process.env.HTTPS === "1" || process.env.HTTPS === "true";
  const tls = useHttps ? loadDevCertificate() : undefined;
  const host = process.env.HOST || "127.0.0.1";
  const graph = createGraphEmulator();
  const running = await createServer({
    root: distDir,
    port: parsePort(process.env.PORT),
    host,
    tls,
    graph,
  });
  // The dev certificate is issued for "localhost": show that name for loopback HTTPS.
  const url = useHttps && host === "127.0.0.1" ? `https://localhost:${running.port}/` : running.url;
  const rule = "-".repeat(78);
  console.log(rule);
  console.log("LOCAL STAND-IN – this is NOT Outlook and NOT Microsoft 365.");
  console.log("Lokal testmiljö – inte Outlook eller Microsoft 365. Post och användare är påhittade.");
  console.log(rule);
  console.log(`Bemötande: serving ${distDir} at ${url}`);
  console.log(`  playground   ${url}            (Outlook-like page with the add-in; made-up mail)`);
  console.log(`  Graph (fake) ${url}graph/v1.0/  (emulator; users: ${url}_emulator/users)`);
  console.log(`  start page   ${url}index.html`);
  console.log(`  task pane    ${url}taskpane.html   (real add-in files, office.js from the CDN)`);
  console.log(`  manifest     ${url}manifest.xml`);
  console.log(`  event script ${url}launchevent.js (+ launchevent.html)`);
  console.log(`  allow-list   ${url}.well-known/microsoft-officeaddins-allowed.json`);
  if (!useHttps)
    console.log("Outlook loads add-ins over HTTPS only: run with HTTPS=1 to sideload into Outlook.");
  console.log("Press Ctrl+C to stop.");
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
