import { extractDraftText } from "../../../src/policy/text";
import { decodeEntityAt } from "../../../src/policy/text/entities";

const text = (html: string): string => extractDraftText(html, "html").text;

describe("HTML to text", () => {
  it("decodes named and numeric references", () => {
    expect(text("&aring;&auml;&ouml; &Aring;&Auml;&Ouml; &eacute; &amp; &lt;&gt; &quot;&#39;")).toBe(
      "åäö ÅÄÖ é & <> \"'",
    );
    expect(text("&#229;&#xE4;&#XF6; &#128512; &#x1F600;")).toBe("åäö 😀 😀");
    expect(text("a&nbsp;b &hellip; &ndash; &rsquo;")).toBe("a b … – ’");
  });

  it("decodes like a browser at the edges: Windows-1252 numbers, legacy names, bad numbers", () => {
    expect(text("&#150; &#146;")).toBe("– ’");
    expect(text("&amp &aumlx &nbsp;")).toBe("& äx  ");
    expect(text("&#0; &#xD800; &#99999999999;")).toBe("\ufffd \ufffd \ufffd");
    expect(text("AT&T &unknown; & &#; &#x;")).toBe("AT&T &unknown; & &#; &#x;");
  });

  it("reports the source length of a reference", () => {
    expect(decodeEntityAt("&aring;x", 0)).toEqual({ text: "å", length: 7 });
    expect(decodeEntityAt("&#x1F600;", 0)).toEqual({ text: "😀", length: 9 });
    expect(decodeEntityAt("&ampx", 0)).toEqual({ text: "&", length: 4 });
    expect(decodeEntityAt("& b", 0)).toBeUndefined();
  });

  it("turns blocks and <br> into lines without doubling them", () => {
    expect(text("<div>a</div><div>b</div>")).toBe("a\nb");
    expect(text("<div>a</div><div><br></div><div>b</div>")).toBe("a\n\nb");
    expect(text("<div>a<br></div><div>b</div>")).toBe("a\nb");
    expect(text("<p>a</p><p>b</p><h1>c</h1><ul><li>d</li><li>e</li></ul>")).toBe("a\nb\nc\nd\ne");
    expect(text("a<br>b<br/><br />c")).toBe("a\nb\n\nc");
    expect(text("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>")).toBe("a b\nc");
    expect(text("x<hr>y<blockquote>z</blockquote>")).toBe("x\ny\nz");
  });

  it("collapses whitespace but keeps &nbsp; as a space", () => {
    expect(text("  a \n\t b  ")).toBe("a b");
    expect(text("<div>\n  Hej   <b> Anna </b> !\n</div>")).toBe("Hej Anna !");
    expect(text("a&nbsp;&nbsp;b")).toBe("a  b");
    expect(text("<p>a</p><p>&nbsp;</p><p>b</p>")).toBe("a\n\nb");
    expect(text("<pre>a  b\n  c</pre>d")).toBe("a  b\n  c\nd");
  });

  it("skips head, style, script, title, xml and every kind of comment", () => {
    const html = [
      "<!DOCTYPE html><html><head><title>Titel</title><meta charset=utf-8>",
      "<style>p { color: red } /* </p> */</style><script>if (a < b) x = '</div>';</script>",
      "<!--[if gte mso 9]><xml><o:OfficeDocumentSettings>x</o:OfficeDocumentSettings></xml><![endif]-->",
      "</head><body><!-- a comment --><p>Hej<o:p></o:p></p><xml>noise</xml>",
      "<![if !supportLists]>·<![endif]> punkt<?xml version='1.0'?></body></html>",
    ].join("");
    expect(text(html)).toBe("Hej\n· punkt");
  });

  it("ends <head> when body content starts without </head>", () => {
    expect(text("<html><head><meta charset=utf-8><div>Hej</div>")).toBe("Hej");
    expect(text("<head><style>x</style>Hej")).toBe("Hej");
  });

  it("survives malformed markup", () => {
    expect(text("a < b and c<3 <<>> d")).toBe("a < b and c<3 <<>> d");
    expect(text("<div title=\"a > b\">x</div><div title='>'>y</div>")).toBe("x\ny");
    expect(text("<div>unclosed <b>bold <i>italic")).toBe("unclosed bold italic");
    expect(text("before<!-- never closed <div>after</div>")).toBe("before");
    expect(text("before<div class='unclosed>after")).toBe("before");
    expect(text("a</ b>c</>d</")).toBe("acd</");
    expect(text("<!-->x<!--->y")).toBe("xy");
    expect(text("</br>a</p>b")).toBe("\na\nb");
  });

  it("maps every character back to the source", () => {
    const source = "<div>Hej <b>&aring;r</b>&nbsp;2026</div><div><br></div>x";
    const draft = extractDraftText(source, "html");
    const offsets = draft.sourceOffsets as Int32Array;
    expect(draft.text).toBe("Hej år 2026\n\nx");
    expect(offsets).toHaveLength(draft.text.length);
    expect(Array.from(offsets)).toEqual([5, 6, 7, 8, 12, 19, 24, 30, 31, 32, 33, -1, -1, 55]);
  });
});
