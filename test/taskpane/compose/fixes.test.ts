// The one-click fixes: replacement inside the HTML keeps its formatting, a fix gives up when the
// body changed since the analysis, and a read-back that does not match is reported.
import type { ComposeMailbox } from "../../../src/office/mailbox";
import { analyzeDraft } from "../../../src/policy/analyze";
import type { DraftAnalysis } from "../../../src/policy/analyze";
import { defaultConfig } from "../../../src/policy/config/defaults";
import type { Finding } from "../../../src/policy/findings";
import { buildSignature } from "../../../src/policy/signature/build-signature";
import type { BuiltSignature } from "../../../src/policy/signature/build-signature";
import { findingKeys, fixKindOf, sameFinding } from "../../../src/taskpane/compose/fix-kinds";
import {
  applyFix,
  comparableText,
  insertSentence,
  insertSignature,
  missingProfileFields,
  replaceJargon,
  rewriteBody,
} from "../../../src/taskpane/compose/fixes";

const now = new Date("2026-11-24T09:00:00Z");
const analyse = (html: string): DraftAnalysis =>
  analyzeDraft({ body: html, format: "html" }, { config: defaultConfig, now });

function jargon(analysis: DraftAnalysis, word: string): Finding {
  const finding = analysis.findings.find((f) => f.rule === "jargon" && f.text.toLowerCase() === word);
  if (!finding) throw new Error(`no jargon finding for ${word}`);
  return finding;
}

interface FakeOptions {
  /** What setBodyHtml stores instead of what it was given (a client that rewrites). */
  readonly store?: (html: string) => string;
  readonly failGet?: boolean;
  readonly failSet?: boolean;
  /** What setSignature does to the body. */
  readonly sign?: (body: string, signature: string) => string;
  readonly failDisable?: boolean;
}

function fakeMailbox(initial: string, options: FakeOptions = {}) {
  let body = initial;
  const writes: string[] = [];
  let disabled = 0;
  const mailbox: ComposeMailbox = {
    getBodyHtml: () => (options.failGet ? Promise.reject(new Error("gone")) : Promise.resolve(body)),
    getBodyText: () => Promise.resolve(comparableText(body)),
    setBodyHtml: (html) => {
      writes.push(html);
      if (options.failSet) return Promise.reject(new Error("refused"));
      body = options.store ? options.store(html) : html;
      return Promise.resolve();
    },
    setSignature: (html) => {
      writes.push(html);
      body = options.sign ? options.sign(body, html) : `${body}<div id="Signature">${html}</div>`;
      return Promise.resolve();
    },
    disableClientSignature: () => {
      disabled++;
      return options.failDisable ? Promise.reject(new Error("not supported")) : Promise.resolve();
    },
    getSubject: () => Promise.resolve(""),
    getRecipients: () => Promise.resolve({ to: [], cc: [], bcc: [] }),
    onRecipientsChanged: () => Promise.resolve(() => Promise.resolve()),
  };
  return {
    mailbox,
    writes,
    body: () => body,
    edit: (html: string) => {
      body = html;
    },
    disabled: () => disabled,
  };
}

const FORMATTED = "<p>Hej <b>Anna</b>!</p><p>Tack för din <i>ansökan</i>. Vi har erhållit den.</p>";

describe("replaceJargon (replaceInSource)", () => {
  test("replaces the word inside the HTML and keeps the formatting around it", () => {
    const analysis = analyse(FORMATTED);
    const next = replaceJargon(analysis.text, jargon(analysis, "erhållit"), "fått");
    expect(next).toBe("<p>Hej <b>Anna</b>!</p><p>Tack för din <i>ansökan</i>. Vi har fått den.</p>");
  });

  test("a word inside formatting is replaced inside it", () => {
    const analysis = analyse("<p>Vi har <em>erhållit</em> din ansökan.</p>");
    expect(replaceJargon(analysis.text, jargon(analysis, "erhållit"), "fått")).toBe(
      "<p>Vi har <em>fått</em> din ansökan.</p>",
    );
  });

  test("a word that crosses markup is not replaced (undefined)", () => {
    const analysis = analyse("<p>Vi har er<b>hållit</b> din ansökan.</p>");
    expect(replaceJargon(analysis.text, jargon(analysis, "erhållit"), "fått")).toBeUndefined();
  });
});

