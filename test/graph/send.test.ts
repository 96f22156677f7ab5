import { GraphRequestError } from "../../src/graph/errors";
import { SEND_MARKER_PROPERTY_ID } from "../../src/graph/operations/sent-items";
import { forwardMessage, replyToMessage, sendMail } from "../../src/graph/operations/send";
import { recipients } from "../../src/graph/operations/types";
import { empty, graphError, json, sequence, setup } from "./fake-graph";

const MARKER = "00000000-0000-4000-8000-000000000001";
const message = {
  subject: "Ärende 2026-17",
  body: { contentType: "text" as const, content: "Hej! Personnummer 19121212-1212 står i brevet." },
  toRecipients: recipients("kund@example.com"),
};

describe("sendMail", () => {
  it("sends once with a marker property and reports sent", async () => {
    const { fake, client } = setup();
    fake.on("POST", "/me/sendMail", empty(202));
    await expect(sendMail(client, message)).resolves.toEqual({ outcome: "sent", confirmedBy: "response" });
    const body = JSON.parse(fake.requests[0]?.body ?? "{}");
    expect(body.message.singleValueExtendedProperties).toEqual([
      { id: SEND_MARKER_PROPERTY_ID, value: MARKER },
    ]);
    expect(body.saveToSentItems).toBe(true);
  });

  it("after a dropped connection does not POST again and finds the message in Sent Items by marker", async () => {
    const { fake, client, clock } = setup();
    fake.on("POST", "/me/sendMail", "drop");
    fake.on("GET", "/me/mailFolders/sentitems/messages", json(200, { value: [{ id: "sent-1" }] }));
    const outcome = await sendMail(client, message);
    expect(outcome).toEqual({ outcome: "sent", confirmedBy: "marker", messageId: "sent-1" });
    expect(fake.count("POST")).toBe(1);
    expect(clock.sleeps).toEqual([1000]);
    const lookup = decodeURIComponent(fake.requests[1]?.url ?? "");
    expect(lookup).toContain(`ep/value eq '${MARKER}'`);
  });

  it("reports unknown (with the mapped message) when Sent Items does not show it", async () => {
    const { fake, client } = setup();
    fake.on("POST", "/me/sendMail", "drop");
    fake.on("GET", "/me/mailFolders/sentitems/messages", json(200, { value: [] }));
    const outcome = await sendMail(client, message);
    expect(outcome.outcome).toBe("unknown");
    if (outcome.outcome !== "unknown") return;
    expect(outcome.failure.kind).toBe("sendUnknown");
    expect(outcome.failure.message.sv).toMatch(/Skickade objekt/);
    expect(fake.count("POST")).toBe(1);
    expect(fake.count("GET")).toBe(2);
  });

  it("treats a 503 as ambiguous (no second POST) and a 500 likewise", async () => {
    for (const status of [500, 503]) {
      const { fake, client } = setup();
      fake.on(
        "POST",
        "/me/sendMail",
        graphError(status, "ServiceUnavailable", "busy", { "Retry-After": "1" }),
      );
      fake.on("GET", "/me/mailFolders/sentitems/messages", json(200, { value: [{ id: "s" }] }));
      await expect(sendMail(client, message)).resolves.toMatchObject({
        outcome: "sent",
        confirmedBy: "marker",
      });
      expect(fake.count("POST")).toBe(1);
    }
  });

  it("falls back to subject + recipients when the marker filter is rejected", async () => {
    const { fake, client } = setup();
    fake.on("POST", "/me/sendMail", "drop");
    fake.on("GET", "/me/mailFolders/sentitems/messages", (request) =>
      decodeURIComponent(request.url).includes("singleValueExtendedProperties/any")
        ? graphError(400, "BadRequest", "Invalid filter clause")
        : json(200, {
            value: [
              { id: "other", subject: "Annat", toRecipients: recipients("kund@example.com") },
              { id: "mine", subject: "Ärende 2026-17", toRecipients: recipients("KUND@example.com") },
            ],
          }),
    );
    await expect(sendMail(client, message)).resolves.toEqual({
      outcome: "sent",
      confirmedBy: "subjectRecipients",
      messageId: "mine",
    });
  });

  it("throws a clear 4xx without looking in Sent Items, and never retries a 429 send", async () => {
    const { fake, client } = setup();
    fake.on(
      "POST",
      "/me/sendMail",
      sequence(
        graphError(400, "ErrorInvalidRecipients", "At least one recipient is not valid."),
        graphError(429, "TooManyRequests", "Please retry again later.", { "Retry-After": "2" }),
      ),
    );
    await expect(sendMail(client, message)).rejects.toMatchObject({ failure: { kind: "badInput" } });
    const throttled = await sendMail(client, message).catch((e: GraphRequestError) => e);
    expect(throttled).toBeInstanceOf(GraphRequestError);
    expect((throttled as GraphRequestError).failure.kind).toBe("tryLater");
    expect(fake.count("POST")).toBe(2);
    expect(fake.count("GET")).toBe(0);
  });
});

describe("reply and forward", () => {
  it("reply: interrupted, then resolved by marker; the original is read for the fallback only lazily", async () => {
    const { fake, client } = setup();
    fake.on("POST", "/me/messages/m1/reply", "drop");
    fake.on("GET", "/me/messages/m1", json(200, { id: "m1", conversationId: "c1" }));
    fake.on("GET", "/me/mailFolders/sentitems/messages", json(200, { value: [{ id: "r1" }] }));
    const outcome = await replyToMessage(client, "m1", { comment: "Tack, vi återkommer." });
    expect(outcome).toMatchObject({ outcome: "sent", messageId: "r1" });
    expect(fake.count("POST")).toBe(1);
    const body = JSON.parse(fake.requests[0]?.body ?? "{}");
    expect(body.comment).toBe("Tack, vi återkommer.");
  });

  it("forward: createForward then send; a dropped send is not repeated", async () => {
    const { fake, client } = setup();
    fake.on(
      "POST",
      "/me/messages/m1/createForward",
      json(201, {
        id: "d1",
        subject: "VB: Fråga",
        toRecipients: recipients("kollega@nvk.se"),
        conversationId: "c1",
      }),
    );
    fake.on("POST", "/me/messages/d1/send", "drop");
    fake.on("GET", "/me/mailFolders/sentitems/messages", json(200, { value: [] }));
    const outcome = await forwardMessage(client, "m1", { toRecipients: recipients("kollega@nvk.se") });
    expect(outcome.outcome).toBe("unknown");
    expect(fake.count("POST", "/me/messages/d1/send")).toBe(1);
    const create = JSON.parse(fake.requests[0]?.body ?? "{}");
    expect(create.message.singleValueExtendedProperties[0].value).toBe(MARKER);
  });
});
