import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { APPLICATION_PERMISSIONS, DELEGATED_SCOPES, OPERATION_SCOPES } from "../../src/graph/scopes";

const root = path.resolve(__dirname, "../..");
const SCOPE_LIKE = /\b[A-Z][A-Za-z]+\.(Read|ReadWrite|Send)(\.[A-Za-z]+)?\b/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx|js|cjs|mjs|json|html)$/.test(name) ? [full] : [];
  });
}

/** The scopes listed in a section of docs/graph.md (the first `code` cell of each table row). */
function scopesInSection(title: string): Set<string> {
  const doc = readFileSync(path.join(root, "docs/graph.md"), "utf8");
  const section = new RegExp(`## ${title}\\n([\\s\\S]*?)\\n## `).exec(doc)?.[1] ?? "";
  return new Set([...section.matchAll(/^\|\s*`([^`]+)`/gm)].map((m) => m[1] as string));
}

const documentedScopes = (): Set<string> => scopesInSection("Documented scopes");
// The emulator mirrors Graph's permission tables (scopes Graph accepts, never requested by
// Bemötande); those are documented separately and allowed only under src/emulator.
const emulatorScopes = (): Set<string> => scopesInSection("Scopes only the emulator names");

describe("Graph scopes", () => {
  const documented = documentedScopes();

  it("docs/graph.md documents the scope list", () => {
    expect(documented.has("User.Read")).toBe(true);
    expect(documented.has("https://graph.microsoft.com/.default")).toBe(true);
  });

  it("every scope-like string in src/ is documented in docs/graph.md", () => {
    const undocumented: string[] = [];
    const emulatorOnly = emulatorScopes();
    for (const file of files(path.join(root, "src"))) {
      const relative = path.relative(root, file);
      const inEmulator = relative.startsWith(path.join("src", "emulator") + path.sep);
      for (const match of readFileSync(file, "utf8").matchAll(SCOPE_LIKE)) {
        if (documented.has(match[0]) || (inEmulator && emulatorOnly.has(match[0]))) continue;
        undocumented.push(`${relative}: ${match[0]}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it("every operation's least scope is one of the documented ones", () => {
    const known = new Set<string>([
      ...Object.values(DELEGATED_SCOPES),
      ...Object.values(APPLICATION_PERMISSIONS),
    ]);
    for (const [operation, scope] of Object.entries(OPERATION_SCOPES)) {
      expect([operation, known.has(scope.delegated), known.has(scope.application)]).toEqual([
        operation,
        true,
        true,
      ]);
      expect(documented.has(scope.delegated) && documented.has(scope.application)).toBe(true);
    }
  });

  it("the scan would catch an undocumented scope", () => {
    const text = 'const s = ["Mail.Read", "Files.ReadWrite.All", "Mail.Send"];';
    const found = [...text.matchAll(SCOPE_LIKE)].map((m) => m[0]).filter((s) => !documented.has(s));
    expect(found).toEqual(["Mail.Read", "Files.ReadWrite.All"]);
  });
});
