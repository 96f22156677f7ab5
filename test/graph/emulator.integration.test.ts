// The Graph layer end to end over real HTTP against the Graph emulator (src/emulator/graph):
// fault injection through /_emulator/faults, counts from /_emulator/requests.
import type { RunningGraphEmulator } from "../../src/emulator/graph";
import { startGraphEmulator } from "../../src/emulator/graph";
import { runBatch } from "../../src/graph/batch";
import { GraphClient } from "../../src/graph/client";
import { GraphRequestError } from "../../src/graph/errors";
import type { TokenProvider } from "../../src/graph/middleware/auth";
import { getMailboxSettings } from "../../src/graph/operations/mailbox-settings";
import { listMessagesWithReplyState } from "../../src/graph/operations/messages";
import { getProfile } from "../../src/graph/operations/profile";
import { sendMail } from "../../src/graph/operations/send";
import { recipients } from "../../src/graph/operations/types";
import { systemClock } from "../../src/graph/clock";
import { FakeClock } from "./fake-graph";

interface LogEntry {
  method: string;
  path: string;
  status: number;
  dropped?: boolean;
  batchItem?: string;
}

interface EmulatedUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  role: string;
}

let emulator: RunningGraphEmulator;
let users: EmulatedUser[];

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return (text === "" ? undefined : JSON.parse(text)) as T;
}

const log = async (): Promise<LogEntry[]> =>
  (await control<{ value: LogEntry[] }>("GET", "/_emulator/requests")).value;

async function emulatorToken(user: string): Promise<string> {
  return (await control<{ access_token: string }>("POST", "/_emulator/token", { user })).access_token;
}

/** Mints emulator tokens; counts forced refreshes. */
class EmulatorTokens implements TokenProvider {
  refreshes = 0;
  private token: string | undefined;
  constructor(private readonly user: string) {}
  async getToken(_scopes: readonly string[], options?: { forceRefresh?: boolean }): Promise<string> {
    if (options?.forceRefresh) this.refreshes++;
    if (!this.token || options?.forceRefresh) this.token = await emulatorToken(this.user);
    return this.token;
  }
}

interface Recording {
  urls: string[];
  nextLinks: Array<string | undefined>;
}

function client(
  user: string,
  options: { clock?: FakeClock; inFlight?: { now: number; max: number }; record?: Recording } = {},
) {
  const tokens = new EmulatorTokens(user);
  const counter = options.inFlight;
  const graph = new GraphClient({
    baseUrl: `${emulator.url}/graph/v1.0`,
    tokenProvider: tokens,
    clock: options.clock ?? systemClock,
    random: () => 0.5,
    fetch: async (input, init) => {
      if (options.record) {
        options.record.urls.push(input);
        const response = await fetch(input, init);
        const body = (await response.clone().json()) as { "@odata.nextLink"?: string };
        options.record.nextLinks.push(body["@odata.nextLink"]);
        return response;
      }
      if (!counter) return fetch(input, init);
      counter.now++;
      counter.max = Math.max(counter.max, counter.now);
      try {
        return await fetch(input, init);
      } finally {
        counter.now--;
      }
    },
  });
  return { graph, tokens };
}

beforeAll(async () => {
  emulator = await startGraphEmulator({ port: 0, seed: 1 });
  users = (await control<{ value: EmulatedUser[] }>("GET", "/_emulator/users")).value;
});

afterAll(async () => {
  await emulator.close();
});

beforeEach(async () => {
  await control("DELETE", "/_emulator/faults");
  await control("DELETE", "/_emulator/requests");
});

const staff = (): EmulatedUser => users.find((u) => u.role === "staff") as EmulatedUser;

