/**
 * bench-results.json: one top-level key per benchmark ("analyze", …). Writing a section merges it
 * into the file, so other benchmarks' sections survive; the write is atomic (temp file + rename).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

export type ResultsFile = Record<string, unknown>;

/** The file's sections, or an empty object when it is missing; throws when it is not a JSON object. */
export function readResults(path: string): ResultsFile {
  if (!existsSync(path)) return {};
  const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new Error(`${path} does not hold a JSON object`);
  }
  return parsed as ResultsFile;
}

/** Replaces the given top-level sections and keeps every other one; returns what was written. */
export function mergeResults(path: string, sections: ResultsFile): ResultsFile {
  const merged = { ...readResults(path), ...sections };
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(merged, null, 2)}\n`);
  renameSync(temp, path);
  return merged;
}
