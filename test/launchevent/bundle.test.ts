import { readdirSync, readFileSync, rmSync } from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "acorn";
import { compile, loadWebpackConfig } from "./webpack-harness";
import type { CompileResult } from "./webpack-harness";

jest.setTimeout(60_000);

let build: CompileResult;
let js: string;

beforeAll(async () => {
  build = await compile(loadWebpackConfig("launchevent", "production"));
  js = readFileSync(path.join(build.outDir, "launchevent.js"), "utf8");
});

afterAll(() => rmSync(build.outDir, { recursive: true, force: true }));

describe("launchevent.js (production bundle)", () => {
  test("is a single script plus its HTML page", () => {
    expect(readdirSync(build.outDir).sort()).toEqual(["launchevent.html", "launchevent.js"]);
    const chunks = build.stats.toJson({ all: false, chunks: true }).chunks ?? [];
    expect(chunks).toHaveLength(1);
  });

  test("associates both handler names the manifest uses", () => {
    expect(js).toContain('"onNewMessageComposeHandler"');
    expect(js).toContain('"onMessageSendHandler"');
    expect(js).toContain("allowEvent");
  });

  test("loads nothing at run time", () => {
    expect(js).not.toMatch(/\bimport\s*\(/);
    expect(js).not.toMatch(/\brequire\s*\(/);
    expect(js).not.toContain("importScripts");
    expect(js).not.toContain("webpackChunk");
    expect(js).not.toMatch(/__webpack_require__\.(e|l|f)\b/);
    expect(js).not.toContain("document.createElement");
  });

  test("contains no React", () => {
    expect(js).not.toMatch(/react/i);
    expect(js).not.toContain("createElement");
  });

  test("is ES2016 syntax (classic Outlook on Windows' JavaScript runtime)", () => {
    expect(() => parse(js, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
  });

  test("stays within the handler's budget: 80 KB gzip", () => {
    expect(gzipSync(js).length).toBeLessThanOrEqual(80 * 1024);
  });

  test("includes the send-time check but not the language rules or the schema validator", () => {
    expect(js).toContain("Bemotande.ComposePaneButton");
    expect(js).toContain("bemotande.profile.v1");
    expect(js).toContain("setSignatureAsync");
    expect(js).not.toContain("tillhandahåll"); // the jargon lexicon
    expect(js).not.toMatch(/\bzod\b/);
  });

  test("builds no ES2018 regular expressions at run time either", () => {
    // acorn checks regex literals; patterns built with new RegExp are strings, so look for the
    // ES2018 features there too: lookbehind and named groups "(?<", Unicode properties "\p{".
    expect(js).not.toContain("(?<");
    expect(js).not.toContain("\\p{");
  });

  test("the ES2016 check has teeth: ES2017 syntax is rejected", () => {
    expect(() =>
      parse("async function f() { await 1; }", { ecmaVersion: 2016, sourceType: "script" }),
    ).toThrow();
  });

  test("launchevent.html is UTF-8, loads office.js from the CDN, then launchevent.js", () => {
    const html = readFileSync(path.join(build.outDir, "launchevent.html"), "utf8");
    expect(html).toMatch(/<html[^>]*\slang=["']?sv/);
    expect(html).toMatch(/<meta charset=["']?utf-8["']?/i);
    const office = html.indexOf("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const handler = html.search(/<script[^>]*src=["']?launchevent\.js/);
    expect(office).toBeGreaterThan(-1);
    expect(handler).toBeGreaterThan(office);
    expect(html).toContain("Bemötande");
  });

  test("has no source map in production", () => {
    expect(js).not.toContain("sourceMappingURL");
  });
});

describe("launchevent.js (development bundle)", () => {
  test("is still one ES2016 script, with an external source map", async () => {
    const dev = await compile(loadWebpackConfig("launchevent", "development"));
    try {
      const devJs = readFileSync(path.join(dev.outDir, "launchevent.js"), "utf8");
      expect(() => parse(devJs, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
      expect(devJs).not.toContain("eval(");
      expect(devJs).toContain("sourceMappingURL=launchevent.js.map");
      expect(readdirSync(dev.outDir).sort()).toEqual([
        "launchevent.html",
        "launchevent.js",
        "launchevent.js.map",
      ]);
    } finally {
      rmSync(dev.outDir, { recursive: true, force: true });
    }
  });
});
