import { existsSync, readFileSync, rmSync } from "node:fs";
import * as path from "node:path";
import {
  DEV_BASE_URL,
  resolveAddinBaseUrl,
  rewriteManifest,
  wellKnownAllowedJson,
} from "../../src/build/addin-base-url.cjs";
import { compile, loadWebpackConfig, loadWebpackConfigs, repoRoot } from "../launchevent/webpack-harness";
import type { CompileResult } from "../launchevent/webpack-harness";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

describe("resolveAddinBaseUrl", () => {
  test("defaults to https://localhost:3000", () => {
    expect(resolveAddinBaseUrl(undefined)).toBe("https://localhost:3000");
    expect(resolveAddinBaseUrl("  ")).toBe(DEV_BASE_URL);
  });

  test("strips trailing slashes and keeps a path", () => {
    expect(resolveAddinBaseUrl("https://addin.nvk.se/")).toBe("https://addin.nvk.se");
    expect(resolveAddinBaseUrl("https://cdn.nvk.se/bemotande//")).toBe("https://cdn.nvk.se/bemotande");
    expect(resolveAddinBaseUrl("https://addin.nvk.se:8443")).toBe("https://addin.nvk.se:8443");
  });

  test("allows plain http only on localhost / 127.0.0.1", () => {
    expect(resolveAddinBaseUrl("http://localhost:3000/")).toBe("http://localhost:3000");
    expect(resolveAddinBaseUrl("http://127.0.0.1:8080")).toBe("http://127.0.0.1:8080");
    expect(() => resolveAddinBaseUrl("http://addin.nvk.se")).toThrow(/https/);
    expect(() => resolveAddinBaseUrl("http://localhost.evil.example")).toThrow(/https/);
  });

  test("rejects what is not a usable base", () => {
    expect(() => resolveAddinBaseUrl("addin.nvk.se")).toThrow(/not a valid URL/);
    expect(() => resolveAddinBaseUrl("ftp://addin.nvk.se")).toThrow(/https/);
    expect(() => resolveAddinBaseUrl("https://addin.nvk.se/?v=1")).toThrow(/query/);
    expect(() => resolveAddinBaseUrl("https://addin.nvk.se/#x")).toThrow(/fragment/);
  });
});

describe("rewriteManifest", () => {
  test("replaces every https://localhost:3000, and nothing else", () => {
    const xml =
      '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>' +
      '<bt:Url id="js" DefaultValue="https://localhost:3000/launchevent.js"/>' +
      "<AppDomain>https://localhost:30001</AppDomain><x>https://login.microsoftonline.com</x>";
    const out = rewriteManifest(xml, "https://addin.nvk.se/app");
    expect(out).toContain('"https://addin.nvk.se/app/taskpane.html"');
    expect(out).toContain('"https://addin.nvk.se/app/launchevent.js"');
    expect(out).toContain("https://localhost:30001");
    expect(out).toContain("https://login.microsoftonline.com");
  });

  test("treats $ in the base literally", () => {
    expect(rewriteManifest("https://localhost:3000/a", "https://x.se/$&")).toBe("https://x.se/$&/a");
  });
});

describe("wellKnownAllowedJson", () => {
  test("lists the event-handler script under the base URL", () => {
    expect(JSON.parse(wellKnownAllowedJson("https://addin.nvk.se"))).toEqual({
      allowed: ["https://addin.nvk.se/launchevent.js"],
    });
  });
});

describe("webpack.config.js", () => {
  test("exports two builds: taskpane and launchevent", () => {
    expect(loadWebpackConfigs("production").map((c) => c.name)).toEqual(["taskpane", "launchevent"]);
  });

  test("source maps in development only", () => {
    for (const config of loadWebpackConfigs("production")) expect(config.devtool).toBe(false);
    for (const config of loadWebpackConfigs("development")) expect(config.devtool).toBe("source-map");
  });

  test("refuses a non-https ADDIN_BASE_URL", () => {
    const saved = process.env.ADDIN_BASE_URL;
    process.env.ADDIN_BASE_URL = "http://addin.nvk.se";
    try {
      expect(() => loadWebpackConfigs("production")).toThrow(/https/);
    } finally {
      if (saved === undefined) delete process.env.ADDIN_BASE_URL;
      else process.env.ADDIN_BASE_URL = saved;
    }
  });
});

