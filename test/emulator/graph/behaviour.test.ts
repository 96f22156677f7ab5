// Graph semantics the product relies on: paging, filters, validation, mail flow, batch, faults.
import { request } from "node:http";
import type { Harness, Message } from "./helpers";
import { NOW, start } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await start();
});
afterAll(() => h.close());
afterEach(async () => {
  await h.control("POST", "/_emulator/reset");
});

interface Page {
  value: Message[];
  "@odata.nextLink"?: string;
}

async function users(): Promise<
  { id: string; userPrincipalName: string; role: string; department: string | null }[]
> {
  return ((await (await h.control("GET", "/_emulator/users")).json()) as { value: [] }).value;
}

test("curl example: two messages and an opaque nextLink", async () => {
  const body = await h.json<Page>("/me/mailFolders/inbox/messages?$top=2&$select=subject");
  expect(body.value).toHaveLength(2);
  expect(Object.keys(body.value[0] ?? {}).sort()).toEqual(["@odata.etag", "id", "subject"]);
  expect(body["@odata.nextLink"]).toMatch(/\/me\/mailFolders\/inbox\/messages\?\$skiptoken=[\w-]+$/);
});

test("paging follows nextLink to the end with no duplicates; default page size 10", async () => {
  const first = await h.json<Page>("/me/mailFolders/inbox/messages?$select=subject");
  expect(first.value).toHaveLength(10);
  const ids: string[] = first.value.map((m) => m.id);
  let link = first["@odata.nextLink"];
  while (link) {
    const page = await h.json<Page>(link);
    ids.push(...page.value.map((m) => m.id));
    link = page["@odata.nextLink"];
  }
  expect(new Set(ids).size).toBe(ids.length);
  const all = await h.json<Page>("/me/mailFolders/inbox/messages?$top=1000&$select=id");
  expect(ids.length).toBe(all.value.length);
  expect(all.value.length).toBeGreaterThan(15);
  // A tampered token is rejected rather than silently restarting.
  const bad = await h.get(`${first["@odata.nextLink"]}x`);
  expect(bad.status).toBe(400);
});

test("$top above 1000 is rejected", async () => {
  const response = await h.get("/me/messages?$top=1001");
  expect(response.status).toBe(400);
  const body = (await response.json()) as { error: { code: string; innerError: Record<string, string> } };
  expect(body.error.innerError["request-id"]).toBe(response.headers.get("request-id"));
  expect(Object.keys(body.error.innerError).sort()).toEqual(["client-request-id", "date", "request-id"]);
});

test("filters: date ranges, isRead, from address, conversationId; ordering", async () => {
  const since = new Date(NOW.getTime() - 7 * 86_400_000).toISOString().replace(/\.\d+Z$/, "Z");
  const recent = await h.json<Page>(
    `/me/mailFolders/inbox/messages?$top=1000&$filter=receivedDateTime ge ${since}&$orderby=receivedDateTime desc&$select=receivedDateTime,isRead,from,conversationId`,
  );
  expect(recent.value.length).toBeGreaterThan(0);
  const times = recent.value.map((m) => Date.parse(m.receivedDateTime as string));
  expect(times.every((t) => t >= Date.parse(since))).toBe(true);
  expect([...times].sort((a, b) => b - a)).toEqual(times);

  const unread = await h.json<Page>("/me/messages?$top=1000&$filter=isRead eq false&$select=isRead");
  expect(unread.value.length).toBeGreaterThan(0);
  expect(unread.value.every((m) => m.isRead === false)).toBe(true);

  const sample = recent.value[0] as unknown as {
    from: { emailAddress: { address: string } };
    conversationId: string;
  };
  const address = sample.from.emailAddress.address.toUpperCase();
  const byFrom = await h.json<Page>(
    `/me/messages?$filter=from/emailAddress/address eq '${address}'&$select=from`,
  );
  expect(byFrom.value.length).toBeGreaterThan(0);
  const conv = await h.json<Page>(
    `/me/messages?$filter=conversationId eq '${sample.conversationId}' and isRead eq true or conversationId eq '${sample.conversationId}'&$select=conversationId`,
  );
  expect(conv.value.every((m) => m.conversationId === sample.conversationId)).toBe(true);

  // Graph's rule: $orderby properties must lead the $filter.
  const inefficient = await h.get("/me/messages?$filter=isRead eq false&$orderby=receivedDateTime desc");
  expect(inefficient.status).toBe(400);
  expect(((await inefficient.json()) as { error: { code: string } }).error.code).toBe("InefficientFilter");
});

