// How the CLI signs in to Microsoft Graph. GRAPH_TOKEN (a ready bearer token, for trials and the
// emulator) wins; otherwise app-only with @azure/msal-node, configured from the environment
// variables @azure/identity uses. msal-node is loaded with a dynamic import, so every other
// command works without it installed.
import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import type { LocalizedText } from "../graph/errors";
import type { TokenProvider, TokenRequestOptions } from "../graph/middleware/auth";
import type { AuthMode } from "../graph/scopes";
import { GRAPH_DEFAULT_SCOPE } from "../graph/scopes";

export interface GraphAuth {
  readonly provider: TokenProvider;
  /** GRAPH_TOKEN is treated as delegated (so /me works); msal-node is app-only. */
  readonly mode: AuthMode;
  readonly source: "GRAPH_TOKEN" | "certificate" | "secret";
}

/** A sign-in set-up the person must fix (missing variables, unreadable certificate, no msal-node). */
export class GraphAuthSetupError extends Error {
  override readonly name = "GraphAuthSetupError";
  constructor(readonly text: LocalizedText) {
    super(text.en);
  }
}

// ---- the slice of @azure/msal-node this file uses (its documented API) ----------------------

export interface MsalClientCertificate {
  /** SHA-256 thumbprint (msal-node ≥ 2.11), hex without separators. */
  thumbprintSha256?: string;
  /** SHA-1 thumbprint, for older msal-node. */
  thumbprint?: string;
  /** PEM private key. */
  privateKey: string;
  /** PEM certificate chain, sent as x5c (subject name / issuer authentication). */
  x5c?: string;
}

export interface MsalConfiguration {
  auth: {
    clientId: string;
    authority: string;
    clientSecret?: string;
    clientCertificate?: MsalClientCertificate;
  };
}

export interface MsalConfidentialClient {
  acquireTokenByClientCredential(request: {
    scopes: string[];
    skipCache?: boolean;
  }): Promise<{ accessToken: string } | null>;
}

export interface MsalNodeModule {
  ConfidentialClientApplication: new (configuration: MsalConfiguration) => MsalConfidentialClient;
}

export type MsalLoader = () => Promise<MsalNodeModule>;

const MSAL_PACKAGE = "@azure/msal-node";

/** Loads @azure/msal-node if it is installed. */
export const loadMsalNode: MsalLoader = async () => {
  // A variable specifier keeps TypeScript and bundlers from requiring the package at build time.
  const specifier = MSAL_PACKAGE;
  let loaded: unknown;
  try {
    loaded = await import(specifier);
  } catch {
    throw new GraphAuthSetupError({
      sv: `Paketet ${MSAL_PACKAGE} behövs för app-inloggning men är inte installerat: kör "npm install ${MSAL_PACKAGE}" (eller sätt GRAPH_TOKEN).`,
      en: `App-only sign-in needs ${MSAL_PACKAGE}, which is not installed: run "npm install ${MSAL_PACKAGE}" (or set GRAPH_TOKEN).`,
    });
  }
  const module = loaded as Partial<MsalNodeModule> & { default?: Partial<MsalNodeModule> };
  const ctor = module.ConfidentialClientApplication ?? module.default?.ConfidentialClientApplication;
  if (!ctor)
    throw new GraphAuthSetupError({
      sv: `${MSAL_PACKAGE} saknar ConfidentialClientApplication.`,
      en: `${MSAL_PACKAGE} has no ConfidentialClientApplication.`,
    });
  return { ConfidentialClientApplication: ctor };
};

export interface GraphAuthDeps {
  readonly loadMsal?: MsalLoader;
  readonly readFile?: (path: string) => string;
}

type Env = Readonly<Record<string, string | undefined>>;

const present = (value: string | undefined): value is string => value !== undefined && value.trim() !== "";

