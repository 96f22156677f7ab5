/**
 * HTML → plain text in one linear pass, with a source offset for every output character.
 *
 * No tree and no recursion: nesting depth never matters, and every scan (indexOf for "<", "-->",
 * "</style", a closing quote) moves forward, so each source character is looked at a bounded
 * number of times. Layout is approximated the way Outlook renders mail: block elements start a
 * new line, <br> ends one, runs of whitespace collapse to one space, &nbsp; is a kept space.
 */
import { decodeEntityAt } from "./entities";

export interface HtmlText {
  readonly text: string;
  /** offsets[i] = source offset that produced text[i] ("&" for references), -1 if synthesized. */
  readonly offsets: Int32Array;
  /** Text positions where an element marking quoted history starts (divRplyFwdMsg, gmail_quote, …). */
  readonly quoteMarks: readonly number[];
  /** Text positions where a signature container starts (id="Signature", _MailAutoSig, …). */
  readonly signatureMarks: readonly number[];
}

/** Elements that start and end a line. */
const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "dir",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "legend",
  "li",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "tfoot",
  "thead",
  "tr",
  "ul",
]);

/** Elements whose content is never shown; skipped up to their end tag without parsing it. */
const RAW_SKIP = new Set([
  "script",
  "style",
  "title",
  "xml",
  "textarea",
  "noscript",
  "noembed",
  "noframes",
  "iframe",
  "template",
]);

/** What may appear in <head>; anything else means the body has started (as in browsers). */
const HEAD_CONTENT = new Set(["meta", "link", "base", "basefont", "bgsound", "head", "html"]);

const QUOTE_IDS = new Set([
  "divrplyfwdmsg", // Outlook on the web / new Outlook reply header
  "appendonsend", // Outlook on the web: where the history is appended
  "mail-editor-reference-message-container", // new Outlook / Outlook mobile
  "olk_src_body_section", // Outlook for Mac
]);

const QUOTE_CLASSES = new Set(["yahoo_quoted", "moz-cite-prefix"]);

/** The rule classic Outlook draws above a reply header. */
const OUTLOOK_SEPARATOR_STYLES = ["border-top:solid#e1e1e1", "border-top:solid#b5c4df"];

const NO_SPACE = -2;

// Character codes (plain constants: the ES2016 event-handler bundle gets no enum machinery).
const TAB = 9;
const LF = 10;
const FF = 12;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const DQUOTE = 34;
const AMP = 38;
const APOS = 39;
const SLASH = 47;
const LT = 60;
const EQ = 61;
const GT = 62;
const QUESTION = 63;
const NBSP = 0xa0;

function isHtmlSpace(c: number): boolean {
  return c === SPACE || c === LF || c === TAB || c === CR || c === FF;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Outlook prefixes ids and classes with "x_" (once per forwarding) when it re-renders mail. */
function stripOutlookPrefix(value: string): string {
  let v = value.toLowerCase();
  while (v.startsWith("x_")) v = v.slice(2);
  return v;
}

/** A start or end tag's name and attributes (names lower-cased; values raw). */
interface Tag {
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
  /** Offset just past the tag's ">", or source.length when the tag runs to the end. */
  readonly end: number;
  /** False when the input ended inside the tag: browsers then drop it. */
  readonly closed: boolean;
}

/** Parses the tag whose name starts at `at` (just after "<" or "</"). */
function parseTag(source: string, at: number): Tag {
  const n = source.length;
  let i = at;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (isHtmlSpace(c) || c === SLASH || c === GT) break;
    i++;
  }
  const name = source.slice(at, i).toLowerCase();
  const attrs = new Map<string, string>();
  while (i < n) {
    let c = source.charCodeAt(i);
    if (c === GT) return { name, attrs, end: i + 1, closed: true };
    if (isHtmlSpace(c) || c === SLASH) {
      i++;
      continue;
    }
    const nameStart = i;
    // An attribute name runs to whitespace, "/", ">" or "=" (a leading "=" belongs to the name).
    i++;
    while (i < n) {
      c = source.charCodeAt(i);
      if (isHtmlSpace(c) || c === SLASH || c === GT || c === EQ) break;
      i++;
    }
    const attrName = source.slice(nameStart, i).toLowerCase();
    let j = i;
    while (j < n && isHtmlSpace(source.charCodeAt(j))) j++;
    if (source.charCodeAt(j) !== EQ) {
      if (!attrs.has(attrName)) attrs.set(attrName, "");
      continue;
    }
    j++;
    while (j < n && isHtmlSpace(source.charCodeAt(j))) j++;
    const q = source.charCodeAt(j);
    let value: string;
    if (q === DQUOTE || q === APOS) {
      // A quoted value may hold ">"; an unclosed quote runs to the end of input.
      const close = source.indexOf(q === DQUOTE ? '"' : "'", j + 1);
      const valueEnd = close < 0 ? n : close;
      value = source.slice(j + 1, valueEnd);
      i = close < 0 ? n : close + 1;
    } else {
      let k = j;
      while (k < n) {
        const ck = source.charCodeAt(k);
        if (isHtmlSpace(ck) || ck === GT) break;
        k++;
      }
      value = source.slice(j, k);
      i = k;
    }
    if (!attrs.has(attrName)) attrs.set(attrName, value);
  }
  return { name, attrs, end: n, closed: false };
}

