import type { BatchItem } from "../../src/graph/batch";
import { chunks, runBatch, unwrap } from "../../src/graph/batch";
import type { RecordedRequest } from "./fake-graph";
import { json, setup } from "./fake-graph";

interface SentItem {
  id: string;
  dependsOn?: string[];
}

const get = (id: string, dependsOn?: string[]): BatchItem => ({
  id,
  method: "GET",
  url: `/users/u${id}/mailboxSettings`,
  ...(dependsOn ? { dependsOn } : {}),
});

function sentIds(request: RecordedRequest | undefined): string[] {
  return (JSON.parse(request?.body ?? "{}") as { requests: SentItem[] }).requests.map((r) => r.id);
}

describe("runBatch", () => {
  it("splits 45 requests into batches of at most 20", async () => {
    const { fake, client } = setup();
    fake.on("POST", "/$batch", (request) =>
      json(200, { responses: sentIds(request).map((id) => ({ id, status: 200, body: { id } })) }),
    );
    const items = Array.from({ length: 45 }, (_, i) => get(String(i + 1)));
    const results = await runBatch(client, items);
    expect(fake.requests.map((r) => sentIds(r).length)).toEqual([20, 20, 5]);
    expect(results.size).toBe(45);
    expect(unwrap<{ id: string }>(results.get("45"))).toEqual({ id: "45" });
  });

  it("re-sends only the failed items, after the LONGEST Retry-After among them", async () => {
    const { fake, client, clock } = setup();
    fake.on("POST", "/$batch", (request, call) => {
      const ids = sentIds(request);
      if (call === 0) {
        return json(200, {
          responses: ids.map((id) =>
            id === "2"
              ? {
                  id,
                  status: 429,
                  headers: { "Retry-After": "1" },
                  body: { error: { code: "TooManyRequests" } },
                }
              : id === "4"
                ? { id, status: 503, headers: { "Retry-After": "3.5" }, body: {} }
                : { id, status: 200, body: { id } },
          ),
        });
      }
      return json(200, { responses: ids.map((id) => ({ id, status: 200, body: { id, round: call } })) });
    });
    const results = await runBatch(
      client,
      ["1", "2", "3", "4", "5"].map((id) => get(id)),
    );
    expect(fake.count()).toBe(2);
    expect(sentIds(fake.requests[1])).toEqual(["2", "4"]);
    expect(clock.sleeps).toEqual([3500]);
    expect([...results.values()].every((r) => r.status === 200)).toBe(true);
    expect(results.get("4")?.body).toEqual({ id: "4", round: 1 });
  });

  it("stops after the bounded number of rounds and reports the mapped failure per item", async () => {
    const { fake, client, clock } = setup();
    fake.on("POST", "/$batch", (request) =>
      json(200, {
        responses: sentIds(request).map((id) => ({
          id,
          status: 429,
          headers: { "Retry-After": "2" },
          body: {},
        })),
      }),
    );
    const results = await runBatch(client, [get("1")], { maxRounds: 2 });
    expect(fake.count()).toBe(3);
    expect(clock.sleeps).toEqual([2000, 2000]);
    expect(results.get("1")?.failure?.kind).toBe("tryLater");
    expect(() => unwrap(results.get("1"))).toThrow(/busy/);
  });

  it("does not re-send a non-idempotent item after an ambiguous 503, but does after a 429", async () => {
    const { fake, client } = setup();
    fake.on("POST", "/$batch", (request, call) =>
      json(200, {
        responses: sentIds(request).map((id) => ({
          id,
          status: call === 0 ? (id === "a" ? 503 : 429) : 202,
          body: {},
        })),
      }),
    );
    const post = (id: string): BatchItem => ({ id, method: "POST", url: `/me/messages/${id}/send` });
    const results = await runBatch(client, [post("a"), post("b")], { baseDelayMs: 10 });
    expect(sentIds(fake.requests[1])).toEqual(["b"]);
    expect(results.get("a")?.status).toBe(503);
    expect(results.get("b")?.status).toBe(202);
  });

  it("keeps dependsOn chains in one batch and drops dependencies that already succeeded on re-send", async () => {
    const items = [
      ...Array.from({ length: 18 }, (_, i) => get(`x${i}`)),
      get("1"),
      get("2", ["1"]),
      get("3", ["2"]),
    ];
    const split = chunks(items);
    expect(split.map((c) => c.length)).toEqual([18, 3]);
    expect(split[1]?.map((c) => c.id)).toEqual(["1", "2", "3"]);

    const { fake, client } = setup();
    fake.on("POST", "/$batch", (request, call) => {
      const sent = (JSON.parse(request.body ?? "{}") as { requests: SentItem[] }).requests;
      if (call === 0) {
        return json(200, {
          responses: sent.map((r) => ({
            id: r.id,
            status: r.id === "1" ? 200 : r.id === "2" ? 429 : 424,
            headers: r.id === "2" ? { "Retry-After": "1" } : {},
            body: {},
          })),
        });
      }
      return json(200, {
        responses: sent.map((r) => ({ id: r.id, status: 200, body: { dependsOn: r.dependsOn ?? null } })),
      });
    });
    const results = await runBatch(client, [get("1"), get("2", ["1"]), get("3", ["2"])]);
    const resent = (JSON.parse(fake.requests[1]?.body ?? "{}") as { requests: SentItem[] }).requests;
    expect(resent.map((r) => [r.id, r.dependsOn ?? []])).toEqual([
      ["2", []],
      ["3", ["2"]],
    ]);
    expect(results.get("3")?.status).toBe(200);
  });

  it("rejects duplicate ids, unknown dependencies and chains longer than 20", async () => {
    const { client } = setup();
    await expect(runBatch(client, [get("1"), get("1")])).rejects.toThrow(/duplicate/);
    await expect(runBatch(client, [get("1", ["9"])])).rejects.toThrow(/unknown id/);
    const chain = Array.from({ length: 21 }, (_, i) => get(String(i), i > 0 ? [String(i - 1)] : undefined));
    expect(() => chunks(chain)).toThrow(/exceeds 20/);
  });
});
