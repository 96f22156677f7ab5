// A small static file server for dist/: enough to sideload the add-in from localhost and to serve
// the local playground. Not a production web server.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import * as http from "node:http";
import * as https from "node:https";
import type { AddressInfo } from "node:net";
import * as path from "node:path";

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
}

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

function handler(root: string): http.RequestListener {
  return (req, res) => {
    void (async () => {
      const head = req.method === "HEAD";
      if (req.method !== "GET" && !head) {
        res.setHeader("Allow", "GET, HEAD");
        sendText(res, 405, "Method not allowed\n", false);
        return;
      }
      const filePath = resolveRequestPath(root, req.url ?? "/");
      if (!filePath) {
        sendText(res, 400, "Bad request\n", head);
        return;
      }
      let target = filePath;
      let info = await stat(target).catch(() => undefined);
      if (info?.isDirectory()) {
        target = path.join(target, "index.html");
        info = await stat(target).catch(() => undefined);
      }
      if (!info?.isFile()) {
        sendText(res, 404, "Not found\n", head);
        return;
      }
      res.writeHead(200, {
        "Content-Type": contentTypeFor(target),
        "Content-Length": info.size,
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
      });
      if (head) {
        res.end();
        return;
      }
      const stream = createReadStream(target);
      stream.on("error", () => res.destroy());
      stream.pipe(res);
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
  const listener = handler(root);
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