/** Offset just past the end tag `</name …>` at or after `from`, or source.length. Case-insensitive. */
function skipToEndTag(source: string, from: number, name: string): number {
  let j = from;
  for (;;) {
    j = source.indexOf("</", j);
    if (j < 0) return source.length;
    const after = j + 2 + name.length;
    if (source.slice(j + 2, after).toLowerCase() === name) {
      const c = source.charCodeAt(after);
      if (after >= source.length || isHtmlSpace(c) || c === SLASH || c === GT) {
        const gt = source.indexOf(">", after);
        return gt < 0 ? source.length : gt + 1;
      }
    }
    j += 2;
  }
}

function classTokens(attrs: ReadonlyMap<string, string>): string[] {
  const cls = attrs.get("class");
  return cls ? cls.split(/[ \t\n\r\f]+/).filter((t) => t !== "") : [];
}

function isQuoteElement(tag: Tag): boolean {
  const id = tag.attrs.get("id");
  if (id !== undefined && QUOTE_IDS.has(stripOutlookPrefix(id))) return true;
  for (const token of classTokens(tag.attrs)) {
    const t = stripOutlookPrefix(token);
    if (t.startsWith("gmail_quote") || QUOTE_CLASSES.has(t)) return true;
  }
  if (tag.name === "blockquote") {
    const type = tag.attrs.get("type");
    if (type !== undefined && type.toLowerCase() === "cite") return true;
  }
  const style = tag.attrs.get("style");
  if (style !== undefined && style.length < 2000) {
    const compact = style.toLowerCase().replace(/[ \t\n\r\f]+/g, "");
    for (const marker of OUTLOOK_SEPARATOR_STYLES) if (compact.includes(marker)) return true;
  }
  return false;
}

function isSignatureElement(tag: Tag): boolean {
  const id = tag.attrs.get("id");
  if (id !== undefined && stripOutlookPrefix(id) === "signature") return true;
  for (const token of classTokens(tag.attrs)) if (stripOutlookPrefix(token) === "signature") return true;
  // Classic Outlook (Word) bookmarks the inserted signature: <a name="_MailAutoSig">.
  const bookmark = tag.name === "a" ? tag.attrs.get("name") : undefined;
  return bookmark !== undefined && stripOutlookPrefix(bookmark) === "_mailautosig";
}

/**
 * Accumulates output text and offsets, applying whitespace collapsing and line breaks. A line
 * holding nothing but &nbsp; (Outlook's "<p>&nbsp;</p>" blank paragraph) is emitted empty.
 */
class TextBuilder {
  // The text is written as UTF-16 code units into a typed buffer beside its source offsets, and
  // turned into a string once at the end: a 1 MB body then costs two arrays, not one string
  // object per word (whose garbage made large bodies disproportionately slow).
  private chars: Uint16Array;
  private offsets: Int32Array;

  constructor(capacity: number) {
    // Sized for the source up front: the text is rarely longer, so the arrays seldom grow.
    const size = Math.max(1024, capacity + 64);
    this.chars = new Uint16Array(size);
    this.offsets = new Int32Array(size);
  }
  length = 0;
  readonly quoteMarks: number[] = [];
  readonly signatureMarks: number[] = [];
  private atLineStart = true;
  private pendingBreak = false;
  /** Offset of the whitespace a pending space came from, -1 if synthesized, NO_SPACE if none. */
  private pendingSpace = NO_SPACE;
  private lineStartLength = 0;
  private lineVisible = false;

  private reserve(extra: number): void {
    if (this.length + extra <= this.offsets.length) return;
    let size = this.offsets.length * 2;
    while (size < this.length + extra) size *= 2;
    const offsets = new Int32Array(size);
    offsets.set(this.offsets.subarray(0, this.length));
    this.offsets = offsets;
    const chars = new Uint16Array(size);
    chars.set(this.chars.subarray(0, this.length));
    this.chars = chars;
  }

