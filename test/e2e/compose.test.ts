// Browser journeys of the compose task pane in the playground: live jargon hints while typing, the
// one-click replacement inside the HTML body, the incomplete directory profile, and axe-core on
// every pane state (read, compose with findings, compose clean, error, high contrast).
import { mkdirSync, rmSync } from "node:fs";
import * as path from "node:path";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { createGraphEmulator } from "../../src/emulator/graph";
import { createServer } from "../../src/server/static-server";
import type { RunningServer } from "../../src/server/static-server";
import { browserSuite, LAUNCH_ARGS } from "./browser";
import { buildAll, repoRoot } from "./build";

const { browserPath, suite } = browserSuite();
const AXE = path.join(repoRoot, "node_modules", "axe-core", "axe.min.js");

interface EmulatorUser {
  readonly userPrincipalName: string;
  readonly role?: string;
  readonly isDefault?: boolean;
  readonly jobTitle?: string | null;
  readonly department?: string | null;
  readonly businessPhones?: readonly string[];
  readonly mobilePhone?: string | null;
}

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: ReadonlyArray<{ readonly target: readonly unknown[] }>;
}

suite("compose task pane in Chromium", () => {
  jest.setTimeout(60_000);

  let outDir: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let users: EmulatorUser[] = [];
  const consoleErrors: string[] = [];
  const externalRequests: string[] = [];

  const newPage = async (): Promise<Page> => {
    const p = await context.newPage();
    p.setDefaultTimeout(15_000);
    p.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    p.on("pageerror", (error) => consoleErrors.push(`pageerror: ${error.message}`));
    return p;
  };

  beforeAll(async () => {
    outDir = await buildAll();
    server = await createServer({ root: outDir, port: 0, graph: createGraphEmulator() });
    const listed = (await (await fetch(`${server.url}_emulator/users`)).json()) as { value: EmulatorUser[] };
    users = listed.value;
    browser = await chromium.launch({ executablePath: browserPath, headless: true, args: [...LAUNCH_ARGS] });
    context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: "sv-SE" });
    const origin = new URL(server.url).origin;
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(origin + "/") || url === origin) return route.continue();
      externalRequests.push(url);
      return route.abort("blockedbyclient");
    });
    page = await newPage();
    const defaultUser = users.find((u) => u.isDefault)?.userPrincipalName ?? "";
    await page.goto(`${server.url}?user=${encodeURIComponent(defaultUser)}&eventTimeout=5000`);
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

  const pane = (p: Page = page) => p.frameLocator("iframe.taskpane-frame");

  /** The task pane's frame (it reloads between read and compose, so look it up each time). */
  const paneFrame = async (p: Page = page): Promise<Frame> => {
    const handle = await p.locator("iframe.taskpane-frame").elementHandle();
    const frame = await handle?.contentFrame();
    if (!frame) throw new Error("no task pane frame");
    return frame;
  };

  /** axe-core in `frame`; fails on serious or critical violations. */
  const expectAccessible = async (frame: Frame, state: string): Promise<void> => {
    await frame.addScriptTag({ path: AXE });
    const violations = await frame.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document) => Promise<unknown> } }).axe;
      const result = (await axe.run(document)) as { violations: unknown[] };
      return result.violations;
    });
    const serious = (violations as AxeViolation[])
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${state}: ${v.id} (${v.impact}) ${v.help} at ${JSON.stringify(v.nodes[0]?.target)}`);
    expect(serious).toEqual([]);
  };

  const screenshot = async (p: Page, name: string): Promise<void> => {
    if (process.env.UPDATE_SCREENSHOTS !== "1") return;
    const file = path.join(repoRoot, "docs", "images", name);
    mkdirSync(path.dirname(file), { recursive: true });
    await p.locator("aside.taskpane").screenshot({ path: file, type: "png" });
  };

  const editor = (p: Page = page) => p.getByRole("textbox", { name: "Meddelandetext" });

  const openNewMessage = async (p: Page): Promise<void> => {
    await p
      .getByRole("navigation")
      .getByRole("button", { name: /Nytt meddelande/ })
      .click();
    await p.getByRole("form", { name: "Nytt meddelande" }).waitFor();
    await pane(p).getByRole("heading", { name: "Översikt" }).waitFor();
  };

  test("read mode passes axe", async () => {
    await page.getByRole("list", { name: "Inkorg" }).getByRole("button").first().click();
    await pane()
      .getByText(/^Svara senast /)
      .waitFor();
    // The read surface opens the plain page; compose adds the manifest's hint (next test).
    expect(new URL((await paneFrame()).url()).search).toBe("");
    await expectAccessible(await paneFrame(), "read");
  });

  test("the compose view's first render loads neither the engine, the lexicon nor the phone library", async () => {
    // A context of its own, so that nothing is cached from earlier tests. The pane's resource
    // timing says which scripts it asked for before its first-render mark; their bodies must not
    // have the markers of a lexicon phrase, libphonenumber's metadata, the text model's quote
    // detection. (The analysis worker's own file is where those belong.)
    const fresh = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: "sv-SE" });
    try {
      const p = await fresh.newPage();
      const defaultUser = users.find((u) => u.isDefault)?.userPrincipalName ?? "";
      await p.goto(`${server.url}?user=${encodeURIComponent(defaultUser)}&eventTimeout=5000`);
      await openNewMessage(p);
      const frame = await paneFrame(p);
      await frame.waitForFunction(() => performance.getEntriesByName("bemotande:first-render").length > 0);
      const before = await frame.evaluate(() => {
        const mark = performance.getEntriesByName("bemotande:first-render")[0]?.startTime ?? 0;
        return performance
          .getEntriesByType("resource")
          .filter((entry) => entry.startTime < mark && entry.name.endsWith(".js"))
          .map((entry) => entry.name);
      });
      // The page's head started the analysis worker (compose hint) and the bundle took it over.
      expect(before.filter((url) => url.includes("bemotande-analysis"))).toHaveLength(1);
      expect(await frame.evaluate(() => "__bemotandeAnalysisWorker" in window)).toBe(false);
      const scripts = before.filter((url) => !url.includes("bemotande-analysis"));
      expect(scripts.some((url) => /\/playground\/addin\/compose\.[0-9a-f]{8}\.js$/.test(url))).toBe(true);
      const heavy: string[] = [];
      for (const url of scripts) {
        const body = await (await fetch(url)).text();
        if (["i enlighet med", "country_calling_codes", "divrplyfwdmsg"].some((m) => body.includes(m)))
          heavy.push(new URL(url).pathname);
      }
      expect(heavy).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  test("a jargon hint appears while typing, and one click replaces it inside the HTML", async () => {
    await openNewMessage(page);
    // Formatted text first (as pasted), then typing at the end.
    await editor().evaluate((el) => {
      el.innerHTML = "<p>Hej <b>Anna</b>!</p><p>Tack för din <i>ansökan</i>.</p>";
      el.dispatchEvent(new InputEvent("input", { bubbles: true }));
    });
    await editor().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Vi har erhållit den.", { delay: 15 });

    const finding = pane().locator('[data-rule="jargon"]', { hasText: "erhållit" });
    await finding.waitFor();
    await pane().locator('[data-area="language"][data-level="warning"]').waitFor();
    await expectAccessible(await paneFrame(), "compose with findings");
    await screenshot(page, "compose-findings.png");

    await finding.getByRole("button", { name: "Byt till ”fått”" }).click();
    await pane().getByText("Klart – texten är ändrad.").waitFor();
    const html = await editor().evaluate((el) => el.innerHTML);
    expect(html).toContain("fått");
    expect(html).not.toContain("erhållit");
    expect(html).toContain("<b>Anna</b>");
    expect(html).toContain("<i>ansökan</i>");
    await pane().locator('[data-area="language"][data-level="ok"]').waitFor();
    expect(new URL((await paneFrame()).url()).searchParams.get("surface")).toBe("compose");

    // A word with several alternatives: one button each, and the second one is used.
    await editor().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Vi anmodar dig att svara.", { delay: 15 });
    const several = pane().locator('[data-rule="jargon"]', { hasText: "anmodar" });
    await several.waitFor();
    expect(await several.getByRole("button").allTextContents()).toEqual([
      "Byt till ”uppmanar”",
      "Byt till ”ber”",
    ]);
    await several.getByRole("button", { name: "Byt till ”ber”" }).click();
    await editor().filter({ hasText: "Vi ber dig att svara." }).waitFor();
    expect(await editor().evaluate((el) => el.innerHTML)).toContain("<b>Anna</b>");
  });

  test("the compliant signature goes in with one click, keyboard only; a clean draft passes axe", async () => {
    await editor().evaluate((el) => {
      el.innerHTML =
        "<p>Hej Anna!</p><p>Tack för din fråga. Svaret är ja, du kan komma hit på tisdag klockan tio.</p>";
      el.dispatchEvent(new InputEvent("input", { bubbles: true }));
    });
    // The new text has been analysed once LIX is shown (the previous one was too short for it).
    await pane()
      .locator('[data-area="readability"]', { hasText: /LIX \d/ })
      .waitFor();
    const insert = pane().getByRole("button", { name: "Infoga signaturen" });
    await insert.waitFor();
    await insert.focus();
    await page.keyboard.press("Enter");
    await pane().getByText("Klart – texten är ändrad.").waitFor();
    await pane().locator('[data-area="signature"][data-level="ok"]').waitFor();
    const html = await editor().evaluate((el) => el.innerHTML);
    expect(html).toContain("Med vänliga hälsningar");
    expect(html).toContain("Tack för din fråga.");
    await pane().getByText("Inga anmärkningar – texten följer policyn.").waitFor();
    await expectAccessible(await paneFrame(), "compose clean");
    await screenshot(page, "compose-clean.png");
  });

  test("high contrast: Fluent's high-contrast theme, still accessible", async () => {
    await page.emulateMedia({ forcedColors: "active" });
    try {
      await editor().evaluate((el) => {
        el.innerHTML = "<p>Vi har erhållit din ansökan.</p>";
        el.dispatchEvent(new InputEvent("input", { bubbles: true }));
      });
      await page.locator("iframe.taskpane-frame").evaluate((frame) => {
        (frame as HTMLIFrameElement).contentWindow?.location.reload();
      });
      await pane().locator('[data-rule="jargon"]').first().waitFor();
      const frame = await paneFrame();
      expect(await frame.evaluate(() => document.documentElement.dataset.theme)).toBe("high-contrast");
      await expectAccessible(frame, "high contrast");
    } finally {
      await page.emulateMedia({ forcedColors: "none" });
      await page.getByRole("button", { name: "Ta bort utkast" }).click();
    }
  });

  test("a user with an incomplete profile is told which directory field is missing", async () => {
    const incomplete =
      users.find((u) => u.role === "incomplete-profile" && !u.jobTitle) ??
      users.find((u) => u.role === "incomplete-profile");
    expect(incomplete).toBeDefined();
    if (!incomplete) return;
    const expected = !incomplete.jobTitle
      ? "Befattning (jobTitle)"
      : !incomplete.department
        ? "Avdelning (department)"
        : "Telefon, arbete (businessPhones)";
    const other = await newPage();
    try {
      await other.goto(
        `${server.url}?user=${encodeURIComponent(incomplete.userPrincipalName)}&eventTimeout=5000`,
      );
      await openNewMessage(other);
      await editor(other).evaluate((el) => {
        el.innerHTML = "<p>Hej!</p><p>Tack för ditt mejl.</p>";
        el.dispatchEvent(new InputEvent("input", { bubbles: true }));
      });
      const note = pane(other).locator('[data-rule="signature.profile-incomplete"]');
      await note.waitFor();
      expect(await note.textContent()).toContain(expected);
      await screenshot(other, "compose-incomplete-profile.png");
    } finally {
      await other.close();
    }
  });

  test("the error state (no item) passes axe", async () => {
    const other = await newPage();
    try {
      await other.goto(`${server.url}playground/addin/taskpane.html`);
      await other.getByText("Något gick fel").waitFor();
      await expectAccessible(other.mainFrame(), "error");
    } finally {
      await other.close();
    }
  });
});
