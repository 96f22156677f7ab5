import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { OFFICE_JS_CDN, swapOfficeJs } from "../../src/server/addin-pages";
import { createServer } from "../../src/server/static-server";
import type { EmulatorRoutes, RunningServer } from "../../src/server/static-server";

// The add-in pages exactly as html-webpack-plugin minifies them (quotes dropped).
const TASKPANE =
  "<!doctype html><html lang=sv><head><meta charset=utf-8><title>Bemötande</title><script src=" +
  OFFICE_JS_CDN +
  "></script><script defer src=taskpane.js></script></head><body><div id=root></div></body></html>";
const LAUNCHEVENT = `<!doctype html><html lang="sv"><head><meta charset="utf-8" /><script src="${OFFICE_JS_CDN}"></script></head><body><script src=launchevent.js></script></body></html>`;

let sandbox: string;
let root: string;
let running: RunningServer;
const graphCalls: string[] = [];

const fakeGraph: EmulatorRoutes = {
  async handle(req, res) {
    const url = req.url ?? "";
    if (!url.startsWith("/graph/v1.0") && !url.startsWith("/_emulator/")) return false;
    graphCalls.push(`${req.method} ${url}`);
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ handled: url }));
    return true;
  },
};

function request(requestPath: string, method = "GET", server = running) {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: server.port, path: requestPath, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers["content-type"]),
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  sandbox = mkdtempSync(path.join(os.tmpdir(), "bemotande-playground-server-"));
  root = path.join(sandbox, "dist");
  mkdirSync(path.join(root, "playground"), { recursive: true });
  mkdirSync(path.join(root, "assets"));
  writeFileSync(
    path.join(root, "index.html"),
    '<!doctype html><meta charset="utf-8"><title>Start – Bemötande</title>',
  );
  writeFileSync(
    path.join(root, "playground", "index.html"),
    '<!doctype html><meta charset="utf-8"><title>Bemötande – lokal testmiljö</title>',
  );
  writeFileSync(path.join(root, "playground", "office-emulator.js"), "window.Office = {};");
  writeFileSync(path.join(root, "taskpane.html"), TASKPANE);
  writeFileSync(path.join(root, "taskpane.js"), "console.log('pane');");
  writeFileSync(path.join(root, "launchevent.html"), LAUNCHEVENT);
  writeFileSync(path.join(root, "commands.html"), "<!doctype html><title>no office.js here</title>");
  writeFileSync(path.join(root, "assets", "icon-16.png"), Buffer.from([0x89, 0x50]));
  running = await createServer({ root, port: 0, graph: fakeGraph });
});

afterAll(async () => {
  await running.close();
  rmSync(sandbox, { recursive: true, force: true });
});

describe("swapOfficeJs", () => {
  test("replaces the minified CDN tag and nothing else", () => {
    const swapped = swapOfficeJs(TASKPANE);
    expect(swapped).toBe(
      TASKPANE.replace(
        `<script src=${OFFICE_JS_CDN}></script>`,
        '<script src="/playground/office-emulator.js"></script>',
      ),
    );
  });

  test("handles quoted and spaced tags", () => {
    expect(swapOfficeJs(LAUNCHEVENT)).toContain(
      '<script src="/playground/office-emulator.js"></script></head>',
    );
    expect(swapOfficeJs(`<script src='${OFFICE_JS_CDN}' ></script >`)).toBe(
      '<script src="/playground/office-emulator.js"></script>',
    );
  });

  test("refuses pages with no tag, two tags, or a look-alike URL", () => {
    expect(swapOfficeJs("<html></html>")).toBeUndefined();
    const tag = `<script src="${OFFICE_JS_CDN}"></script>`;
    expect(swapOfficeJs(tag + tag)).toBeUndefined();
    expect(swapOfficeJs(`<script src="${OFFICE_JS_CDN}.evil.js"></script>`)).toBeUndefined();
  });
});

describe("playground routes", () => {
  test("/ is the playground page; the start page stays at /index.html", async () => {
    const home = await request("/");
    expect(home.status).toBe(200);
    expect(home.type).toBe("text/html; charset=utf-8");
    expect(home.body).toContain("lokal testmiljö");
    expect((await request("/?user=x")).body).toContain("lokal testmiljö");
    expect((await request("/index.html")).body).toContain("Start – Bemötande");
  });

  test("add-in pages are served with the stand-in instead of the CDN office.js", async () => {
    const page = await request("/playground/addin/taskpane.html");
    expect(page.status).toBe(200);
    expect(page.type).toBe("text/html; charset=utf-8");
    expect(page.body).not.toContain("appsforoffice.microsoft.com");
    expect(page.body).toBe(swapOfficeJs(TASKPANE));
    expect((await request("/playground/addin/launchevent.html")).body).toContain(
      "/playground/office-emulator.js",
    );
    const head = await request("/playground/addin/taskpane.html", "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });

  test("the real pages at their normal paths are unchanged (CDN office.js, for sideloading)", async () => {
    expect((await request("/taskpane.html")).body).toBe(TASKPANE);
  });

  test("relative URLs of the add-in pages resolve under the prefix", async () => {
    const script = await request("/playground/addin/taskpane.js");
    expect(script.status).toBe(200);
    expect(script.body).toBe("console.log('pane');");
    expect((await request("/playground/addin/assets/icon-16.png")).type).toBe("image/png");
    expect((await request("/playground/addin/missing.js")).status).toBe(404);
  });

  test("a page without exactly one CDN office.js is an error, not a silent pass-through", async () => {
    const res = await request("/playground/addin/commands.html");
    expect(res.status).toBe(500);
    expect(res.body).toMatch(/office\.js/);
  });

  test("traversal below the prefix stays inside the root", async () => {
    writeFileSync(path.join(sandbox, "secret.txt"), "top secret");
    for (const p of ["/playground/addin/../../secret.txt", "/playground/addin/..%2f..%2fsecret.txt"]) {
      const res = await request(p);
      expect([400, 404]).toContain(res.status);
      expect(res.body).not.toContain("top secret");
    }
  });

  test("/graph/v1.0 and /_emulator go to the Graph emulator, any method", async () => {
    graphCalls.length = 0;
    expect((await request("/graph/v1.0/me/messages?$top=1")).body).toContain("/graph/v1.0/me/messages");
    expect((await request("/_emulator/reset", "POST")).status).toBe(200);
    expect(graphCalls).toEqual(["GET /graph/v1.0/me/messages?$top=1", "POST /_emulator/reset"]);
  });

  test("without an emulator those paths are ordinary 404/405", async () => {
    const plain = await createServer({ root, port: 0 });
    try {
      expect((await request("/graph/v1.0/me", "GET", plain)).status).toBe(404);
      expect((await request("/_emulator/reset", "POST", plain)).status).toBe(405);
    } finally {
      await plain.close();
    }
  });

  test("playground: false serves dist/ only", async () => {
    const plain = await createServer({ root, port: 0, playground: false });
    try {
      expect((await request("/", "GET", plain)).body).toContain("Start – Bemötande");
      expect((await request("/playground/addin/taskpane.html", "GET", plain)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });

  test("/ falls back to the start page when the playground is not built", async () => {
    rmSync(path.join(root, "playground", "index.html"));
    try {
      expect((await request("/")).body).toContain("Start – Bemötande");
    } finally {
      writeFileSync(path.join(root, "playground", "index.html"), "<title>lokal testmiljö</title>");
    }
  });
});
