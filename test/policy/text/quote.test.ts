import { extractDraftText, isAttribution } from "../../../src/policy/text";
import { parts } from "./helpers";

const plain = (body: string) => parts(extractDraftText(body, "text"));
const html = (body: string) => parts(extractDraftText(body, "html"));

describe("quoted history in plain text", () => {
  it.each([
    [
      "Swedish Outlook header",
      "Från: Anna Berg <anna@nvk.se>\nSkickat: den 3 december 2026 10:12\nTill: Per\nÄmne: Fråga",
    ],
    [
      "English Outlook header",
      "From: John <j@example.com>\nSent: Tuesday, December 1, 2026 9:05 AM\nTo: Per\nSubject: Grant",
    ],
    [
      "new Outlook Datum variant",
      "Från: Anna Berg <anna@nvk.se>\nDatum: torsdag, 3 december 2026 10:12\nTill: Per Lind\nÄmne: Fråga",
    ],
    [
      "English Date variant",
      "From: Anna Berg <anna@nvk.se>\nDate: Thursday, 3 December 2026 at 10:12\nTo: Per Lind\nSubject: Q",
    ],
    ["bold markers and Kopia", "*Från:* Anna\n*Skickat:* den 3 december 2026\n*Kopia:* Karin\n*Ämne:* Fråga"],
    ["Swedish separator", "-----Ursprungligt meddelande-----\nFrån: Anna\nHej"],
    ["English separator", "-----Original Message-----\nHello"],
    ["spaced separator", "----- Original Message -----\nHello"],
    ["Gmail forward", "---------- Forwarded message ---------\nFrom: Anna <anna@nvk.se>\nDate: Thu"],
    ["Gmail forward, Swedish", "---------- Vidarebefordrat meddelande ---------\nFrån: Anna"],
    ["Apple forward", "Begin forwarded message:\n\nFrom: Anna"],
    ["Swedish attribution", "Den 3 dec. 2026 kl. 10:12 skrev Anna Berg <anna@nvk.se>:\n> Hej"],
    ["Gmail Swedish attribution", "Den tors 3 dec. 2026 kl 10:12 skrev Anna Berg <anna@nvk.se>:\n\n> Hej"],
    ["English attribution", "On Thu, Dec 3, 2026 at 10:12 AM Anna Berg <anna@nvk.se> wrote:\n> Hi"],
    ["English attribution with comma", "On 3 Dec 2026, at 10:12, Anna Berg wrote:\n> Hi"],
    ["wrapped attribution", "On Thu, Dec 3, 2026 at 10:12 AM Anna Berg <\nanna@nvk.se> wrote:\n> Hi"],
    ["> lines", "> Hej Per\n> Hur går det?"],
    ["> lines to the end", "> Hej Per\n\n> Hur går det?\n"],
  ])("finds %s", (_name, quote) => {
    const body = `Hej!\n\nSvar här.\n\n${quote}\n`;
    const result = plain(body);
    expect(result.authored).toBe("Hej!\n\nSvar här.");
    expect(result.quoted).toBe(`${quote}\n`);
  });

  it("starts at Outlook's rule line above the header", () => {
    const body =
      "Svar.\n________________________________\nFrån: Anna\nSkickat: den 3 december\nTill: Per\nÄmne: X\n\nHej";
    expect(plain(body).quoted).toMatch(/^_{32}\nFrån: Anna/);
  });

  it("takes the earliest of several quote styles", () => {
    const body =
      "Svar.\n\nDen 3 dec. 2026 kl. 10:12 skrev Anna:\n> Hej\n> -----Original Message-----\n> From: x";
    expect(plain(body).quoted).toMatch(/^Den 3 dec/);
  });

  it.each([
    ["a lone Från: line", "Från: mig, till dig.\nHälsningar"],
    ["Från: and Till: without a date", "Från: Per\nTill: alla på enheten"],
    ["a header-looking line far from the others", "Från: mig\n\nSkickat: i går\nTill: dig\nÄmne: x"],
    ["a lone > line", "Vi väntar > 50 personer.\n> 50 personer kom\nmen sedan gick de."],
    ["'skrev' in prose", "Den som skrev brevet:\nAnna."],
    ["'wrote' without a date", "On the other hand, Anna wrote:"],
    ["dashes without a known separator", "-----Kommentar-----\nText"],
    ["a separator word in prose", "Original message text follows later."],
  ])("does not trigger on %s", (_name, body) => {
    expect(plain(body).quoted).toBeUndefined();
  });

  it("does not use > quoting in HTML", () => {
    expect(html("<div>&gt; a</div><div>&gt; b</div>").quoted).toBeUndefined();
  });

  it("recognises attribution lines", () => {
    expect(isAttribution("Den 3 dec. 2026 kl. 10:12 skrev Anna Berg <anna@nvk.se>:")).toBe(true);
    expect(isAttribution("3 dec. 2026 kl. 10:12 skrev Anna Berg <anna@nvk.se>:")).toBe(true);
    expect(isAttribution("On Thu, Dec 3, 2026 at 10:12 AM Anna Berg <anna@nvk.se> wrote:")).toBe(true);
    expect(isAttribution("On Thu, Dec 3, 2026 at 10:12 AM Anna Berg wrote")).toBe(false);
    expect(isAttribution(`On 3 Dec ${"x".repeat(500)} wrote:`)).toBe(false);
  });
});

