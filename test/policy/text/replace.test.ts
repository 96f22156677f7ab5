import {
  extractDraftText,
  htmlEscape,
  isInside,
  isJudged,
  judgedSpans,
  overlaps,
  replaceInSource,
  sourceRangeOf,
} from "../../../src/policy/text";
import type { DraftText } from "../../../src/policy/text";
import { fixture, parts, spanOf } from "./helpers";

const HTML_FIXTURES = [
  "new-outlook-reply.sv.html",
  "classic-outlook-reply.sv.html",
  "classic-outlook-reply.en.html",
  "gmail-reply.en.html",
];

/** Replaces `needle` (its first occurrence after `from`) and checks nothing else moved. */
function replaceChecked(draft: DraftText, needle: string, replacement: string): string | undefined {
  const span = spanOf(draft, needle);
  const result = replaceInSource(draft, span, replacement);
  if (result === undefined) return undefined;
  const range = sourceRangeOf(draft, span);
  if (!range) throw new Error("replaced without a source range");
  const inserted = draft.format === "html" ? htmlEscape(replacement) : replacement;
  // Byte for byte: everything before and after the replaced source range is unchanged.
  expect(result.slice(0, range.start)).toBe(draft.source.slice(0, range.start));
  expect(result.slice(range.start + inserted.length)).toBe(draft.source.slice(range.end));
  // And the new body reads as the old text with the replacement.
  const after = extractDraftText(result, draft.format);
  expect(after.text).toBe(draft.text.slice(0, span.start) + replacement + draft.text.slice(span.end));
  return result;
}

