import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { RunningGraphEmulator } from "../../src/emulator/graph";
import { startGraphEmulator } from "../../src/emulator/graph";
import type { CliIO } from "../../src/cli/io";
import type { MsalConfiguration, MsalNodeModule } from "../../src/cli/graph-auth";
import { readCertificate, resolveGraphAuth } from "../../src/cli/graph-auth";
import type { WhoamiDeps } from "../../src/cli/commands/whoami";
import { runWhoami } from "../../src/cli/commands/whoami";
import { FakeGraph, graphError, json } from "../graph/fake-graph";
import { runCli } from "./run-cli";

async function whoami(args: string[], deps: WhoamiDeps) {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  };
  const code = await runWhoami(args, io, deps);
  return { code, stdout, stderr };
}

function fakeMailbox(timeZone = "W. Europe Standard Time"): FakeGraph {
  const fake = new FakeGraph();
  fake.on(
    "GET",
    /^\/(me|users\/[^/]+)$/,
    json(200, {
      id: "u1",
      displayName: "Eva Jonsson",
      givenName: "Eva",
      surname: "Jonsson",
      mail: "eva.jonsson@nvk.se",
      jobTitle: "Kanslichef",
      department: "Kansliet",
      businessPhones: ["08-465 004 00"],
      mobilePhone: "070-174 06 05",
      userPrincipalName: "eva.jonsson@nvk.se",
    }),
  );
  fake.on(
    "GET",
    /mailboxSettings$/,
    json(200, {
      automaticRepliesSetting: {
        status: "Scheduled",
        scheduledStartDateTime: { dateTime: "2026-07-01T06:00:00.0000000", timeZone: "UTC" },
        scheduledEndDateTime: { dateTime: "2026-07-31T15:00:00.0000000", timeZone: "UTC" },
      },
      timeZone,
      workingHours: {
        daysOfWeek: ["monday", "tuesday", "wednesday", "thursday", "friday"],
        startTime: "08:00:00.0000000",
        endTime: "17:00:00.0000000",
        timeZone: { name: timeZone },
      },
    }),
  );
  return fake;
}

describe("bemotande whoami (fetch double)", () => {
  it("--json prints exactly the documented shape", async () => {
    const fake = fakeMailbox();
    const result = await whoami(["--json"], { env: { GRAPH_TOKEN: "tok" }, fetch: fake.fetch });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe(
      `${JSON.stringify({
        user: {
          displayName: "Eva Jonsson",
          mail: "eva.jonsson@nvk.se",
          jobTitle: "Kanslichef",
          department: "Kansliet",
          phones: ["08-465 004 00", "070-174 06 05"],
        },
        timeZone: "Europe/Stockholm",
        workingHours: {
          days: ["monday", "tuesday", "wednesday", "thursday", "friday"],
          start: "08:00",
          end: "17:00",
        },
        autoReply: {
          status: "scheduled",
          start: "2026-07-01T08:00:00+02:00",
          end: "2026-07-31T17:00:00+02:00",
        },
      })}\n`,
    );
    expect(fake.requests.map((r) => r.path)).toEqual(["/me", "/me/mailboxSettings"]);
    expect(fake.requests[0]?.headers.authorization).toBe("Bearer tok");
  });

  it("prints Swedish text by default and English with --lang en", async () => {
    const sv = await whoami([], { env: { GRAPH_TOKEN: "tok" }, fetch: fakeMailbox().fetch });
    expect(sv.stdout).toContain("Avdelning:");
    expect(sv.stdout).toContain("måndag, tisdag, onsdag, torsdag, fredag 08:00–17:00");
    expect(sv.stdout).toContain("schemalagt 2026-07-01 08:00 – 2026-07-31 17:00");
    const en = await whoami(["--lang", "en", "--user", "eva.jonsson@nvk.se"], {
      env: { GRAPH_TOKEN: "tok" },
      fetch: fakeMailbox("Pacific Standard Time").fetch,
    });
    expect(en.stdout).toContain("Time zone:");
    expect(en.stdout).toContain("America/Los_Angeles");
  });

  it("keeps an unknown time zone and notes it on stderr", async () => {
    const result = await whoami(["--json"], {
      env: { GRAPH_TOKEN: "t" },
      fetch: fakeMailbox("Customized Time Zone").fetch,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).timeZone).toBe("Customized Time Zone");
    expect(result.stderr).toMatch(/okänd tidszon "Customized Time Zone"/);
  });

  it("exit 1 with the mapped message when Graph refuses", async () => {
    const fake = new FakeGraph();
    fake.on(
      "GET",
      /.*/,
      graphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again."),
    );
    const result = await whoami([], { env: { GRAPH_TOKEN: "t" }, fetch: fake.fetch });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "bemotande whoami: Bemötande saknar behörigheten User.Read. Be IT att ge administratörsmedgivande (admin consent) för den.\n",
    );
  });

  it("exit 2 naming the missing variables when there is no sign-in", async () => {
    const result = await whoami(["--lang", "en"], { env: { AZURE_CLIENT_ID: "x" } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "bemotande whoami: No Microsoft Graph sign-in: set GRAPH_TOKEN, or for app-only sign-in AZURE_TENANT_ID, AZURE_CLIENT_CERTIFICATE_PATH (or AZURE_CLIENT_SECRET).\n",
    );
  });

  it("exit 2 for bad flags, a bad --graph-base-url, and app-only without --user", async () => {
    expect((await runCli("whoami", "--nope")).code).toBe(2);
    expect((await runCli("whoami", "--graph-base-url", "ftp://x")).code).toBe(2);
    const loadMsal = async (): Promise<MsalNodeModule> => ({
      ConfidentialClientApplication: class {
        async acquireTokenByClientCredential() {
          return { accessToken: "app" };
        }
      },
    });
    const env = { AZURE_TENANT_ID: "t", AZURE_CLIENT_ID: "c", AZURE_CLIENT_SECRET: "s" };
    await expect(whoami([], { env, loadMsal })).rejects.toThrow(/--user krävs/);
    const withUser = await whoami(["--user", "eva.jonsson@nvk.se", "--json"], {
      env,
      loadMsal,
      fetch: fakeMailbox().fetch,
    });
    expect(withUser.code).toBe(0);
  });

  it("uses --graph-base-url over the config", async () => {
    const seen: string[] = [];
    const result = await whoami(["--graph-base-url", "http://localhost:3999/graph/v1.0/", "--json"], {
      env: { GRAPH_TOKEN: "t" },
      fetch: async (input, init) => {
        seen.push(input);
        return fakeMailbox().fetch(
          input.replace("http://localhost:3999/graph", "https://graph.microsoft.com"),
          init,
        );
      },
    });
    expect(result.code).toBe(0);
    expect(seen[0]).toMatch(/^http:\/\/localhost:3999\/graph\/v1\.0\/me\?\$select=/);
  });
});

