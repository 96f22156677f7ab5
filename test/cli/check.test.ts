import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli, spawnCli } from "./run-cli";

const fixtures = path.join(__dirname, "../fixtures");
const NOW = ["--now", "2026-12-01T10:00"];

function tempFile(name: string, content: string | Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "bemotande-check-")), name);
  writeFileSync(file, content);
  return file;
}

describe("bemotande check", () => {
  it("prints the documented JSON for a .txt reply and exits 1 on an error finding (real executable)", () => {
    const result = spawnCli(
      "check",
      path.join(fixtures, "check/refusal-reply.txt"),
      "--json",
      "--recipients",
      "kalle@example.com",
      ...NOW,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(["findings", "lix", "signature"]);
    expect(json.signature).toEqual({ present: true, missing: [] });
    expect(typeof json.lix).toBe("number");
    for (const finding of json.findings) {
      expect(Object.keys(finding)).toEqual([
        "rule",
        "severity",
        "policy",
        "start",
        "end",
        "text",
        "message",
        "suggestions",
      ]);
    }
    expect(json.findings.map((f: { rule: string }) => f.rule)).toEqual([
      "tone.objection-first",
      "case.no-timeline",
      "refusal.unexplained",
      "jargon",
      "jargon",
      "sensitive.personnummer",
    ]);
    expect(json.findings[3]).toEqual({
      rule: "jargon",
      severity: "warning",
      policy: "P14",
      start: 55,
      end: 63,
      text: "erhållit",
      message: "Skriv hellre ”fått” än ”erhållit” – det är enklare.",
      suggestions: ["fått"],
    });
  });

  it("exits 0 for a compliant HTML file", async () => {
    const result = await runCli("check", path.join(fixtures, "check/compliant.html"), "--json", ...NOW);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).findings).toEqual([]);
  });

  it("reads an .eml: HTML part, subject and recipients", async () => {
    const result = await runCli(
      "check",
      path.join(fixtures, "eml/reply-multipart.eml"),
      "--json",
      "--lang",
      "en",
      ...NOW,
    );
    expect(result.code).toBe(1); // no signature
    const json = JSON.parse(result.stdout);
    expect(json.signature).toEqual({
      present: false,
      missing: ["name", "title", "phone", "email", "organisation"],
    });
    expect(json.findings.map((f: { rule: string; text: string }) => `${f.rule}:${f.text}`)).toEqual([
      "jargon:erhållit",
      "case.no-timeline:din ansökan",
      "signature.missing:",
    ]);
    expect(json.findings[2].message).toBe(
      "The message has no signature. The policy requires name, title, phone number and email address.",
    );
  });

  it("decodes a Windows-1252 text file", async () => {
    const file = tempFile("latin1.txt", Buffer.from("Vi har erh\xe5llit din fr\xe5ga.", "latin1"));
    const json = JSON.parse((await runCli("check", file, "--json", ...NOW)).stdout);
    expect(json.findings[0].text).toBe("erhållit");
  });

  it("reads stdin with -", () => {
    const result = spawnCli("check", "-", "--json", ...NOW);
    // spawnSync without input gives an empty stdin: nothing written, no signature.
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).signature.present).toBe(false);
  });

  it("writes Swedish text output with line numbers", async () => {
    const result = await runCli(
      "check",
      path.join(fixtures, "check/refusal-reply.txt"),
      "--recipients",
      "kalle@example.com",
      ...NOW,
    );
    const lines = result.stdout.split("\n");
    expect(lines[0]).toMatch(/^1 fel, 5 varningar, 0 tips – LIX \d+(\.\d)? \(.+\)$/);
    expect(lines[1]).toBe("Signatur: komplett");
    expect(result.stdout).toContain("rad 3:1  varning  tone.objection-first (P8) ”Tyvärr”");
    expect(result.stdout).toContain("  Förslag: fått");
  });

  it.each([
    [["check"], "bemotande check: check needs a file (or - for stdin)"],
    [["check", "/nonexistent.txt"], "bemotande check: cannot read /nonexistent.txt: no such file"],
    [
      ["check", "a.txt", "--recipients", "not-an-address"],
      'bemotande check: invalid --recipients address "not-an-address"',
    ],
    [
      ["check", "a.txt", "--now", "yesterday"],
      'bemotande check: invalid --now "yesterday": expected ISO 8601, like 2026-12-01T10:00',
    ],
  ])("exits 2 for %j", async (argv, message) => {
    const result = await runCli(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${message}\n`);
  });

  it("exits 2 for a binary file and an .eml without text", async () => {
    const binary = tempFile("image.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    expect(await runCli("check", binary)).toEqual({
      code: 2,
      stdout: "",
      stderr: `bemotande check: ${binary} is not text (it contains NUL bytes)\n`,
    });
    const eml = tempFile("image.eml", "From: a@nvk.se\r\nContent-Type: image/png\r\n\r\nxyz");
    expect((await runCli("check", eml)).stderr).toBe(
      `bemotande check: cannot read ${eml} as an email: the message has no text/plain or text/html part\n`,
    );
  });
});