describe("source offsets", () => {
  it.each(HTML_FIXTURES)("point at the character that produced each text character (%s)", (name) => {
    const draft = extractDraftText(fixture(name), "html");
    const offsets = draft.sourceOffsets as Int32Array;
    expect(offsets).toHaveLength(draft.text.length);
    for (let i = 0; i < draft.text.length; i++) {
      const offset = offsets[i] as number;
      const ch = draft.text[i] as string;
      if (offset < 0) {
        expect(ch === "\n" || ch === " ").toBe(true);
        continue;
      }
      const at = draft.source[offset] as string;
      if (at === "&") continue;
      if (ch === " ") expect(at).toMatch(/[ \t\r\n\f\u00a0]/);
      else expect(at).toBe(ch);
    }
  });

  it.each(HTML_FIXTURES)("give every word a source range that shows the same text (%s)", (name) => {
    const draft = extractDraftText(fixture(name), "html");
    let checked = 0;
    for (const match of draft.text.matchAll(/[\p{L}\p{N}]+(?:[ '’.,-]+[\p{L}\p{N}]+)?/gu)) {
      const span = { start: match.index, end: match.index + match[0].length };
      const range = sourceRangeOf(draft, span);
      if (!range) continue; // crosses markup: fine, not fixable in place
      const shown = extractDraftText(draft.source.slice(range.start, range.end), "html").text;
      expect(shown).toBe(match[0].trim());
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe("replaceInSource", () => {
  it("keeps the formatting around a replaced word", () => {
    const draft = extractDraftText("<p>Du kan <b>erhålla</b> ett beslut.</p>", "html");
    expect(replaceChecked(draft, "erhålla", "få")).toBe("<p>Du kan <b>få</b> ett beslut.</p>");
  });

  it("replaces text written with references", () => {
    const source = fixture("new-outlook-reply.sv.html");
    const draft = extractDraftText(source, "html");
    const result = replaceChecked(draft, "erhålla", "få") as string;
    expect(result).toContain("Du kan <b>få</b> ett beslut i ditt &auml;rende");
    expect(result.length).toBe(source.length - "erh&aring;lla".length + "få".length);
  });

  it("replaces a phrase across a reference and a collapsed line break within one text node", () => {
    const draft = extractDraftText(fixture("new-outlook-reply.sv.html"), "html");
    expect(replaceChecked(draft, "ärende senast den 12 december", "ärende före jul")).toContain(
      "i ditt ärende före jul.</div>",
    );
    const classic = extractDraftText(fixture("classic-outlook-reply.en.html"), "html");
    expect(replaceChecked(classic, '"R&D"', "<R&D>")).toContain("about the &lt;R&amp;D&gt; grant");
  });

  it("takes a whole whitespace run when a span ends in a collapsed space", () => {
    const draft = extractDraftText("<div>Hej   \n  Anna</div>", "html");
    expect(replaceChecked(draft, "Hej ", "Hallå")).toBe("<div>HallåAnna</div>");
  });

  it("refuses spans across tags or synthesized line breaks", () => {
    const draft = extractDraftText("<p>Du kan <b>erhålla</b> ett beslut.</p><p>Nästa</p>", "html");
    expect(replaceInSource(draft, spanOf(draft, "kan erhålla"), "får")).toBeUndefined();
    expect(replaceInSource(draft, spanOf(draft, "erhålla ett"), "få en")).toBeUndefined();
    expect(replaceInSource(draft, spanOf(draft, "beslut.\nNästa"), "x")).toBeUndefined();
    const comment = extractDraftText("a <!-- x --> b", "html");
    expect(comment.text).toBe("a b");
    expect(replaceInSource(comment, spanOf(comment, "a b"), "c")).toBeUndefined();
  });

  it("refuses empty, reversed and out-of-range spans in HTML", () => {
    const draft = extractDraftText("<p>abc</p>", "html");
    expect(replaceInSource(draft, { start: 1, end: 1 }, "x")).toBeUndefined();
    expect(replaceInSource(draft, { start: 2, end: 1 }, "x")).toBeUndefined();
    expect(replaceInSource(draft, { start: 0, end: 99 }, "x")).toBeUndefined();
    expect(replaceInSource(draft, { start: -1, end: 1 }, "x")).toBeUndefined();
    expect(replaceInSource(draft, { start: 0.5, end: 1 }, "x")).toBeUndefined();
  });

  it("escapes <, & and > in the replacement", () => {
    const draft = extractDraftText("<p>ett ord</p>", "html");
    expect(replaceInSource(draft, spanOf(draft, "ord"), "<b>A & B</b>")).toBe(
      "<p>ett &lt;b&gt;A &amp; B&lt;/b&gt;</p>",
    );
  });

  it("replaces an emoji written as a reference or as text", () => {
    const draft = extractDraftText("<p>Hej &#x1F600; och 😀!</p>", "html");
    expect(draft.text).toBe("Hej 😀 och 😀!");
    expect(replaceChecked(draft, "😀", ":)")).toBe("<p>Hej :) och 😀!</p>");
    const second = { start: draft.text.lastIndexOf("😀"), end: draft.text.lastIndexOf("😀") + 2 };
    expect(replaceInSource(draft, second, ":)")).toBe("<p>Hej &#x1F600; och :)!</p>");
  });

  it("splices plain text and keeps everything else byte for byte", () => {
    const source = fixture("plain-outlook-reply.en.txt");
    const draft = extractDraftText(source, "text");
    expect(replaceChecked(draft, "See below.", "See <below> & more.")).toBe(
      source.replace("See below.", "See <below> & more."),
    );
    expect(replaceInSource(draft, { start: 0, end: 0 }, "> ")).toBe(`> ${source}`);
    expect(replaceInSource(draft, { start: 0, end: source.length + 1 }, "x")).toBeUndefined();
  });
});

describe("span helpers", () => {
  it("tests containment and overlap", () => {
    expect(isInside({ start: 2, end: 4 }, { start: 0, end: 4 })).toBe(true);
    expect(isInside({ start: 4, end: 4 }, { start: 0, end: 4 })).toBe(true);
    expect(isInside({ start: 3, end: 5 }, { start: 0, end: 4 })).toBe(false);
    expect(overlaps({ start: 3, end: 5 }, { start: 0, end: 4 })).toBe(true);
    expect(overlaps({ start: 4, end: 5 }, { start: 0, end: 4 })).toBe(false);
  });

  it("judges the author's text and signature, never quoted history", () => {
    const draft = extractDraftText(fixture("plain-reply.sv.txt"), "text");
    expect(judgedSpans(draft)).toEqual([draft.authored, draft.signature]);
    expect(isJudged(draft, spanOf(draft, "påminnelsen"))).toBe(true);
    expect(isJudged(draft, spanOf(draft, "Per Lind"))).toBe(true);
    expect(isJudged(draft, spanOf(draft, "Hur går det"))).toBe(false);
    expect(judgedSpans(extractDraftText("", "text"))).toEqual([]);
  });

  it("escapes HTML", () => {
    expect(htmlEscape(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("keeps a marker that sat on a dropped &nbsp; line", () => {
    const draft = extractDraftText(
      '<div>Hej</div><div>&nbsp;<div id="Signature">Anna<br>NVK</div></div>',
      "html",
    );
    expect(parts(draft)).toEqual({ authored: "Hej", signature: "Anna\nNVK" });
  });
});