test("users: $filter startswith/eq, $search needs ConsistencyLevel", async () => {
  const all = await users();
  const someone = all[3] as { userPrincipalName: string };
  const eq = await h.json<{ value: { mail: string }[] }>(
    `/users?$filter=mail eq '${someone.userPrincipalName}'`,
  );
  expect(eq.value.map((u) => u.mail)).toEqual([someone.userPrincipalName]);
  const prefix = someone.userPrincipalName.slice(0, 2);
  const starts = await h.json<{ value: { displayName: string }[] }>(
    `/users?$filter=startswith(displayName,'${prefix}') or startswith(surname,'${prefix}')&$select=displayName,surname`,
  );
  expect(starts.value.length).toBeGreaterThan(0);
  const search = `/users?$search="displayName:${prefix}"`;
  const without = await h.get(search);
  expect(without.status).toBe(400);
  expect(((await without.json()) as { error: { code: string } }).error.code).toBe("Request_UnsupportedQuery");
  const withHeader = await h.json<{ value: unknown[] }>(search, { ConsistencyLevel: "eventual" });
  expect(withHeader.value.length).toBeGreaterThan(0);
  expect((await h.get("/users/nobody@nvk.se")).status).toBe(404);
});

test("PATCH mailboxSettings validation", async () => {
  const later = { dateTime: "2026-04-10T08:00:00", timeZone: "W. Europe Standard Time" };
  const earlier = { dateTime: "2026-04-01T08:00:00", timeZone: "W. Europe Standard Time" };
  const reversed = await h.send("PATCH", "/me/mailboxSettings", {
    automaticRepliesSetting: {
      status: "scheduled",
      scheduledStartDateTime: later,
      scheduledEndDateTime: earlier,
    },
  });
  expect(reversed.status).toBe(400);
  expect(((await reversed.json()) as { error: { code: string } }).error.code).toBe(
    "ErrorInvalidTimeSettings",
  );
  const unknown = await h.send("PATCH", "/me/mailboxSettings", { colour: "blue" });
  expect(unknown.status).toBe(400);
  const body = (await unknown.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("RequestBodyRead");
  expect(body.error.message).toContain("'colour' does not exist on type 'microsoft.graph.mailboxSettings'");
  const days = await h.send("PATCH", "/me/mailboxSettings", { workingHours: { daysOfWeek: ["RandomDay"] } });
  expect(((await days.json()) as { error: { code: string } }).error.code).toBe("InvalidArguments");
  // Nothing was applied.
  const after = await h.json<{ status: string }>("/me/mailboxSettings/automaticRepliesSetting");
  expect(after.status).toBe("disabled");
  const good = await h.send("PATCH", "/me/mailboxSettings", {
    automaticRepliesSetting: {
      status: "Scheduled",
      scheduledStartDateTime: earlier,
      scheduledEndDateTime: later,
    },
  });
  const goodBody = (await good.json()) as {
    automaticRepliesSetting: { scheduledStartDateTime: { dateTime: string } };
  };
  expect(goodBody.automaticRepliesSetting.scheduledStartDateTime).toEqual({
    dateTime: "2026-04-01T06:00:00.0000000",
    timeZone: "UTC",
  });
});

test("sendMail lands in the recipient's inbox and the sender's Sent Items", async () => {
  const all = await users();
  const colleague = all.find((u) => u.role === "staff" && u.department !== "Medlemsservice") as {
    id: string;
    userPrincipalName: string;
  };
  const send = await h.send("POST", "/me/sendMail", {
    message: {
      subject: "Test från emulatorn",
      body: { contentType: "Text", content: "Hej! Fungerar det här?" },
      toRecipients: [{ emailAddress: { address: colleague.userPrincipalName } }],
    },
  });
  expect(send.status).toBe(202);
  expect(await send.text()).toBe("");
  const inbox = await h.json<Page>(
    `/users/${colleague.id}/mailFolders/inbox/messages?$filter=isRead eq false&$select=subject`,
  );
  expect(inbox.value.map((m) => m.subject)).toContain("Test från emulatorn");
  const sent = await h.json<Page>("/me/mailFolders/sentitems/messages?$top=1&$select=subject");
  expect(sent.value[0]?.subject).toBe("Test från emulatorn");
  const notSaved = await h.send("POST", "/me/sendMail", {
    message: { subject: "Utan kopia", toRecipients: [{ emailAddress: { address: "medlem@gmail.com" } }] },
    saveToSentItems: "false",
  });
  expect(notSaved.status).toBe(202);
  const sent2 = await h.json<Page>("/me/mailFolders/sentitems/messages?$top=1&$select=subject");
  expect(sent2.value[0]?.subject).toBe("Test från emulatorn");
  const outbox = (await (await h.control("GET", "/_emulator/outbox")).json()) as {
    value: { subject: string }[];
  };
  expect(outbox.value.map((o) => o.subject)).toContain("Utan kopia");
  const none = await h.send("POST", "/me/sendMail", { message: { subject: "Ingen mottagare" } });
  expect(((await none.json()) as { error: { code: string } }).error.code).toBe("ErrorInvalidRecipients");
});

test("reply sets PidTagLastVerbExecuted 102 and its time on the original", async () => {
  const filter = "$filter=isRead eq false&$select=subject,from";
  const [original] = (await h.json<Page>(`/me/mailFolders/inbox/messages?${filter}&$top=1`)).value;
  const reply = await h.send("POST", `/me/messages/${original?.id}/reply`, {
    comment: "Tack, vi återkommer.",
  });
  expect(reply.status).toBe(202);
  const expand =
    "$expand=singleValueExtendedProperties($filter=id eq 'Integer 0x1081' or id eq 'SystemTime 0x1082')";
  const after = await h.json<{ singleValueExtendedProperties: { id: string; value: string }[] }>(
    `/me/messages/${original?.id}?${expand}`,
  );
  expect(after.singleValueExtendedProperties).toEqual([
    { id: "Integer 0x1081", value: "102" },
    { id: "SystemTime 0x1082", value: "2026-03-18T10:00:00Z" },
  ]);
  const sent = await h.json<Page>("/me/mailFolders/sentitems/messages?$top=1&$select=subject,conversationId");
  expect(sent.value[0]?.subject).toBe(`SV: ${original?.subject}`);

  const draft = (await (
    await h.send("POST", `/me/messages/${original?.id}/createForward`, {})
  ).json()) as Message;
  expect(draft.isDraft).toBe(true);
  const patched = await h.send("PATCH", `/me/messages/${draft.id}`, {
    toRecipients: [{ emailAddress: { address: "ekonomi@example.se" } }],
  });
  expect(patched.status).toBe(200);
  expect((await h.send("POST", `/me/messages/${draft.id}/send`)).status).toBe(202);
  const verb = await h.json<{ singleValueExtendedProperties: { value: string }[] }>(
    `/me/messages/${original?.id}?${expand}`,
  );
  expect(verb.singleValueExtendedProperties[0]?.value).toBe("104");
});

test("seeded mail answers some questions on time, some late, leaves some overdue", async () => {
  const expand = "$expand=singleValueExtendedProperties($filter=id eq 'Integer 0x1081')";
  const inbox = await h.json<Page>(
    `/me/mailFolders/inbox/messages?$top=1000&${expand}&$select=subject,from,receivedDateTime,body`,
  );
  const external = inbox.value.filter(
    (m) => !/@nvk\.se$|noreply|no-reply|nyhetsbrev|redaktionen/i.test(JSON.stringify(m.from)),
  );
  const answered = external.filter((m) => m.singleValueExtendedProperties);
  expect(answered.length).toBeGreaterThan(1);
  expect(external.length - answered.length).toBeGreaterThan(1);
  expect(JSON.stringify(inbox.value)).toContain("19121212-1212");
  const sent = await h.json<Page>(
    "/me/mailFolders/sentitems/messages?$top=1000&$select=subject,conversationId",
  );
  const conversations = new Set(sent.value.map((m) => m.conversationId));
  expect(
    answered.some((m) => conversations.has((m as { conversationId?: string }).conversationId ?? "")) ||
      sent.value.length > 0,
  ).toBe(true);
});

test("$batch: dependsOn failure gives 424; more than 20 requests is 400", async () => {
  const response = await h.send("POST", "/$batch", {
    requests: [
      { id: "1", method: "GET", url: "/me/messages/does-not-exist" },
      { id: "2", dependsOn: ["1"], method: "GET", url: "/me" },
      { id: "3", dependsOn: ["2"], method: "GET", url: "/me" },
      { id: "4", method: "GET", url: "/me/mailboxSettings/timeZone" },
    ],
  });
  const body = (await response.json()) as {
    responses: { id: string; status: number; body?: { value?: string } }[];
  };
  const byId = Object.fromEntries(body.responses.map((r) => [r.id, r]));
  expect(byId["1"]?.status).toBe(404);
  expect(byId["2"]?.status).toBe(424);
  expect(byId["3"]?.status).toBe(424);
  expect(byId["4"]?.body?.value).toBe("W. Europe Standard Time");
  const tooMany = await h.send("POST", "/$batch", {
    requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: "GET", url: "/me" })),
  });
  expect(tooMany.status).toBe(400);
});

