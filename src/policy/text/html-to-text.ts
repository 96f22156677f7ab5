/**
 * HTML → plain text in one linear pass, with a source offset for every output character.
 *
 * No tree and no recursion: nesting depth never matters, and every scan (indexOf for "<", "-->",
 * "</style", a closing quote) moves forward, so each source character is looked at a bounded
 * number of times. Layout is approximated the way Outlook renders mail: block elements start a
 * new line, <br> ends one, runs of whitespace collapse to one space, &nbsp; is a kept space.
 */
import { decodeEntityAt } from "./entities";
import { isHtmlSpace } from "./html-space";

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

/**
 * Characters of text pieces kept before they are joined into one string. Well under V8's large
 * object size (128 KB, 64k UTF-16 units): building strings past it costs a full collection each
 * sooner or later, which made large bodies disproportionately slow.
 */
const CHARS_PER_JOIN = 16384;

/** Slots for text pieces between joins (well under V8's large-array size). */
const PARTS_BLOCK = 4096;

// Character codes (plain constants: the ES2016 event-handler bundle gets no enum machinery).
const LF = 10;
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

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Outlook prefixes ids and classes with "x_" (once per forwarding) when it re-renders mail. */
function stripOutlookPrefix(value: string): string {
  let v = value.toLowerCase();
  while (v.startsWith("x_")) v = v.slice(2);
  return v;
}

/**
 * A start or end tag: its name and where the few attributes the quote and signature detectors
 * read sit in the source (first occurrence wins, as in browsers; -1 when absent). One object is
 * reused for every tag and values are sliced out only when a detector needs them: Outlook HTML
 * has a class or style on nearly every element, and allocating for each was a measurable share
 * of the extraction.
 */
interface Tag {
  name: string;
  /** [start, end) of each attribute value in the source, by slot; -1 when absent. */
  readonly values: Int32Array;
  /** Offset just past the tag's ">", or source.length when the tag runs to the end. */
  end: number;
  /** False when the input ended inside the tag: browsers then drop it. */
  closed: boolean;
}

// Attribute slots in Tag.values (pairs).
const ID = 0;
const CLASS = 2;
const STYLE = 4;
const TYPE = 6;
const NAME = 8;

const ATTRIBUTE_NAMES = ["id", "class", "style", "type", "name"];

const newTag = (): Tag => ({ name: "", values: new Int32Array(10), end: 0, closed: false });

/** The slot of an attribute the detectors read, or -1; compared without a lower-cased copy. */
function attributeSlot(source: string, start: number, end: number): number {
  const len = end - start;
  if (len < 2 || len > 5) return -1;
  const c0 = source.charCodeAt(start) | 0x20;
  const slot =
    len === 2 && c0 === 105 /* i */
      ? ID
      : len === 5 && c0 === 99 /* c */
        ? CLASS
        : len === 5 && c0 === 115 /* s */
          ? STYLE
          : len === 4 && c0 === 116 /* t */
            ? TYPE
            : len === 4 && c0 === 110 /* n */
              ? NAME
              : -1;
  if (slot < 0) return -1;
  const wanted = ATTRIBUTE_NAMES[slot >> 1] as string;
  for (let k = 1; k < len; k++) {
    if ((source.charCodeAt(start + k) | 0x20) !== wanted.charCodeAt(k)) return -1;
  }
  return slot;
}

/** The value of an attribute slot, or undefined when the tag has none. */
function attributeValue(source: string, tag: Tag, slot: number): string | undefined {
  const start = tag.values[slot] as number;
  return start < 0 ? undefined : source.slice(start, tag.values[slot + 1]);
}

/** True when the attribute value in `slot` contains `needle` (lower case), ignoring ASCII case. */
function attributeHas(source: string, tag: Tag, slot: number, needle: string): boolean {
  const start = tag.values[slot] as number;
  const last = (tag.values[slot + 1] as number) - needle.length;
  const first = needle.charCodeAt(0);
  for (let i = start; i >= 0 && i <= last; i++) {
    if (lowerAscii(source.charCodeAt(i)) !== first) continue;
    let k = 1;
    while (k < needle.length && lowerAscii(source.charCodeAt(i + k)) === needle.charCodeAt(k)) k++;
    if (k === needle.length) return true;
  }
  return false;
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c | 0x20 : c;
}

