// The playground serves the add-in's own built pages with one change: the <script> that loads
// office.js from Microsoft's CDN points at the local Office.js stand-in instead. Everything else
// is the built file, byte for byte.

export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const EMULATOR_SCRIPT_PATH = "/playground/office-emulator.js";
/** URL prefix under which the add-in's files are served for the playground. */
export const PLAYGROUND_ADDIN_PREFIX = "/playground/addin/";
/** The add-in pages whose office.js is swapped. */
export const ADDIN_PAGES: readonly string[] = ["taskpane.html", "launchevent.html", "commands.html"];

const CDN_SCRIPT = new RegExp(
  String.raw`<script\b[^>]*?\bsrc=(["']?)` +
    OFFICE_JS_CDN.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&") +
    String.raw`\1(?=[\s>])[^>]*>\s*</script\s*>`,
  "gi",
);

/**
 * Replaces the CDN office.js script tag with the stand-in's. Undefined when the page does not
 * have exactly one such tag (then the page is not what the playground expects: fail loudly).
 */
export function swapOfficeJs(html: string, emulatorSrc: string = EMULATOR_SCRIPT_PATH): string | undefined {
  const matches = html.match(CDN_SCRIPT);
  if (!matches || matches.length !== 1) return undefined;
  return html.replace(CDN_SCRIPT, () => `<script src="${emulatorSrc}"></script>`);
}
