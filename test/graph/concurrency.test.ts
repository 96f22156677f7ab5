import { mailboxKeyOf } from "../../src/graph/middleware/concurrency";
import { json, setup } from "./fake-graph";

describe("concurrency limit", () => {
  it("keys requests by mailbox", () => {
    expect(mailboxKeyOf("https://graph.microsoft.com/v1.0/me/messages?$top=5")).toBe("me");
    expect(mailboxKeyOf("https://graph.microsoft.com/v1.0/users/Anna%40nvk.se/messages")).toBe(
      "users/anna@nvk.se",
    );
    expect(mailboxKeyOf("http://localhost:3000/graph/v1.0/users/abc-123")).toBe("users/abc-123");
    expect(mailboxKeyOf("https://graph.microsoft.com/v1.0/users?$search=x")).toBe("other");
    expect(mailboxKeyOf("https://graph.microsoft.com/v1.0/$batch")).toBe("other");
  });

  it("never has more than 4 requests in flight per mailbox", async () => {
    const { fake, client } = setup();
    fake.latencyMs = 15;
    fake.on("GET", /\/messages\//, json(200, { id: "m" }));
    const calls = [];
    for (let i = 0; i < 12; i++) {
      calls.push(
        client.request({ method: "GET", path: `/users/a@nvk.se/messages/${i}`, operation: "messages.get" }),
      );
      calls.push(
        client.request({ method: "GET", path: `/users/b@nvk.se/messages/${i}`, operation: "messages.get" }),
      );
    }
    await Promise.all(calls);
    expect(fake.count()).toBe(24);
    expect(fake.maxInFlight.get("users/a@nvk.se")).toBe(4);
    expect(fake.maxInFlight.get("users/b@nvk.se")).toBe(4);
  });

  it("honours a lower configured limit", async () => {
    const { fake, client } = setup({ maxConcurrentPerMailbox: 2 });
    fake.latencyMs = 10;
    fake.on("GET", /\/messages\//, json(200, { id: "m" }));
    await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        client.request({ method: "GET", path: `/me/messages/${i}`, operation: "messages.get" }),
      ),
    );
    expect(fake.maxInFlight.get("me")).toBe(2);
  });
});
