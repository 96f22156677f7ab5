// One-click fixes. Each reads the body right before writing and gives up if it changed since the
// analysis (the caller re-analyses instead), writes, then reads back and compares, so a fix never
// silently loses the author's text. Nothing here retries.
//
// A chunk of its own ("fixes"): the compose view loads it once the first analysis is on screen.
import type { FixErrorKey } from "../../i18n";
import type { ComposeMailbox } from "../../office/mailbox";
import type { DraftAnalysis } from "../../policy/analyze";
import type { PolicyConfig } from "../../policy/config/schema";
import type { Finding, Span } from "../../policy/findings";
import { followUpSentence } from "../../policy/rules/tone";
import type { BuiltSignature, DirectoryProfile, ProfileField } from "../../policy/signature/build-signature";
import { buildSignature } from "../../policy/signature/build-signature";
import type { DraftText } from "../../policy/text/draft-text";
import { extractDraftText, replaceInSource, sourceRangeOf } from "../../policy/text/draft-text";
import { htmlEscape } from "../../policy/text/spans";
import type { FixKind } from "./fix-kinds";

export type FixOutcome = { readonly ok: true } | { readonly ok: false; readonly error: FixErrorKey };

const failure = (error: FixErrorKey): FixOutcome => ({ ok: false, error });

/** Plain text of an HTML body, whitespace collapsed: what read-back comparisons look at. */
export function comparableText(html: string): string {
  return normalise(extractDraftText(html, "html").text);
}

function normalise(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/gu, " ").trim();
}

/** The HTML body with the jargon at `span` replaced; undefined when the span crosses markup. */
export function replaceJargon(draft: DraftText, span: Span, replacement: string): string | undefined {
  return replaceInSource(draft, span, replacement);
}

/** The source offset just after text[index - 1], when that character comes from source text. */
function sourceEndAt(draft: DraftText, index: number): number | undefined {
  if (index <= 0) return undefined;
  return sourceRangeOf(draft, { start: index - 1, end: index })?.end;
}

/** End of the paragraph (line) holding `offset` within the author's text, trailing blanks excluded. */
function paragraphEnd(draft: DraftText, offset: number): number {
  const { text, authored } = draft;
  let end = text.indexOf("\n", offset);
  if (end < 0 || end > authored.end) end = authored.end;
  while (end > authored.start && /\s/u.test(text[end - 1] as string)) end--;
  return end;
}

/**
 * The HTML body with `sentence` added after the paragraph that holds the finding (in the same
 * paragraph, after its last character), or else at the end of the author's text; undefined when
 * neither place maps to source text.
 */
export function insertSentence(draft: DraftText, finding: Span, sentence: string): string | undefined {
  const candidates = [paragraphEnd(draft, finding.end), paragraphEnd(draft, draft.authored.end)];
  for (const index of candidates) {
    const at = sourceEndAt(draft, index);
    if (at === undefined) continue;
    const last = draft.text[index - 1] ?? "";
    const glue = /[.!?:]/u.test(last) ? " " : ". ";
    const inserted = draft.format === "html" ? htmlEscape(glue + sentence) : glue + sentence;
    return draft.source.slice(0, at) + inserted + draft.source.slice(at);
  }
  return undefined;
}

async function readBody(mailbox: ComposeMailbox): Promise<string | undefined> {
  try {
    return await mailbox.getBodyHtml();
  } catch {
    return undefined;
  }
}

/**
 * Rewrites the body: `compute` gets the HTML that was analysed (and is still current) and returns
 * the new HTML or why it cannot. Reads back and compares the text afterwards.
 */
export async function rewriteBody(
  mailbox: ComposeMailbox,
  analysedHtml: string,
  compute: (html: string) => { readonly html: string } | { readonly error: FixErrorKey },
): Promise<FixOutcome> {
  const current = await readBody(mailbox);
  if (current === undefined) return failure("failed");
  if (current !== analysedHtml) return failure("changed");
  const computed = compute(current);
  if ("error" in computed) return failure(computed.error);
  const next = computed.html;
  try {
    await mailbox.setBodyHtml(next);
  } catch {
    return failure("failed");
  }
  const after = await readBody(mailbox);
  if (after === undefined || comparableText(after) !== comparableText(next)) return failure("mismatch");
  return { ok: true };
}

/**
 * Writes the compliant signature with setSignatureAsync, after turning off Outlook's own (so it is
 * not doubled). Afterwards the author's text and any quoted history must still be there, and the
 * signature's text must be in the body.
 */
export async function insertSignature(
  mailbox: ComposeMailbox,
  analysedHtml: string,
  signature: BuiltSignature,
): Promise<FixOutcome> {
  if (signature.text.trim() === "") return failure("no-profile");
  const current = await readBody(mailbox);
  if (current === undefined) return failure("failed");
  if (current !== analysedHtml) return failure("changed");
  const before = extractDraftText(current, "html");
  const kept = [before.authored, before.quoted]
    .filter((span): span is Span => span !== undefined && span.end > span.start)
    .map((span) => normalise(before.text.slice(span.start, span.end)));
  try {
    // Mailbox 1.10; where the client cannot turn its own signature off, ours still goes in.
    await mailbox.disableClientSignature().catch(() => undefined);
    await mailbox.setSignature(signature.html);
  } catch {
    return failure("failed");
  }
  const after = await readBody(mailbox);
  if (after === undefined) return failure("mismatch");
  const text = comparableText(after);
  if (!kept.every((part) => text.includes(part)) || !text.includes(normalise(signature.text))) {
    return failure("mismatch");
  }
  return { ok: true };
}

/** The directory fields a compliant signature would still need from `profile`. */
export function missingProfileFields(
  profile: DirectoryProfile,
  config: PolicyConfig,
): readonly ProfileField[] {
  return buildSignature(profile, config).missingProfileFields;
}

export interface FixRequest {
  readonly kind: FixKind;
  /** The analysis of the body as it is now (the caller read it again). */
  readonly analysis: DraftAnalysis;
  readonly finding: Finding;
  /** The alternative chosen for a jargon word. */
  readonly replacement?: string | undefined;
  /** Who the signature is for: the directory profile, or Office's name and address. */
  readonly profile: DirectoryProfile;
  readonly config: PolicyConfig;
  readonly now: Date;
}

/** Applies one fix to the body the analysis was made of. */
export function applyFix(mailbox: ComposeMailbox, request: FixRequest): Promise<FixOutcome> {
  const { kind, analysis, finding, config } = request;
  const html = analysis.text.source;
  if (kind === "signature") return insertSignature(mailbox, html, buildSignature(request.profile, config));
  if (kind === "replace") {
    return rewriteBody(mailbox, html, () => {
      const next = replaceJargon(analysis.text, finding, request.replacement ?? "");
      return next === undefined ? { error: "not-in-place" } : { html: next };
    });
  }
  const sentence =
    finding.rule === "followup.no-date"
      ? followUpSentence({ now: request.now, config })
      : (finding.suggestions[0] ?? "");
  return rewriteBody(mailbox, html, () => {
    const next = insertSentence(analysis.text, finding, sentence);
    return next === undefined ? { error: "nowhere-to-insert" } : { html: next };
  });
}
