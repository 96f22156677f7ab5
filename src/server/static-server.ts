// A small static file server for dist/: enough to sideload the add-in from localhost and to serve
// the local playground (see docs/playground.md). Not a production web server.
//   /                      the playground page (dist/playground/index.html), else dist/index.html
//   /graph/…, /_emulator/… the Graph emulator, when one is given
//   /playground/addin/…    the add-in's files; its pages with office.js swapped for the stand-in
//   everything else        dist/ as built
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import * as http from "node:http";
import * as https from "node:https";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { ADDIN_PAGES, PLAYGROUND_ADDIN_PREFIX, swapOfficeJs } from "./addin-pages";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? "application/octet-stream";
}

export interface TlsFiles {
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
}

export interface StaticServerOptions {
  /** Directory to serve (dist/). */
  readonly root: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Defaults to 127.0.0.1. */
  readonly host?: string;
  /** Serve HTTPS with this certificate and key. */
  readonly tls?: TlsFiles;
  /** Handles /graph/… and /_emulator/… (the Graph emulator); without it those paths are 404. */
  readonly graph?: EmulatorRoutes;
  /** Serve the playground routes ("/" and /playground/addin/…); default true. */
  readonly playground?: boolean;
}

/** The part of the Graph emulator the server needs. */
export interface EmulatorRoutes {
  /** Resolves false when the request is not for the emulator. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean>;
}

/** Path prefixes routed to the Graph emulator. */
export const EMULATOR_PREFIXES: readonly string[] = ["/graph/", "/_emulator/"];

export interface RunningServer {
  readonly server: http.Server;
  readonly port: number;
  /** Base URL, ending in "/". */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Resolves a URL path inside root; undefined when the path is malformed or would escape root.
 * "/" and paths ending in "/" map to index.html.
 */
export function resolveRequestPath(root: string, urlPath: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(urlPath, "http://localhost").pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes("\0") || pathname.includes("\\")) return undefined;
  if (pathname.endsWith("/")) pathname += "index.html";
  const base = path.resolve(root);
  const resolved = path.resolve(base, `.${pathname}`);
  if (resolved !== base && !resolved.startsWith(base + path.sep)) return undefined;
  return resolved;
}

function sendText(res: http.ServerResponse, status: number, text: string, head: boolean): void {
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "X-Content-Type-Options": "nosniff",
  });
  res.end(head ? undefined : text);
}

function pathnameOf(url: string): string | undefined {
  try {
    return new URL(url, "http://localhost").pathname;
  } catch {
    return undefined;
  }
}

function isEmulatorPath(pathname: string): boolean {
  return EMULATOR_PREFIXES.some((prefix) => pathname.startsWith(prefix) || pathname === prefix.slice(0, -1));
}

async function serveFile(res: http.ServerResponse, target: string, head: boolean): Promise<boolean> {
  let file = target;
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = path.join(file, "index.html");
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    "Content-Type": contentTypeFor(file),
    "Content-Length": info.size,
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
  });
  if (head) {
    res.end();
    return true;
  }
  const stream = createReadStream(file);
  stream.on("error", () => res.destroy());
  stream.pipe(res);
  return true;
}

/** An add-in page with office.js swapped for the stand-in; false when the page is not built. */
async function serveAddinPage(
  res: http.ServerResponse,
  root: string,
  page: string,
  head: boolean,
): Promise<boolean> {
  const html = await readFile(path.join(root, page), "utf8").catch(() => undefined);
  if (html === undefined) return false;
  const swapped = swapOfficeJs(html);
  if (swapped === undefined) {
    sendText(res, 500, `${page} does not load office.js from the CDN exactly once; cannot swap it\n`, head);
    return true;
  }
  res.writeHead(200, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(swapped),
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(head ? undefined : swapped);
  return true;
}

function handler(root: string, options: StaticServerOptions): http.RequestListener {
  const playground = options.playground ?? true;
  return (req, res) => {
    void (async () => {
      const pathname = pathnameOf(req.url ?? "/");
      if (options.graph && pathname !== undefined && isEmulatorPath(pathname)) {
        if (await options.graph.handle(req, res)) return;
      }
      const head = req.method === "HEAD";
      if (req.method !== "GET" && !head) {
        res.setHeader("Allow", "GET, HEAD");
        sendText(res, 405, "Method not allowed\n", false);
        return;
      }
      let urlPath = req.url ?? "/";
      if (playground && pathname === "/") {
        if (await serveFile(res, path.join(root, "playground", "index.html"), head)) return;
      }
      if (playground && pathname?.startsWith(PLAYGROUND_ADDIN_PREFIX)) {
        const rest = pathname.slice(PLAYGROUND_ADDIN_PREFIX.length);
        if (ADDIN_PAGES.includes(rest)) {
          if (await serveAddinPage(res, root, rest, head)) return;
          sendText(res, 404, "Not found\n", head);
          return;
        }
        // The pages' relative URLs (scripts, chunks, icons) resolve under the prefix.
        urlPath = "/" + (req.url ?? "/").slice(PLAYGROUND_ADDIN_PREFIX.length);
      }
      const filePath = resolveRequestPath(root, urlPath);
      if (!filePath) {
        sendText(res, 400, "Bad request\n", head);
        return;
      }
      if (!(await serveFile(res, filePath, head))) sendText(res, 404, "Not found\n", head);
    })().catch(() => {
      if (!res.headersSent) sendText(res, 500, "Internal server error\n", false);
      else res.destroy();
    });
  };
}

/** Starts serving options.root; resolves once listening. */
export function createServer(options: StaticServerOptions): Promise<RunningServer> {
  const root = path.resolve(options.root);
  const host = options.host ?? "127.0.0.1";
  const listener = handler(root, options);
  const server: http.Server = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, listener)
    : http.createServer(listener);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.off("error", reject);
      const port = (server.address() as AddressInfo).port;
      const scheme = options.tls ? "https" : "http";
      const shownHost = host === "0.0.0.0" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
      resolve({
        server,
        port,
        url: `${scheme}://${shownHost}:${port}/`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
