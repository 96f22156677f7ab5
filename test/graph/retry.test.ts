import { GraphRequestError } from "../../src/graph/errors";
import { getProfile } from "../../src/graph/operations/profile";
import { parseRetryAfter } from "../../src/graph/retry-after";
import { empty, graphError, json, sequence, setup } from "./fake-graph";

const throttled = (retryAfter?: string): Response =>
  json(
    429,
    {
      error: {
        code: "TooManyRequests",
        innerError: {
          code: "429",
          date: "2020-08-18T12:51:51",
          message: "Please retry after",
          status: "429",
        },
        message: "Please retry again later.",
      },
    },
    retryAfter === undefined ? {} : { "Retry-After": retryAfter },
  );

const me = { id: "u1", displayName: "Anna Berg", businessPhones: [] };

async function failureOf(promise: Promise<unknown>): Promise<GraphRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphRequestError) return error;
    throw error;
  }
  throw new Error("expected a GraphRequestError");
}

describe("parseRetryAfter", () => {
  const now = new Date("2026-03-02T09:00:00Z");
  it.each([
    ["10", 10_000],
    ["2.128", 2128],
    ["0", 0],
    ["Mon, 02 Mar 2026 09:00:05 GMT", 5000],
    ["Mon, 02 Mar 2026 08:59:00 GMT", 0],
    ["soon", undefined],
    ["", undefined],
    [null, undefined],
  ])("%s → %s ms", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe("retry middleware", () => {
  it("retries a 429 once after Retry-After: 2.128 (fractional seconds)", async () => {
    const { fake, clock, client } = setup();
    fake.on("GET", "/me", sequence(throttled("2.128"), json(200, me)));
    const profile = await getProfile(client);
    expect(profile.displayName).toBe("Anna Berg");
    expect(clock.sleeps).toEqual([2128]);
    expect(fake.count()).toBe(2);
  });

  it("honours Retry-After given as an HTTP date", async () => {
    const { fake, clock, client } = setup();
    fake.on("GET", "/me", sequence(throttled("Mon, 02 Mar 2026 09:00:07 GMT"), json(200, me)));
    await getProfile(client);
    expect(clock.sleeps).toEqual([7000]);
    expect(fake.count()).toBe(2);
  });

  it("gives up after 3 retries on a burst of 503s with the mapped 'try again later' message", async () => {
    const { fake, clock, client } = setup();
    fake.on(
      "GET",
      "/me",
      graphError(503, "ServiceUnavailable", "Service unavailable", { "Retry-After": "5" }),
    );
    const error = await failureOf(getProfile(client));
    expect(fake.count()).toBe(4);
    expect(clock.sleeps).toEqual([5000, 5000, 5000]);
    expect(error.failure.kind).toBe("tryLater");
    expect(error.failure.retryAfter?.toISOString()).toBe("2026-03-02T09:00:20.000Z");
    expect(error.failure.message.sv).toMatch(/Försök igen efter kl\. 10:00:20/);
    expect(error.failure.message.en).toMatch(/Try again after 10:00:20/);
  });

  it("uses full-jitter exponential backoff when there is no Retry-After", async () => {
    const { fake, clock, client } = setup({ random: () => 0.5 });
    fake.on("GET", "/me", sequence(empty(504), empty(503), empty(429), json(200, me)));
    await getProfile(client);
    // base 1 s: caps 1 s, 2 s, 4 s; random 0.5 → half of each.
    expect(clock.sleeps).toEqual([500, 1000, 2000]);
    expect(fake.count()).toBe(4);
  });

  it("retries an idempotent request after a dropped connection, then reports offline", async () => {
    const { fake, client } = setup();
    fake.on("GET", "/me", "drop");
    const error = await failureOf(getProfile(client));
    expect(fake.count()).toBe(4);
    expect(error.failure.kind).toBe("offline");
    expect(error.failure.message.sv).toMatch(/nätverksanslutningen/);
  });

  it("does not wait for a Retry-After beyond the cap; the caller learns when to come back", async () => {
    const { fake, clock, client } = setup();
    fake.on("GET", "/me", throttled("3600"));
    const error = await failureOf(getProfile(client));
    expect(fake.count()).toBe(1);
    expect(clock.sleeps).toEqual([]);
    expect(error.failure.retryAfter?.toISOString()).toBe("2026-03-02T10:00:00.000Z");
  });

  it("never retries a POST that is not marked idempotent", async () => {
    const { fake, client } = setup();
    fake.on("POST", "/me/sendMail", empty(503));
    const response = await client.send({
      method: "POST",
      path: "/me/sendMail",
      body: {},
      operation: "mail.sendMail",
    });
    expect(response.status).toBe(503);
    expect(fake.count()).toBe(1);
  });

  it("retries PATCH of mailbox settings (idempotent by declaration)", async () => {
    const { fake, client } = setup();
    fake.on("PATCH", "/me/mailboxSettings", sequence(throttled("1"), json(200, { timeZone: "UTC" })));
    const { updateMailboxSettings } = await import("../../src/graph/operations/mailbox-settings");
    await updateMailboxSettings(client, { timeZone: "UTC" });
    expect(fake.count("PATCH")).toBe(2);
  });

  it("does not retry a clear 4xx", async () => {
    const { fake, client } = setup();
    fake.on("GET", "/me", graphError(400, "BadRequest", "Invalid $select"));
    const error = await failureOf(getProfile(client));
    expect(fake.count()).toBe(1);
    expect(error.failure.kind).toBe("badInput");
  });
});
