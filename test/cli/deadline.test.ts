import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli, spawnCli } from "./run-cli";

function configFile(content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "bemotande-")), "config.json");
  writeFileSync(file, content);
  return file;
}

describe("bemotande deadline", () => {
  it("prints the policy example as JSON (real executable)", () => {
    const result = spawnCli("deadline", "2026-12-23T10:00:00+01:00", "--json");
    expect(result).toEqual({
      code: 0,
      stdout: '{"received":"2026-12-23T10:00:00+01:00","due":"2026-12-29T17:00:00+01:00"}\n',
      stderr: "",
    });
  });

  it("exits 2 with a one-line reason for a malformed date (real executable)", () => {
    const result = spawnCli("deadline", "not-a-date");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      'bemotande deadline: invalid date-time "not-a-date": expected ISO 8601, like 2026-12-23T10:00:00+01:00\n',
    );
  });

  it("writes Swedish text by default", async () => {
    const result = await runCli("deadline", "2026-12-23T10:00:00+01:00");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "Mottaget:     onsdag 23 december 2026 kl. 10:00",
        "Svara senast: tisdag 29 december 2026 kl. 17:00",
        "              (2 arbetsdagar, tidszon Europe/Stockholm)",
        "",
      ].join("\n"),
    );
  });

  it("writes English with --lang en and honours --days", async () => {
    const result = await runCli("deadline", "2026-12-23T10:00:00+01:00", "--lang", "en", "--days", "1");
    expect(result.stdout).toContain("Reply by:     Monday, 28 December 2026 at 17:00");
    expect(result.stdout).toContain("(1 working day, time zone Europe/Stockholm)");
  });

  it("reads a date-time without offset in the configured time zone", async () => {
    const result = await runCli("deadline", "2026-07-01T10:00", "--json");
    expect(JSON.parse(result.stdout)).toEqual({
      received: "2026-07-01T10:00:00+02:00",
      due: "2026-07-03T17:00:00+02:00",
    });
  });

  it("uses the working days, hours, time zone and days off of --config", async () => {
    const config = configFile(
      JSON.stringify({
        replyDeadline: { workingDays: 1 },
        workingHours: { end: "16:00", timeZone: "Europe/Helsinki" },
        calendar: { extraDaysOff: ["2026-12-28"] },
      }),
    );
    const result = await runCli("deadline", "2026-12-23T10:00:00+01:00", "--config", config, "--json");
    expect(JSON.parse(result.stdout)).toEqual({
      received: "2026-12-23T11:00:00+02:00",
      due: "2026-12-29T16:00:00+02:00",
    });
  });

  it.each([
    [["deadline"], "bemotande deadline: deadline needs the time the message was received"],
    [["deadline", "2026-12-23", "2026-12-24"], "bemotande deadline: deadline takes one date-time"],
    [
      ["deadline", "2026-12-23", "--days", "two"],
      'bemotande deadline: invalid --days "two": expected a whole number from 0 to 250',
    ],
    [
      ["deadline", "2026-12-23", "--days", "-1"],
      "bemotande deadline: Option '--days' argument is ambiguous.",
    ],
    [
      ["deadline", "2026-12-23", "--lang", "de"],
      'bemotande deadline: invalid --lang "de": expected sv or en',
    ],
    [
      ["deadline", "2026-12-23", "--config", "/nonexistent/config.json"],
      "bemotande deadline: cannot read config /nonexistent/config.json: no such file",
    ],
    [["frobnicate"], 'bemotande: unknown command "frobnicate"'],
  ])("exits 2 for %j", async (argv, message) => {
    const result = await runCli(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toContain(message);
  });

  it("names the JSON path of a bad config value", async () => {
    const config = configFile('{"workingHours": {"start": "8"}}');
    const result = await runCli("deadline", "2026-12-23", "--config", config);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `bemotande deadline: invalid config ${config}: $.workingHours.start: must be a time "HH:MM"\n`,
    );
  });

  it("names JSON syntax errors in a config", async () => {
    const config = configFile("{ not json");
    const result = await runCli("deadline", "2026-12-23", "--config", config);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^bemotande deadline: invalid config .*config\.json: \$: not valid JSON \(/,
    );
  });

  it("prints help with exit 0", async () => {
    const result = await runCli("deadline", "--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: bemotande deadline <received>/);
    const top = await runCli("--help");
    expect(top.stdout).toContain("deadline   reply deadline for a received message");
  });
});
