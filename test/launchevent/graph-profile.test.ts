// The handler's lazy chunk (src/launchevent/graph-profile.ts): silent token (User.Read) through the
// pane's silent-only provider, then one GET /me with the signature's fields, through the one
// Graph client. MSAL and fetch are stand-ins here; the browser journey (test/e2e/events.test.ts)
// runs MSAL's real code against the playground's bridge.
import { PROFILE_FIELDS } from "../../src/graph/operations/profile";
import { fetchDirectoryProfile } from "../../src/launchevent/graph-profile";
import type { GraphProfileRequest } from "../../src/launchevent/graph-profile";
import type { NaaClient } from "../../src/auth/token-provider";

const TOKEN = "eyJhbGciOiJub25lIn0.eyJ1cG4iOiJhbm5hQG52ay5zZSJ9.secret-token";

const me = {
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
  displayName: "Anna Berg",
  givenName: "Anna",
  surname: "Berg",
  jobTitle: "Utredare",
  department: "Analysenheten",
  businessPhones: ["08-123 456 99"],
  mobilePhone: null,
  mail: "anna.berg@nvk.se",
};
const { "@odata.context": _context, ...profileOfMe } = me;

interface Recorded {
  msal: string[];
  fetches: Array<{ url: string; authorization: string | null; signal: AbortSignal | undefined }>;
}

function setup(options: {
  naa?: boolean;
  silent?: () => Promise<{ accessToken: string }>;
  respond?: () => Promise<Response>;
  restUrl?: string;
  signal?: AbortSignal;
}): { request: GraphProfileRequest; recorded: Recorded } {
  const recorded: Recorded = { msal: [], fetches: [] };
  const msal: NaaClient = {
    acquireTokenSilent: ({ scopes }) => {
      recorded.msal.push(`silent ${scopes.join(",")}`);
      return options.silent ? options.silent() : Promise.resolve({ accessToken: TOKEN });
    },
    acquireTokenPopup: ({ scopes }) => {
      recorded.msal.push(`popup ${scopes.join(",")}`);
      return Promise.resolve({ accessToken: TOKEN });
    },
  };
  const request: GraphProfileRequest = {
    restUrl: options.restUrl ?? "https://outlook.office.com/api",
    pageUrl: "https://addin.nvk.se/launchevent.html",
    isSetSupported: (name, version) => (options.naa ?? true) && name === "NestedAppAuth" && version === "1.1",
    signal: options.signal ?? new AbortController().signal,
    timeoutMs: 3_000,
    loadNaaClient: () => Promise.resolve(msal),
    fetch: (input, init) => {
      const headers = new Headers(init?.headers as HeadersInit | undefined);
      recorded.fetches.push({
        url: input,
        authorization: headers.get("Authorization"),
        signal: init?.signal ?? undefined,
      });
      return options.respond
        ? options.respond()
        : Promise.resolve(
            new Response(JSON.stringify(me), {
              status: 200,
              headers: { "Content-Type": "application/json" },
            }),
          );
    },
  };
  return { request, recorded };
}

const msalError = (errorCode: string) =>
  Object.assign(new Error(`${errorCode}: about anna.berg@nvk.se`), {
    name: "InteractionRequiredAuthError",
    errorCode,
  });

test("a silent User.Read token, then one GET /me with the signature's fields only", async () => {
  const { request, recorded } = setup({});
  const profile = await fetchDirectoryProfile(request);
  // /me's fields, without its OData annotation.
  expect(profile).toEqual(profileOfMe);
  expect(profile).not.toHaveProperty("@odata.context");
  expect(recorded.msal).toEqual(["silent User.Read"]);
  expect(recorded.fetches).toHaveLength(1);
  expect(recorded.fetches[0]?.url).toBe(
    `https://graph.microsoft.com/v1.0/me?$select=${PROFILE_FIELDS.join(",")}`,
  );
  expect(recorded.fetches[0]?.authorization).toBe(`Bearer ${TOKEN}`);
});

test("a REST endpoint on the page's own origin (the playground) is used as Graph", async () => {
  const { request, recorded } = setup({ restUrl: "https://addin.nvk.se/graph" });
  await fetchDirectoryProfile(request);
  expect(recorded.fetches[0]?.url.startsWith("https://addin.nvk.se/graph/v1.0/me?$select=")).toBe(true);
});

test("without NestedAppAuth 1.1: rejects without asking MSAL or Graph", async () => {
  const { request, recorded } = setup({ naa: false });
  await expect(fetchDirectoryProfile(request)).rejects.toBeDefined();
  expect(recorded.msal).toEqual([]);
  expect(recorded.fetches).toEqual([]);
});

test("interaction required: rejects at once — never a pop-up, no request, nothing about the account", async () => {
  const { request, recorded } = setup({ silent: () => Promise.reject(msalError("interaction_required")) });
  const error = (await fetchDirectoryProfile(request).catch((e: unknown) => e)) as Error;
  expect(error).toBeInstanceOf(Error);
  expect(error.message).not.toContain("anna.berg");
  expect(recorded.msal).toEqual(["silent User.Read"]);
  expect(recorded.fetches).toEqual([]);
});

test.each([
  [401, "InvalidAuthenticationToken"],
  [403, "Authorization_RequestDenied"],
  [404, "Request_ResourceNotFound"],
  [500, "InternalServerError"],
  [503, "ServiceUnavailable"],
])("HTTP %i: rejects, and a 5xx is not retried", async (status, code) => {
  const { request, recorded } = setup({
    respond: () =>
      Promise.resolve(
        new Response(JSON.stringify({ error: { code, message: "no" } }), {
          status,
          headers: { "Content-Type": "application/json", "Retry-After": "0" },
        }),
      ),
  });
  await expect(fetchDirectoryProfile(request)).rejects.toBeDefined();
  // 401 InvalidAuthenticationToken: the Graph client asks for a fresh token once and repeats.
  expect(recorded.fetches).toHaveLength(status === 401 ? 2 : 1);
});

test("a network failure rejects after one attempt", async () => {
  const { request, recorded } = setup({ respond: () => Promise.reject(new TypeError("Failed to fetch")) });
  await expect(fetchDirectoryProfile(request)).rejects.toBeDefined();
  expect(recorded.fetches).toHaveLength(1);
});

test("an answer with neither name nor address is a failure", async () => {
  const { request } = setup({
    respond: () => Promise.resolve(new Response(JSON.stringify({ jobTitle: "Utredare" }), { status: 200 })),
  });
  await expect(fetchDirectoryProfile(request)).rejects.toThrow(/neither a name nor an address/);
});

test("the caller's signal cancels the request in flight", async () => {
  const caller = new AbortController();
  let seen: AbortSignal | undefined;
  const { request } = setup({
    signal: caller.signal,
    respond: () =>
      new Promise<Response>((_resolve, reject) => {
        seen?.addEventListener("abort", () => reject(new DOMException("Aborted", "AbortError")));
      }),
  });
  const originalFetch = request.fetch;
  const pending = fetchDirectoryProfile({
    ...request,
    fetch: (input, init) => {
      seen = init?.signal ?? undefined;
      return originalFetch ? originalFetch(input, init) : Promise.reject(new Error("no fetch"));
    },
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(seen?.aborted).toBe(false);
  caller.abort();
  await expect(pending).rejects.toBeDefined();
  expect(seen?.aborted).toBe(true);
});