test("fault injection: 429 with Retry-After, then success; request log counts", async () => {
  await h.control("DELETE", "/_emulator/requests");
  await h.control("POST", "/_emulator/faults", [
    { match: { method: "POST", path: "/me/sendMail" }, times: 2, status: 429, retryAfter: "2.128" },
  ]);
  const mail = {
    message: { subject: "Retry", toRecipients: [{ emailAddress: { address: "a@gmail.com" } }] },
  };
  const statuses: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await h.send("POST", "/me/sendMail", mail);
    statuses.push(r.status);
    if (r.status === 429) expect(r.headers.get("retry-after")).toBe("2.128");
  }
  expect(statuses).toEqual([429, 429, 202]);
  const log = (await (await h.control("GET", "/_emulator/requests")).json()) as {
    value: { method: string; path: string; status: number }[];
  };
  expect(log.value.filter((e) => e.path.endsWith("/me/sendMail")).map((e) => e.status)).toEqual([
    429, 429, 202,
  ]);
  const outbox = (await (await h.control("GET", "/_emulator/outbox")).json()) as { value: unknown[] };
  expect(outbox.value).toHaveLength(1);
});

test("fault injection: dropAfterApply sends the mail, then drops the connection", async () => {
  await h.control("POST", "/_emulator/faults", {
    match: { path: "sendMail$" },
    times: 1,
    dropAfterApply: true,
  });
  const mail = {
    message: { subject: "Tappad anslutning", toRecipients: [{ emailAddress: { address: "b@telia.com" } }] },
  };
  await expect(h.send("POST", "/me/sendMail", mail)).rejects.toThrow();
  const sent = await h.json<Page>("/me/mailFolders/sentitems/messages?$top=1&$select=subject");
  expect(sent.value[0]?.subject).toBe("Tappad anslutning");
  await h.control("POST", "/_emulator/faults", { match: { path: "/me$" }, times: 1, malformedJson: true });
  const malformed = await h.get("/me");
  await expect(malformed.json()).rejects.toThrow();
});

