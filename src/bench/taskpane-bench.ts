/**
 * The task pane's budgets (issue 6): initial JS of taskpane.html (gzip), the event handler
 * bundle (gzip), and the first render of the compose pane in the playground relative to a bare
 * React + Fluent "hello" page, both loaded cold in the same headless Chromium in the same run.
 *
 * "First render" is the `bemotande:first-render` performance mark each page sets when its first
 * real content is committed, measured from that document's own navigation start.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build as esbuild } from "esbuild";
import type { Browser, Frame, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { buildAll, repoRoot } from "../build/build-all";
import { findBrowser, LAUNCH_ARGS } from "../build/chromium";
import { createGraphEmulator } from "../emulator/graph";
import { createServer } from "../server/static-server";
import { median } from "./stats";

export interface TaskpaneResults {
  readonly initial_js_gzip_kb: number;
  readonly launchevent_gzip_kb: number;
  readonly first_render_ratio: number;
  readonly pane_first_render_ms: number;
  readonly hello_first_render_ms: number;
}

export const TASKPANE_BUDGETS = {
  initialJsGzipKb: 230,
  launcheventGzipKb: 80,
  firstRenderRatio: 1.5,
} as const;

const MARK = "bemotande:first-render";
const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;
const gzipKb = (file: string): number => kb(gzipSync(readFileSync(file), { level: 9 }).length);

/** Scripts taskpane.html loads itself (office.js comes from Microsoft's CDN and is not ours). */
export function initialScripts(html: string): string[] {
  return [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)]
    .map((m) => m[1] as string)
    .filter((src) => !/^https?:/.test(src));
}

async function buildHello(outDir: string): Promise<void> {
  const dir = path.join(outDir, "bench-hello");
  mkdirSync(dir, { recursive: true });
  await esbuild({
    entryPoints: [path.join(repoRoot, "src/bench/hello/hello.tsx")],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    outfile: path.join(dir, "hello.js"),
    logLevel: "warning",
  });
  writeFileSync(
    path.join(dir, "hello.html"),
    '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Hej</title></head>' +
      '<body><div id="root"></div><script src="hello.js"></script></body></html>',
  );
}

async function markTime(frame: Frame | Page): Promise<number> {
  await frame.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, {
    timeout: 30_000,
  });
  return frame.evaluate(
    (mark) => (performance.getEntriesByName(mark)[0] as PerformanceEntry).startTime,
    MARK,
  );
}

async function paneFirstRender(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole("button", { name: /Nytt meddelande/ }).click();
    const frame = await waitForFrame(page, /\/playground\/addin\/taskpane\.html/);
    return await markTime(frame);
  } finally {
    await context.close();
  }
}

async function waitForFrame(page: Page, pattern: RegExp): Promise<Frame> {
  for (let waited = 0; waited < 30_000; waited += 50) {
    const frame = page.frames().find((f) => pattern.test(f.url()));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error(`no frame matching ${pattern} appeared`);
}

async function helloFirstRender(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${url}bench-hello/hello.html`);
    return await markTime(page);
  } finally {
    await context.close();
  }
}

export async function measureTaskpane(
  options: {
    runs?: number;
    /** A production build (buildAll); built here when absent. */ outDir?: string;
  } = {},
): Promise<TaskpaneResults> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error("no Chromium found (set CHROME_PATH); the task-pane bench needs one");
  const outDir = options.outDir ?? (await buildAll());
  await buildHello(outDir);
  const html = readFileSync(path.join(outDir, "taskpane.html"), "utf8");
  const initial = initialScripts(html).reduce((sum, src) => sum + gzipKb(path.join(outDir, src)), 0);
  const launchevent = gzipKb(path.join(outDir, "launchevent.js"));

  const server = await createServer({ root: outDir, port: 0, graph: createGraphEmulator() });
  const browser = await chromium.launch({ executablePath, args: [...LAUNCH_ARGS] });
  try {
    const runs = options.runs ?? 7;
    await paneFirstRender(browser, server.url); // warm-up: server caches, JIT
    await helloFirstRender(browser, server.url);
    const pane: number[] = [];
    const hello: number[] = [];
    for (let i = 0; i < runs; i++) {
      pane.push(await paneFirstRender(browser, server.url));
      hello.push(await helloFirstRender(browser, server.url));
    }
    const paneMs = median(pane);
    const helloMs = median(hello);
    return {
      initial_js_gzip_kb: Math.round(initial * 10) / 10,
      launchevent_gzip_kb: launchevent,
      first_render_ratio: Math.round((paneMs / helloMs) * 100) / 100,
      pane_first_render_ms: Math.round(paneMs * 10) / 10,
      hello_first_render_ms: Math.round(helloMs * 10) / 10,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

export function formatTaskpaneReport(r: TaskpaneResults): string {
  const row = (ok: boolean, what: string, value: string) =>
    `${ok ? "PASS" : "FAIL"}  ${what.padEnd(40)} ${value}`;
  return [
    "task pane budgets",
    row(
      r.initial_js_gzip_kb <= TASKPANE_BUDGETS.initialJsGzipKb,
      "initial JS ≤ 230 KB gzip",
      `${r.initial_js_gzip_kb} KB`,
    ),
    row(
      r.launchevent_gzip_kb <= TASKPANE_BUDGETS.launcheventGzipKb,
      "event handler ≤ 80 KB gzip",
      `${r.launchevent_gzip_kb} KB`,
    ),
    row(
      r.first_render_ratio <= TASKPANE_BUDGETS.firstRenderRatio,
      "compose pane first render ≤ 1.5× hello",
      `${r.first_render_ratio}× (${r.pane_first_render_ms} ms vs ${r.hello_first_render_ms} ms)`,
    ),
  ].join("\n");
}
