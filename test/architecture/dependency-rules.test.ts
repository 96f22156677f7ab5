import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// The layering of docs/architecture.md, checked on the source text so that it holds for every
// file, including ones the linter is told to skip.
const root = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  const full = path.join(root, dir);
  return readdirSync(full).flatMap((name) => {
    const file = path.join(full, name);
    if (statSync(file).isDirectory()) return sourceFiles(path.join(dir, name));
    return /\.(ts|tsx)$/.test(name) ? [path.join(dir, name)] : [];
  });
}

function importsOf(text: string): string[] {
  const specifiers = [
    ...text.matchAll(
      /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g,
    ),
  ];
  return specifiers.map((m) => (m[1] ?? m[2] ?? m[3]) as string);
}

const policyFiles = sourceFiles("src/policy");
const allowedPolicyPackages = new Set(["zod", "libphonenumber-js/core"]);

/** Imports in `text` (a file under src/policy) that leave the policy layer. */
function policyViolations(file: string, text: string): string[] {
  return importsOf(text).filter((specifier) => {
    if (specifier.startsWith(".")) {
      const target = path.resolve(path.dirname(path.join(root, file)), specifier);
      return !target.startsWith(path.join(root, "src/policy") + path.sep);
    }
    return !allowedPolicyPackages.has(specifier);
  });
}

describe("dependency rules", () => {
  it("finds the policy sources", () => {
    expect(policyFiles.length).toBeGreaterThan(5);
  });

  it.each(policyFiles)("%s imports only policy modules and pure libraries", (file) => {
    expect(policyViolations(file, readFileSync(path.join(root, file), "utf8"))).toEqual([]);
  });

  it.each(policyFiles)("%s touches no host, DOM or Node global", (file) => {
    const text = readFileSync(path.join(root, file), "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
    const globals = text.match(
      /\b(?:Office|window|document|navigator|process|Buffer|localStorage|fetch)\s*[.(]/g,
    );
    expect(globals).toBeNull();
  });

  it("would catch React, Node, an adapter or a dynamic import in policy code", () => {
    const text = [
      'import { useState } from "react";',
      'import { readFileSync } from "node:fs";',
      'import type { MailboxAdapter } from "../../office/mailbox";',
      'export { parsePolicyConfig } from "../config/parse";',
      'const graph = import("@microsoft/microsoft-graph-client");',
      'import { z } from "zod";',
    ].join("\n");
    expect(policyViolations("src/policy/calendar/example.ts", text)).toEqual([
      "react",
      "node:fs",
      "../../office/mailbox",
      "@microsoft/microsoft-graph-client",
    ]);
  });

  // Office.js is reached through src/office only (the event handler and the function file are
  // their own small bundles and talk to Office directly).
  const officeFreeDirs = ["src/taskpane", "src/i18n", "src/cli", "src/server", "src/policy"];
  it.each(officeFreeDirs.flatMap(sourceFiles))("%s does not call Office.js directly", (file) => {
    const text = readFileSync(path.join(root, file), "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
    expect(text.match(/\bOffice\s*\.(?!js\b)|typeof\s+Office\b/g)).toBeNull();
  });
});