describe("CLI sign-in (graph-auth)", () => {
  it("GRAPH_TOKEN wins and strips a 'Bearer ' prefix", async () => {
    const auth = await resolveGraphAuth({ GRAPH_TOKEN: "Bearer abc", AZURE_TENANT_ID: "t" });
    expect(auth.source).toBe("GRAPH_TOKEN");
    await expect(auth.provider.getToken(["User.Read"])).resolves.toBe("abc");
  });

  it("app-only with a secret: msal-node is configured from the environment and asked for .default", async () => {
    const configs: MsalConfiguration[] = [];
    const requests: Array<{ scopes: string[]; skipCache?: boolean }> = [];
    const loadMsal = async (): Promise<MsalNodeModule> => ({
      ConfidentialClientApplication: class {
        constructor(config: MsalConfiguration) {
          configs.push(config);
        }
        async acquireTokenByClientCredential(request: { scopes: string[]; skipCache?: boolean }) {
          requests.push(request);
          return { accessToken: "app-token" };
        }
      },
    });
    const auth = await resolveGraphAuth(
      { AZURE_TENANT_ID: "tenant-1", AZURE_CLIENT_ID: "client-1", AZURE_CLIENT_SECRET: "s3cret" },
      { loadMsal },
    );
    expect(auth.mode).toBe("application");
    expect(configs[0]?.auth).toEqual({
      clientId: "client-1",
      authority: "https://login.microsoftonline.com/tenant-1",
      clientSecret: "s3cret",
    });
    await auth.provider.getToken(["User.Read"]);
    await auth.provider.getToken(["User.Read"], { forceRefresh: true });
    expect(requests).toEqual([
      { scopes: ["https://graph.microsoft.com/.default"] },
      { scopes: ["https://graph.microsoft.com/.default"], skipCache: true },
    ]);
  });

  it("a missing @azure/msal-node is one clear line", async () => {
    const loadMsal = async (): Promise<MsalNodeModule> => {
      const { loadMsalNode } = await import("../../src/cli/graph-auth");
      return loadMsalNode();
    };
    let installed = true;
    try {
      require.resolve("@azure/msal-node");
    } catch {
      installed = false;
    }
    const attempt = resolveGraphAuth(
      { AZURE_TENANT_ID: "t", AZURE_CLIENT_ID: "c", AZURE_CLIENT_SECRET: "s" },
      { loadMsal },
    );
    if (installed) await expect(attempt).resolves.toMatchObject({ mode: "application" });
    else await expect(attempt).rejects.toThrow(/npm install @azure\/msal-node/);
  });

  it("reads a PEM certificate: SHA-256 and SHA-1 thumbprints, private key, x5c", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bemotande-cert-"));
    try {
      const key = path.join(dir, "key.pem");
      const cert = path.join(dir, "cert.pem");
      execFileSync(
        "openssl",
        [
          "req",
          "-x509",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-keyout",
          key,
          "-out",
          cert,
          "-days",
          "1",
          "-subj",
          "/CN=bemotande-test",
        ],
        { stdio: "ignore" },
      );
      const pem = readFileSync(key, "utf8") + readFileSync(cert, "utf8");
      const sha256 = execFileSync("openssl", ["x509", "-in", cert, "-noout", "-fingerprint", "-sha256"], {
        encoding: "utf8",
      })
        .split("=")[1]
        ?.trim()
        .replace(/:/g, "");
      const parsed = readCertificate("combined.pem", () => pem);
      expect(parsed.thumbprintSha256).toBe(sha256);
      expect(parsed.thumbprint).toMatch(/^[0-9A-F]{40}$/);
      expect(parsed.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
      expect(parsed.x5c).toMatch(/^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/);
      expect(() => readCertificate("cert-only.pem", () => readFileSync(cert, "utf8"))).toThrow(/private key/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("bemotande whoami against the Graph emulator", () => {
  let emulator: RunningGraphEmulator;
  let users: Array<{ id: string; userPrincipalName: string; displayName: string; jobTitle: string | null }>;
  const saved = process.env.GRAPH_TOKEN;

  beforeAll(async () => {
    emulator = await startGraphEmulator({ port: 0, seed: 1 });
    users = ((await (await fetch(`${emulator.url}/_emulator/users`)).json()) as { value: typeof users })
      .value;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.GRAPH_TOKEN;
    else process.env.GRAPH_TOKEN = saved;
    await emulator.close();
  });

  const token = async (user: string): Promise<string> => {
    const response = await fetch(`${emulator.url}/_emulator/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user }),
    });
    return ((await response.json()) as { access_token: string }).access_token;
  };

  it("prints --json for every seeded user", async () => {
    expect(users.length).toBeGreaterThan(3);
    for (const user of users) {
      process.env.GRAPH_TOKEN = await token(user.id);
      const result = await runCli("whoami", "--json", "--graph-base-url", `${emulator.url}/graph/v1.0`);
      expect([user.userPrincipalName, result.code, result.stderr]).toEqual([user.userPrincipalName, 0, ""]);
      const out = JSON.parse(result.stdout);
      expect(Object.keys(out)).toEqual(["user", "timeZone", "workingHours", "autoReply"]);
      expect(Object.keys(out.user)).toEqual(["displayName", "mail", "jobTitle", "department", "phones"]);
      expect(out.user.displayName).toBe(user.displayName);
      expect(out.user.jobTitle).toBe(user.jobTitle);
      expect(out.timeZone).toMatch(/^[A-Za-z_]+\/[A-Za-z_]+$/);
      expect(out.workingHours.start).toMatch(/^\d\d:\d\d$/);
      expect(["disabled", "alwaysEnabled", "scheduled"]).toContain(out.autoReply.status);
      if (out.autoReply.status !== "scheduled")
        expect([out.autoReply.start, out.autoReply.end]).toEqual([null, null]);
    }
  }, 30_000);

  it("the real executable, app-style: --user with GRAPH_TOKEN, and exit 1 for an unknown mailbox", async () => {
    const bin = path.resolve(__dirname, "../../src/cli/bin.cjs");
    const manager = users[0] as (typeof users)[number];
    const env = { ...process.env, GRAPH_TOKEN: await token(manager.id) };
    const run = (...args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [bin, ...args],
          { env, encoding: "utf8", timeout: 30_000 },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      });
    const base = `${emulator.url}/graph/v1.0`;
    const ok = await run("whoami", "--user", manager.userPrincipalName, "--graph-base-url", base);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`Namn:`);
    expect(ok.stdout).toContain(manager.displayName);
    const missing = await run(
      "whoami",
      "--user",
      "ingen.alls@nvk.se",
      "--graph-base-url",
      base,
      "--lang",
      "en",
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).not.toMatch(/\bat \S+:\d+/);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
  }, 40_000);
});