test("401 without a token, and scopes for emulator tokens", async () => {
  const response = await fetch(`${h.graph}/me`);
  expect(response.status).toBe(401);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error).toMatchObject({ code: "InvalidAuthenticationToken", message: "Access token is empty." });
  const all = await users();
  const manager = all.find((u) => u.role === "manager") as { id: string; userPrincipalName: string };
  const token = (await (
    await h.control("POST", "/_emulator/token", { user: manager.userPrincipalName, scopes: ["User.Read"] })
  ).json()) as {
    access_token: string;
  };
  const auth = { Authorization: `Bearer ${token.access_token}` };
  const me = (await (await fetch(`${h.graph}/me`, { headers: auth })).json()) as { id: string };
  expect(me.id).toBe(manager.id);
  const mail = await fetch(`${h.graph}/me/messages`, { headers: auth });
  expect(mail.status).toBe(403);
  expect(((await mail.json()) as { error: { code: string } }).error.code).toBe("ErrorAccessDenied");
});

test("CORS preflight echoes the origin and allows Graph's headers", async () => {
  const response = await fetch(`${h.graph}/me`, {
    method: "OPTIONS",
    headers: {
      Origin: "https://localhost:3000",
      "Access-Control-Request-Method": "GET",
      "Access-Control-Request-Headers": "authorization,consistencylevel",
    },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("access-control-allow-origin")).toBe("https://localhost:3000");
  expect(response.headers.get("access-control-allow-headers")).toMatch(/authorization/i);
  const get = await h.get("/me", { Origin: "https://localhost:3000", "client-request-id": "abc-123" });
  expect(get.headers.get("access-control-expose-headers")).toMatch(/Retry-After/);
  expect(get.headers.get("client-request-id")).toBe("abc-123");
});

test("a plain HTTP client sees the drop as a socket hang-up", async () => {
  await h.control("POST", "/_emulator/faults", { match: { path: "/me" }, drop: true });
  const error = await new Promise<Error>((resolve) => {
    const req = request(`${h.graph}/me`, { headers: { Authorization: "Bearer x" } }, () =>
      resolve(new Error("answered")),
    );
    req.on("error", resolve);
    req.end();
  });
  expect(error.message).toMatch(/socket hang up|ECONNRESET/);
});

test("determinism: same seed, same data; another seed differs", async () => {
  const second = await start(1);
  const third = await start(2);
  try {
    const strip = (text: string, url: string): string => text.split(url).join("");
    const read = async (x: Harness, p: string): Promise<string> =>
      strip(await (await x.get(p)).text(), x.url);
    for (const p of ["/users?$top=999", "/me/mailFolders/inbox/messages?$top=1000"]) {
      expect(await read(second, p)).toBe(await read(h, p));
    }
    expect(await read(third, "/users?$top=999")).not.toBe(await read(h, "/users?$top=999"));
  } finally {
    await second.close();
    await third.close();
  }
});