describe("HTML templates", () => {
  const templates = [
    "src/taskpane/taskpane.html",
    "src/commands/commands.html",
    "src/launchevent/launchevent.html",
    "src/auth-dialog/auth-dialog.html",
  ];
  test.each(templates)("%s declares UTF-8 and a language, and loads office.js from the CDN", (file) => {
    const html = readFileSync(path.join(repoRoot, file), "utf8");
    expect(html).toMatch(/<meta charset="utf-8"/i);
    expect(html).toMatch(/<html lang="sv">/);
    expect(html).toContain(`<script src="${OFFICE_JS}"></script>`);
  });
});

describe("taskpane build (production, custom base URL)", () => {
  jest.setTimeout(180_000);
  let build: CompileResult;
  const read = (file: string): string => readFileSync(path.join(build.outDir, file), "utf8");

  beforeAll(async () => {
    const saved = process.env.ADDIN_BASE_URL;
    process.env.ADDIN_BASE_URL = "https://addin.nvk.se/bemotande/";
    try {
      build = await compile(loadWebpackConfig("taskpane", "production"));
    } finally {
      if (saved === undefined) delete process.env.ADDIN_BASE_URL;
      else process.env.ADDIN_BASE_URL = saved;
    }
  });

  afterAll(() => rmSync(build.outDir, { recursive: true, force: true }));

  test("each page includes only its own script, after office.js from the CDN", () => {
    const pages: Record<string, string[]> = {
      "taskpane.html": ["taskpane.js"],
      "commands.html": ["commands.js"],
    };
    for (const [page, scripts] of Object.entries(pages)) {
      const html = read(page);
      expect(html).toMatch(/<meta charset=["']?utf-8/i);
      expect(html).toMatch(/<html lang=["']?sv/);
      const srcs = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]);
      expect(srcs).toEqual([OFFICE_JS, ...scripts]);
    }
  });

  test("taskpane.html preloads the pane's chunks; the entry itself stays small and without React", () => {
    const html = read("taskpane.html");
    const preloads = [
      ...html.matchAll(/<link rel=["']?preload["']? as=["']?script["']? href=["']?([^"' >]+)/g),
    ].map((m) => m[1] as string);
    expect(preloads.filter((file) => /^pane\.[0-9a-f]{8}\.js$/.test(file))).toHaveLength(1);
    for (const file of preloads) expect(existsSync(path.join(build.outDir, file))).toBe(true);
    // Preloaded before office.js and the entry, so that they download from the start.
    expect(html.indexOf(preloads[0] as string)).toBeLessThan(html.indexOf(OFFICE_JS));
    const entry = read("taskpane.js");
    expect(entry.length).toBeLessThan(30_000);
    expect(entry).not.toContain("react.transitional.element");
    const pane = preloads.map(read).join("\n");
    expect(pane).toContain("react.transitional.element");
  });

  test("office.js is never bundled", () => {
    expect(read("taskpane.js")).not.toContain("appsforoffice.microsoft.com");
  });

  test("writes the well-known allow-list for the base URL", () => {
    expect(JSON.parse(read(".well-known/microsoft-officeaddins-allowed.json"))).toEqual({
      allowed: ["https://addin.nvk.se/bemotande/launchevent.js"],
    });
  });

  const manifestSource = path.join(repoRoot, "manifest.xml");
  test("writes manifest.xml with every dev URL rewritten", () => {
    const manifest = read("manifest.xml");
    expect(manifest).not.toContain("https://localhost:3000");
    expect(manifest).toContain("https://addin.nvk.se/bemotande/taskpane.html");
    expect(manifest).toBe(
      rewriteManifest(readFileSync(manifestSource, "utf8"), "https://addin.nvk.se/bemotande"),
    );
  });

  test("copies the icons", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(existsSync(path.join(build.outDir, `assets/icon-${size}.png`))).toBe(true);
    }
  });

  test("the start page is UTF-8 Swedish with an English line, and needs no office.js", () => {
    const html = read("index.html");
    expect(html).toMatch(/<meta charset=["']?utf-8/i);
    expect(html).not.toContain("appsforoffice");
    expect(html).toContain("Bemötande");
    expect(html).toContain("npx office-addin-debugging start manifest.xml");
    expect(html).toMatch(/href=["']?taskpane\.html/);
    expect(html).toMatch(/href=["']?manifest\.xml/);
    expect(html).toMatch(/lang=["']?en/);
  });
});
