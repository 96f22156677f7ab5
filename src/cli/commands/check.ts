import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { DraftAnalysis, DraftInput } from "../../policy/analyze";
import { analyzeDraft, listOf } from "../../policy/analyze";
import { parseIsoDateTime } from "../../policy/calendar";
import type { Finding, Language } from "../../policy/findings";
import { lixBandLabel } from "../../policy/language/readability";
import { loadConfig } from "../config-file";
import { looksLikeEml, parseEml } from "../eml";
import type { CliIO } from "../io";
import { ExitCode, UsageError } from "../io";
import { parseLanguage } from "../language";

export const checkUsage = `Usage: bemotande check <file|-> [--html] [--json] [--config FILE] [--recipients a@x.se,b@y.se] [--lang sv|en] [--now ISO]

Checks an email draft against the policy (signature, jargon, readability, tone, refusals, case
timelines, personal identity numbers). <file> is plain text, HTML (.html/.htm or --html) or a
saved message (.eml: MIME, quoted-printable, base64, UTF-8 or ISO-8859-1); "-" reads stdin.

  --html              treat the input as HTML
  --json              print {"findings": [...], "lix": n, "signature": {"present", "missing"}}
  --config FILE       policy configuration JSON (default: NVK's defaults)
  --recipients LIST   comma-separated addresses (added to an .eml's To and Cc); decides whether
                      a personal identity number goes outside the organisation
  --lang sv|en        language of messages (default: the config's locale)
  --now ISO           the date suggestions are counted from (default: now)

Exit codes: 0 no error finding, 1 at least one error finding, 2 bad input.`;

export async function runCheck(
  args: string[],
  io: CliIO,
  stdin: () => Promise<Buffer> = readStdin,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      html: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      config: { type: "string" },
      recipients: { type: "string" },
      lang: { type: "string" },
      now: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${checkUsage}\n`);
    return ExitCode.ok;
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0 ? "check needs a file (or - for stdin)" : "check takes one file",
    );
  }
  const config = loadConfig(values.config);
  const language = parseLanguage(values.lang, config.locale);
  const now =
    values.now === undefined ? new Date() : parseIsoDateTime(values.now, config.workingHours.timeZone);
  if (!now) throw new UsageError(`invalid --now "${values.now}": expected ISO 8601, like 2026-12-01T10:00`);
  const extra = parseRecipients(values.recipients);

  const file = positionals[0] as string;
  const raw = file === "-" ? await stdin() : readInput(file);
  const input = toDraft(raw, file, values.html, extra);
  const analysis = analyzeDraft(input, { config, now });

  io.stdout.write(
    values.json ? `${JSON.stringify(toJson(analysis, language))}\n` : describe(analysis, language),
  );
  return analysis.findings.some((f) => f.severity === "error") ? ExitCode.findings : ExitCode.ok;
}

function readInput(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : String(code ?? error);
    throw new UsageError(`cannot read ${file}: ${reason}`);
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

function parseRecipients(list: string | undefined): string[] {
  if (list === undefined) return [];
  const addresses = list
    .split(/[,;\s]+/)
    .map((a) => a.trim())
    .filter((a) => a !== "");
  const bad = addresses.find((a) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(a));
  if (bad !== undefined) throw new UsageError(`invalid --recipients address "${bad}"`);
  return addresses;
}

function toDraft(
  raw: Buffer,
  file: string,
  forceHtml: boolean | undefined,
  recipients: string[],
): DraftInput {
  if (raw.subarray(0, 8192).includes(0)) throw new UsageError(`${file} is not text (it contains NUL bytes)`);
  const extension = path.extname(file).toLowerCase();
  if (extension === ".eml" || (extension !== ".html" && extension !== ".htm" && looksLikeEml(raw))) {
    let message;
    try {
      message = parseEml(raw);
    } catch (error) {
      throw new UsageError(
        `cannot read ${file} as an email: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return {
      body: message.body,
      format: forceHtml ? "html" : message.format,
      subject: message.subject,
      recipients: [...message.to, ...message.cc, ...recipients],
    };
  }
  const body = decodeText(raw);
  const html =
    forceHtml ||
    extension === ".html" ||
    extension === ".htm" ||
    /^\s*<(?:!doctype|html|body|div|p)\b/i.test(body);
  return { body, format: html ? "html" : "text", recipients };
}

function decodeText(raw: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(raw).replace(/^\uFEFF/, "");
  } catch {
    // Not UTF-8: Windows tools still save Swedish text as Windows-1252 (a superset of Latin-1).
    return new TextDecoder("windows-1252").decode(raw);
  }
}

interface JsonFinding {
  rule: string;
  severity: Finding["severity"];
  policy: string;
  start: number;
  end: number;
  text: string;
  message: string;
  suggestions: string[];
}

/** The documented --json shape (docs/cli.md); keys in this order. */
export function toJson(analysis: DraftAnalysis, language: Language) {
  return {
    findings: analysis.findings.map((f): JsonFinding => ({
      rule: f.rule,
      severity: f.severity,
      policy: f.policy,
      start: f.start,
      end: f.end,
      text: f.text,
      message: f.message[language],
      suggestions: [...f.suggestions],
    })),
    lix: analysis.lix,
    signature: { present: analysis.signature.present, missing: [...analysis.signature.missing] },
  };
}

const SEVERITY: Record<Language, Record<Finding["severity"], string>> = {
  sv: { error: "fel", warning: "varning", info: "info" },
  en: { error: "error", warning: "warning", info: "info" },
};

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function describe(analysis: DraftAnalysis, language: Language): string {
  const sv = language === "sv";
  const count = (severity: Finding["severity"]) =>
    analysis.findings.filter((f) => f.severity === severity).length;
  const band = lixBandLabel(analysis.readability.band)[language];
  const lines = [
    sv
      ? `${count("error")} fel, ${count("warning")} varningar, ${count("info")} tips – LIX ${analysis.lix} (${band})`
      : `${count("error")} errors, ${count("warning")} warnings, ${count("info")} tips – LIX ${analysis.lix} (${band})`,
  ];
  const { present, missing } = analysis.signature;
  lines.push(
    sv
      ? `Signatur: ${present ? (missing.length === 0 ? "komplett" : `saknar ${listOf(missing, "sv")}`) : "saknas"}`
      : `Signature: ${present ? (missing.length === 0 ? "complete" : `lacks ${listOf(missing, "en")}`) : "missing"}`,
  );
  for (const f of analysis.findings) {
    const { line, column } = lineAndColumn(analysis.text.text, f.start);
    const where = sv ? `rad ${line}:${column}` : `line ${line}:${column}`;
    const quoted = f.text === "" ? "" : `  ”${f.text.length > 60 ? `${f.text.slice(0, 57)}…` : f.text}”`;
    lines.push(
      "",
      `${where}  ${SEVERITY[language][f.severity]}  ${f.rule} (${f.policy})${quoted.replace(/\s+/g, " ")}`,
    );
    lines.push(`  ${f.message[language]}`);
    if (f.suggestions.length > 0)
      lines.push(`  ${sv ? "Förslag" : "Suggestions"}: ${f.suggestions.join(" | ")}`);
  }
  return `${lines.join("\n")}\n`;
}
