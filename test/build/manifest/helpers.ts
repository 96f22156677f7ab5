// Shared by the manifest validator tests: the real manifest and the fault transforms applied to it.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../../..");
export const FIXTURES = join(ROOT, "test/fixtures/manifests");
export const LAUNCHEVENT_FIXTURE = join(FIXTURES, "launchevent");
export const MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");

export interface FaultTransform {
  name: string;
  /** Text replaced (first occurrence) in the real manifest.xml. */
  find: string;
  replace: string;
  /** One exact fault line, without the file prefix: `<element>: message`. */
  expect: string;
}

export const TRANSFORMS = JSON.parse(readFileSync(join(FIXTURES, "faults.json"), "utf8")) as FaultTransform[];

export function transformByName(name: string): FaultTransform {
  const t = TRANSFORMS.find((x) => x.name === name);
  if (!t) throw new Error(`no transform named "${name}" in faults.json`);
  return t;
}

/** Applies a transform; throws if its `find` text no longer occurs (the fixture went stale). */
export function applyTransform(xml: string, t: Pick<FaultTransform, "find" | "replace" | "name">): string {
  if (!xml.includes(t.find))
    throw new Error(`transform "${t.name}": text not found in manifest.xml: ${t.find}`);
  // A replacer function, so "$" in the replacement is taken literally.
  return xml.replace(t.find, () => t.replace);
}

/** 1-based lines of every occurrence of text. */
export function linesOf(xml: string, text: string): number[] {
  const lines: number[] = [];
  for (let i = xml.indexOf(text); i !== -1; i = xml.indexOf(text, i + 1)) {
    lines.push(xml.slice(0, i).split("\n").length);
  }
  return lines;
}