describe("rewriteBody", () => {
  const replace = (analysis: DraftAnalysis) => () => {
    const next = replaceJargon(analysis.text, jargon(analysis, "erhållit"), "fått");
    return next === undefined ? { error: "not-in-place" as const } : { html: next };
  };

  test("writes the new body and checks it by reading back", async () => {
    const fake = fakeMailbox(FORMATTED);
    const analysis = analyse(FORMATTED);
    await expect(rewriteBody(fake.mailbox, FORMATTED, replace(analysis))).resolves.toEqual({ ok: true });
    expect(fake.body()).toContain("Vi har fått den.");
    expect(fake.body()).toContain("<b>Anna</b>");
  });

  test("gives up without writing when the body changed since the analysis", async () => {
    const fake = fakeMailbox(FORMATTED);
    const analysis = analyse(FORMATTED);
    fake.edit(`${FORMATTED}<p>Ny rad.</p>`);
    await expect(rewriteBody(fake.mailbox, FORMATTED, replace(analysis))).resolves.toEqual({
      ok: false,
      error: "changed",
    });
    expect(fake.writes).toEqual([]);
  });

  test("reports a read-back that does not match what was written", async () => {
    const fake = fakeMailbox(FORMATTED, { store: (html) => html.replace("Vi har fått den.", "") });
    await expect(rewriteBody(fake.mailbox, FORMATTED, replace(analyse(FORMATTED)))).resolves.toEqual({
      ok: false,
      error: "mismatch",
    });
  });

  test("formatting-only differences on read-back are not a mismatch", async () => {
    const fake = fakeMailbox(FORMATTED, {
      store: (html) => `<div>${html.replace(/<\/p><p>/, "</p>\n<p>")}</div>`,
    });
    await expect(rewriteBody(fake.mailbox, FORMATTED, replace(analyse(FORMATTED)))).resolves.toEqual({
      ok: true,
    });
  });

  test("read and write failures are reported as failed; compute errors pass through", async () => {
    await expect(
      rewriteBody(fakeMailbox(FORMATTED, { failGet: true }).mailbox, FORMATTED, () => ({ html: "x" })),
    ).resolves.toEqual({ ok: false, error: "failed" });
    await expect(
      rewriteBody(fakeMailbox(FORMATTED, { failSet: true }).mailbox, FORMATTED, () => ({ html: "x" })),
    ).resolves.toEqual({ ok: false, error: "failed" });
    const fake = fakeMailbox(FORMATTED);
    await expect(rewriteBody(fake.mailbox, FORMATTED, () => ({ error: "not-in-place" }))).resolves.toEqual({
      ok: false,
      error: "not-in-place",
    });
    expect(fake.writes).toEqual([]);
  });
});

describe("insertSignature", () => {
  const BODY = "<p>Hej Anna!</p><p>Tack för din fråga.</p>";
  const signature: BuiltSignature = buildSignature(
    {
      displayName: "Bo Ek",
      mail: "bo.ek@nvk.se",
      jobTitle: "Handläggare",
      businessPhones: ["08-123 456 78"],
    },
    defaultConfig,
  );

  test("turns the client's signature off, writes ours and checks the author's text is kept", async () => {
    const fake = fakeMailbox(BODY);
    await expect(insertSignature(fake.mailbox, BODY, signature)).resolves.toEqual({ ok: true });
    expect(fake.disabled()).toBe(1);
    expect(fake.body()).toContain("Tack för din fråga.");
    expect(comparableText(fake.body())).toContain("Bo Ek");
  });

  test("still inserts where the client cannot turn its own signature off", async () => {
    const fake = fakeMailbox(BODY, { failDisable: true });
    await expect(insertSignature(fake.mailbox, BODY, signature)).resolves.toEqual({ ok: true });
  });

  test("gives up when the body changed since the analysis", async () => {
    const fake = fakeMailbox(BODY);
    fake.edit(`${BODY}<p>Mer.</p>`);
    await expect(insertSignature(fake.mailbox, BODY, signature)).resolves.toEqual({
      ok: false,
      error: "changed",
    });
    expect(fake.writes).toEqual([]);
  });

  test("a client that loses the author's text is reported as a mismatch", async () => {
    const fake = fakeMailbox(BODY, { sign: (_body, html) => html });
    await expect(insertSignature(fake.mailbox, BODY, signature)).resolves.toEqual({
      ok: false,
      error: "mismatch",
    });
  });

  test("an empty signature (no profile) is not written", async () => {
    const fake = fakeMailbox(BODY);
    await expect(
      insertSignature(fake.mailbox, BODY, { html: "", text: " ", missingProfileFields: [] }),
    ).resolves.toEqual({ ok: false, error: "no-profile" });
    expect(fake.writes).toEqual([]);
  });
});

describe("insertSentence", () => {
  test("adds the sentence at the end of the author's paragraph, escaped", () => {
    const analysis = analyse("<p>Vi återkommer.</p>");
    expect(insertSentence(analysis.text, followUpFinding(analysis), "Svar senast 1 <dec>.")).toBe(
      "<p>Vi återkommer. Svar senast 1 &lt;dec&gt;.</p>",
    );
  });
});