describe("Graph layer against the emulator", () => {
  it("429 with Retry-After 2.128: one retry after a real 2.128 s wait", async () => {
    const { graph } = client(staff().id);
    await control("POST", "/_emulator/faults", {
      match: { method: "GET", path: "/me" },
      times: 1,
      status: 429,
      retryAfter: "2.128",
    });
    const started = Date.now();
    const profile = await getProfile(graph);
    const waited = Date.now() - started;
    expect(profile.displayName).toBe(staff().displayName);
    expect(waited).toBeGreaterThanOrEqual(2100);
    const entries = (await log()).filter((e) => e.path.startsWith("/graph/v1.0/me"));
    expect(entries.map((e) => e.status)).toEqual([429, 200]);
  }, 15_000);

  it("a burst of 503s is bounded: 4 requests, then 'try again later'", async () => {
    const clock = new FakeClock();
    const { graph } = client(staff().id, { clock });
    await control("POST", "/_emulator/faults", {
      match: { method: "GET", path: "/mailboxSettings" },
      times: 10,
      status: 503,
    });
    const error = await getMailboxSettings(graph).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect((error as GraphRequestError).failure.kind).toBe("tryLater");
    expect((await log()).filter((e) => e.path.includes("mailboxSettings"))).toHaveLength(4);
    expect(clock.sleeps).toHaveLength(3);
  });

  it("401 InvalidAuthenticationToken mid-session: one refresh, then success", async () => {
    const { graph, tokens } = client(staff().id);
    await getProfile(graph);
    await control("POST", "/_emulator/faults", {
      match: { path: "/me" },
      times: 1,
      status: 401,
      code: "InvalidAuthenticationToken",
    });
    await getProfile(graph);
    expect(tokens.refreshes).toBe(1);
    expect((await log()).map((e) => e.status)).toEqual([200, 401, 200]);
  });

  it("a persistent 401 gives up after one refresh with 'sign in again'", async () => {
    const { graph, tokens } = client(staff().id);
    await control("POST", "/_emulator/faults", { match: { path: "/me" }, times: 5, status: 401 });
    const error = (await getProfile(graph).catch((e: unknown) => e)) as GraphRequestError;
    expect(error.failure.kind).toBe("signIn");
    expect(tokens.refreshes).toBe(1);
    expect(await log()).toHaveLength(2);
  });

  it("sendMail whose connection drops after it was carried out: no second POST, found in Sent Items", async () => {
    const clock = new FakeClock(new Date());
    const { graph } = client(staff().id, { clock });
    const colleague = users.find((u) => u.id !== staff().id) as EmulatedUser;
    await control("POST", "/_emulator/faults", {
      match: { method: "POST", path: "/sendMail" },
      times: 1,
      dropAfterApply: true,
    });
    const outcome = await sendMail(graph, {
      subject: `Integrationstest ${Date.now()}`,
      body: { contentType: "text", content: "Hej!" },
      toRecipients: recipients(colleague.userPrincipalName),
    });
    // The emulator rejects the marker $filter (400), so the subject + recipients fallback finds it.
    expect(outcome).toMatchObject({ outcome: "sent", confirmedBy: "subjectRecipients" });
    const entries = await log();
    expect(entries.filter((e) => e.method === "POST")).toHaveLength(1);
    expect(entries.find((e) => e.method === "POST")?.dropped).toBe(true);
  });

  it("sendMail dropped before it was carried out: no second POST, outcome unknown", async () => {
    const clock = new FakeClock(new Date());
    const { graph } = client(staff().id, { clock });
    await control("POST", "/_emulator/faults", {
      match: { method: "POST", path: "/sendMail" },
      times: 1,
      drop: true,
    });
    const outcome = await sendMail(graph, {
      subject: `Aldrig skickat ${Date.now()}`,
      body: { contentType: "text", content: "Hej!" },
      toRecipients: recipients("kund@example.com"),
    });
    expect(outcome.outcome).toBe("unknown");
    expect((await log()).filter((e) => e.method === "POST")).toHaveLength(1);
  });

  it("malformed JSON maps to the 'could not be read' message", async () => {
    const { graph } = client(staff().id);
    await control("POST", "/_emulator/faults", { match: { path: "/me" }, times: 1, malformedJson: true });
    const error = (await getProfile(graph).catch((e: unknown) => e)) as GraphRequestError;
    expect(error.failure.kind).toBe("malformedResponse");
  });

  it("never more than 4 requests in flight for one mailbox", async () => {
    const inFlight = { now: 0, max: 0 };
    const { graph } = client(staff().id, { inFlight });
    await control("POST", "/_emulator/faults", { match: { path: "/me" }, times: 12, latencyMs: 40 });
    await Promise.all(Array.from({ length: 12 }, () => getProfile(graph)));
    expect(inFlight.max).toBe(4);
    expect((await log()).length).toBe(12);
  });

  it("nextLink pages are requested exactly as the emulator wrote them", async () => {
    const record: Recording = { urls: [], nextLinks: [] };
    const { graph } = client(staff().id, { record });
    let count = 0;
    for await (const message of listMessagesWithReplyState(graph, { pageSize: 3 })) {
      expect(message.id).toEqual(expect.any(String));
      if (++count >= 7) break;
    }
    expect(record.urls).toHaveLength(3);
    expect(record.nextLinks[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graph\/v1\.0\//);
    expect(record.urls[1]).toBe(record.nextLinks[0]);
    expect(record.urls[2]).toBe(record.nextLinks[1]);
    const entries = await log();
    expect(entries[1]?.path).toBe((record.nextLinks[0] as string).slice(emulator.url.length));
  });

  it("$batch: 25 items in batches of 20 + 5; only throttled items are re-sent after the longest Retry-After", async () => {
    const clock = new FakeClock();
    const manager = users.find((u) => u.role === "manager") as EmulatedUser;
    const { graph } = client(manager.id, { clock });
    const targets = Array.from({ length: 25 }, (_, i) => users[i % users.length] as EmulatedUser);
    await control("POST", "/_emulator/faults", [
      { match: { path: `/users/${targets[1]?.id}/mailboxSettings` }, times: 1, status: 429, retryAfter: "1" },
      {
        match: { path: `/users/${targets[3]?.id}/mailboxSettings` },
        times: 1,
        status: 429,
        retryAfter: "3.5",
      },
    ]);
    const results = await runBatch(
      graph,
      targets.map((u, i) => ({
        id: String(i),
        method: "GET" as const,
        url: `/users/${u.id}/mailboxSettings/timeZone`,
      })),
    );
    const entries = await log();
    const batches = entries.filter((e) => e.path.endsWith("/$batch"));
    expect([...results.values()].filter((r) => r.status === 200)).toHaveLength(25);
    expect(clock.sleeps).toEqual([3500]);
    expect(batches.length).toBe(3);
    const retried = entries
      .slice(entries.indexOf(batches[1] as LogEntry) + 1)
      .filter((e) => e.batchItem !== undefined);
    expect(retried.map((e) => e.batchItem).sort()).toEqual(expect.arrayContaining(["1", "3"]));
  });
});