/** Tag names seen in mail, by a hash of their lower-cased characters: most tags need no new string. */
const KNOWN_TAG_NAMES: ReadonlyMap<number, string> = (() => {
  const names = [
    ...BLOCK,
    ...RAW_SKIP,
    ...HEAD_CONTENT,
    ...["a", "b", "i", "u", "s", "br", "td", "th", "tr", "span", "font", "img", "strong", "em"],
    ...["sup", "sub", "o:p", "small", "big", "code", "wbr", "col", "colgroup", "area", "map"],
  ];
  const table = new Map<number, string>();
  for (const name of names) {
    let hash = 0;
    for (let k = 0; k < name.length; k++) hash = (Math.imul(hash, 31) + name.charCodeAt(k)) | 0;
    if (!table.has(hash)) table.set(hash, name);
  }
  return table;
})();

/** Parses the tag whose name starts at `at` (just after "<" or "</") into `tag`. */
function parseTag(source: string, at: number, tag: Tag): Tag {
  const n = source.length;
  let i = at;
  let hash = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (isHtmlSpace(c) || c === SLASH || c === GT) break;
    hash = (Math.imul(hash, 31) + lowerAscii(c)) | 0;
    i++;
  }
  const known = KNOWN_TAG_NAMES.get(hash);
  tag.name =
    known !== undefined && known.length === i - at && sameLetters(source, at, known)
      ? known
      : source.slice(at, i).toLowerCase();
  const values = tag.values;
  for (let k = 0; k < values.length; k++) values[k] = -1;
  tag.end = n;
  tag.closed = false;
  while (i < n) {
    let c = source.charCodeAt(i);
    if (c === GT) {
      tag.end = i + 1;
      tag.closed = true;
      return tag;
    }
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
    const slot = attributeSlot(source, nameStart, i);
    let j = i;
    while (j < n && isHtmlSpace(source.charCodeAt(j))) j++;
    if (source.charCodeAt(j) !== EQ) {
      if (slot >= 0 && values[slot] === -1) {
        values[slot] = i;
        values[slot + 1] = i;
      }
      continue;
    }
    j++;
    while (j < n && isHtmlSpace(source.charCodeAt(j))) j++;
    const q = source.charCodeAt(j);
    let valueStart: number;
    let valueEnd: number;
    if (q === DQUOTE || q === APOS) {
      // A quoted value may hold ">"; an unclosed quote runs to the end of input.
      const close = source.indexOf(q === DQUOTE ? '"' : "'", j + 1);
      valueStart = j + 1;
      valueEnd = close < 0 ? n : close;
      i = close < 0 ? n : close + 1;
    } else {
      let k = j;
      while (k < n) {
        const ck = source.charCodeAt(k);
        if (isHtmlSpace(ck) || ck === GT) break;
        k++;
      }
      valueStart = j;
      valueEnd = k;
      i = k;
    }
    if (slot >= 0 && values[slot] === -1) {
      values[slot] = valueStart;
      values[slot + 1] = valueEnd;
    }
  }
  return tag;
}