/** A follow-up finding on the first words, as the tone rules give it. */
function followUpFinding(analysis: DraftAnalysis): Finding {
  return {
    rule: "followup.no-date",
    severity: "warning",
    policy: "P9",
    text: analysis.text.text.slice(0, 2),
    message: { sv: "", en: "" },
    suggestions: [],
    start: 0,
    end: 2,
  };
}

describe("the same finding in a newer analysis", () => {
  test("keys are rule, text and occurrence — not offsets", () => {
    const analysis = analyse("<p>Vi har erhållit den och erhållit mer.</p>");
    const keys = findingKeys(analysis.findings);
    expect(keys.filter((k) => k.startsWith("jargon|erhållit|"))).toEqual([
      "jargon|erhållit|0",
      "jargon|erhållit|1",
    ]);
  });

  test("an edit elsewhere keeps the finding, with its new offsets", () => {
    const shown = analyse(FORMATTED);
    const finding = jargon(shown, "erhållit");
    const fresh = analyse(`<p>Hej igen!</p>${FORMATTED}`);
    const same = sameFinding(shown.findings, finding, fresh.findings);
    expect(same?.text).toBe("erhållit");
    expect(same?.start).toBeGreaterThan(finding.start);
    expect(same && replaceJargon(fresh.text, same, "fått")).toContain("<p>Hej igen!</p>");
  });

  test("a finding the newer text no longer has is undefined", () => {
    const shown = analyse(FORMATTED);
    const fresh = analyse(FORMATTED.replace("erhållit", "fått"));
    expect(sameFinding(shown.findings, jargon(shown, "erhållit"), fresh.findings)).toBeUndefined();
  });

  test("the signature fix is offered for a missing signature", () => {
    const missing = analyse("<p>Hej!</p>").findings.find((f) => f.rule === "signature.missing");
    expect(missing && fixKindOf(missing)).toBe("signature");
  });
});

describe("applyFix (what the compose view calls)", () => {
  const profile = {
    displayName: "Anna Berg",
    jobTitle: "Handläggare",
    department: "Medlemsservice",
    businessPhones: ["08-123 456 78"],
    mail: "anna.berg@nvk.se",
  };
  const request = (analysis: DraftAnalysis, finding: Finding, replacement?: string) => ({
    kind: fixKindOf(finding) ?? "replace",
    analysis,
    finding,
    replacement,
    profile,
    config: defaultConfig,
    now,
  });

  test("replace: the chosen alternative goes in, formatting kept", async () => {
    const fake = fakeMailbox(FORMATTED);
    const analysis = analyse(FORMATTED);
    await expect(
      applyFix(fake.mailbox, request(analysis, jargon(analysis, "erhållit"), "fått")),
    ).resolves.toEqual({ ok: true });
    expect(fake.body()).toBe(FORMATTED.replace("erhållit", "fått"));
  });

  test("signature: the profile's signature is set and Outlook's own turned off", async () => {
    const body = "<p>Hej!</p><p>Tack för din fråga.</p>";
    const fake = fakeMailbox(body);
    const analysis = analyse(body);
    const missing = analysis.findings.find((f) => f.rule === "signature.missing");
    if (!missing) throw new Error("expected a signature finding");
    await expect(applyFix(fake.mailbox, request(analysis, missing))).resolves.toEqual({ ok: true });
    expect(fake.disabled()).toBe(1);
    expect(fake.body()).toContain("Anna Berg");
    expect(fake.body()).toContain("Handläggare");
  });

  test("follow-up: the 'återkommer senast' sentence goes after the paragraph", async () => {
    const body = "<p>Hej!</p><p>Vi återkommer om ditt ärende.</p>";
    const fake = fakeMailbox(body);
    const analysis = analyse(body);
    const finding = analysis.findings.find((f) => fixKindOf(f) === "follow-up");
    if (!finding) throw new Error("expected a follow-up finding");
    await expect(applyFix(fake.mailbox, request(analysis, finding))).resolves.toEqual({ ok: true });
    expect(fake.body()).toMatch(/<p>Vi återkommer om ditt ärende\.[^<]*senast[^<]+<\/p>/u);
    expect(fake.body().startsWith("<p>Hej!</p>")).toBe(true);
  });
});

test("missingProfileFields names the directory fields a signature still needs", () => {
  expect(missingProfileFields({ displayName: "Anna Berg", mail: "anna.berg@nvk.se" }, defaultConfig)).toEqual(
    ["jobTitle", "department", "businessPhones"],
  );
  expect(
    missingProfileFields(
      {
        displayName: "Anna Berg",
        jobTitle: "Handläggare",
        department: "Medlemsservice",
        businessPhones: ["08-123 456 78"],
        mail: "anna.berg@nvk.se",
      },
      defaultConfig,
    ),
  ).toEqual([]);
});
