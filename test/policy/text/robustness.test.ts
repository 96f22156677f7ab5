import { extractDraftText, replaceInSource } from "../../../src/policy/text";
import type { DraftFormat } from "../../../src/policy/text";
import { parts, spanOf } from "./helpers";

const MB = 1 << 20;

function repeatTo(unit: string, size = MB): string {
  return unit.repeat(Math.ceil(size / unit.length));
}

/** Extracts and checks the spans are sane; returns the elapsed milliseconds. */
function timed(body: string, format: DraftFormat): number {
  const started = performance.now();
  const draft = extractDraftText(body, format);
  const elapsed = performance.now() - started;
  const { text, authored, signature, quoted } = draft;
  for (const span of [authored, signature, quoted]) {
    if (!span) continue;
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeGreaterThanOrEqual(span.start);
    expect(span.end).toBeLessThanOrEqual(text.length);
  }
  if (draft.sourceOffsets) expect(draft.sourceOffsets).toHaveLength(text.length);
  return elapsed;
}

// A generous sanity bound: quadratic behaviour on 1 MB takes minutes, linear takes milliseconds.
const BOUND_MS = 2000;

describe("robustness", () => {
  it("handles 100k nested divs without recursion", () => {
    const depth = 100_000;
    const body = `${"<div>".repeat(depth)}Hej<br>Mvh<br>Anna${"</div>".repeat(depth)}`;
    expect(timed(body, "html")).toBeLessThan(BOUND_MS);
    expect(parts(extractDraftText(body, "html"))).toEqual({ authored: "Hej", signature: "Mvh\nAnna" });
  });

  it.each<[string, string]>([
    [
      "ordinary paragraphs",
      repeatTo("<p class=MsoNormal>Vi har tagit emot din ans&ouml;kan.<o:p></o:p></p>\n"),
    ],
    ["stray <", repeatTo("<")],
    ["stray < and letters", repeatTo("<a")],
    ["unclosed tags", repeatTo("<a b ")],
    ["an unclosed quoted attribute", `<div title="${repeatTo("x>")}`],
    ["unquoted attributes", repeatTo("<a b=c d=e>")],
    ["many classes", `<div class="${repeatTo("gmail x_Signature ")}">x</div>`],
    ["a huge style", `<div style="${repeatTo("border-top:solid #E1E1E1 ")}">x</div>`],
    ["an unclosed comment", `<p>Hej</p><!--${repeatTo("<p>x</p>")}`],
    ["many comments", repeatTo("<!---->x")],
    ["almost-closing script", `<script>${repeatTo("</scrip")}`],
    ["bogus markup", repeatTo("<!x<?y</ z")],
    ["ampersands", repeatTo("&")],
    ["unterminated references", repeatTo("&#x")],
    ["long reference names", repeatTo("&abcdefghijklmnopqrstuvwxyzabcdefghijklmnop")],
    ["huge numbers", `&#${repeatTo("9")};`],
    ["references only", repeatTo("&auml;&#229;&nbsp;")],
    ["breaks only", repeatTo("<br>")],
    ["whitespace only", repeatTo(" \n\t")],
    ["header lines", repeatTo("<p><b>Från:</b> Anna</p>")],
    ["closing phrases", repeatTo("<div>Mvh</div>")],
    ["signature markers", repeatTo('<div id="Signature">a</div>')],
    ["quote markers", repeatTo('<div id="divRplyFwdMsg"></div>')],
    ["nbsp lines", repeatTo("<p>&nbsp;</p>")],
    ["pre", `<pre>${repeatTo("a \r\n")}</pre>`],
  ])("extracts 1 MB of HTML with %s in linear time", (_name, body) => {
    expect(body.length).toBeGreaterThanOrEqual(MB);
    expect(timed(body, "html")).toBeLessThan(BOUND_MS);
  });

  it.each<[string, string]>([
    ["one long line", repeatTo("ord ")],
    ["one long attribution-like line", `On 3 Dec ${repeatTo(" skrev wrote 1")}:`],
    ["many attribution-like lines", repeatTo("On 3 Dec skrev\n")],
    ["header keys", repeatTo("Från: x\n")],
    ["From lines with wrapped values", repeatTo("From: x\nfoo\nbar\n")],
    ["quote marks", repeatTo(">\n")],
    ["alternating quote marks", repeatTo("> a\nb\n")],
    ["closing phrases", repeatTo("Mvh\n")],
    ["delimiters", repeatTo("-- \n")],
    ["blank lines", repeatTo("\n")],
    ["CR only", repeatTo("\r")],
    ["dashes", repeatTo("-")],
  ])("analyses 1 MB of plain text with %s in linear time", (_name, body) => {
    expect(timed(body, "text")).toBeLessThan(BOUND_MS);
  });

  it("handles a 1 MB realistic reply", () => {
    const history = repeatTo("<div>> Tidigare text i tråden, med &auml;ldre svar.</div>\n", MB);
    const body = `<div>Hej!</div><div>Mvh</div><div>Anna</div><div id="divRplyFwdMsg"><b>Från:</b> x</div>${history}`;
    expect(timed(body, "html")).toBeLessThan(BOUND_MS);
    const draft = extractDraftText(body, "html");
    expect(parts(draft).authored).toBe("Hej!");
    expect(parts(draft).signature).toBe("Mvh\nAnna");
  });

  it("keeps NUL and control characters without throwing", () => {
    const body = "Hej\u0000 där\u0001\u0007\u001b!\u007f\u0085\nMvh\nAnna";
    const plain = extractDraftText(body, "text");
    expect(plain.text).toBe(body);
    expect(parts(plain).signature).toBe("Mvh\nAnna");
    const html = extractDraftText(`<p>${body}</p>\u0000<\u0000p>`, "html");
    expect(html.text).toContain("Hej\u0000 där\u0001\u0007\u001b!");
  });

  it("keeps emoji, surrogate pairs and lone surrogates", () => {
    const draft = extractDraftText("<p>Tack 👍🏽 &#x1F469;&#x200D;&#x1F4BB; \ud800 x</p>", "html");
    expect(draft.text).toBe("Tack 👍🏽 👩‍💻 \ud800 x");
    expect(replaceInSource(draft, spanOf(draft, "👍🏽"), "🙂")).toBe(
      "<p>Tack 🙂 &#x1F469;&#x200D;&#x1F4BB; \ud800 x</p>",
    );
  });

  it("keeps right-to-left text and direction marks", () => {
    const body = '<div dir="rtl">مرحبا &rlm;بالعالم</div><div>שלום</div><div>Mvh</div><div>Anna</div>';
    const draft = extractDraftText(body, "html");
    expect(parts(draft)).toEqual({ authored: "مرحبا \u200fبالعالم\nשלום", signature: "Mvh\nAnna" });
    expect(replaceInSource(draft, spanOf(draft, "שלום"), "hej")).toBe(body.replace("שלום", "hej"));
  });

  it("accepts empty and whitespace-only bodies", () => {
    for (const format of ["html", "text"] as const) {
      for (const body of ["", " ", "\n\n", "<html></html>", "<!---->"]) {
        const draft = extractDraftText(body, format);
        expect(draft.authored.end - draft.authored.start).toBe(
          format === "text" && body.includes("<") ? body.length : 0,
        );
        expect(draft.signature).toBeUndefined();
        expect(draft.quoted).toBeUndefined();
      }
    }
  });
});
