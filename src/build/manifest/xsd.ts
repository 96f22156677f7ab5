// XSD validation through xmllint (libxml2), with the schemas from /work/shared/manifest-schemas.
// Kept separate from checks.ts because it shells out; its faults use the same shape.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Fault } from "./checks";

export const ROOT_SCHEMA = "OfficeAppManifestV1_1.xsd";

export type XsdOutcome =
  | { kind: "valid" }
  | { kind: "invalid"; faults: Fault[] }
  /** The check could not run; `notice` says why. */
  | { kind: "skipped"; reason: "no-schemas" | "no-xmllint"; notice: string };

export interface XsdOptions {
  /** xmllint executable; defaults to "xmllint" on PATH. */
  xmllint?: string;
}

// Namespace URIs make xmllint's messages unreadable; the bt: prefix is the one people know.
const NAMESPACE_LABELS: [RegExp, string][] = [
  [/\{http:\/\/schemas\.microsoft\.com\/office\/officeappbasictypes\/1\.0\}/g, "bt:"],
  [/\{http:\/\/schemas\.microsoft\.com\/office\/[^}]*\}/g, ""],
];

function tidy(text: string): string {
  return NAMESPACE_LABELS.reduce((t, [re, label]) => t.replace(re, label), text);
}

/** Turns xmllint's stderr into faults: one per "file:line: …" diagnostic. */
export function parseXmllintOutput(stderr: string): Fault[] {
  const faults: Fault[] = [];
  for (const text of stderr.split(/\r?\n/)) {
    const m = /^.*?:(\d+): (.*)$/.exec(text);
    if (!m) continue;
    const [, lineNo, rest = ""] = m;
    const validity = /^element [^:]+: Schemas validity error : Element '([^']+)'[,:] ?(.*)$/.exec(rest);
    const line = Number(lineNo);
    if (validity) {
      const [, element = "", message = ""] = validity;
      faults.push({ element: `<${tidy(element)}>`, message: `XSD: ${tidy(message)}`, line });
    } else {
      faults.push({ element: "XSD", message: tidy(rest), line });
    }
  }
  return faults;
}

export function runXsdCheck(manifestPath: string, schemasDir: string, options: XsdOptions = {}): XsdOutcome {
  const schema = join(schemasDir, ROOT_SCHEMA);
  if (!existsSync(schema))
    return { kind: "skipped", reason: "no-schemas", notice: `XSD check skipped: ${schema} not found` };
  const xmllint = options.xmllint ?? "xmllint";
  const run = spawnSync(xmllint, ["--noout", "--schema", schema, manifestPath], { encoding: "utf8" });
  if (run.error) {
    const why = (run.error as NodeJS.ErrnoException).code === "ENOENT" ? "not installed" : run.error.message;
    return {
      kind: "skipped",
      reason: "no-xmllint",
      notice: `XSD check skipped: xmllint ${why} (${xmllint})`,
    };
  }
  if (run.status === 0) return { kind: "valid" };
  const faults = parseXmllintOutput(run.stderr);
  if (faults.length === 0) {
    const first = run.stderr.split(/\r?\n/).find((l) => l.trim()) ?? `exit code ${run.status}`;
    faults.push({ element: "XSD", message: `xmllint failed: ${first}` });
  }
  return { kind: "invalid", faults };
}
