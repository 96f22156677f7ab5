// Browser journey: in the playground, the task pane signs in through MSAL's real nested app
// authentication code path (createNestablePublicClientApplication → NestedAppAuthController →
// BridgeProxy) against the Office.js stand-in's emulated bridge, and reads the mailbox's working
// hours from the Graph emulator (GET /me/mailboxSettings). The reply deadline then follows them.
import { rmSync } from "node:fs";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { createGraphEmulator } from "../../src/emulator/graph";
import { createServer } from "../../src/server/static-server";
import type { RunningServer } from "../../src/server/static-server";
import { browserSuite, LAUNCH_ARGS } from "./browser";
import { buildAll } from "./build";

const { browserPath, suite } = browserSuite();

interface BridgeLogEntry {
  method: string;
  scopes: string[];
  outcome: string;
}

suite("sign-in in the playground (nested app authentication)", () => {
  jest.setTimeout(30_000);

  let outDir: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let upn = "";
  const consoleErrors: string[] = [];
  const consoleTexts: string[] = [];
  const externalRequests: string[] = [];
  const issuedTokens: string[] = [];

  const emulator = async (path: string, init?: RequestInit): Promise<Response> =>
    fetch(new URL(path, server.url), init);

  /** Sets the mailbox's working hours the way Graph clients do (PATCH /me/mailboxSettings). */
  async function setWorkingHours(start: string, end: string): Promise<void> {
    const tokenResponse = await emulator("/_emulator/token", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ user: upn, scopes: ["MailboxSettings.ReadWrite"] }),
    });
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
    const patched = await emulator("/graph/v1.0/me/mailboxSettings", {
      method: "PATCH",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        workingHours: { startTime: `${start}:00.0000000`, endTime: `${end}:00.0000000` },
      }),
    });
    expect(patched.status).toBe(200);
  }

  async function paneFrame(): Promise<Frame> {
    const handle = await page.waitForSelector("iframe.taskpane-frame");
    const frame = await handle.contentFrame();
    if (!frame) throw new Error("no task pane frame");
    return frame;
  }

  const bridgeLog = async (): Promise<BridgeLogEntry[]> =>
    (await paneFrame()).evaluate(
      () => (window as unknown as { __bemotandeNaaLog?: BridgeLogEntry[] }).__bemotandeNaaLog ?? [],
    );

  beforeAll(async () => {
    outDir = await buildAll();
    server = await createServer({ root: outDir, port: 0, graph: createGraphEmulator() });
    const users = (await (await emulator("/_emulator/users")).json()) as {
      value: Array<{ userPrincipalName: string; isDefault?: boolean }>;
    };
    upn = users.value.find((u) => u.isDefault)?.userPrincipalName ?? "";
    expect(upn).not.toBe("");
    browser = await chromium.launch({ executablePath: browserPath, headless: true, args: [...LAUNCH_ARGS] });
    context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: "sv-SE" });
    const origin = new URL(server.url).origin;
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(origin + "/") || url === origin) return route.continue();
      externalRequests.push(url);
      return route.abort("blockedbyclient");
    });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on("console", (message) => {
      consoleTexts.push(message.text());
      if (message.type() === "error") consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    page.on("pageerror", (error) => consoleErrors.push(`pageerror: ${error.message}`));
    // Every token the bridge obtains, so the test can check none of them reaches the console.
    page.on("response", (response) => {
      if (!response.url().endsWith("/_emulator/token")) return;
      void response
        .json()
        .then((body: { access_token?: string }) => {
          if (body.access_token) issuedTokens.push(body.access_token);
        })
        .catch(() => undefined);
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  afterEach(async () => {
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    // No token and no address in anything logged to the console.
    for (const text of consoleTexts) {
      expect(text).not.toContain(upn);
      for (const token of issuedTokens) expect(text).not.toContain(token);
    }
    if (server) await emulator("/_emulator/reset", { method: "POST" });
  });

  test("silent NAA token → GET /me/mailboxSettings → the deadline uses the mailbox's working hours", async () => {
    await setWorkingHours("07:30", "15:30");
    await emulator("/_emulator/requests", { method: "DELETE" });
    await page.goto(server.url);
    await page.getByRole("list", { name: "Inkorg" }).getByRole("button").first().click();

    const pane = await paneFrame();
    // NVK's configured day ends at 17:00; this mailbox's at 15:30.
    await pane.getByText(/^Svara senast .* 15:30$/).waitFor();

    const log = await bridgeLog();
    expect(log[0]).toEqual({ method: "GetInitContext", scopes: [], outcome: "ok" });
    expect(log).toContainEqual({ method: "GetToken", scopes: ["MailboxSettings.ReadWrite"], outcome: "ok" });
    // Per-feature scopes: nothing else was asked for.
    expect(log.flatMap((e) => e.scopes).every((s) => s === "MailboxSettings.ReadWrite")).toBe(true);
    expect(log.some((e) => e.method === "GetTokenPopup")).toBe(false);

    const requests = (await (await emulator("/_emulator/requests")).json()) as {
      value: Array<{ method: string; path: string; status: number }>;
    };
    expect(requests.value).toContainEqual(
      expect.objectContaining({ method: "GET", path: "/graph/v1.0/me/mailboxSettings", status: 200 }),
    );
    expect(issuedTokens.length).toBeGreaterThan(0);
  });

  test("consent needed: GetToken asks for interaction, MSAL falls back to GetTokenPopup", async () => {
    await setWorkingHours("08:00", "16:15");
    // MSAL caches tokens in the tab's sessionStorage (shared by same-origin frames): start empty.
    await page.evaluate(() => window.sessionStorage.clear());
    await page.goto(`${server.url}?naaConsent=prompt`);
    await page.getByRole("list", { name: "Inkorg" }).getByRole("button").first().click();
    const pane = await paneFrame();
    await pane.getByText(/^Svara senast .* 16:15$/).waitFor();

    const log = await bridgeLog();
    const methods = log.map((e) => `${e.method}:${e.outcome}`);
    expect(methods).toContain("GetToken:USER_INTERACTION_REQUIRED");
    expect(methods).toContain("GetTokenPopup:ok");
    expect(methods.indexOf("GetToken:USER_INTERACTION_REQUIRED")).toBeLessThan(
      methods.indexOf("GetTokenPopup:ok"),
    );

    // The next item: MSAL's cache (or a silent GetToken, now consented) — no second pop-up.
    await page.getByRole("list", { name: "Inkorg" }).getByRole("button").nth(1).click();
    await pane.getByText(/^Svara senast .* 16:15$/).waitFor();
    expect((await bridgeLog()).filter((e) => e.method === "GetTokenPopup")).toHaveLength(1);
  });

  test("a slow mailbox-settings read: the spinner comes only after a moment, then the deadline replaces it", async () => {
    await setWorkingHours("08:00", "15:30");
    const fault = await emulator("/_emulator/faults", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ match: { method: "GET", path: "/me/mailboxSettings" }, latencyMs: 1500 }),
    });
    expect(fault.ok).toBe(true);
    await page.goto(server.url);
    await page.getByRole("list", { name: "Inkorg" }).getByRole("button").first().click();
    const pane = await paneFrame();
    // Busy at once, without a spinner (the busy region is what stands in its place until the
    // delay): one that showed for a few frames would read as flicker.
    await pane.locator('[aria-busy="true"]').waitFor({ state: "attached" });
    // Still waiting after the delay: now it says so.
    await pane.getByText("Läser in …").waitFor();
    await pane.getByText(/^Svara senast .* 15:30$/).waitFor();
    expect(await pane.getByText("Läser in …").count()).toBe(0);
  });

  test("without working hours from Graph the pane falls back to the configuration's", async () => {
    // The mailbox-settings read answers garbage (a 2xx that is not JSON: no console noise from
    // the browser, unlike a 4xx): the deadline still shows, with NVK's configured 17:00.
    await setWorkingHours("08:00", "15:30");
    const fault = await emulator("/_emulator/faults", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        match: { method: "GET", path: "/me/mailboxSettings" },
        malformedJson: true,
        times: 10,
      }),
    });
    expect(fault.ok).toBe(true);
    await page.goto(server.url);
    await page.getByRole("list", { name: "Inkorg" }).getByRole("button").first().click();
    const pane = await paneFrame();
    await pane.getByText(/^Svara senast .* 17:00$/).waitFor();
  });
});
