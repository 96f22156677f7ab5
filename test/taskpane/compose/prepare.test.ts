// The compose start-up: the draft is read (recipients only when not already known) and
// analysed before the compose view renders, and the view takes what was prepared over once.
import type { MailboxAdapter } from "../../../src/office/mailbox";
import { defaultConfig } from "../../../src/policy/config/defaults";
import {
  loadComposeView,
  loadedComposeView,
  prepareCompose,
  preparedCompose,
  takePreparedCompose,
} from "../../../src/taskpane/compose-loader";
import { readSnapshot } from "../../../src/taskpane/compose/snapshot";

function composeAdapter(calls: string[]): MailboxAdapter {
  return {
    displayLanguage: "sv-SE",
    theme: undefined,
    getUser: () => ({ displayName: "Anna Berg", emailAddress: "anna.berg@nvk.se" }),
    getCurrentItem: () => Promise.resolve({ mode: "compose", kind: "message" }),
    getSubject: () => (calls.push("subject"), Promise.resolve("Fråga")),
    getBodyText: () => Promise.resolve(""),
    getBodyHtml: () => (calls.push("body"), Promise.resolve("<p>Vi har erhållit din ansökan.</p>")),
    setBodyHtml: () => Promise.resolve(),
    setSignature: () => Promise.resolve(),
    disableClientSignature: () => Promise.resolve(),
    getRecipients: () => (
      calls.push("recipients"),
      Promise.resolve({ to: ["a@x.se"], cc: ["b@x.se"], bcc: [] })
    ),
    onRecipientsChanged: () => Promise.resolve(() => Promise.resolve()),
    getSetting: () => undefined,
    setSetting: () => undefined,
    saveSettings: () => Promise.resolve(),
    onItemChanged: () => Promise.resolve(() => Promise.resolve()),
  };
}

test("readSnapshot asks for the recipients only when they are not known", async () => {
  const calls: string[] = [];
  const adapter = composeAdapter(calls);
  expect(await readSnapshot(adapter)).toEqual({
    html: "<p>Vi har erhållit din ansökan.</p>",
    subject: "Fråga",
    recipients: ["a@x.se", "b@x.se"],
  });
  expect(calls.sort()).toEqual(["body", "recipients", "subject"]);
  calls.length = 0;
  expect((await readSnapshot(adapter, ["c@x.se"])).recipients).toEqual(["c@x.se"]);
  expect(calls.sort()).toEqual(["body", "subject"]);
});

test("prepareCompose: the view's code and the first analysis come together", async () => {
  const adapter = composeAdapter([]);
  prepareCompose(adapter, defaultConfig);
  const prepared = preparedCompose(adapter, defaultConfig);
  expect(prepared).toBeDefined();
  expect(preparedCompose(composeAdapter([]), defaultConfig)).toBeUndefined();
  const module = await loadComposeView();
  expect(typeof module.default).toBe("function");
  expect(loadedComposeView()).toBe(module);
  expect(prepared?.first?.snapshot.html).toBe("<p>Vi har erhållit din ansökan.</p>");
  expect(prepared?.first?.analysis.findings.some((f) => f.rule === "jargon")).toBe(true);
  if (prepared) takePreparedCompose(prepared);
  expect(preparedCompose(adapter, defaultConfig)).toBeUndefined();
  prepared?.analyser.dispose();
});