  /** Appends `text`; every character maps to `offset`, or to `offset + k` when `sequential`. */
  private raw(text: string, offset: number, sequential: boolean): void {
    this.reserve(text.length);
    for (let k = 0; k < text.length; k++) {
      this.chars[this.length + k] = text.charCodeAt(k);
      this.offsets[this.length + k] = sequential ? offset + k : offset;
    }
    this.length += text.length;
  }

  /** Appends source[start, end) as it stands, each character mapped to its own offset. */
  private rawRange(source: string, start: number, end: number): void {
    this.reserve(end - start);
    for (let k = start; k < end; k++) {
      this.chars[this.length] = source.charCodeAt(k);
      this.offsets[this.length] = k;
      this.length++;
    }
  }

  /** Drops the current line's content when it is only spaces. */
  private dropBlankLine(): void {
    if (this.lineVisible || this.length === this.lineStartLength) return;
    this.length = this.lineStartLength;
    for (const marks of [this.quoteMarks, this.signatureMarks]) {
      for (let k = marks.length - 1; k >= 0 && (marks[k] as number) > this.length; k--)
        marks[k] = this.length;
    }
  }

  private newline(offset: number): void {
    this.dropBlankLine();
    this.raw("\n", offset, false);
    this.lineStartLength = this.length;
    this.lineVisible = false;
    this.atLineStart = true;
  }

  /** Emits what is pending (a line break, one collapsed space) before visible content. */
  private flush(): void {
    if (this.pendingBreak) {
      if (!this.atLineStart) this.newline(-1);
      this.pendingBreak = false;
      this.pendingSpace = NO_SPACE;
    }
    if (this.pendingSpace !== NO_SPACE) {
      if (!this.atLineStart) this.raw(" ", this.pendingSpace, false);
      this.pendingSpace = NO_SPACE;
    }
  }

  /**
   * Visible text: `sequential` when text[k] came from source[offset + k], else all from `offset`.
   * " " is a kept (non-collapsing) space; "\n" a source line break inside <pre>.
   */
  content(text: string, offset: number, sequential: boolean): void {
    if (text === "") return;
    this.flush();
    if (text === "\n") {
      this.newline(offset);
      return;
    }
    this.raw(text, offset, sequential);
    if (text !== " ") this.lineVisible = true;
    this.atLineStart = false;
  }

  /** Visible text copied straight from source[start, end) (no line breaks inside). */
  contentRange(source: string, start: number, end: number): void {
    if (end <= start) return;
    this.flush();
    this.rawRange(source, start, end);
    if (end - start !== 1 || source.charCodeAt(start) !== 0x20) this.lineVisible = true;
    this.atLineStart = false;
  }

  /** Collapsible whitespace at `offset` (-1 for a synthesized separator such as a table cell). */
  space(offset: number): void {
    if (this.pendingSpace === NO_SPACE) this.pendingSpace = offset;
  }

  /** A block boundary: the next content starts on a new line. */
  blockBreak(): void {
    this.pendingBreak = true;
    this.pendingSpace = NO_SPACE;
  }

  /** <br>: always ends the current line, so consecutive ones give blank lines. */
  lineBreak(): void {
    if (this.pendingBreak && !this.atLineStart) this.newline(-1);
    this.pendingBreak = false;
    this.pendingSpace = NO_SPACE;
    this.newline(-1);
  }

  /** Records where an element of interest starts. */
  mark(marks: number[]): void {
    marks.push(this.length);
  }

  finish(): { text: string; offsets: Int32Array } {
    this.dropBlankLine();
    // A view, not a copy: at 1 MB of HTML a copy is megabytes of garbage per analysis.
    const pieces: string[] = [];
    // fromCharCode takes its arguments on the stack: convert in slices well below engine limits.
    for (let k = 0; k < this.length; k += 8192) {
      pieces.push(
        String.fromCharCode.apply(
          null,
          this.chars.subarray(k, Math.min(this.length, k + 8192)) as unknown as number[],
        ),
      );
    }
    return { text: pieces.join(""), offsets: this.offsets.subarray(0, this.length) };
  }
}

