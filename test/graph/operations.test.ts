import { readFileSync } from "node:fs";
import { toRestId } from "../../src/graph/ids";
import { getMailboxSettings } from "../../src/graph/operations/mailbox-settings";
import { listMessagesWithReplyState, replyStateOf } from "../../src/graph/operations/messages";
import { searchPeople } from "../../src/graph/operations/people";
import { setStatusMessage } from "../../src/graph/operations/presence";
import { getProfile, PROFILE_FIELDS } from "../../src/graph/operations/profile";
import { windowsToIana } from "../../src/graph/timezones";
import { empty, json, setup } from "./fake-graph";

const example = (name: string): unknown =>
  JSON.parse(readFileSync(`/work/shared/graph-examples/${name}`, "utf8"));

describe("operations", () => {
  it("profile: /me and /users/{upn} with the documented $select", async () => {
    const { fake, client } = setup();
    fake.on(
      "GET",
      "/me",
      json(200, { id: "1", displayName: "Eva", businessPhones: ["08-1"], mobilePhone: null }),
    );
    fake.on("GET", "/users/eva%40nvk.se", json(200, { id: "1", displayName: "Eva" }));
    const me = await getProfile(client);
    await getProfile(client, "eva@nvk.se");
    expect(me).toMatchObject({ displayName: "Eva", businessPhones: ["08-1"], mobilePhone: null, mail: null });
    expect(new URL(fake.requests[0]?.url ?? "").searchParams.get("$select")).toBe(PROFILE_FIELDS.join(","));
  });

  it("mailbox settings: Graph's example, with 'Scheduled' normalised", async () => {
    const { fake, client } = setup();
    fake.on("GET", "/me/mailboxSettings", json(200, example("get-mailboxsettings.response.json")));
    const settings = await getMailboxSettings(client);
    expect(settings.automaticRepliesSetting?.status).toBe("scheduled");
    expect(settings.workingHours?.timeZone?.name).toBe("Pacific Standard Time");
  });

  it("messages: reply state from the PidTagLastVerbExecuted properties, across pages", async () => {
    const { fake, client } = setup();
    const next = "https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages?$skip=2";
    fake.on("GET", "/me/mailFolders/inbox/messages", (request) =>
      request.url === next
        ? json(200, { value: [{ id: "c" }] })
        : json(200, {
            value: [
              {
                id: "a",
                singleValueExtendedProperties: [
                  { id: "Integer 0x1081", value: "103" },
                  { id: "SystemTime 0x1082", value: "2026-03-02T08:15:00Z" },
                ],
              },
              { id: "b", singleValueExtendedProperties: [{ id: "Integer 0x1081", value: "104" }] },
            ],
            "@odata.nextLink": next,
          }),
    );
    const list = [];
    for await (const m of listMessagesWithReplyState(client, { since: new Date("2026-03-01T00:00:00Z") }))
      list.push(m);
    expect(list.map((m) => [m.id, m.lastVerb, m.lastVerbAt?.toISOString()])).toEqual([
      ["a", "replyAll", "2026-03-02T08:15:00.000Z"],
      ["b", "forward", undefined],
      ["c", undefined, undefined],
    ]);
    const query = new URL(fake.requests[0]?.url ?? "").searchParams;
    expect(query.get("$expand")).toBe(
      "singleValueExtendedProperties($filter=id eq 'Integer 0x1081' or id eq 'SystemTime 0x1082')",
    );
    expect(query.get("$filter")).toBe("receivedDateTime ge 2026-03-01T00:00:00.000Z");
    expect(
      replyStateOf({ singleValueExtendedProperties: [{ id: "Integer 0x1081", value: "0" }] }).lastVerb,
    ).toBeUndefined();
  });

  it("people search sends ConsistencyLevel: eventual and a quoted $search", async () => {
    const { fake, client } = setup();
    fake.on("GET", "/users", json(200, { value: [{ id: "1", displayName: "Anna" }] }));
    await searchPeople(client, 'an"na');
    expect(fake.requests[0]?.headers.consistencylevel).toBe("eventual");
    expect(new URL(fake.requests[0]?.url ?? "").searchParams.get("$search")).toBe(
      '"displayName:an na" OR "mail:an na"',
    );
  });

  it("presence: setStatusMessage body as Graph documents it", async () => {
    const { fake, client } = setup();
    fake.on("POST", "/me/presence/setStatusMessage", empty(200));
    await setStatusMessage(client, {
      text: "Ledig till måndag",
      expiry: { dateTime: "2026-03-09T08:00:00", timeZone: "W. Europe Standard Time" },
    });
    expect(JSON.parse(fake.requests[0]?.body ?? "")).toEqual({
      statusMessage: {
        message: { content: "Ledig till måndag", contentType: "text" },
        expiryDateTime: { dateTime: "2026-03-09T08:00:00", timeZone: "W. Europe Standard Time" },
      },
    });
  });

  it("toRestId delegates to the mailbox adapter's converter", () => {
    expect(toRestId(" AAMk/abc+ ", (id) => id.replace(/\//g, "-").replace(/\+/g, "_"))).toBe("AAMk-abc_");
    expect(() => toRestId("", (id) => id)).toThrow(/empty/);
  });
});

describe("windowsToIana", () => {
  it.each([
    ["W. Europe Standard Time", undefined, "Europe/Berlin"],
    ["W. Europe Standard Time", "SE", "Europe/Stockholm"],
    ["FLE Standard Time", undefined, "Europe/Kiev"],
    ["FLE Standard Time", "FI", "Europe/Helsinki"],
    ["GMT Standard Time", undefined, "Europe/London"],
    ["Pacific Standard Time", "SE", "America/Los_Angeles"],
    ["UTC", undefined, "Etc/UTC"],
    ["Romance Standard Time", undefined, "Europe/Paris"],
    ["Central Europe Standard Time", undefined, "Europe/Budapest"],
    ["Tokyo Standard Time", undefined, "Asia/Tokyo"],
    ["Europe/Stockholm", undefined, "Europe/Stockholm"],
  ])("%s (%s) → %s", (windows, territory, iana) => {
    expect(windowsToIana(windows, territory)).toEqual({ timeZone: iana, unknown: false });
  });

  it("keeps an unknown name and flags it", () => {
    expect(windowsToIana("Customized Time Zone")).toEqual({
      timeZone: "Customized Time Zone",
      unknown: true,
    });
  });

  it("every mapped IANA name is known to this runtime's Intl", () => {
    const names = [
      "W. Europe Standard Time",
      "FLE Standard Time",
      "E. Europe Standard Time",
      "Russian Standard Time",
    ];
    for (const n of names)
      expect(() => new Intl.DateTimeFormat("en", { timeZone: windowsToIana(n).timeZone })).not.toThrow();
  });
});
