// Validates the add-in manifest: XSD (xmllint) plus the cross-checks in checks.ts.
// Exit codes: 0 valid, 1 invalid, 2 bad usage or unreadable manifest.
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkManifest, formatFault } from "./checks";
import type { Fault } from "./checks";
import { runXsdCheck } from "./xsd";
import { DEV_BASE_URL, resolveAddinBaseUrl } from "../addin-base-url.cjs";

const PROJECT_ROOT = resolve(__dirname, "../../..");

const USAGE = `Usage: tsx src/build/manifest/validate-cli.ts [manifest.xml] [options]

  --base-url URL          URLs must be https and under URL (default: $ADDIN_BASE_URL or ${DEV_BASE_URL})
  --schemas DIR           folder with OfficeAppManifestV1_1.xsd (default: $MANIFEST_SCHEMAS_DIR or ../shared/manifest-schemas)
  --assets-dir DIR        folder URL paths map onto, e.g. /assets/icon-16.png (default: the manifest's folder)
  --launchevent-src DIR   sources registering LaunchEvent handlers (default: src/launchevent)
  --commands-src DIR      sources registering ExecuteFunction handlers (default: src/commands)
  -h, --help              show this help

Environment: XMLLINT (xmllint executable), CI=true (a missing xmllint is then a failure).
Exit codes: 0 valid, 1 invalid, 2 bad usage or unreadable manifest.`;

interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

function usageError(io: CliIo, message: string): number {
  io.err(`error: ${message}`);
  io.err(USAGE);
  return 2;
}

export function main(argv: string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        "base-url": { type: "string" },
        schemas: { type: "string" },
        "assets-dir": { type: "string" },
        "launchevent-src": { type: "string" },
        "commands-src": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (err) {
    return usageError(io, err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length > 1) return usageError(io, `expected one manifest file, got ${positionals.length}`);

  const manifestPath = resolve(io.cwd, positionals[0] ?? "manifest.xml");
  const label = relative(io.cwd, manifestPath) || manifestPath;
  let baseUrl: string;
  try {
    // Same normalisation as the webpack build, so ADDIN_BASE_URL means the same thing in both.
    baseUrl = resolveAddinBaseUrl(values["base-url"] ?? io.env.ADDIN_BASE_URL);
  } catch (err) {
    return usageError(io, err instanceof Error ? err.message : String(err));
  }
  const schemasDir = resolve(
    io.cwd,
    values.schemas ?? io.env.MANIFEST_SCHEMAS_DIR ?? resolve(PROJECT_ROOT, "../shared/manifest-schemas"),
  );

  let xml: string;
  try {
    xml = readFileSync(manifestPath, "utf8");
  } catch (err) {
    io.err(`${label}: cannot read manifest: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }

  const faults: Fault[] = [];
  const ci = io.env.CI === "true";
  const xsd = runXsdCheck(manifestPath, schemasDir, { xmllint: io.env.XMLLINT || undefined });
  if (xsd.kind === "invalid") faults.push(...xsd.faults);
  if (xsd.kind === "skipped") {
    io.err(`note: ${xsd.notice}`);
    if (ci && xsd.reason === "no-xmllint") {
      faults.push({
        element: "XSD",
        message: "xmllint is required when CI=true (apt-get install libxml2-utils)",
      });
    }
  }
  faults.push(
    ...checkManifest(xml, {
      baseUrl,
      assetsRoot: resolve(io.cwd, values["assets-dir"] ?? dirname(manifestPath)),
      launchEventSourceDir: resolve(
        io.cwd,
        values["launchevent-src"] ?? resolve(PROJECT_ROOT, "src/launchevent"),
      ),
      commandsSourceDir: resolve(io.cwd, values["commands-src"] ?? resolve(PROJECT_ROOT, "src/commands")),
      displayRoot: io.cwd,
    }),
  );

  for (const f of faults) io.out(formatFault(label, f));
  if (faults.length > 0) {
    io.out(`${label}: ${faults.length} fault${faults.length === 1 ? "" : "s"}`);
    return 1;
  }
  const scope = xsd.kind === "valid" ? "XSD and cross-checks" : "cross-checks only, XSD skipped";
  io.out(`${label}: valid (${scope}; base URL ${baseUrl})`);
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2), {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
      env: process.env,
      cwd: process.cwd(),
    });
  } catch (err) {
    // A crash must not read as "manifest invalid" (exit 1).
    process.stderr.write(
      `validate-cli: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 2;
  }
}
