import { DEFAULT_AUTHORITY, readAuthConfig } from "../../src/auth/auth-config";
import { parseDialogResult } from "../../src/auth/dialog-protocol";
import { createDialogTokenSource } from "../../src/auth/dialog-token-source";
import { createGraphForPane, graphBaseUrlFor } from "../../src/auth/pane-graph";
import type { DialogListener, OfficeAuthHost } from "../../src/office/mailbox";
import { createOfficeAuthHost } from "../../src/office/mailbox";
import { defaultConfig } from "../../src/policy/config/defaults";

const PAGE = "https://addin.nvk.se/bemotande/taskpane.html";
const DIALOG = "https://addin.nvk.se/bemotande/auth-dialog.html";

function fakeDialogHost() {
  const opened: Array<{ url: string; listener: DialogListener; closed: boolean }> = [];
  const host: Pick<OfficeAuthHost, "displayDialog"> = {
    displayDialog: async (url, _size, listener) => {
      const entry = { url, listener, closed: false };
      opened.push(entry);
      return { close: () => void (entry.closed = true) };
    },
  };
  return { host, opened };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("readAuthConfig", () => {
  test("defaults: no client id, the common authority", () => {
    expect(readAuthConfig()).toEqual({ clientId: "", authority: DEFAULT_AUTHORITY });
  });
  test("takes a GUID client id and an https authority", () => {
    expect(
      readAuthConfig(" 11111111-2222-3333-4444-555555555555 ", "https://login.microsoftonline.com/nvk.se/"),
    ).toEqual({
      clientId: "11111111-2222-3333-4444-555555555555",
      authority: "https://login.microsoftonline.com/nvk.se",
    });
  });
  test("refuses what is not one", () => {
    expect(readAuthConfig("not-a-guid", "http://login.example").clientId).toBe("");
    expect(readAuthConfig("", "http://login.example").authority).toBe(DEFAULT_AUTHORITY);
    expect(readAuthConfig("", "nonsense").authority).toBe(DEFAULT_AUTHORITY);
  });
});

describe("the dialog fallback", () => {
  test("opens auth-dialog.html with the scopes and resolves with the token messageParent sent", async () => {
    const { host, opened } = fakeDialogHost();
    const source = createDialogTokenSource({ host, dialogUrl: DIALOG });
    const pending = source.acquire(["Mail.Send"]);
    await tick();
    expect(opened).toHaveLength(1);
    expect(opened[0]?.url).toBe(`${DIALOG}?scopes=Mail.Send`);
    const expiresOn = Date.now() + 3600_000;
    opened[0]?.listener.message(
      JSON.stringify({ v: 1, status: "success", accessToken: "t", expiresOn, scopes: ["Mail.Send"] }),
      "https://addin.nvk.se",
    );
    await expect(pending).resolves.toEqual({ accessToken: "t", expiresOn });
    expect(opened[0]?.closed).toBe(true);
  });

  test("ignores messages from another origin; the person closing it is a cancelled sign-in", async () => {
    const { host, opened } = fakeDialogHost();
    const source = createDialogTokenSource({ host, dialogUrl: DIALOG });
    const pending = source.acquire(["User.Read"]);
    await tick();
    opened[0]?.listener.message(
      JSON.stringify({ v: 1, status: "success", accessToken: "evil", expiresOn: 1, scopes: [] }),
      "https://evil.example",
    );
    opened[0]?.listener.closed(12006);
    await expect(pending).rejects.toMatchObject({ name: "SignInError", errorCode: "user_cancelled" });
  });

  test("an error from the page carries its code only", async () => {
    const { host, opened } = fakeDialogHost();
    const source = createDialogTokenSource({ host, dialogUrl: DIALOG });
    const pending = source.acquire(["User.Read"]);
    await tick();
    opened[0]?.listener.message(
      JSON.stringify({ v: 1, status: "error", errorCode: "consent_required" }),
      undefined,
    );
    await expect(pending).rejects.toMatchObject({ errorCode: "consent_required" });
  });

  test("one dialog at a time", async () => {
    const { host, opened } = fakeDialogHost();
    const source = createDialogTokenSource({ host, dialogUrl: DIALOG });
    const first = source.acquire(["User.Read"]);
    const second = source.acquire(["Mail.Send"]);
    await tick();
    expect(opened).toHaveLength(1);
    opened[0]?.listener.closed(12006);
    await expect(first).rejects.toBeDefined();
    await tick();
    expect(opened).toHaveLength(2);
    opened[1]?.listener.closed(12002);
    await expect(second).rejects.toMatchObject({ errorCode: "popup_window_error" });
  });

  test("parseDialogResult refuses malformed messages", () => {
    expect(parseDialogResult("not json")).toBeUndefined();
    expect(parseDialogResult(JSON.stringify({ v: 2, status: "success" }))).toBeUndefined();
    expect(parseDialogResult(JSON.stringify({ v: 1, status: "success", accessToken: "" }))).toBeUndefined();
  });
});

describe("createGraphForPane", () => {
  test("Graph's base URL: the configuration's, or a same-origin REST endpoint (the playground)", () => {
    const graph = "https://graph.microsoft.com/v1.0";
    expect(graphBaseUrlFor(graph, "https://outlook.office.com/api", PAGE)).toBe(graph);
    expect(graphBaseUrlFor(graph, "", PAGE)).toBe(graph);
    expect(
      graphBaseUrlFor(
        graph,
        "http://127.0.0.1:3000/graph",
        "http://127.0.0.1:3000/playground/addin/taskpane.html",
      ),
    ).toBe("http://127.0.0.1:3000/graph/v1.0");
  });

  test("signs requests with the NAA token for the operation's scope", async () => {
    const requests: Array<{ url: string; auth: string | null }> = [];
    const asked: string[][] = [];
    const graph = createGraphForPane(
      {
        isSetSupported: () => true,
        restUrl: "https://outlook.office.com/api",
        displayDialog: () => Promise.reject(new Error("no dialog in this test")),
        convertToRestId: (id) => id,
      },
      defaultConfig,
      {
        pageUrl: PAGE,
        loadNaaClient: async () => ({
          acquireTokenSilent: async ({ scopes }) => {
            asked.push(scopes);
            return { accessToken: "naa-token" };
          },
          acquireTokenPopup: async () => ({ accessToken: "popup-token" }),
        }),
        fetch: async (url, init) => {
          requests.push({ url: String(url), auth: new Headers(init?.headers).get("Authorization") });
          return new Response(JSON.stringify({ timeZone: "UTC" }), { status: 200 });
        },
      },
    );
    const { getMailboxSettings } = await import("../../src/graph/operations/mailbox-settings");
    await getMailboxSettings(graph);
    expect(asked).toEqual([["MailboxSettings.ReadWrite"]]);
    expect(requests).toEqual([
      { url: "https://graph.microsoft.com/v1.0/me/mailboxSettings", auth: "Bearer naa-token" },
    ]);
  });
});

describe("createOfficeAuthHost (the Office.js side)", () => {
  function fakeOffice(supported: boolean) {
    const handlers = new Map<
      string,
      (args: { message: string; origin: string | undefined } | { error: number }) => void
    >();
    const dialog = {
      addEventHandler: jest.fn((type: string, h: never) => handlers.set(type, h)),
      close: jest.fn(),
    };
    const office = {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: {
        DialogMessageReceived: "dialogMessageReceived",
        DialogEventReceived: "dialogEventReceived",
      },
      MailboxEnums: { RestVersion: { v2_0: "v2.0" } },
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) =>
            supported && name === "NestedAppAuth" && version === "1.1",
        },
        mailbox: {
          restUrl: "https://outlook.office.com/api",
          convertToRestId: (id: string, v: string) => `${id}@${v}`,
        },
        ui: {
          displayDialogAsync: (_url: string, _options: unknown, cb: (r: unknown) => void) =>
            setTimeout(() => cb({ status: "succeeded", value: dialog }), 0),
        },
      },
    };
    return { office: office as unknown as Parameters<typeof createOfficeAuthHost>[0], handlers, dialog };
  }

  test("requirement sets, REST URL and ids", () => {
    const host = createOfficeAuthHost(fakeOffice(true).office);
    expect(host.isSetSupported("NestedAppAuth", "1.1")).toBe(true);
    expect(createOfficeAuthHost(fakeOffice(false).office).isSetSupported("NestedAppAuth", "1.1")).toBe(false);
    expect(host.restUrl).toBe("https://outlook.office.com/api");
    expect(host.convertToRestId("AAMk")).toBe("AAMk@v2.0");
  });

  test("displayDialog forwards messages and closing", async () => {
    const { office, handlers, dialog } = fakeOffice(true);
    const seen: string[] = [];
    const opened = await createOfficeAuthHost(office).displayDialog(
      DIALOG,
      { height: 60, width: 30 },
      {
        message: (text, origin) => seen.push(`${text} from ${origin}`),
        closed: (code) => seen.push(`closed ${code}`),
      },
    );
    handlers.get("dialogMessageReceived")?.({ message: "hi", origin: "https://addin.nvk.se" });
    handlers.get("dialogEventReceived")?.({ error: 12006 });
    opened.close();
    expect(seen).toEqual(["hi from https://addin.nvk.se", "closed 12006"]);
    expect(dialog.close).toHaveBeenCalled();
  });
});