export function htmlToText(source: string): HtmlText {
  const out = new TextBuilder(source.length);
  const n = source.length;
  let inHead = false;
  let preDepth = 0;

  /** Text from `start` to `end` (no "<" inside). */
  const textRun = (start: number, end: number): void => {
    let run = -1; // start of a stretch of ordinary characters, copied in one piece
    const flushRun = (k: number): void => {
      if (run >= 0) out.contentRange(source, run, k);
      run = -1;
    };
    for (let k = start; k < end; k++) {
      const c = source.charCodeAt(k);
      if (isHtmlSpace(c)) {
        if (inHead) continue;
        if (preDepth === 0) {
          // A lone space between words collapses to itself: keep it in the run, so ordinary
          // prose is copied a line at a time instead of a word at a time.
          if (c === 0x20 && run >= 0 && k + 1 < end && !isHtmlSpace(source.charCodeAt(k + 1))) continue;
          flushRun(k);
          out.space(k);
          continue;
        }
        if (c === LF || c === CR) {
          flushRun(k);
          // CRLF and lone CR are one line break inside <pre>.
          if (c === LF || source.charCodeAt(k + 1) !== LF) out.content("\n", k, false);
          continue;
        }
        // Spaces and tabs inside <pre> are kept as ordinary characters.
        if (run < 0) run = k;
        continue;
      }
      // Non-blank text in <head> means the body has started, as browsers do it.
      inHead = false;
      if (c === AMP) {
        const entity = decodeEntityAt(source, k);
        if (entity) {
          flushRun(k);
          out.content(entity.text === "\u00a0" ? " " : entity.text, k, false);
          k += entity.length - 1;
          continue;
        }
      } else if (c === NBSP) {
        flushRun(k);
        out.content(" ", k, false);
        continue;
      }
      if (run < 0) run = k;
    }
    flushRun(end);
  };

  const startTag = (tag: Tag): number => {
    const name = tag.name;
    if (name === "head") {
      if (out.length === 0) inHead = true;
      return tag.end;
    }
    if (RAW_SKIP.has(name)) return skipToEndTag(source, tag.end, name);
    if (inHead) {
      if (HEAD_CONTENT.has(name) || name.includes(":")) return tag.end;
      inHead = false;
    }
    if (isQuoteElement(tag)) out.mark(out.quoteMarks);
    if (isSignatureElement(tag)) out.mark(out.signatureMarks);
    if (name === "br") out.lineBreak();
    else if (name === "td" || name === "th") out.space(-1);
    else if (BLOCK.has(name)) {
      out.blockBreak();
      if (name === "pre") preDepth++;
    }
    return tag.end;
  };

  const endTag = (tag: Tag): number => {
    const name = tag.name;
    if (name === "head") inHead = false;
    if (inHead) return tag.end;
    if (name === "br") out.lineBreak();
    else if (name === "td" || name === "th") out.space(-1);
    else if (BLOCK.has(name)) {
      out.blockBreak();
      if (name === "pre" && preDepth > 0) preDepth--;
    }
    return tag.end;
  };

  /** Handles the markup starting at source[i] === "<"; returns where to continue. */
  const markup = (i: number): number => {
    const c1 = source.charCodeAt(i + 1);
    if (c1 === BANG) {
      if (source.startsWith("<!--", i)) {
        // "<!-->" and "<!--->" are complete, empty comments; an unclosed one hides the rest.
        if (source.startsWith(">", i + 4)) return i + 5;
        if (source.startsWith("->", i + 4)) return i + 6;
        const close = source.indexOf("-->", i + 4);
        return close < 0 ? n : close + 3;
      }
      // <!DOCTYPE>, <![if …]>, <![endif]>, CDATA: bogus comments up to ">".
      const gt = source.indexOf(">", i + 2);
      return gt < 0 ? n : gt + 1;
    }
    if (c1 === QUESTION) {
      const gt = source.indexOf(">", i + 2);
      return gt < 0 ? n : gt + 1;
    }
    if (c1 === SLASH) {
      const c2 = source.charCodeAt(i + 2);
      if (isAsciiLetter(c2)) {
        const tag = parseTag(source, i + 2);
        return tag.closed ? endTag(tag) : n;
      }
      if (c2 === GT) return i + 3;
      if (i + 2 >= n) {
        textRun(i, n);
        return n;
      }
      const gt = source.indexOf(">", i + 2);
      return gt < 0 ? n : gt + 1;
    }
    if (isAsciiLetter(c1)) {
      const tag = parseTag(source, i + 1);
      return tag.closed ? startTag(tag) : n;
    }
    // A stray "<" ("a < b", "<3") is text.
    textRun(i, i + 1);
    return i + 1;
  };

  let i = 0;
  while (i < n) {
    if (source.charCodeAt(i) === LT) {
      i = markup(i);
      continue;
    }
    let end = source.indexOf("<", i);
    if (end < 0) end = n;
    textRun(i, end);
    i = end;
  }
  const { text, offsets } = out.finish();
  return { text, offsets, quoteMarks: out.quoteMarks, signatureMarks: out.signatureMarks };
}

/** Re-export for the offset mapping in replaceInSource. */
export { isHtmlSpace };
