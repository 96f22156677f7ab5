import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkManifest, formatFault, nodeFileSystem } from "../../../src/build/manifest/checks";
import type { CheckOptions, Fault } from "../../../src/build/manifest/checks";
import {
  applyTransform,
  FIXTURES,
  LAUNCHEVENT_FIXTURE,
  linesOf,
  MANIFEST,
  ROOT,
  TRANSFORMS,
} from "./helpers";

const options: CheckOptions = {
  baseUrl: "https://localhost:3000",
  assetsRoot: ROOT,
  launchEventSourceDir: LAUNCHEVENT_FIXTURE,
  commandsSourceDir: join(FIXTURES, "commands-does-not-exist"),
  displayRoot: ROOT,
};

const lines = (faults: Fault[]): string[] => faults.map((f) => `${f.element}: ${f.message}`);

describe("checkManifest on the real manifest.xml", () => {
  test("has no faults", () => {
    expect(lines(checkManifest(MANIFEST, options))).toEqual([]);
  });

  const realSources = join(ROOT, "src/launchevent");
  test("has no faults against the real src/launchevent", () => {
    expect(lines(checkManifest(MANIFEST, { ...options, launchEventSourceDir: realSources }))).toEqual([]);
  });

  test("passes under another base URL once every URL is rewritten, as the webpack build does", () => {
    const base = "https://addin.nvk.example/bemotande";
    const rewritten = MANIFEST.replaceAll("https://localhost:3000", base);
    expect(lines(checkManifest(rewritten, { ...options, baseUrl: `${base}/` }))).toEqual([]);
  });

  test("reports URLs left outside a different base URL", () => {
    const faults = lines(checkManifest(MANIFEST, { ...options, baseUrl: "https://addin.nvk.example" }));
    expect(faults).toContain(
      '<IconUrl>: DefaultValue "https://localhost:3000/assets/icon-64.png" is not under the base URL https://addin.nvk.example',
    );
    // 3 top-level URLs, 2 FormSettings pages, 6 + 8 resources in the two overrides.
    expect(faults).toHaveLength(19);
  });
});

describe("checkManifest rejects broken variants (test/fixtures/manifests/faults.json)", () => {
  test("there are at least 8 variants", () => {
    expect(TRANSFORMS.length).toBeGreaterThanOrEqual(8);
  });

  test.each(TRANSFORMS.map((t) => [t.name, t] as const))("%s", (_name, t) => {
    expect(lines(checkManifest(applyTransform(MANIFEST, t), options))).toContain(t.expect);
  });
});

describe("checkManifest details", () => {
  test("formats faults as file: element: message, reading icons through the injected file system", () => {
    const icon16 = readFileSync(join(ROOT, "assets/icon-16.png"));
    const faults = checkManifest(MANIFEST, {
      ...options,
      fs: {
        readFile: (path) => (path.endsWith("icon-32.png") ? icon16 : nodeFileSystem.readFile(path)),
        listFiles: (dir) => nodeFileSystem.listFiles(dir),
      },
    });
    // Once per VersionOverrides, each with its own line.
    const [v10, v11] = linesOf(MANIFEST, '<bt:Image id="Icon.32x32"');
    expect(faults.map((f) => formatFault("manifest.xml", f))).toEqual([
      `manifest.xml:${v10}: <bt:Image id="Icon.32x32">: assets/icon-32.png is 16×16 px, declared 32`,
      `manifest.xml:${v11}: <bt:Image id="Icon.32x32">: assets/icon-32.png is 16×16 px, declared 32`,
    ]);
  });

  test("a missing launch-event source folder is one clear fault, not a crash", () => {
    const faults = checkManifest(MANIFEST, { ...options, launchEventSourceDir: join(ROOT, "no/such/dir") });
    expect(lines(faults)).toEqual([
      '<ExtensionPoint xsi:type="LaunchEvent">: cannot check FunctionName registration: no/such/dir/ not found (expected Office.actions.associate calls for onNewMessageComposeHandler, onMessageSendHandler)',
    ]);
  });

  const withExecuteFunction = MANIFEST.replace(
    /<Action xsi:type="ShowTaskpane">[\s\S]*?<\/Action>/,
    '<Action xsi:type="ExecuteFunction"><FunctionName>insertSignature</FunctionName></Action>',
  );

  test("ExecuteFunction names must be registered in the commands sources", () => {
    const faults = checkManifest(withExecuteFunction, { ...options, commandsSourceDir: LAUNCHEVENT_FIXTURE });
    expect(lines(faults)).toEqual([
      '<FunctionName>: FunctionName "insertSignature" is not registered with Office.actions.associate("insertSignature", …) in test/fixtures/manifests/launchevent/**/*.ts',
    ]);
  });

  test("a missing commands folder is reported only when ExecuteFunction is used", () => {
    expect(lines(checkManifest(withExecuteFunction, options))).toEqual([
      '<Action xsi:type="ExecuteFunction">: cannot check FunctionName registration: test/fixtures/manifests/commands-does-not-exist/ not found (expected Office.actions.associate calls for insertSignature)',
    ]);
  });

  test("a manifest that is not a mail add-in is rejected up front", () => {
    const taskPane = MANIFEST.replace('xsi:type="MailApp"', 'xsi:type="TaskPaneApp"');
    expect(lines(checkManifest(taskPane, options))).toEqual([
      '<OfficeApp xsi:type="TaskPaneApp">: root must be <OfficeApp xsi:type="MailApp">',
    ]);
  });
});
