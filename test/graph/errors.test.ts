import { readFileSync } from "node:fs";
import { GraphNetworkError, GraphRequestError, mapHttpFailure, mapThrown } from "../../src/graph/errors";
import type { GraphFailure } from "../../src/graph/errors";
import { getProfile } from "../../src/graph/operations/profile";
import { sendMail } from "../../src/graph/operations/send";
import { recipients } from "../../src/graph/operations/types";
import { redact } from "../../src/graph/redact";
import { graphError, setup } from "./fake-graph";

const example = (name: string): unknown =>
  JSON.parse(readFileSync(`/work/shared/graph-examples/${name}`, "utf8"));
const now = new Date("2026-03-02T09:00:00Z");

function map(
  status: number,
  body: unknown,
  permission = "Mail.Send",
  headers: Record<string, string> = {},
): GraphFailure {
  return mapHttpFailure(
    { status, headers: { get: (n) => headers[n.toLowerCase()] ?? null }, body },
    { permission, now },
  );
}

describe("mapHttpFailure", () => {
  it("401 → sign in again", () => {
    expect(map(401, { error: { code: "InvalidAuthenticationToken", message: "expired" } }).kind).toBe(
      "signIn",
    );
  });

  it.each(["Authorization_RequestDenied", "ErrorAccessDenied"])(
    "403 %s → admin consent naming the permission",
    (code) => {
      const failure = map(403, {
        error: { code, message: "Insufficient privileges to complete the operation." },
      });
      expect(failure).toMatchObject({ kind: "consent", permission: "Mail.Send", status: 403 });
      expect(failure.message.sv).toContain("Mail.Send");
      expect(failure.message.en).toContain("admin consent");
    },
  );

  it("the application access policy error (Graph's own example) → mailbox not reachable", () => {
    const failure = map(403, example("application-access-policy-denied.error-response.json"));
    expect(failure.kind).toBe("mailboxUnreachable");
    expect(failure.requestId).toBe("2f038156-cf40-403d-8e46-831fe42a8229");
  });

  it.each(["MailboxNotEnabledForRESTAPI", "ErrorMailboxNotFound"])(
    "404 %s → mailbox not reachable",
    (code) => {
      expect(map(404, { error: { code, message: "x" } }).kind).toBe("mailboxUnreachable");
    },
  );

  it("429 with Graph's throttling body and Retry-After → try later, with when", () => {
    const failure = map(429, example("throttling-429.response.json"), "Mail.Send", {
      "retry-after": "2.128",
    });
    expect(failure.kind).toBe("tryLater");
    expect(failure.retryAfter?.toISOString()).toBe("2026-03-02T09:00:02.128Z");
    expect(failure.message.sv).toContain("10:00:02");
  });

  it("400 → bad input with Graph's message summarised (and redacted)", () => {
    const failure = map(400, example("user-sendmail-mime.error-response.json"));
    expect(failure.kind).toBe("badInput");
    expect(failure.message.en).toContain("Invalid base64 string for MIME content.");
    const withAddress = map(400, {
      error: { code: "ErrorInvalidRecipients", message: "Recipient anna.berg@nvk.se is invalid" },
    });
    expect(withAddress.message.sv).not.toContain("anna.berg@nvk.se");
    expect(withAddress.message.sv).toContain("[address]");
  });

  it("the batch example's 403/405 items map too", () => {
    const batch = example("json-batching.response.json") as {
      responses: Array<{ status: number; body: unknown }>;
    };
    expect(batch.responses.map((r) => map(r.status, r.body, "User.Read").kind)).toEqual([
      "unexpected",
      "consent",
      "consent",
      "badInput",
      "unexpected",
    ]);
  });
});

describe("mapThrown", () => {
  it("maps network, JSON and MSAL failures; anything else stays general", () => {
    expect(mapThrown(new GraphNetworkError("timeout")).kind).toBe("offline");
    expect(mapThrown(new SyntaxError("Unexpected token < in JSON")).kind).toBe("malformedResponse");
    expect(mapThrown({ errorCode: "login_required" }).kind).toBe("signIn");
    expect(mapThrown({ errorCode: "consent_required" }, { permission: "Mail.ReadWrite" })).toMatchObject({
      kind: "consent",
      permission: "Mail.ReadWrite",
    });
    expect(mapThrown(new Error("kaboom at foo.ts:12")).message.en).not.toContain("kaboom");
    expect(mapThrown({ toString: () => "[object Object]" }).message.sv).not.toContain("[object");
  });
});

describe("through the client", () => {
  it("malformed JSON from the server → the mapped message", async () => {
    const { fake, client } = setup();
    fake.on(
      "GET",
      "/me",
      new Response('{"displayName": "Anna', { status: 200, headers: { "content-type": "application/json" } }),
    );
    const error = await getProfile(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect((error as GraphRequestError).failure.kind).toBe("malformedResponse");
    expect((error as GraphRequestError).failure.message.sv).toMatch(/inte gick att läsa/);
  });

  it("no message ever contains the bearer token, an address or the email body passed in", async () => {
    const body = "Hemligt innehåll: kontonummer 1234-5678, ring mig på 070-1234567";
    const failures: GraphFailure[] = [];
    const scenarios: Array<() => Response> = [
      () => graphError(400, "ErrorInvalidRequest", `Cannot parse body '${body}' for kund@example.com`),
      () => graphError(401, "InvalidAuthenticationToken", "token"),
      () => graphError(403, "ErrorAccessDenied", "Access is denied."),
      () => graphError(500, "InternalServerError", body),
      () => new Response("<html>oops</html>", { status: 502 }),
    ];
    for (const respond of scenarios) {
      const { fake, client, tokens } = setup();
      fake.on("POST", "/me/sendMail", () => respond());
      fake.on("GET", "/me/mailFolders/sentitems/messages", "drop");
      const outcome = await sendMail(client, {
        subject: "s",
        body: { contentType: "text", content: body },
        toRecipients: recipients("kund@example.com"),
      }).catch((e: unknown) => e);
      const failure =
        outcome instanceof GraphRequestError
          ? outcome.failure
          : (outcome as { failure: GraphFailure }).failure;
      failures.push(failure);
      const token = (await tokens.getToken([])).split(".")[0] as string;
      const text = JSON.stringify(failure) + String((outcome as Error).message ?? "");
      expect(text).not.toContain(token);
      expect(text).not.toContain("Bearer");
      expect(text).not.toContain("kontonummer");
      expect(text).not.toContain("kund@example.com");
      expect(text).not.toContain("[object Object]");
      expect(text).not.toMatch(/\n\s+at /);
    }
    expect(failures.map((f) => f.kind)).toEqual([
      "badInput",
      "signIn",
      "consent",
      "sendUnknown",
      "sendUnknown",
    ]);
    for (const f of failures) {
      expect(f.message.sv).toMatch(/[åäö]|Bemötande|Microsoft 365/);
      expect(f.message.en.length).toBeGreaterThan(20);
    }
  });

  it("redact removes bearer tokens, JWTs, addresses and long ids", () => {
    expect(redact("Authorization: Bearer abc.def-ghi")).toBe("Authorization: Bearer [token]");
    expect(redact("t=eyJhbGciOi.eyJzdWIiOiIx.sig")).toBe("t=[token]");
    expect(redact("från åsa.öberg@nvk.se")).toBe("från [address]");
    expect(redact(`id ${"A".repeat(60)}`)).toBe("id [id]");
  });
});
