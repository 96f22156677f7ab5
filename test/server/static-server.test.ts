import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as https from "node:https";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { contentTypeFor, createServer, resolveRequestPath } from "../../src/server/static-server";
import type { RunningServer } from "../../src/server/static-server";

let sandbox: string;
let root: string;
let running: RunningServer;

interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** Sends the path exactly as given (fetch would normalise "../" away). */
function rawGet(requestPath: string, method = "GET"): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: running.port, path: requestPath, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  sandbox = mkdtempSync(path.join(os.tmpdir(), "bemotande-server-"));
  root = path.join(sandbox, "dist");
  mkdirSync(path.join(root, ".well-known"), { recursive: true });
  mkdirSync(path.join(root, "assets"));
  writeFileSync(
    path.join(root, "index.html"),
    '<!doctype html><meta charset="utf-8"><title>Bemötande</title>',
  );
  writeFileSync(path.join(root, "taskpane.js"), "console.log('hej');");
  writeFileSync(path.join(root, "manifest.xml"), "<OfficeApp/>");
  writeFileSync(path.join(root, "assets", "icon-16.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(
    path.join(root, ".well-known", "microsoft-officeaddins-allowed.json"),
    JSON.stringify({ allowed: ["https://localhost:3000/launchevent.js"] }),
  );
  writeFileSync(path.join(sandbox, "secret.txt"), "top secret");
  writeFileSync(path.join(sandbox, "dist-other.txt"), "sibling");
  running = await createServer({ root, port: 0 });
});

afterAll(async () => {
  await running.close();
  rmSync(sandbox, { recursive: true, force: true });
});

test("listens on 127.0.0.1 with a free port", () => {
  expect(running.port).toBeGreaterThan(0);
  expect(running.url).toBe(`http://127.0.0.1:${running.port}/`);
});

test("/ serves index.html as UTF-8 HTML", async () => {
  const res = await rawGet("/");
  expect(res.status).toBe(200);
  expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
  expect(res.body).toContain("Bemötande");
});

test.each([
  ["/taskpane.js", "text/javascript; charset=utf-8"],
  ["/manifest.xml", "application/xml; charset=utf-8"],
  ["/assets/icon-16.png", "image/png"],
  ["/index.html?v=1", "text/html; charset=utf-8"],
])("%s is served as %s", async (requestPath, type) => {
  const res = await rawGet(requestPath);
  expect(res.status).toBe(200);
  expect(res.headers["content-type"]).toBe(type);
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
});

test("serves the well-known allow-list as JSON", async () => {
  const res = await rawGet("/.well-known/microsoft-officeaddins-allowed.json");
  expect(res.status).toBe(200);
  expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
  expect(JSON.parse(res.body)).toEqual({ allowed: ["https://localhost:3000/launchevent.js"] });
});

test("HEAD sends headers only", async () => {
  const res = await rawGet("/taskpane.js", "HEAD");
  expect(res.status).toBe(200);
  expect(res.headers["content-length"]).toBe(String("console.log('hej');".length));
  expect(res.body).toBe("");
});

test("other methods get 405", async () => {
  const res = await rawGet("/", "POST");
  expect(res.status).toBe(405);
  expect(res.headers.allow).toBe("GET, HEAD");
});

test("missing files and directories without index.html get 404", async () => {
  expect((await rawGet("/nope.js")).status).toBe(404);
  expect((await rawGet("/assets/")).status).toBe(404);
});

test.each([
  "/../secret.txt",
  "/%2e%2e/secret.txt",
  "/..%2fsecret.txt",
  "/assets/../../secret.txt",
  "/%2e%2e%5csecret.txt",
  "/../dist-other.txt",
])("path traversal %s never leaves the root", async (requestPath) => {
  const res = await rawGet(requestPath);
  expect([400, 404]).toContain(res.status);
  expect(res.body).not.toContain("top secret");
  expect(res.body).not.toContain("sibling");
});

test("malformed percent-encoding is a 400", async () => {
  expect((await rawGet("/%E0%A4%A")).status).toBe(400);
});

describe("resolveRequestPath", () => {
  test("stays inside the root", () => {
    expect(resolveRequestPath("/srv/dist", "/")).toBe(path.resolve("/srv/dist/index.html"));
    expect(resolveRequestPath("/srv/dist", "/a/b.js")).toBe(path.resolve("/srv/dist/a/b.js"));
    // The URL parser folds "%2e%2e" at the root back onto the root: still inside.
    expect(resolveRequestPath("/srv/dist", "/%2e%2e/etc/passwd")).toBe(path.resolve("/srv/dist/etc/passwd"));
    expect(resolveRequestPath("/srv/dist", "/..%2f..%2fetc/passwd")).toBeUndefined();
    expect(resolveRequestPath("/srv/dist", "/a/..%2f..%2f..%2fetc/passwd")).toBeUndefined();
    expect(resolveRequestPath("/srv/dist", "/x%00.js")).toBeUndefined();
  });
});

test("contentTypeFor falls back to octet-stream", () => {
  expect(contentTypeFor("a.json")).toBe("application/json; charset=utf-8");
  expect(contentTypeFor("a.bin")).toBe("application/octet-stream");
});

function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

(hasOpenssl() ? test : test.skip)("serves HTTPS with a given certificate", async () => {
  const certPath = path.join(sandbox, "localhost.crt");
  const keyPath = path.join(sandbox, "localhost.key");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost"].concat([
      "-keyout",
      keyPath,
      "-out",
      certPath,
    ]),
    { stdio: "ignore" },
  );
  const secure = await createServer({
    root,
    port: 0,
    tls: { cert: readFileSync(certPath), key: readFileSync(keyPath) },
  });
  try {
    expect(secure.url).toBe(`https://127.0.0.1:${secure.port}/`);
    const body = await new Promise<string>((resolve, reject) => {
      https
        .get({ host: "127.0.0.1", port: secure.port, path: "/", rejectUnauthorized: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        })
        .on("error", reject);
    });
    expect(body).toContain("Bemötande");
  } finally {
    await secure.close();
  }
});
