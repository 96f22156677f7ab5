import { readFileSync } from "node:fs";
import path from "node:path";
import type { Span } from "../../../src/policy/findings";
import type { DraftText } from "../../../src/policy/text";

export function fixture(name: string): string {
  return readFileSync(path.resolve(__dirname, "../../fixtures/drafts", name), "utf8");
}

export function slice(draft: DraftText, span: Span | undefined): string | undefined {
  return span === undefined ? undefined : draft.text.slice(span.start, span.end);
}

/** The three parts of a draft as text, for readable expectations. */
export function parts(draft: DraftText): { authored: string; signature?: string; quoted?: string } {
  const result: { authored: string; signature?: string; quoted?: string } = {
    authored: slice(draft, draft.authored) as string,
  };
  if (draft.signature) result.signature = slice(draft, draft.signature);
  if (draft.quoted) result.quoted = slice(draft, draft.quoted);
  return result;
}

/** What the source shows at a text span: the decoded source range, compared with text.slice. */
export function spanOf(draft: DraftText, needle: string, from = 0): Span {
  const start = draft.text.indexOf(needle, from);
  if (start < 0) throw new Error(`"${needle}" not in text: ${JSON.stringify(draft.text)}`);
  return { start, end: start + needle.length };
}
