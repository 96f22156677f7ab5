// Browser journeys of the event handlers in the playground: the real production build of
// launchevent.js, run by the playground's event runtime (OnNewMessageCompose, OnMessageSend with
// its Smart Alerts dialog), driven in the system Chromium. Without a fresh cached profile,
// OnNewMessageCompose loads its lazy chunk and runs MSAL's real nested app authentication against
// the Office.js stand-in's bridge, then GET /me from the Graph emulator.
import { rmSync } from "node:fs";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createGraphEmulator } from "../../src/emulator/graph";
import { PROFILE_FIELDS } from "../../src/graph/operations/profile";
import { defaultConfig } from "../../src/policy/config/defaults";
import { buildSignature } from "../../src/policy/signature/build-signature";
import type { DirectoryProfile } from "../../src/policy/signature/build-signature";
import { createServer } from "../../src/server/static-server";
import type { RunningServer } from "../../src/server/static-server";
import { browserSuite, LAUNCH_ARGS } from "./browser";
import { buildAll } from "./build";

const { browserPath, suite } = browserSuite();

interface HostWindow {
  __bemotandeOutlookHost: {
    getContext(): { user: { displayName: string; emailAddress: string } };
    getItem(): { mode: string; bodyHtml?: string } | null;
    loadRoamingSettings(): string;
    saveRoamingSettings(json: string): void;
  };
}

