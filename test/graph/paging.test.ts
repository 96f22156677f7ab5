import { readFileSync } from "node:fs";
import { collect } from "../../src/graph/paging";
import { messagesDelta } from "../../src/graph/operations/delta";
import { json, sequence, setup } from "./fake-graph";

describe("paging", () => {
  it("follows @odata.nextLink exactly as given, keeping the first request's headers", async () => {
    const { fake, client } = setup();
    // An opaque skiptoken with characters a URL rebuilder would re-encode or re-order.
    const next =
      "https://graph.microsoft.com/v1.0/users?$top=2&$skiptoken=RFNwdAIAAQAAAC%2bx%3D%3D&$search=%22displayName:an%22";
    fake.on(
      "GET",
      "/users",
      sequence(
        json(200, { value: [{ id: "1" }, { id: "2" }], "@odata.nextLink": next }),
        json(200, { value: [{ id: "3" }] }),
      ),
    );
    const items = await collect<{ id: string }>(client, {
      method: "GET",
      path: "/users",
      query: { $top: 2 },
      headers: { ConsistencyLevel: "eventual" },
      operation: "people.search",
    });
    expect(items.map((i) => i.id)).toEqual(["1", "2", "3"]);
    expect(fake.requests[1]?.url).toBe(next);
    expect(fake.requests[1]?.headers.consistencylevel).toBe("eventual");
  });

  it("delta: collects changes and @removed across pages and returns the deltaLink", async () => {
    const { fake, client } = setup();
    const final = JSON.parse(
      readFileSync("/work/shared/graph-examples/delta-query-messages-4-next-round.response.json", "utf8"),
    ) as { "@odata.deltaLink": string };
    const next = "https://graph.microsoft.com/v1.0/me/mailfolders('inbox')/messages/delta?$skiptoken=abc";
    fake.on(
      "GET",
      "/me/mailFolders/inbox/messages/delta",
      json(200, { value: [{ id: "a", subject: "Hej" }], "@odata.nextLink": next }),
    );
    fake.on("GET", "/me/mailfolders('inbox')/messages/delta", json(200, final));
    const result = await messagesDelta(client, { maxPageSize: 2 });
    expect(result.changed.map((m) => m.id)).toEqual(["a", "AAMkADNkNAAASq35xAAA="]);
    expect(result.removed).toEqual([
      { id: "AAMkADk0MGFkODE3LWE4MmYtNDRhOS0Dh_6qB-pB2Sa2pUum19a6YAAKnLuxoAAA=", reason: "deleted" },
    ]);
    expect(result.deltaLink).toBe(final["@odata.deltaLink"]);
    expect(fake.requests[0]?.headers.prefer).toBe("odata.maxpagesize=2");
    expect(fake.requests[1]?.url).toBe(next);

    // The next round starts from the stored deltaLink, exactly.
    fake.on(
      "GET",
      /messages\/delta/,
      json(200, { value: [], "@odata.deltaLink": final["@odata.deltaLink"] }),
    );
    await messagesDelta(client, { deltaLink: result.deltaLink });
    expect(fake.requests[2]?.url).toBe(final["@odata.deltaLink"]);
  });
});
