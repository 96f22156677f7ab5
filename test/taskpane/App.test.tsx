import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { prerenderToNodeStream } from "react-dom/static";
import { getStrings, pickLanguage } from "../../src/i18n";
import type { Language } from "../../src/i18n";
import { MailboxError } from "../../src/office/mailbox";
import type { CurrentItem, MailboxAdapter } from "../../src/office/mailbox";
import { defaultConfig } from "../../src/policy/config/defaults";
import { analyzeDraft } from "../../src/policy/analyze";
import { App, loadPaneState, PaneView } from "../../src/taskpane/App";
import ComposePane from "../../src/taskpane/compose/ComposePane";
import { ComposeResults } from "../../src/taskpane/compose/ComposeResults";
import type { PaneState } from "../../src/taskpane/App";

/**
 * Rendered HTML reduced to its visible text, entities decoded. Prerendered, so the lazily loaded
 * views (read card, compose pane) are in it rather than their Suspense spinner.
 */
async function textOf(element: ReactElement): Promise<string> {
  const { prelude } = await prerenderToNodeStream(
    <FluentProvider theme={webLightTheme}>{element}</FluentProvider>,
  );
  let html = "";
  for await (const chunk of prelude) html += String(chunk);
  return html
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

// Wed 23 Dec 2026 10:00 in Stockholm: 24–27 Dec are days off, so two working days end Tue 29 Dec.
const received = new Date("2026-12-23T09:00:00Z");
const now = new Date("2026-12-23T12:00:00Z");

function fakeAdapter(item: CurrentItem | Error): MailboxAdapter {
  return {
    displayLanguage: "sv-SE",
    theme: undefined,
    getUser: () => ({ displayName: "Anna Berg", emailAddress: "anna.berg@nvk.se" }),
    getCurrentItem: () => (item instanceof Error ? Promise.reject(item) : Promise.resolve(item)),
    getSubject: () => Promise.resolve("Fråga"),
    getBodyText: () => Promise.resolve(""),
    getBodyHtml: () => Promise.resolve(""),
    setBodyHtml: () => Promise.resolve(),
    setSignature: () => Promise.resolve(),
    disableClientSignature: () => Promise.resolve(),
    getRecipients: () => Promise.resolve({ to: [], cc: [], bcc: [] }),
    onRecipientsChanged: () => Promise.resolve(() => Promise.resolve()),
    getSetting: () => undefined,
    setSetting: () => undefined,
    saveSettings: () => Promise.resolve(),
    onItemChanged: () => Promise.resolve(() => Promise.resolve()),
  };
}

function view(state: PaneState, language: Language): ReactElement {
  return (
    <PaneView
      state={state}
      strings={getStrings(language)}
      language={language}
      config={defaultConfig}
      now={now}
    />
  );
}

describe("loadPaneState", () => {
  test("read mode: the reply deadline from the received time and NVK's working hours", async () => {
    const state = await loadPaneState(
      fakeAdapter({ mode: "read", kind: "message", received }),
      defaultConfig,
    );
    expect(state.status).toBe("read");
    if (state.status !== "read") return;
    expect(state.deadline.due.toISOString()).toBe("2026-12-29T16:00:00.000Z");
  });

  test("compose mode: the user's identity", async () => {
    const state = await loadPaneState(fakeAdapter({ mode: "compose", kind: "message" }), defaultConfig);
    expect(state).toEqual({
      status: "compose",
      user: { displayName: "Anna Berg", emailAddress: "anna.berg@nvk.se" },
    });
  });

  test("appointments get no deadline", async () => {
    const state = await loadPaneState(
      fakeAdapter({ mode: "read", kind: "appointment", received }),
      defaultConfig,
    );
    expect(state).toEqual({ status: "read-other" });
  });

  test("adapter errors become message keys, never raw messages", async () => {
    const noItem = await loadPaneState(
      fakeAdapter(new MailboxError("no-item", "internal detail")),
      defaultConfig,
    );
    expect(noItem).toEqual({ status: "error", errorKey: "no-item" });
    const other = await loadPaneState(fakeAdapter(new TypeError("x is undefined")), defaultConfig);
    expect(other).toEqual({ status: "error", errorKey: "unexpected" });
  });
});

describe("PaneView", () => {
  const readState = async (): Promise<PaneState> =>
    loadPaneState(fakeAdapter({ mode: "read", kind: "message", received }), defaultConfig);

  test("read mode in Swedish", async () => {
    const text = await textOf(view(await readState(), "sv"));
    expect(text).toContain("Bemötande");
    expect(text).toContain("Svarstid");
    expect(text).toContain("Svara senast tisdag 29 december 17:00");
    expect(text).toContain("2 arbetsdagar enligt NVK:s policy");
    expect(text).toContain("Mottaget onsdag 23 december 10:00");
    expect(text).not.toContain("Svarstiden har gått ut");
  });

  test("read mode in English", async () => {
    const text = await textOf(view(await readState(), "en"));
    expect(text).toContain("Reply by Tuesday 29 December 17:00");
    expect(text).toContain("2 working days under NVK's policy");
  });

  test("an overdue reply says so", async () => {
    const state = await readState();
    const late = new Date("2026-12-30T08:00:00Z");
    const html = await textOf(
      <PaneView state={state} strings={getStrings("sv")} language="sv" config={defaultConfig} now={late} />,
    );
    expect(html).toContain("Svarstiden har gått ut.");
  });

  const composeState: PaneState = {
    status: "compose",
    user: { displayName: "Anna Berg", emailAddress: "anna.berg@nvk.se" },
  };
  // The compose view itself (its chunk is loaded by the pane, see the next test), before its first
  // analysis: nothing was prepared for it, and effects do not run when prerendering.
  const composeView = (language: Language): ReactElement => (
    <ComposePane
      adapter={fakeAdapter({ mode: "compose", kind: "message" })}
      strings={getStrings(language)}
      language={language}
      config={defaultConfig}
      user={{ displayName: "Anna Berg", emailAddress: "anna.berg@nvk.se" }}
      now={() => now}
      prepared={null}
    />
  );

  test("compose mode: the pane shows the frame, busy, until the compose view's code is in (no spinner at first)", async () => {
    const text = await textOf(
      <PaneView
        state={composeState}
        strings={getStrings("sv")}
        language="sv"
        config={defaultConfig}
        now={now}
        adapter={fakeAdapter({ mode: "compose", kind: "message" })}
      />,
    );
    expect(text).toContain("Bemötande");
    // The spinner comes only after LOADING_DELAY_MS (an effect: not in a server render).
    expect(text).not.toContain("Läser in …");
    expect(text).not.toContain("Översikt");
  });

  test("compose mode: the compose view's first render, before the first analysis (Swedish)", async () => {
    const text = await textOf(composeView("sv"));
    expect(text).toContain("Översikt");
    expect(text).toContain("Kontrollera nu");
    expect(text).toContain("Kontrollerar …");
    expect(text).not.toMatch(/Ã|Overview/);
  });

  test("compose mode: the compose view's first render in English", async () => {
    const text = await textOf(composeView("en"));
    expect(text).toContain("Overview");
    expect(text).toContain("Check now");
    expect(text).toContain("Checking …");
    expect(text).not.toContain("Översikt");
  });

  const results = (language: Language, body: string): ReactElement => (
    <ComposeResults
      strings={getStrings(language)}
      language={language}
      analysis={analyzeDraft({ body, format: "html" }, { config: defaultConfig, now })}
      fixing={false}
      checking={false}
      onFix={() => undefined}
      onCheckNow={() => undefined}
    />
  );

  test("compose results: one status row per area and the findings with their fix (Swedish)", async () => {
    const text = await textOf(results("sv", "<p>Hej!</p><p>Vi har erhållit din ansökan.</p>"));
    expect(text).toContain("Översikt");
    expect(text).toContain("Signatur Saknas Måste åtgärdas");
    expect(text).toContain("Språk 1 krångligt ord Att se över");
    expect(text).toContain("Läsbarhet För kort text för LIX");
    expect(text).toContain("Känsliga uppgifter Inga personnummer Bra");
    expect(text).toMatch(/Att se över \(\d+\)/);
    expect(text).toContain("Infoga signaturen");
    expect(text).toContain("Byt till ”fått”");
    expect(text).toContain(
      "P6: Varje e-post har en signatur med namn, titel, telefonnummer och e-postadress.",
    );
  });

  test("compose results in English", async () => {
    const text = await textOf(results("en", "<p>Hej!</p><p>Vi har erhållit din ansökan.</p>"));
    expect(text).toContain("Signature Missing Needs fixing");
    expect(text).toContain("Language 1 officialese word Worth a look");
    expect(text).toContain("Sensitive data No identity numbers Good");
    expect(text).toContain("Insert the signature");
    expect(text).toContain('Replace with "fått"');
  });

  test("errors show a localised message bar, no stack", async () => {
    const text = await textOf(view({ status: "error", errorKey: "no-mailbox" }, "sv"));
    expect(text).toContain("Något gick fel");
    expect(text).toContain("Bemötande måste öppnas i Outlook.");
    expect(text).not.toMatch(/at \w+ \(|Error:/);
    expect(await textOf(view({ status: "error", errorKey: "no-item" }, "en"))).toContain(
      "No message is selected.",
    );
  });

  test("App renders its first state before any effect runs: loading, busy, the spinner not yet", async () => {
    const adapter = fakeAdapter({ mode: "compose", kind: "message" });
    const strings = getStrings("sv");
    const app = <App adapter={adapter} strings={strings} language="sv" config={defaultConfig} />;
    expect(await textOf(app)).toBe("Bemötande Stöd för NVK:s policy om service och e-post");
    const { prelude } = await prerenderToNodeStream(app);
    let html = "";
    for await (const chunk of prelude) html += String(chunk);
    expect(html).toContain('aria-busy="true"');
  });
});

describe("i18n", () => {
  test.each([
    ["sv-SE", "sv"],
    ["sv", "sv"],
    ["SV-fi", "sv"],
    ["en-US", "en"],
    ["de-DE", "en"],
    ["svk", "en"],
    ["", "en"],
    [undefined, "en"],
  ])("pickLanguage(%p) → %p", (input, expected) => {
    expect(pickLanguage(input)).toBe(expected);
  });

  test("every Swedish string uses å/ä/ö, not ASCII stand-ins", () => {
    const sv = getStrings("sv");
    expect(sv.appName).toBe("Bemötande");
    expect(sv.loading).not.toMatch(/Laser/);
    expect(JSON.stringify(sv)).not.toMatch(/Bemotande|Nagot|maste/);
  });

  test("both dictionaries have the same keys", () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === "object" && v !== null ? keys(v as object).map((s) => `${k}.${s}`) : [k],
      );
    expect(keys(getStrings("en")).sort()).toEqual(keys(getStrings("sv")).sort());
  });
});