const PROFILE_KEY = "bemotande.profile.v1";
/** The handler's GET /me (getProfile's fields); the pane, which asks the same, is closed in these tests. */
const HANDLER_ME = `/graph/v1.0/me?$select=${PROFILE_FIELDS.join(",")}`;
const DAY = 24 * 60 * 60 * 1000;

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
  /** Requests for the handler's lazy chunk (paths), in order. */
  const chunkRequests: string[] = [];

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
    page.on("request", (request) => {
      const { pathname } = new URL(request.url());
      if (/\/launchevent\.graph-profile\.[0-9a-f]{8}\.js$/.test(pathname)) chunkRequests.push(pathname);
    });
    await openPlayground();
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

  const emulator = (path: string, init?: RequestInit): Promise<Response> =>
    fetch(new URL(path, server.url), init);

  /**
   * Opens the playground (`query` added to ?eventTimeout=5000) and closes the task pane, so that
   * only the event handler reads the directory: the compose pane would fetch /me and cache it too.
   */
  async function openPlayground(query = ""): Promise<void> {
    await page.goto(`${server.url}?eventTimeout=5000${query}`);
    const inbox = page.getByRole("list", { name: "Inkorg" }).getByRole("button");
    await inbox.first().waitFor();
    await inbox.first().click();
    await page.getByRole("button", { name: "Stäng Bemötande" }).click();
    await page.getByRole("button", { name: "Visa Bemötande" }).waitFor();
  }

  /** The emulator's GET requests for the handler's /me so far. */
  async function handlerMeRequests(): Promise<Array<{ path: string; status: number }>> {
    const log = (await (await emulator("/_emulator/requests")).json()) as {
      value: Array<{ method: string; path: string; status: number }>;
    };
    return log.value.filter((r) => r.method === "GET" && r.path === HANDLER_ME);
  }

  /** The playground user's /me as Graph has it (read directly from the emulator). */
  async function directoryProfile(): Promise<DirectoryProfile> {
    const upn = await page.evaluate(
      () => (window as unknown as HostWindow).__bemotandeOutlookHost.getContext().user.emailAddress,
    );
    const tokenResponse = await emulator("/_emulator/token", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ user: upn, scopes: ["User.Read"] }),
    });
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
    const me = await emulator(HANDLER_ME, { headers: { Authorization: `Bearer ${token}` } });
    return (await me.json()) as DirectoryProfile;
  }

  /** The cached profile in the playground user's roaming settings (undefined = none). */
  const readCache = (): Promise<{ profile: DirectoryProfile; savedAt: string } | undefined> =>
    page.evaluate((key) => {
      const settings = JSON.parse(
        (window as unknown as HostWindow).__bemotandeOutlookHost.loadRoamingSettings() || "{}",
      ) as Record<string, unknown>;
      const value = settings[key];
      return typeof value === "string"
        ? (JSON.parse(value) as { profile: DirectoryProfile; savedAt: string })
        : undefined;
    }, PROFILE_KEY);

  /** Sets (or with undefined removes) the cached profile in roaming settings. */
  const writeCache = (entry: { profile: DirectoryProfile; savedAt: string } | undefined): Promise<void> =>
    page.evaluate(
      ([key, value]) => {
        const host = (window as unknown as HostWindow).__bemotandeOutlookHost;
        const settings = JSON.parse(host.loadRoamingSettings() || "{}") as Record<string, unknown>;
        if (value === null) delete settings[key];
        else settings[key] = value;
        host.saveRoamingSettings(JSON.stringify(settings));
      },
      [PROFILE_KEY, entry === undefined ? null : JSON.stringify(entry)] as const,
    );

  /** The signature's lines the directory profile gives (title, phone …), as buildSignature writes them. */
  const signatureLines = (profile: DirectoryProfile): string[] =>
    buildSignature(profile, defaultConfig).text.split("\n");

  /** How long the last OnNewMessageCompose took, from the event log ("completed() – 123 ms"). */
  async function lastComposeMs(): Promise<number> {
    const text = (await logEntry(/OnNewMessageCompose: completed/).textContent()) ?? "";
    const match = /(\d+) ms/.exec(text);
    if (!match) throw new Error(`no duration in "${text}"`);
    return Number(match[1]);
  }

  const logEntry = (text: RegExp) => page.locator(".event-log li", { hasText: text }).last();
  const body = () => page.getByRole("textbox", { name: "Meddelandetext" });
  const composeForm = () => page.getByRole("form", { name: "Nytt meddelande" });

  /** Runs `open` (which starts a compose form) and waits for one more OnNewMessageCompose completion. */
  async function composeCompleted(open: () => Promise<void>): Promise<void> {
    const before = await page.locator(".event-log li", { hasText: /OnNewMessageCompose: completed/ }).count();
    await open();
    await page.waitForFunction(
      (n) =>
        Array.from(document.querySelectorAll(".event-log li")).filter((li) =>
          /OnNewMessageCompose: completed/.test(li.textContent ?? ""),
        ).length > n,
      before,
    );
  }

  /** Opens a new message and waits for OnNewMessageCompose to complete. */
  async function newMessage(): Promise<void> {
    await composeCompleted(async () => {
      await page
        .getByRole("navigation")
        .getByRole("button", { name: /Nytt meddelande/ })
        .click();
      await composeForm().waitFor();
    });
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

  test("empty roaming cache: the signature has the title and phone from Graph /me, and is cached", async () => {
    await writeCache(undefined);
    const me = await directoryProfile();
    expect(me.jobTitle).toBeTruthy();
    expect(me.businessPhones?.length).toBeGreaterThan(0);
    await emulator("/_emulator/requests", { method: "DELETE" });
    chunkRequests.length = 0;

    await newMessage();
    // The chunk came from beside launchevent.html (publicPath ""), i.e. the add-in's own origin.
    expect(chunkRequests).toHaveLength(1);
    expect(chunkRequests[0]).toMatch(/^\/playground\/addin\/launchevent\.graph-profile\./);
    const text = (await body().textContent()) ?? "";
    for (const line of signatureLines(me)) expect(text).toContain(line);
    expect(text).toContain(me.jobTitle);
    expect(await lastComposeMs()).toBeLessThan(4_000);
    // Exactly one GET /me (the handler's), answered.
    expect(await handlerMeRequests()).toEqual(
      [{ path: HANDLER_ME, status: 200 }].map((r) => expect.objectContaining(r)),
    );
    // Written back in the pane's shape, just now.
    const cached = await readCache();
    expect(cached?.profile.jobTitle).toBe(me.jobTitle);
    expect(cached?.profile.businessPhones).toEqual(me.businessPhones);
    expect(Date.now() - Date.parse(cached?.savedAt ?? "")).toBeLessThan(60_000);
    await page.getByRole("button", { name: "Ta bort utkast" }).click();

    // The next new message finds the fresh cache: same signature, no chunk, no second GET /me.
    await newMessage();
    expect((await body().textContent()) ?? "").toContain(me.jobTitle);
    expect(await handlerMeRequests()).toHaveLength(1);
    expect(chunkRequests).toHaveLength(1);
    await page.getByRole("button", { name: "Ta bort utkast" }).click();
  });

  test("a reply gets the same signature, above the quoted message", async () => {
    const me = await directoryProfile();
    await composeCompleted(async () => {
      await page.getByRole("list", { name: "Inkorg" }).getByRole("button").first().click();
      await page.getByRole("button", { name: /^↩ Svara$/ }).click();
      await page.getByRole("form", { name: "Svar" }).waitFor();
    });
    const html = await page.evaluate(
      () => (window as unknown as HostWindow).__bemotandeOutlookHost.getItem()?.bodyHtml ?? "",
    );
    const signature = html.indexOf('<div id="Signature">');
    expect(signature).toBeGreaterThan(-1);
    expect(html.indexOf(me.jobTitle ?? "?", signature)).toBeGreaterThan(signature);
    expect(signature).toBeLessThan(html.indexOf('<div id="appendonsend">'));
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
    await emulator("/_emulator/requests", { method: "DELETE" });
    chunkRequests.length = 0;
    await newMessage();
    await body().getByText("Handläggare").waitFor();
    const text = (await body().textContent()) ?? "";
    expect(text).toContain("Medlemsservice, NVK");
    expect(text).toContain("08-123 456 01");
    // A fresh cache: no chunk, no token, no Graph.
    expect(chunkRequests).toEqual([]);
    expect(await handlerMeRequests()).toEqual([]);
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
  describe("when Graph cannot be had, compose is not held up", () => {
    const stale = {
      profile: {
        displayName: "",
        jobTitle: "Gammal titel",
        department: "Medlemsservice",
        businessPhones: ["08-123 456 77"],
        mail: "",
      } as DirectoryProfile,
      savedAt: new Date(Date.now() - 3 * DAY).toISOString(),
    };

    afterAll(async () => {
      await emulator("/_emulator/faults", { method: "DELETE" });
      await openPlayground();
    });

    test("no silent token (consent needed): the stale cache, then Office's profile; no GET /me", async () => {
      // MSAL keeps tokens in the tab's sessionStorage: start without one, and with a bridge that
      // answers GetToken with "interaction required".
      await page.evaluate(() => window.sessionStorage.clear());
      await openPlayground("&naaConsent=prompt");
      const user = await page.evaluate(
        () => (window as unknown as HostWindow).__bemotandeOutlookHost.getContext().user,
      );
      await writeCache({
        ...stale,
        profile: { ...stale.profile, displayName: user.displayName, mail: user.emailAddress },
      });
      await emulator("/_emulator/requests", { method: "DELETE" });
      chunkRequests.length = 0;

      await newMessage();
      // The chunk ran (it was fetched) and gave up at the token: nothing reached Graph.
      expect(chunkRequests.length).toBeGreaterThan(0);
      let text = (await body().textContent()) ?? "";
      expect(text).toContain("Gammal titel");
      expect(text).toContain("08-123 456 77");
      expect(await lastComposeMs()).toBeLessThan(4_000);
      expect((await readCache())?.savedAt).toBe(stale.savedAt); // not rewritten
      await page.getByRole("button", { name: "Ta bort utkast" }).click();

      await writeCache(undefined);
      await newMessage();
      text = (await body().textContent()) ?? "";
      expect(text).toContain(user.displayName);
      expect(text).toContain(user.emailAddress);
      expect(text).not.toContain("Gammal titel");
      expect(text).not.toContain("Telefon");
      expect(await lastComposeMs()).toBeLessThan(4_000);
      expect(await readCache()).toBeUndefined();
      expect(await handlerMeRequests()).toEqual([]);
      await page.getByRole("button", { name: "Ta bort utkast" }).click();
    });

    test("Graph does not answer: after 3 s the stale cache is used, within the handler's 4 s", async () => {
      await openPlayground();
      const user = await page.evaluate(
        () => (window as unknown as HostWindow).__bemotandeOutlookHost.getContext().user,
      );
      await writeCache({
        ...stale,
        profile: { ...stale.profile, displayName: user.displayName, mail: user.emailAddress },
      });
      const fault = await emulator("/_emulator/faults", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          match: { method: "GET", path: "/me?$select=displayName,givenName" },
          latencyMs: 4_000,
        }),
      });
      expect(fault.ok).toBe(true);
      await emulator("/_emulator/requests", { method: "DELETE" });

      await newMessage();
      expect((await body().textContent()) ?? "").toContain("Gammal titel");
      const ms = await lastComposeMs();
      expect(ms).toBeGreaterThanOrEqual(2_900);
      expect(ms).toBeLessThan(4_000);
      expect((await readCache())?.savedAt).toBe(stale.savedAt);
      await page.getByRole("button", { name: "Ta bort utkast" }).click();
      // The emulator logs the request once its delay is over: one GET /me, never retried.
      const deadline = Date.now() + 10_000;
      while ((await handlerMeRequests()).length === 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await handlerMeRequests()).toHaveLength(1);
    });
  });
});
