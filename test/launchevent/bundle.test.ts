import { readdirSync, readFileSync, rmSync } from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import { gzipSync } from "node:zlib";
import { parse } from "acorn";
import { compile, loadWebpackConfig } from "./webpack-harness";
import type { CompileResult } from "./webpack-harness";

jest.setTimeout(60_000);

/** The lazy chunk's file name: launchevent.<webpackChunkName>.<contenthash>.js. */
const CHUNK_FILE = /^launchevent\.graph-profile\.[0-9a-f]{8}\.js$/;

let build: CompileResult;
let js: string;
let chunkFile: string;
let chunk: string;

beforeAll(async () => {
  build = await compile(loadWebpackConfig("launchevent", "production"));
  js = readFileSync(path.join(build.outDir, "launchevent.js"), "utf8");
  chunkFile = readdirSync(build.outDir).find((f) => CHUNK_FILE.test(f)) ?? "";
  chunk = chunkFile === "" ? "" : readFileSync(path.join(build.outDir, chunkFile), "utf8");
});

afterAll(() => rmSync(build.outDir, { recursive: true, force: true }));

describe("launchevent.js (production bundle)", () => {
  test("is one script, its HTML page and one lazy chunk (graph-profile)", () => {
    expect(chunkFile).toMatch(CHUNK_FILE);
    const files = readdirSync(build.outDir).sort();
    expect(files.filter((f) => !f.endsWith(".LICENSE.txt"))).toEqual(
      ["launchevent.html", "launchevent.js", chunkFile].sort(),
    );
    const chunks = build.stats.toJson({ all: false, chunks: true }).chunks ?? [];
    expect(chunks.map((c) => ({ initial: c.initial, names: c.names }))).toEqual(
      expect.arrayContaining([
        { initial: true, names: ["launchevent"] },
        { initial: false, names: ["graph-profile"] },
      ]),
    );
    expect(chunks).toHaveLength(2);
  });

  test("associates both handler names the manifest uses", () => {
    expect(js).toContain('"onNewMessageComposeHandler"');
    expect(js).toContain('"onMessageSendHandler"');
    expect(js).toContain("allowEvent");
  });

  test("loads nothing but its chunk, and that with a <script> (no import(), require or importScripts)", () => {
    expect(js).not.toMatch(/\bimport\s*\(/);
    expect(js).not.toMatch(/\brequire\s*\(/);
    expect(js).not.toContain("importScripts");
    // The entry names that one file (and so loads it only through webpack's <script> loader).
    expect(js.includes(`"${chunkFile}"`)).toBe(true);
  });

  test("contains no React, no MSAL and no Graph SDK: those are in the chunk", () => {
    expect(js).not.toMatch(/react/i);
    // (Booleans, so that a failure does not print a whole bundle.)
    expect(/msal/i.test(js)).toBe(false);
    expect(js.includes("acquireTokenSilent")).toBe(false);
    expect(js.includes("nestedAppAuthBridge")).toBe(false);
    expect(js.includes("SdkVersion")).toBe(false);
    expect(chunk.includes("acquireTokenSilent")).toBe(true);
    expect(chunk.includes('"/me"')).toBe(true);
  });

  test("is ES2016 syntax (classic Outlook on Windows' JavaScript runtime)", () => {
    expect(() => parse(js, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
  });

  test("stays within the handler's budget: 80 KB gzip", () => {
    expect(gzipSync(js).length).toBeLessThanOrEqual(80 * 1024);
  });

  test("the lazy chunk is ES2020 (MSAL as published): it loads only in the HTML runtimes", () => {
    expect(() => parse(chunk, { ecmaVersion: 2020, sourceType: "script" })).not.toThrow();
    // Not a budget, a tripwire: MSAL, the silent provider and the Graph client are ~88 KB gzip.
    expect(gzipSync(chunk).length).toBeLessThanOrEqual(110 * 1024);
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
    // The chunk is not preloaded: most new messages find a fresh cache and never need it.
    expect(html).not.toContain("graph-profile");
  });

  test("has no source map in production", () => {
    expect(js).not.toContain("sourceMappingURL");
  });
});

/** A fake Office for running the built bundle: records calls, answers later. */
function fakeOffice(roaming: Record<string, unknown> = {}) {
  const calls: string[] = [];
  const signatures: string[] = [];
  const handlers = new Map<string, (event: { completed: (options?: unknown) => void }) => void>();
  type Callback = (result: { status: string }) => void;
  const ok = (callback: Callback) => setTimeout(() => callback({ status: "succeeded" }), 0);
  const office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Html: "html" },
    actions: {
      associate: (name: string, fn: (event: { completed: () => void }) => void) => handlers.set(name, fn),
    },
    context: {
      displayLanguage: "sv-SE",
      // NestedAppAuth too: only the runtime's own abilities keep the chunk away.
      requirements: { isSetSupported: (name: string) => name === "Mailbox" || name === "NestedAppAuth" },
      roamingSettings: { get: (key: string) => roaming[key], set: () => calls.push("set"), saveAsync: ok },
      mailbox: {
        restUrl: "https://outlook.office.com/api",
        userProfile: { displayName: "Anna Berg", emailAddress: "anna.berg@nvk.se" },
        item: {
          body: {
            setSignatureAsync: (data: string, _options: unknown, callback: Callback) => {
              signatures.push(data);
              ok(callback);
            },
          },
          disableClientSignatureAsync: (callback: Callback) => ok(callback),
        },
      },
    },
  };
  const compose = (): Promise<unknown[][]> =>
    new Promise((resolve) => {
      const completed: unknown[][] = [];
      handlers.get("onNewMessageComposeHandler")?.({
        completed: (...args: unknown[]) => {
          completed.push(args);
          setTimeout(() => resolve(completed), 30);
        },
      });
    });
  return { office, calls, signatures, handlers, compose };
}

describe("launchevent.js run as the hosts run it", () => {
  test("classic Outlook's JavaScript-only runtime: no document, self, window or globalThis — it still works alone", async () => {
    const fake = fakeOffice();
    const context = vm.createContext({ Office: fake.office, setTimeout, clearTimeout });
    vm.runInContext("delete globalThis.globalThis;", context);
    expect(
      vm.runInContext("typeof self + typeof window + typeof document + typeof globalThis", context),
    ).toBe("undefinedundefinedundefinedundefined");
    vm.runInContext(js, context, { filename: "launchevent.js" });
    expect([...fake.handlers.keys()].sort()).toEqual(["onMessageSendHandler", "onNewMessageComposeHandler"]);
    expect(await fake.compose()).toEqual([[]]);
    // Office's userProfile: name and address, no title; the chunk was never asked for.
    expect(fake.signatures).toHaveLength(1);
    expect(fake.signatures[0]).toContain("anna.berg@nvk.se");
    expect(fake.calls).toEqual([]);
  });

  test("… even if that runtime ran the file as a strict function (top-level `this` undefined)", async () => {
    const fake = fakeOffice();
    const context = vm.createContext({ Office: fake.office, setTimeout, clearTimeout });
    vm.runInContext("delete globalThis.globalThis;", context);
    vm.runInContext(`(function () { "use strict";\n${js}\n}).call(undefined);`, context);
    expect([...fake.handlers.keys()].sort()).toEqual(["onMessageSendHandler", "onNewMessageComposeHandler"]);
    expect(await fake.compose()).toEqual([[]]);
    expect(fake.signatures).toHaveLength(1);
  });

  /** A document that records the scripts added to it and fails to load them. */
  function fakeDocument() {
    const added: string[] = [];
    const document = {
      createElement: (tag: string) => ({ tagName: tag.toUpperCase(), setAttribute: () => undefined }),
      getElementsByTagName: () => [],
      head: {
        appendChild: (script: { src: string; onerror?: (event: unknown) => void }) => {
          added.push(script.src);
          setTimeout(() => script.onerror?.({ type: "error", target: script }), 5);
        },
      },
    };
    return { document, added };
  }

  /** Runs the bundle as the HTML runtime (web, new Outlook, Mac) loads it: with a document. */
  function runInHtmlRuntime(office: unknown, document: unknown): void {
    const context = vm.createContext({
      Office: office,
      setTimeout,
      clearTimeout,
      document,
      fetch,
      AbortController,
      location: { href: "https://addin.nvk.se/launchevent.html" },
    });
    vm.runInContext(js, context, { filename: "launchevent.js" });
  }

  test("the HTML runtime, no cached profile: the chunk is requested beside the page; if it fails, Office's profile", async () => {
    const fake = fakeOffice();
    const { document, added } = fakeDocument();
    runInHtmlRuntime(fake.office, document);
    expect(await fake.compose()).toEqual([[]]);
    // publicPath "": relative to launchevent.html, which the chunk sits beside.
    expect(added).toEqual([chunkFile]);
    expect(fake.signatures).toHaveLength(1);
    expect(fake.signatures[0]).toContain("anna.berg@nvk.se");
    expect(fake.calls).toEqual([]);
  });

  test("the HTML runtime with a fresh cached profile: no chunk", async () => {
    const fake = fakeOffice({
      "bemotande.profile.v1": JSON.stringify({
        profile: {
          displayName: "Anna Berg",
          jobTitle: "Handläggare",
          businessPhones: [],
          mail: "anna.berg@nvk.se",
        },
        savedAt: new Date().toISOString(),
      }),
    });
    const { document, added } = fakeDocument();
    runInHtmlRuntime(fake.office, document);
    expect(await fake.compose()).toEqual([[]]);
    expect(added).toEqual([]);
    expect(fake.signatures[0]).toContain("Handläggare");
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
      const files = readdirSync(dev.outDir);
      expect(files.filter((f) => !/^launchevent\.graph-profile\./.test(f)).sort()).toEqual([
        "launchevent.html",
        "launchevent.js",
        "launchevent.js.map",
      ]);
      expect(
        files.filter((f) => /^launchevent\.graph-profile\.[0-9a-f]{8}\.js(\.map)?$/.test(f)),
      ).toHaveLength(2);
    } finally {
      rmSync(dev.outDir, { recursive: true, force: true });
    }
  });
});