describe("quoted history in HTML", () => {
  const reply = (marker: string) =>
    `<div>Svar.</div><div><br></div>${marker}<div>Från: Anna</div><div>Hej Per</div></div>`;

  it.each([
    ["divRplyFwdMsg", '<hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr">'],
    ["x_divRplyFwdMsg", '<div id="x_divRplyFwdMsg">'],
    ["appendonsend", '<div id="appendonsend"></div><div>'],
    ["new Outlook container", '<div id="mail-editor-reference-message-container">'],
    ["Outlook for Mac", '<span id="OLK_SRC_BODY_SECTION">'],
    [
      "classic separator #E1E1E1",
      '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">',
    ],
    [
      "classic separator #B5C4DF",
      "<div style='border:none; border-top:solid #B5C4DF 1.0pt; padding:3.0pt 0in 0in 0in'>",
    ],
    ["blockquote type=cite", '<blockquote type="cite">'],
    ["gmail_quote", '<div class="gmail_quote">'],
    ["gmail_quote_container", '<div class="gmail_quote gmail_quote_container">'],
    ["Thunderbird cite prefix", '<div class="moz-cite-prefix">'],
  ])("finds %s", (_name, marker) => {
    const result = html(reply(marker));
    expect(result.authored).toBe("Svar.");
    expect(result.quoted).toBe("Från: Anna\nHej Per");
  });

  it("ignores a plain blockquote (indentation) and an empty marker at the end", () => {
    expect(html("<div>Svar.</div><blockquote>indrag</blockquote>").quoted).toBeUndefined();
    expect(html('<div>Svar.</div><div id="appendonsend"></div>').quoted).toBeUndefined();
  });

  it("finds text-level headers in HTML without markers", () => {
    const body =
      "<p>Svar.</p><p><b>Från:</b> Anna<br><b>Datum:</b> torsdag 3 december 2026 10:12<br>" +
      "<b>Till:</b> Per<br><b>Ämne:</b> Fråga</p><p>Hej</p>";
    expect(html(body).quoted).toBe(
      "Från: Anna\nDatum: torsdag 3 december 2026 10:12\nTill: Per\nÄmne: Fråga\nHej",
    );
  });

  it("takes the earliest of a marker and a text header", () => {
    const body =
      '<div>Svar.</div><div>Den 3 dec. 2026 kl. 10:12 skrev Anna:</div><blockquote type="cite">Hej</blockquote>';
    expect(html(body).quoted).toBe("Den 3 dec. 2026 kl. 10:12 skrev Anna:\nHej");
  });
});
