// Browser journeys of the event handlers in the playground: the real production build of
// launchevent.js, run by the playground's event runtime (OnNewMessageCompose, OnMessageSend with
// its Smart Alerts dialog), driven in the system Chromium.
import { rmSync } from "node:fs";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createGraphEmulator } from "../../src/emulator/graph";
import { createServer } from "../../src/server/static-server";
import type { RunningServer } from "../../src/server/static-server";
import { browserSuite, LAUNCH_ARGS } from "./browser";
import { buildAll } from "./build";

const { browserPath, suite } = browserSuite();

interface HostWindow {
  __bemotandeOutlookHost: {
    getContext(): { user: { displayName: string; emailAddress: string } };
    loadRoamingSettings(): string;
    saveRoamingSettings(json: string): void;
  };
}

suite("event handlers in the playground", () => {
  jest.setTimeout(30_000);

  let outDir: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let internalRecipient: string;
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
    await page.goto(`${server.url}?eventTimeout=5000`);
    await page.getByRole("list", { name: "Inkorg" }).getByRole("button").first().waitFor();
    const users = (await (await fetch(`${server.url}_emulator/users`)).json()) as unknown;
    const list = (Array.isArray(users) ? users : (users as { value: unknown[] }).value) as Array<{
      userPrincipalName: string;
    }>;
    internalRecipient = list[list.length - 1]?.userPrincipalName ?? "";
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

  const logEntry = (text: RegExp) => page.locator(".event-log li", { hasText: text }).last();
  const body = () => page.getByRole("textbox", { name: "Meddelandetext" });
  const composeForm = () => page.getByRole("form", { name: "Nytt meddelande" });

  /** Opens a new message and waits for OnNewMessageCompose to complete. */
  async function newMessage(): Promise<void> {
    const before = await page.locator(".event-log li", { hasText: /OnNewMessageCompose: completed/ }).count();
    await page
      .getByRole("navigation")
      .getByRole("button", { name: /Nytt meddelande/ })
      .click();
    await composeForm().waitFor();
    await page.waitForFunction(
      (n) =>
        Array.from(document.querySelectorAll(".event-log li")).filter((li) =>
          /OnNewMessageCompose: completed/.test(li.textContent ?? ""),
        ).length > n,
      before,
    );
  }

  /** Writes the text at the top of the body, above the inserted signature. */
  async function writeAbove(text: string): Promise<void> {
    await body().click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
  }

  async function address(to: string, subject: string): Promise<void> {
    await page.getByLabel("Till", { exact: true }).fill(to);
    await page.getByLabel("Ämne").fill(subject);
  }

  async function sendAndExpectSent(subject: string): Promise<void> {
    await page.getByRole("button", { name: "Skicka", exact: true }).click();
    await logEntry(/OnMessageSend: completed\(\{"allowEvent":true\}\)/).waitFor({ state: "attached" });
    await page.getByText("Meddelandet har skickats.").waitFor();
    expect(await page.getByRole("alertdialog").count()).toBe(0);
    await page.getByRole("navigation").getByRole("button", { name: "Skickat", exact: true }).click();
    await page.getByRole("list", { name: "Skickat" }).getByText(subject).waitFor();
  }

  test("a new message gets the signature in the compose body (from Office's user profile)", async () => {
    const user = await page.evaluate(
      () => (window as unknown as HostWindow).__bemotandeOutlookHost.getContext().user,
    );
    await newMessage();
    await body().getByText("Med vänliga hälsningar").waitFor();
    const text = (await body().textContent()) ?? "";
    expect(text).toContain(user.displayName);
    expect(text).toContain(user.emailAddress);
    await page.getByRole("button", { name: "Ta bort utkast" }).click();
  });

  test("with the pane's cached directory profile, the signature is complete", async () => {
    await page.evaluate(() => {
      const host = (window as unknown as HostWindow).__bemotandeOutlookHost;
      const { user } = host.getContext();
      const settings = JSON.parse(host.loadRoamingSettings() || "{}") as Record<string, unknown>;
      settings["bemotande.profile.v1"] = JSON.stringify({
        profile: {
          displayName: user.displayName,
          jobTitle: "Handläggare",
          department: "Medlemsservice",
          businessPhones: ["08-123 456 01"],
          mail: user.emailAddress,
        },
        savedAt: new Date().toISOString(),
      });
      host.saveRoamingSettings(JSON.stringify(settings));
    });
    await newMessage();
    await body().getByText("Handläggare").waitFor();
    const text = (await body().textContent()) ?? "";
    expect(text).toContain("Medlemsservice, NVK");
    expect(text).toContain("08-123 456 01");
    await page.getByRole("button", { name: "Ta bort utkast" }).click();
  });

  test("a personnummer to an external recipient is stopped by the Smart Alert", async () => {
    await newMessage();
    await address("someone@example.org", `Personnummer ut ${Date.now()}`);
    await writeAbove("Hej! Det gäller 19121212-1212.");
    await page.getByRole("button", { name: "Skicka", exact: true }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog
      .getByText(
        "Meddelandet innehåller ett personnummer och går till mottagare utanför NVK (someone@example.org). Ta bort numret eller använd en säker kanal.",
      )
      .waitFor();
    // SoftBlock: one button, labelled by cancelLabel; commandId opens the pane.
    expect(await dialog.getByRole("button").allTextContents()).toEqual(["Öppna Bemötande"]);
    await dialog.getByRole("button", { name: "Öppna Bemötande" }).click();
    await composeForm().waitFor();
    await page.getByRole("button", { name: "Ta bort utkast" }).click();
  });

  test("the same personnummer to an internal recipient goes through to Skickat", async () => {
    const subject = `Personnummer internt ${Date.now()}`;
    await newMessage();
    await address(internalRecipient, subject);
    await writeAbove("Hej! Det gäller 19121212-1212.");
    await sendAndExpectSent(subject);
  });

  test("a compliant message to an external recipient is never stopped", async () => {
    const subject = `Svar åäö ${Date.now()}`;
    await newMessage();
    await address("someone@example.org", subject);
    await writeAbove("Hej! Tack för ditt mejl. Jag återkommer senast på fredag.");
    await sendAndExpectSent(subject);
  });

  test("a message whose signature was removed is stopped, naming what is missing", async () => {
    await newMessage();
    await address(internalRecipient, `Utan signatur ${Date.now()}`);
    await body().fill("Hej! Vi ses.");
    await page.getByRole("button", { name: "Skicka", exact: true }).click();
    await page
      .getByRole("alertdialog")
      .getByText(/^Meddelandet saknar signatur\./)
      .waitFor();
    await page.getByRole("alertdialog").getByRole("button", { name: "Öppna Bemötande" }).click();
    await page.getByRole("button", { name: "Ta bort utkast" }).click();
  });
});
