// The emulator's responses have the same structure as Microsoft's documented examples.
import type { Harness, Message } from "./helpers";
import { example, shapeOf, start, withoutKeys } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await start();
});
afterAll(() => h.close());

test("list messages with $select has the documented property set", async () => {
  const doc = example("list-messages.response.json") as { value: unknown[] };
  const body = await h.json<{ "@odata.context": string; value: unknown[] }>(
    "/me/messages?$select=sender,subject",
  );
  expect(body["@odata.context"]).toMatch(/\/\$metadata#users\('[^']+'\)\/messages\(sender,subject\)$/);
  expect(shapeOf(body.value[0])).toEqual(shapeOf(doc.value[0]));
});

test("a full message has the property set of the createForward (MIME) example", async () => {
  const doc = example("message-createforward-mime.response.json");
  const [first] = (await h.json<{ value: Message[] }>("/me/mailFolders/inbox/messages?$top=1")).value;
  const message = await h.json(`/me/messages/${first?.id}`);
  // isDeliveryReceiptRequested is null in the doc and a boolean here; compare keys for it.
  const norm = (j: unknown): unknown => withoutKeys(j, ["isDeliveryReceiptRequested"]);
  expect(shapeOf(norm(message))).toEqual(shapeOf(norm(doc)));
});

test("mailboxSettings has the documented top-level keys and types", async () => {
  const doc = example("get-mailboxsettings.response.json");
  const body = await h.json("/me/mailboxSettings");
  expect(shapeOf(body)).toEqual(shapeOf(doc));
  expect(body).toMatchObject({
    timeZone: "W. Europe Standard Time",
    workingHours: { startTime: "08:00:00.0000000" },
  });
});

test("automaticRepliesSetting and workingHours sub-resources", async () => {
  const ar = await h.json("/me/mailboxSettings/automaticRepliesSetting");
  expect(shapeOf(ar)).toEqual(shapeOf(example("get-mailboxsettings-automaticrepliessetting.response.json")));
  const wh = await h.json<Record<string, unknown>>("/me/mailboxSettings/workingHours");
  const doc = example("get-mailboxsettings-workinghours.response.json") as Record<string, unknown>;
  expect(Object.keys(wh).sort()).toEqual(Object.keys(doc).sort());
  const purpose = await h.json("/me/mailboxSettings/userPurpose");
  expect(shapeOf(purpose)).toEqual(shapeOf(example("get-mailboxsettings-userpurpose.response.json")));
});

test("PATCH mailboxSettings answers like the documented example", async () => {
  const request = example("update-mailboxsettings-automaticreplies.request.json");
  const response = await h.send("PATCH", "/me/mailboxSettings", request);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { automaticRepliesSetting: { status: string } };
  expect(shapeOf(body)).toEqual(shapeOf(example("update-mailboxsettings-automaticreplies.response.json")));
  expect(body.automaticRepliesSetting.status).toBe("scheduled");
  const wh = await h.send(
    "PATCH",
    "/me/mailboxSettings",
    example("update-mailboxsettings-workinghours.request.json"),
  );
  expect(wh.status).toBe(200);
  const whBody = await wh.json();
  expect(shapeOf(withoutKeys(whBody, ["startTime"]))).toEqual(
    shapeOf(withoutKeys(example("update-mailboxsettings-workinghours.response.json"), ["startTime"])),
  );
  await h.control("POST", "/_emulator/reset");
});

test("directReports and presence", async () => {
  const users = (await (await h.control("GET", "/_emulator/users")).json()) as {
    value: { id: string; role: string }[];
  };
  const manager = users.value.find((u) => u.role === "manager");
  const reports = await h.json<{ value: Record<string, unknown>[] }>(
    `/users/${manager?.id}/directReports?$select=id`,
  );
  expect(reports.value.length).toBeGreaterThanOrEqual(5);
  expect(reports.value.length).toBeLessThanOrEqual(15);
  expect(shapeOf(withoutKeys(reports, ["@odata.context", "@odata.type"]))).toEqual(
    shapeOf(example("list-directreports.response.json")),
  );
  const set = await h.send(
    "POST",
    "/me/presence/setStatusMessage",
    example("presence-setstatusmessage-another-user.request.json"),
  );
  expect(set.status).toBe(200);
  const presence = await h.json("/me/presence");
  expect(shapeOf(withoutKeys(presence, ["@odata.context", "publishedDateTime"]))).toEqual(
    shapeOf(example("presence-get-another-user.response.json")),
  );
});

test("$batch response shape", async () => {
  const response = await h.send("POST", "/$batch", {
    requests: [
      { id: "1", method: "GET", url: "/me?$select=displayName" },
      { id: "2", method: "DELETE", url: "/groups/0e226165-c685-41ce-8bfc-df8360ab325d" },
    ],
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    responses: { id: string; status: number; headers: object; body: unknown }[];
  };
  const doc = example("json-batching.response.json") as { responses: { id: string }[] };
  const ok = body.responses.find((r) => r.id === "1");
  const failed = body.responses.find((r) => r.id === "2");
  expect(Object.keys(ok ?? {}).sort()).toEqual(Object.keys(doc.responses[0] ?? {}).sort());
  expect(failed?.status).toBe(400);
  expect(shapeOf(withoutKeys(failed?.body, []))).toEqual(
    shapeOf((doc.responses[2] as unknown as { body: unknown }).body),
  );
});

test("429 body and headers match the throttling example", async () => {
  await h.control("POST", "/_emulator/faults", [
    { match: { path: "/me/messages" }, times: 1, status: 429, retryAfter: "2.128" },
  ]);
  const response = await h.get("/me/messages?$top=1");
  expect(response.status).toBe(429);
  expect(response.headers.get("retry-after")).toBe("2.128");
  expect(shapeOf(await response.json())).toEqual(shapeOf(example("throttling-429.response.json")));
});

test("delta rounds have the documented shapes, with @removed in the next round", async () => {
  const headers = { Prefer: "odata.maxpagesize=2" };
  const first = await h.json<Record<string, unknown>>(
    "/me/mailFolders/inbox/messages/delta?$select=subject,isRead,sender",
    headers,
  );
  const doc1 = example("delta-query-messages-1-initial.response.json") as Record<string, unknown>;
  expect(shapeOf(first)).toEqual(shapeOf(doc1));
  let link = first["@odata.nextLink"] as string | undefined;
  let deltaLink: string | undefined;
  const seen = new Set<string>();
  while (link) {
    const page = await h.json<Record<string, unknown>>(link, headers);
    for (const item of page.value as Message[]) seen.add(item.id);
    link = page["@odata.nextLink"] as string | undefined;
    deltaLink = page["@odata.deltaLink"] as string | undefined;
    if (deltaLink)
      expect(Object.keys(page).sort()).toEqual(
        Object.keys(example("delta-query-messages-3-final.response.json") as object).sort(),
      );
  }
  expect(deltaLink).toContain("$deltatoken=");
  const [victim, changed] = (first.value as Message[]).map((m) => m.id);
  expect((await h.send("DELETE", `/me/messages/${victim}`)).status).toBe(204);
  await h.send("PATCH", `/me/messages/${changed}`, { isRead: true, categories: ["Uppföljning"] });
  const next = await h.json<{ value: Record<string, unknown>[] }>(deltaLink as string);
  const removed = next.value.find((v) => v["@removed"]);
  expect(removed).toEqual({
    "@odata.type": "#microsoft.graph.message",
    id: victim,
    "@removed": { reason: "deleted" },
  });
  const doc4 = example("delta-query-messages-4-next-round.response.json") as { value: unknown[] };
  expect(shapeOf(removed)).toEqual(shapeOf(doc4.value[0]));
  const updated = next.value.find((v) => v.id === changed);
  expect(shapeOf(withoutKeys(updated, ["isRead"]))).toEqual(shapeOf(withoutKeys(doc4.value[1], ["isRead"])));
  expect(updated?.isRead).toBe(true);
  await h.control("POST", "/_emulator/reset");
});

test("extended properties expand like the singleValueExtendedProperty example", async () => {
  const filter =
    "$expand=singleValueExtendedProperties($filter=id eq 'Integer 0x1081' or id eq 'SystemTime 0x1082')";
  const body = await h.json<{ value: Record<string, unknown>[] }>(
    `/me/mailFolders/inbox/messages?$top=100&${filter}`,
  );
  const answered = body.value.find((m) => m.singleValueExtendedProperties);
  const doc = example("get-singlevalueextendedproperty-message.response.json") as Record<string, unknown>;
  expect(shapeOf(answered?.singleValueExtendedProperties)).toEqual(
    shapeOf(doc.singleValueExtendedProperties),
  );
});
