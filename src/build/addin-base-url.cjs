// @ts-check
// Pure helpers for the build: where the add-in is hosted, and the files that depend on it.
// Kept free of webpack so tests can exercise them directly.

/** The origin every manifest URL is written against in the checked-in manifest.xml. */
const DEV_BASE_URL = "https://localhost:3000";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1"]);

/**
 * Normalises the add-in base URL (ADDIN_BASE_URL): defaults to https://localhost:3000, strips
 * trailing slashes, and refuses anything Office would not load (plain http is allowed only for
 * localhost/127.0.0.1, e.g. a local playground).
 * @param {string | undefined} raw
 * @returns {string}
 */
function resolveAddinBaseUrl(raw) {
  const text = (raw ?? "").trim();
  if (text === "") return DEV_BASE_URL;
  /** @type {URL} */
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a valid URL: "${text}"`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname))) {
    throw new Error(
      `ADDIN_BASE_URL must use https (plain http only for localhost or 127.0.0.1), got "${text}"`,
    );
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new Error(`ADDIN_BASE_URL must not carry a query, fragment or credentials: "${text}"`);
  }
  const base = `${url.origin}${url.pathname}`.replace(/\/+$/, "");
  if (/[&<>"'\s]/.test(base)) {
    throw new Error(`ADDIN_BASE_URL contains characters that are not safe in XML: "${text}"`);
  }
  return base;
}

/**
 * Rewrites every https://localhost:3000 in the manifest to the given base URL.
 * @param {string} manifestXml
 * @param {string} baseUrl result of resolveAddinBaseUrl
 * @returns {string}
 */
function rewriteManifest(manifestXml, baseUrl) {
  return manifestXml.replace(/https:\/\/localhost:3000(?![0-9])/g, () => baseUrl);
}

/**
 * The well-known file that lists the event-handler scripts allowed to use SSO/CORS from this
 * origin (served at /.well-known/microsoft-officeaddins-allowed.json).
 * @param {string} baseUrl result of resolveAddinBaseUrl
 * @returns {string}
 */
function wellKnownAllowedJson(baseUrl) {
  return `${JSON.stringify({ allowed: [`${baseUrl}/launchevent.js`] }, null, 2)}\n`;
}

module.exports = { DEV_BASE_URL, resolveAddinBaseUrl, rewriteManifest, wellKnownAllowedJson };