/** Picks the sign-in from the environment; throws GraphAuthSetupError naming what is missing. */
export async function resolveGraphAuth(env: Env, deps: GraphAuthDeps = {}): Promise<GraphAuth> {
  const token = env.GRAPH_TOKEN;
  if (present(token)) {
    const bearer = token.trim().replace(/^Bearer\s+/i, "");
    // A fixed token cannot be refreshed: a forced refresh returns it again, and the second 401
    // becomes "sign in again" (get a new token).
    return { provider: { getToken: async () => bearer }, mode: "delegated", source: "GRAPH_TOKEN" };
  }

  const missing = ["AZURE_TENANT_ID", "AZURE_CLIENT_ID"].filter((name) => !present(env[name]));
  const certificatePath = env.AZURE_CLIENT_CERTIFICATE_PATH;
  const secret = env.AZURE_CLIENT_SECRET;
  const noCredential = !present(certificatePath) && !present(secret);
  if (missing.length > 0 || noCredential) {
    const sv = [
      ...missing,
      ...(noCredential ? ["AZURE_CLIENT_CERTIFICATE_PATH (eller AZURE_CLIENT_SECRET)"] : []),
    ];
    const en = [
      ...missing,
      ...(noCredential ? ["AZURE_CLIENT_CERTIFICATE_PATH (or AZURE_CLIENT_SECRET)"] : []),
    ];
    throw new GraphAuthSetupError({
      sv: `Ingen inloggning till Microsoft Graph: sätt GRAPH_TOKEN, eller för app-inloggning ${sv.join(", ")}.`,
      en: `No Microsoft Graph sign-in: set GRAPH_TOKEN, or for app-only sign-in ${en.join(", ")}.`,
    });
  }

  const tenant = (env.AZURE_TENANT_ID as string).trim();
  const clientId = (env.AZURE_CLIENT_ID as string).trim();
  const authority = `${(env.AZURE_AUTHORITY_HOST ?? "https://login.microsoftonline.com").replace(/\/+$/, "")}/${tenant}`;
  let configuration: MsalConfiguration;
  let source: GraphAuth["source"];
  if (present(certificatePath)) {
    configuration = {
      auth: { clientId, authority, clientCertificate: readCertificate(certificatePath, deps.readFile) },
    };
    source = "certificate";
  } else {
    configuration = { auth: { clientId, authority, clientSecret: secret } };
    source = "secret";
  }

  const msal = await (deps.loadMsal ?? loadMsalNode)();
  const app = new msal.ConfidentialClientApplication(configuration);
  const provider: TokenProvider = {
    async getToken(_scopes: readonly string[], options?: TokenRequestOptions): Promise<string> {
      const result = await app.acquireTokenByClientCredential({
        scopes: [GRAPH_DEFAULT_SCOPE],
        ...(options?.forceRefresh ? { skipCache: true } : {}),
      });
      if (!result?.accessToken) throw Object.assign(new Error("no token"), { errorCode: "no_tokens_found" });
      return result.accessToken;
    },
  };
  return { provider, mode: "application", source };
}

/** Reads a PEM holding the private key and the certificate (chain), as @azure/identity expects. */
export function readCertificate(
  path: string,
  readFile: (path: string) => string = (p) => readFileSync(p, "utf8"),
): MsalClientCertificate {
  let pem: string;
  try {
    pem = readFile(path);
  } catch {
    throw new GraphAuthSetupError({
      sv: `Kan inte läsa certifikatet i AZURE_CLIENT_CERTIFICATE_PATH (${path}).`,
      en: `Cannot read the certificate in AZURE_CLIENT_CERTIFICATE_PATH (${path}).`,
    });
  }
  const privateKey =
    /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.exec(
      pem,
    )?.[0];
  const certificates = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const first = certificates[0];
  if (!privateKey || !first) {
    throw new GraphAuthSetupError({
      sv: `AZURE_CLIENT_CERTIFICATE_PATH (${path}) måste vara en PEM-fil med både privat nyckel och certifikat.`,
      en: `AZURE_CLIENT_CERTIFICATE_PATH (${path}) must be a PEM file holding both the private key and the certificate.`,
    });
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(first);
  } catch {
    throw new GraphAuthSetupError({
      sv: `Certifikatet i ${path} går inte att läsa.`,
      en: `The certificate in ${path} cannot be parsed.`,
    });
  }
  const hex = (fingerprint: string): string => fingerprint.replace(/:/g, "").toUpperCase();
  return {
    thumbprintSha256: hex(certificate.fingerprint256),
    thumbprint: hex(certificate.fingerprint),
    privateKey,
    x5c: certificates.join("\n"),
  };
}
