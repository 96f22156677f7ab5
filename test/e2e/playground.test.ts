// Browser tests of the playground: the real production build, the real server with the Graph
// emulator, the add-in's own pages with the Office.js stand-in, driven in the system Chromium.
import { mkdirSync, rmSync } from "node:fs";
import * as path from "node:path";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createGraphEmulator } from "../../src/emulator/graph";
import { createServer } from "../../src/server/static-server";
import type { RunningServer } from "../../src/server/static-server";
import { browserSuite, LAUNCH_ARGS } from "./browser";
import { buildAll, repoRoot } from "./build";

const { browserPath, suite } = browserSuite();

suite("playground in Chromium", () => {
  jest.setTimeout(30_000);

  let outDir: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  const externalRequests: string[] = [];

  beforeAll(async () => {
    outDir = await buildAll();
    server = await createServer({ root: outDir, port: 0, graph: createGraphEmulator() });
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
      if (message.type() === "error") consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    page.on("pageerror", (error) => consoleErrors.push(`pageerror: ${error.message}`));
    // Event handlers get 5 s here instead of Outlook's minutes.
    await page.goto(`${server.url}?eventTimeout=5000`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  const pane = () => page.frameLocator("iframe.taskpane-frame");
  const inbox = () => page.getByRole("list", { name: "Inkorg" });

  test("loads with the stand-in banner and lists the seeded inbox", async () => {
    await page.getByText("Lokal testmiljö – inte Outlook eller Microsoft 365.", { exact: false }).waitFor();
    await page.getByText("Post och användare är påhittade.", { exact: false }).waitFor();
    await inbox().getByRole("button").first().waitFor();
    expect(await inbox().getByRole("button").count()).toBeGreaterThan(2);
    expect(await page.title()).toContain("inte Outlook");
  });

  test("opening a message shows it, and the task pane renders in Swedish", async () => {
    const first = inbox().getByRole("button").first();
    const subject = (await first.locator(".row-subject").textContent()) ?? "";
    await first.click();
    await page.getByRole("heading", { level: 2, name: subject }).waitFor();
    const replyBy = pane().getByText(/^Svara senast /);
    await replyBy.waitFor();
    const paneText = (await pane().locator("body").textContent()) ?? "";
    expect(paneText).toContain("Bemötande");
    expect(paneText).toContain("Svarstid");
    expect(paneText).not.toMatch(/Ã|Â|�/);
    if (process.env.UPDATE_SCREENSHOTS === "1") {
      const file = path.join(repoRoot, "docs", "images", "playground.png");
      mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file, type: "png" });
    }
  });

  test("selecting another message re-targets the pane (ItemChanged)", async () => {
    const second = inbox().getByRole("button").nth(1);
    const subject = (await second.locator(".row-subject").textContent()) ?? "";
    await second.click();
    await page.getByRole("heading", { level: 2, name: subject }).waitFor();
    await pane()
      .getByText(/^Svara senast /)
      .waitFor();
  });

  test("switching to English shows English in the pane", async () => {
    await page.getByLabel("Språk").selectOption("en");
    await pane()
      .getByText(/^Reply by /)
      .waitFor();
    await page
      .getByText("Local test environment – not Outlook or Microsoft 365.", { exact: false })
      .waitFor();
    await page.getByLabel("Language").selectOption("sv");
    await pane()
      .getByText(/^Svara senast /)
      .waitFor();
  });

  test("New message runs OnNewMessageCompose; Send runs OnMessageSend and lands in Skickat", async () => {
    // The playground's own mechanics, with a handler that allows everything (the real handlers'
    // checks have their journeys in events.test.ts).
    await page.route("**/playground/addin/launchevent.js", (route) =>
      route.fulfill({
        contentType: "text/javascript; charset=utf-8",
        body:
          'Office.actions.associate("onNewMessageComposeHandler", function (e) { e.completed(); });' +
          'Office.actions.associate("onMessageSendHandler", function (e) { e.completed({ allowEvent: true }); });',
      }),
    );
    try {
      await page.getByRole("button", { name: /Nytt meddelande/ }).click();
      await page.getByRole("form", { name: "Nytt meddelande" }).waitFor();
      // The event log's entries (inside a collapsed <details>, so attached rather than visible).
      const logEntry = (text: RegExp) => page.locator(".event-log li", { hasText: text }).last();
      await logEntry(/OnNewMessageCompose: completed\(\)/).waitFor({ state: "attached" });
      const users = (await (await fetch(`${server.url}_emulator/users`)).json()) as unknown;
      const list = (Array.isArray(users) ? users : (users as { value: unknown[] }).value) as Array<{
        userPrincipalName: string;
      }>;
      const recipient = list[list.length - 1]?.userPrincipalName ?? "";
      const subject = `Provmeddelande åäö ${Date.now()}`;
      await page.getByLabel("Till", { exact: true }).fill(recipient);
      await page.getByLabel("Ämne").fill(subject);
      await page.getByRole("textbox", { name: "Meddelandetext" }).fill("Hej! Här är svaret på din fråga.");
      await page.getByRole("button", { name: "Skicka", exact: true }).click();
      await logEntry(/OnMessageSend: completed\(\{"allowEvent":true\}\)/).waitFor({ state: "attached" });
      await page.getByText("Meddelandet har skickats.").waitFor();
      await page.getByRole("navigation").getByRole("button", { name: "Skickat", exact: true }).click();
      await page.getByRole("list", { name: "Skickat" }).getByText(subject).waitFor();
    } finally {
      await page.unroute("**/playground/addin/launchevent.js");
    }
  });

  test("a handler that blocks the send gets the Smart Alerts dialog", async () => {
    // Stand in a blocking handler for this test only, to exercise the dialog.
    await page.route("**/playground/addin/launchevent.js", (route) =>
      route.fulfill({
        contentType: "text/javascript; charset=utf-8",
        body:
          'Office.actions.associate("onNewMessageComposeHandler", function (e) { e.completed(); });' +
          'Office.actions.associate("onMessageSendHandler", function (e) {' +
          ' e.completed({ allowEvent: false, errorMessage: "Lägg till en hälsning." }); });',
      }),
    );
    try {
      await page
        .getByRole("navigation")
        .getByRole("button", { name: /Nytt meddelande/ })
        .click();
      await page.getByLabel("Till", { exact: true }).fill("someone@example.org");
      await page.getByLabel("Ämne").fill("Blockeras");
      await page.getByRole("button", { name: "Skicka", exact: true }).click();
      const dialog = page.getByRole("alertdialog");
      await dialog.getByText("Lägg till en hälsning.").waitFor();
      // The manifest's SendMode is SoftBlock: Outlook offers "Don't send" only.
      expect(await dialog.getByRole("button").allTextContents()).toEqual(["Skicka inte"]);
      await dialog.getByRole("button", { name: "Skicka inte" }).click();
      await page.getByRole("form", { name: "Nytt meddelande" }).waitFor();
    } finally {
      await page.unroute("**/playground/addin/launchevent.js");
      await page.getByRole("button", { name: "Ta bort utkast" }).click();
    }
  });
  test("a pane whose code cannot be loaded says so in both languages instead of staying blank", async () => {
    const other = await browser.newContext({ locale: "sv-SE" });
    try {
      const origin = new URL(server.url).origin;
      await other.route("**/*", (route) => {
        const url = route.request().url();
        if (/\/playground\/addin\/pane\.[0-9a-f]{8}\.js$/.test(url)) return route.abort("failed");
        return url.startsWith(origin + "/") ? route.continue() : route.abort("blockedbyclient");
      });
      const broken = await other.newPage();
      await broken.goto(server.url);
      await broken.getByRole("list", { name: "Inkorg" }).getByRole("button").first().click();
      const text = broken.frameLocator("iframe.taskpane-frame").getByText("Bemötande kunde inte starta.", {
        exact: false,
      });
      await text.waitFor();
      expect(await text.textContent()).toContain("Bemötande could not start.");
    } finally {
      await other.close();
    }
  });
});