describe("loadPaneState with the mailbox's working hours (Graph)", () => {
  const item: CurrentItem = { mode: "read", kind: "message", received };
  const mailboxHours = {
    days: ["monday", "tuesday", "wednesday", "thursday", "friday"] as const,
    start: "07:30",
    end: "15:30",
    timeZone: "Europe/Stockholm",
  };

  test("the deadline follows the mailbox's working hours", async () => {
    const state = await loadPaneState(fakeAdapter(item), defaultConfig, async () => ({
      ...mailboxHours,
      days: [...mailboxHours.days],
    }));
    expect(state.status).toBe("read");
    if (state.status !== "read") return;
    expect(state.workingHoursFrom).toBe("mailbox");
    expect(state.deadline.due.toISOString()).toBe("2026-12-29T14:30:00.000Z");
    expect(await textOf(view(state, "sv"))).toContain("Svara senast tisdag 29 december 15:30");
  });

  test("the mailbox's time zone is the one the card shows times in", async () => {
    const state = await loadPaneState(fakeAdapter(item), defaultConfig, async () => ({
      days: [...mailboxHours.days],
      start: "08:00",
      end: "17:00",
      timeZone: "Europe/London",
    }));
    if (state.status !== "read") throw new Error("expected read");
    expect(state.deadline.due.toISOString()).toBe("2026-12-29T17:00:00.000Z");
    expect(await textOf(view(state, "en"))).toContain("Reply by Tuesday 29 December 17:00");
  });

  test.each([
    ["fails", () => Promise.reject(new Error("sign-in failed"))],
    ["has none", () => Promise.resolve(undefined)],
  ])("when Graph %s, the configuration's hours", async (_what, fetchWorkingHours) => {
    const state = await loadPaneState(fakeAdapter(item), defaultConfig, fetchWorkingHours);
    if (state.status !== "read") throw new Error("expected read");
    expect(state.workingHoursFrom).toBe("config");
    expect(state.deadline.due.toISOString()).toBe("2026-12-29T16:00:00.000Z");
  });

  test("never waits long for sign-in: after the wait, the configuration's hours", async () => {
    const state = await loadPaneState(
      fakeAdapter(item),
      defaultConfig,
      () => new Promise(() => undefined),
      20,
    );
    if (state.status !== "read") throw new Error("expected read");
    expect(state.workingHoursFrom).toBe("config");
  });

  test("compose mode does not ask Graph", async () => {
    const fetchWorkingHours = jest.fn(async () => undefined);
    await loadPaneState(fakeAdapter({ mode: "compose", kind: "message" }), defaultConfig, fetchWorkingHours);
    expect(fetchWorkingHours).not.toHaveBeenCalled();
  });
});
