import { GraphRequestError } from "../../src/graph/errors";
import { getProfile } from "../../src/graph/operations/profile";
import { GraphClient } from "../../src/graph/client";
import { BASE, FakeClock, FakeGraph, graphError, json, sequence, setup } from "./fake-graph";

const me = { id: "u1", displayName: "Anna Berg" };
const invalidToken = () =>
  graphError(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.");

async function caught(promise: Promise<unknown>): Promise<GraphRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphRequestError) return error;
    throw error;
  }
  throw new Error("expected a GraphRequestError");
}

describe("auth middleware", () => {
  it("sends the bearer token with the operation's least scope", async () => {
    const { fake, tokens, client } = setup();
    fake.on("GET", "/me", json(200, me));
    await getProfile(client);
    expect(tokens.calls).toEqual([{ scopes: ["User.Read"], forceRefresh: false }]);
    expect(fake.requests[0]?.headers.authorization).toMatch(/^Bearer eyJ/);
  });

  it("asks app-only tokens for .default", async () => {
    const { fake, tokens, client } = setup({ authMode: "application" });
    fake.on("GET", "/users/anna%40nvk.se", json(200, me));
    await getProfile(client, "anna@nvk.se");
    expect(tokens.calls[0]?.scopes).toEqual(["https://graph.microsoft.com/.default"]);
  });

  it("refreshes the token exactly once on 401 InvalidAuthenticationToken mid-session", async () => {
    const { fake, tokens, client } = setup();
    fake.on("GET", "/me", sequence(json(200, me), invalidToken(), json(200, me)));
    await getProfile(client);
    await getProfile(client);
    expect(fake.count()).toBe(3);
    expect(tokens.calls.map((c) => c.forceRefresh)).toEqual([false, false, true]);
    expect(fake.requests[1]?.headers.authorization).not.toBe(fake.requests[2]?.headers.authorization);
  });

  it("gives up with 'sign in again' when the fresh token is rejected too", async () => {
    const { fake, tokens, client } = setup();
    fake.on("GET", "/me", invalidToken());
    const error = await caught(getProfile(client));
    expect(fake.count()).toBe(2);
    expect(tokens.calls.filter((c) => c.forceRefresh)).toHaveLength(1);
    expect(error.failure.kind).toBe("signIn");
    expect(error.failure.message.sv).toMatch(/Logga in igen/);
    expect(error.failure.message.en).toMatch(/Sign in again/);
  });

  it("maps MSAL's interaction_required and consent_required from the token provider", async () => {
    const fake = new FakeGraph();
    const make = (error: object) =>
      new GraphClient({
        baseUrl: BASE,
        fetch: fake.fetch,
        clock: new FakeClock(),
        tokenProvider: { getToken: () => Promise.reject(error) },
      });
    const interaction = await caught(
      getProfile(make({ errorCode: "interaction_required", message: "AADSTS50058: x" })),
    );
    expect(interaction.failure.kind).toBe("signIn");
    const consent = await caught(
      getProfile(
        make({
          errorCode: "consent_required",
          message: "AADSTS65001: The user or administrator has not consented",
        }),
      ),
    );
    expect(consent.failure).toMatchObject({ kind: "consent", permission: "User.Read" });
    expect(consent.failure.message.sv).toMatch(/User\.Read/);
    expect(fake.count()).toBe(0);
  });
});
