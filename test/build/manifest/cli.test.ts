// Runs the real CLI process (tsx src/build/manifest/validate-cli.ts) as `npm run validate` does.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyTransform, LAUNCHEVENT_FIXTURE, linesOf, MANIFEST, ROOT, transformByName } from "./helpers";

const TSX = join(ROOT, "node_modules/.bin/tsx");
const CLI = join(ROOT, "src/build/manifest/validate-cli.ts");
const SCHEMAS = join(ROOT, "../shared/manifest-schemas");
// CI installs xmllint and has shared/ beside the clone, so there the XSD tests always run.
const XSD_AVAILABLE =
  process.env.CI === "true" ||
  (existsSync(join(SCHEMAS, "OfficeAppManifestV1_1.xsd")) && !spawnSync("xmllint", ["--version"]).error);

interface Run {
  code: number | null;
  stdout: string[];
  stderr: string;
}

function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Run {
  // Start from a clean environment for the variables the CLI reads, so the host's CI doesn't leak in.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["CI", "ADDIN_BASE_URL", "MANIFEST_SCHEMAS_DIR", "XMLLINT"]) delete env[name];
  const r = spawnSync(TSX, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...env, ...opts.env },
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout.split("\n").filter(Boolean), stderr: r.stderr };
}

jest.setTimeout(30_000); // each case spawns tsx (about a second apiece)

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "manifest-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a variant of manifest.xml into the temp dir; run the CLI there so it is "manifest.xml". */
function writeVariant(xml: string): string[] {
  writeFileSync(join(dir, "manifest.xml"), xml);
  return ["manifest.xml", "--assets-dir", ROOT, "--launchevent-src", LAUNCHEVENT_FIXTURE];
}

const VALID_SUMMARY = XSD_AVAILABLE
  ? "manifest.xml: valid (XSD and cross-checks; base URL https://localhost:3000)"
  : "manifest.xml: valid (cross-checks only, XSD skipped; base URL https://localhost:3000)";

test("the real manifest.xml is valid (exit 0)", () => {
  const run = runCli(["manifest.xml", "--launchevent-src", LAUNCHEVENT_FIXTURE]);
  expect(run.stdout).toEqual([VALID_SUMMARY]);
  expect(run.code).toBe(0);
});

test("broken variants exit 1 with one line per fault naming element and fault", () => {
  let xml = applyTransform(MANIFEST, transformByName("button icon has the wrong pixel size"));
  xml = applyTransform(xml, transformByName("OnMessageSend without SendMode"));
  const run = runCli(writeVariant(xml), { cwd: dir });
  const [iconLine] = linesOf(xml, '<bt:Image id="Icon.32x32"');
  const [sendLine] = linesOf(xml, 'Type="OnMessageSend"');
  expect(run.stdout).toEqual([
    `manifest.xml:${iconLine}: <bt:Image id="Icon.32x32">: assets/icon-16.png is 16×16 px, declared 32`,
    `manifest.xml:${sendLine}: <LaunchEvent Type="OnMessageSend">: SendMode is missing; state PromptUser, SoftBlock or Block explicitly`,
    "manifest.xml: 2 faults",
  ]);
  expect(run.code).toBe(1);
});

(XSD_AVAILABLE ? test : test.skip)("an XSD-level fault (bad SendMode) is reported from xmllint", () => {
  const xml = MANIFEST.replace('SendMode="SoftBlock"', 'SendMode="Soft"');
  const run = runCli(writeVariant(xml), { cwd: dir });
  const [line] = linesOf(xml, 'SendMode="Soft"');
  expect(run.stdout).toEqual([
    `manifest.xml:${line}: <LaunchEvent>: XSD: attribute 'SendMode': [facet 'enumeration'] The value 'Soft' is not an element of the set {'PromptUser', 'SoftBlock', 'Block'}.`,
    "manifest.xml: 1 fault",
  ]);
  expect(run.code).toBe(1);
});

test("a missing schemas folder is a notice and the other checks still run", () => {
  const missing = join(dir, "no-schemas");
  const ok = runCli(["manifest.xml", "--schemas", missing, "--launchevent-src", LAUNCHEVENT_FIXTURE]);
  expect(ok.stderr).toContain(
    `note: XSD check skipped: ${join(missing, "OfficeAppManifestV1_1.xsd")} not found`,
  );
  expect(ok.stdout).toEqual([
    "manifest.xml: valid (cross-checks only, XSD skipped; base URL https://localhost:3000)",
  ]);
  expect(ok.code).toBe(0);

  const xml = applyTransform(MANIFEST, transformByName("icon file does not exist"));
  const bad = runCli([...writeVariant(xml), "--schemas", missing], { cwd: dir });
  expect(bad.stdout).toContain(
    `manifest.xml:${linesOf(xml, '<bt:Image id="Icon.80x80"')[0]}: <bt:Image id="Icon.80x80">: assets/icon-81.png not found`,
  );
  expect(bad.code).toBe(1);
});

(XSD_AVAILABLE ? describe : describe.skip)("without xmllint", () => {
  const args = ["manifest.xml", "--launchevent-src", LAUNCHEVENT_FIXTURE];
  const XMLLINT = "/nonexistent/xmllint";

  test("locally it is a notice (exit 0)", () => {
    const run = runCli(args, { env: { XMLLINT } });
    expect(run.stderr).toContain(`note: XSD check skipped: xmllint not installed (${XMLLINT})`);
    expect(run.code).toBe(0);
  });

  test("under CI=true it is a failure (exit 1)", () => {
    const run = runCli(args, { env: { XMLLINT, CI: "true" } });
    expect(run.stdout).toEqual([
      "manifest.xml: XSD: xmllint is required when CI=true (apt-get install libxml2-utils)",
      "manifest.xml: 1 fault",
    ]);
    expect(run.code).toBe(1);
  });
});

test("ADDIN_BASE_URL sets the base URL every URL must be under", () => {
  const run = runCli(["manifest.xml", "--launchevent-src", LAUNCHEVENT_FIXTURE], {
    env: { ADDIN_BASE_URL: "https://addin.nvk.example" },
  });
  expect(run.stdout).toContain(
    `manifest.xml:${linesOf(MANIFEST, "<IconUrl")[0]}: <IconUrl>: DefaultValue "https://localhost:3000/assets/icon-64.png" is not under the base URL https://addin.nvk.example`,
  );
  expect(run.code).toBe(1);
});

test("an unreadable manifest exits 2", () => {
  const run = runCli(["no-such-manifest.xml"]);
  expect(run.stderr).toMatch(/^no-such-manifest\.xml: cannot read manifest: ENOENT/);
  expect(run.stdout).toEqual([]);
  expect(run.code).toBe(2);
});

test("bad usage exits 2", () => {
  expect(runCli(["--no-such-option"]).code).toBe(2);
  expect(runCli(["a.xml", "b.xml"]).code).toBe(2);
  expect(runCli(["--base-url", "ftp://nvk.example"]).code).toBe(2);
});