/** True when source[at …] spells `name` (lower case) ignoring ASCII case. */
function sameLetters(source: string, at: number, name: string): boolean {
  for (let k = 0; k < name.length; k++)
    if (lowerAscii(source.charCodeAt(at + k)) !== name.charCodeAt(k)) return false;
  return true;
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

function classTokens(cls: string): string[] {
  return cls.split(/[ \t\n\r\f]+/).filter((t) => t !== "");
}

function isQuoteElement(source: string, tag: Tag): boolean {
  const id = attributeValue(source, tag, ID);
  if (id !== undefined && QUOTE_IDS.has(stripOutlookPrefix(id))) return true;
  // Most classes (MsoNormal …) name none of the markers: a scan of the source rules them out
  // before anything is sliced or split.
  if (attributeHas(source, tag, CLASS, "quote") || attributeHas(source, tag, CLASS, "cite")) {
    for (const token of classTokens(attributeValue(source, tag, CLASS) as string)) {
      const t = stripOutlookPrefix(token);
      if (t.startsWith("gmail_quote") || QUOTE_CLASSES.has(t)) return true;
    }
  }
  if (tag.name === "blockquote") {
    const type = attributeValue(source, tag, TYPE);
    if (type !== undefined && type.toLowerCase() === "cite") return true;
  }
  const styleLength = (tag.values[STYLE + 1] as number) - (tag.values[STYLE] as number);
  if (styleLength < 2000 && attributeHas(source, tag, STYLE, "border-top")) {
    const compact = (attributeValue(source, tag, STYLE) as string).toLowerCase().replace(/[ \t\n\r\f]+/g, "");
    for (const marker of OUTLOOK_SEPARATOR_STYLES) if (compact.includes(marker)) return true;
  }
  return false;
}

function isSignatureElement(source: string, tag: Tag): boolean {
  const id = attributeValue(source, tag, ID);
  if (id !== undefined && stripOutlookPrefix(id) === "signature") return true;
  if (attributeHas(source, tag, CLASS, "signature")) {
    const cls = attributeValue(source, tag, CLASS) as string;
    for (const token of classTokens(cls)) if (stripOutlookPrefix(token) === "signature") return true;
  }
  // Classic Outlook (Word) bookmarks the inserted signature: <a name="_MailAutoSig">.
  const bookmark = tag.name === "a" ? attributeValue(source, tag, NAME) : undefined;
  return bookmark !== undefined && stripOutlookPrefix(bookmark) === "_mailautosig";
}

/** Source offsets of the extracted text, kept as runs and expanded per character only on demand. */
class OffsetRuns {
  // Triples: text position where a run starts, its source offset, 1 if sequential else 0. A typed
  // array grown by doubling: a plain array past ~16k elements leaves V8's regular heap and then
  // grows several times slower than linearly (measured: 27k pushes 2.6 ms, 9k 0.014 ms × 9).
  private runs: Int32Array;
  private used = 0;

  /**
   * `sourceLength` sizes the array up front: mail HTML gives about one run per 4–5 source
   * characters, and growing by doubling from a small array cost several large allocations and
   * copies per extraction.
   */
  constructor(sourceLength: number) {
    this.runs = new Int32Array(Math.max(3 * 512, 3 * Math.ceil(sourceLength / 12)));
  }

  /** text[at …] maps to `offset` (+ k when `sequential`) until the next run starts. */
  add(at: number, offset: number, sequential: boolean): void {
    let runs = this.runs;
    const last = this.used - 3;
    if (last >= 0) {
      // Extend the previous run when this one continues it (text after a collapsed single space
      // copied in the same piece of source, or a second synthesized line break).
      if (
        sequential &&
        runs[last + 2] === 1 &&
        (runs[last + 1] as number) + at - (runs[last] as number) === offset
      )
        return;
      if (!sequential && runs[last + 2] === 0 && runs[last + 1] === offset) return;
    }
    const k = this.used;
    if (k + 3 > runs.length) {
      const grown = new Int32Array(runs.length * 2);
      grown.set(runs);
      this.runs = runs = grown;
    }
    runs[k] = at;
    runs[k + 1] = offset;
    runs[k + 2] = sequential ? 1 : 0;
    this.used = k + 3;
  }

  /** Forgets every run that starts at or after `length` (the text was cut back to it). */
  truncate(length: number): void {
    while (this.used > 0 && (this.runs[this.used - 3] as number) >= length) this.used -= 3;
  }

  expand(length: number): Int32Array {
    const runs = this.runs;
    const used = this.used;
    const out = new Int32Array(length);
    for (let k = 0; k < used; k += 3) {
      const from = runs[k] as number;
      const to = k + 3 < used ? (runs[k + 3] as number) : length;
      const offset = runs[k + 1] as number;
      if (runs[k + 2] === 1) for (let t = from; t < to; t++) out[t] = offset + t - from;
      else out.fill(offset, from, to);
    }
    return out;
  }
}

/**
 * Accumulates output text and offsets, applying whitespace collapsing and line breaks. A line
 * holding nothing but &nbsp; (Outlook's "<p>&nbsp;</p>" blank paragraph) is emitted empty.
 */
class TextBuilder {
  // The text is kept as pieces (mostly slices of the source, which V8 does not copy) joined once
  // at the end, and the offsets as runs: nothing is written per character, so a 1 MB body costs
  // a few thousand small objects rather than megabytes of per-character arrays.
  // A fixed block of slots, reused after each join: growing a fresh array by push for every
  // block cost more garbage than the text itself. Slots past partsUsed may hold stale pieces (a
  // blank line cut back); takeParts blanks them before joining.
  private parts: string[] = new Array<string>(PARTS_BLOCK).fill("");
  private partsUsed = 0;
  /** Highest slot written since the last join, plus one. */
  private partsHigh = 0;
  /** Earlier lines, joined a few thousand pieces at a time (see OffsetRuns on big arrays). */
  private readonly joined: string[] = [];
  /** Text length covered by `joined`. */
  private joinedLength = 0;
  readonly offsets: OffsetRuns;
  length = 0;
  readonly quoteMarks: number[] = [];
  readonly signatureMarks: number[] = [];
  private atLineStart = true;
  private pendingBreak = false;
  /** Offset of the whitespace a pending space came from, -1 if synthesized, NO_SPACE if none. */
  private pendingSpace = NO_SPACE;
  private lineStartLength = 0;
  private lineStartParts = 0;
  private lineVisible = false;

  constructor(sourceLength: number) {
    this.offsets = new OffsetRuns(sourceLength);
  }

  /** Appends `text`; every character maps to `offset`, or to `offset + k` when `sequential`. */
  private raw(text: string, offset: number, sequential: boolean): void {
    this.offsets.add(this.length, offset, sequential && text.length > 1);
    // Pieces are final once their line is visible (only a blank line is ever cut back) or when
    // none of the current line is among them: join those now and then, so the list stays small
    // even for a single 1 MB line.
    if (
      (this.length - this.joinedLength >= CHARS_PER_JOIN || this.partsUsed === this.parts.length) &&
      (this.lineVisible || this.partsUsed === this.lineStartParts)
    ) {
      this.joined.push(this.takeParts());
      this.lineStartParts = 0;
    }
    // Written by index, cut back by moving partsUsed (see OffsetRuns for why not `length`); the
    // block grows only while one blank line fills it.
    if (this.partsUsed === this.parts.length) this.parts.push(text);
    else this.parts[this.partsUsed] = text;
    this.partsUsed++;
    if (this.partsUsed > this.partsHigh) this.partsHigh = this.partsUsed;
    this.length += text.length;
  }

  /** The pieces so far as one string; starts a new list (no copy of the old one). */
  private takeParts(): string {
    this.joinedLength = this.length;
    const parts = this.parts;
    for (let k = this.partsUsed; k < this.partsHigh; k++) parts[k] = "";
    // Unused slots hold "", so the whole block can be joined without copying a part of it.
    const text = parts.join("");
    for (let k = 0; k < this.partsHigh; k++) parts[k] = "";
    this.partsUsed = 0;
    this.partsHigh = 0;
    return text;
  }

  /** Drops the current line's content when it is only spaces. */
  private dropBlankLine(): void {
    if (this.lineVisible || this.length === this.lineStartLength) return;
    this.length = this.lineStartLength;
    this.partsUsed = this.lineStartParts;
    this.offsets.truncate(this.length);
    pullBack(this.quoteMarks, this.length);
    pullBack(this.signatureMarks, this.length);
  }

  private newline(offset: number): void {
    this.dropBlankLine();
    this.raw("\n", offset, false);
    this.lineStartLength = this.length;
    this.lineStartParts = this.partsUsed;
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
    this.raw(source.slice(start, end), start, true);
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

  finish(): string {
    this.dropBlankLine();
    this.joined.push(this.takeParts());
    return this.joined.length === 1 ? (this.joined[0] as string) : this.joined.join("");
  }
}

/** Moves marks past `length` back to it (the text after them was dropped). */
function pullBack(marks: number[], length: number): void {
  for (let k = marks.length - 1; k >= 0 && (marks[k] as number) > length; k--) marks[k] = length;
}

/** What {@link htmlToText} returns; the per-character offsets are expanded on first use. */
class ExtractedHtml implements HtmlText {
  private expanded: Int32Array | undefined;

  constructor(
    readonly text: string,
    private readonly runs: OffsetRuns,
    readonly quoteMarks: readonly number[],
    readonly signatureMarks: readonly number[],
  ) {}

  get offsets(): Int32Array {
    if (this.expanded === undefined) this.expanded = this.runs.expand(this.text.length);
    return this.expanded;
  }
}

/** One extraction: the state of the single left-to-right pass over the source. */
class Extractor {
  readonly out: TextBuilder;
  /** Reused for every tag: nothing keeps a tag after it has been handled. */
  private readonly tag = newTag();
  private inHead = false;
  private preDepth = 0;

  constructor(private readonly source: string) {
    this.out = new TextBuilder(source.length);
  }

  run(): HtmlText {
    const source = this.source;
    const n = source.length;
    let i = 0;
    while (i < n) {
      if (source.charCodeAt(i) === LT) {
        i = this.markup(i);
        continue;
      }
      let end = source.indexOf("<", i);
      if (end < 0) end = n;
      this.textRun(i, end);
      i = end;
    }
    const text = this.out.finish();
    return new ExtractedHtml(text, this.out.offsets, this.out.quoteMarks, this.out.signatureMarks);
  }

  /** Text from `start` to `end` (no "<" inside). */
  private textRun(start: number, end: number): void {
    const source = this.source;
    const out = this.out;
    let run = -1; // start of a stretch of ordinary characters, copied in one piece
    for (let k = start; k < end; k++) {
      const c = source.charCodeAt(k);
      // Ordinary characters (nearly all of them) are decided by the first two tests.
      if (c > SPACE && c !== AMP && c !== NBSP) {
        if (run < 0) {
          run = k;
          this.inHead = false;
        }
        continue;
      }
      if (isHtmlSpace(c)) {
        if (this.inHead) continue;
        if (this.preDepth === 0) {
          // A lone space between words collapses to itself: keep it in the run, so ordinary
          // prose is copied a line at a time instead of a word at a time.
          if (c === SPACE && run >= 0 && k + 1 < end && !isHtmlSpace(source.charCodeAt(k + 1))) continue;
          if (run >= 0) out.contentRange(source, run, k);
          run = -1;
          out.space(k);
          continue;
        }
        if (c === LF || c === CR) {
          if (run >= 0) out.contentRange(source, run, k);
          run = -1;
          // CRLF and lone CR are one line break inside <pre>.
          if (c === LF || source.charCodeAt(k + 1) !== LF) out.content("\n", k, false);
          continue;
        }
        // Spaces and tabs inside <pre> are kept as ordinary characters.
        if (run < 0) run = k;
        continue;
      }
      // Non-blank text in <head> means the body has started, as browsers do it.
      this.inHead = false;
      if (c === AMP) {
        const entity = decodeEntityAt(source, k);
        if (entity) {
          if (run >= 0) out.contentRange(source, run, k);
          run = -1;
          out.content(entity.text === "\u00a0" ? " " : entity.text, k, false);
          k += entity.length - 1;
          continue;
        }
      } else if (c === NBSP) {
        if (run >= 0) out.contentRange(source, run, k);
        run = -1;
        out.content(" ", k, false);
        continue;
      }
      if (run < 0) run = k;
    }
    if (run >= 0) out.contentRange(source, run, end);
  }

  private startTag(tag: Tag): number {
    const name = tag.name;
    const out = this.out;
    if (name === "head") {
      if (out.length === 0) this.inHead = true;
      return tag.end;
    }
    if (RAW_SKIP.has(name)) return skipToEndTag(this.source, tag.end, name);
    if (this.inHead) {
      if (HEAD_CONTENT.has(name) || name.includes(":")) return tag.end;
      this.inHead = false;
    }
    if (isQuoteElement(this.source, tag)) out.mark(out.quoteMarks);
    if (isSignatureElement(this.source, tag)) out.mark(out.signatureMarks);
    if (name === "br") out.lineBreak();
    else if (name === "td" || name === "th") out.space(-1);
    else if (BLOCK.has(name)) {
      out.blockBreak();
      if (name === "pre") this.preDepth++;
    }
    return tag.end;
  }

  private endTag(tag: Tag): number {
    const name = tag.name;
    const out = this.out;
    if (name === "head") this.inHead = false;
    if (this.inHead) return tag.end;
    if (name === "br") out.lineBreak();
    else if (name === "td" || name === "th") out.space(-1);
    else if (BLOCK.has(name)) {
      out.blockBreak();
      if (name === "pre" && this.preDepth > 0) this.preDepth--;
    }
    return tag.end;
  }

  /** Handles the markup starting at source[i] === "<"; returns where to continue. */
  private markup(i: number): number {
    const source = this.source;
    const n = source.length;
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
        const tag = parseTag(source, i + 2, this.tag);
        return tag.closed ? this.endTag(tag) : n;
      }
      if (c2 === GT) return i + 3;
      if (i + 2 >= n) {
        this.textRun(i, n);
        return n;
      }
      const gt = source.indexOf(">", i + 2);
      return gt < 0 ? n : gt + 1;
    }
    if (isAsciiLetter(c1)) {
      const tag = parseTag(source, i + 1, this.tag);
      return tag.closed ? this.startTag(tag) : n;
    }
    // A stray "<" ("a < b", "<3") is text.
    this.textRun(i, i + 1);
    return i + 1;
  }
}

export function htmlToText(source: string): HtmlText {
  return new Extractor(source).run();
}

/** Re-export for the offset mapping in replaceInSource. */
export { isHtmlSpace };
