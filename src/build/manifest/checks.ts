// Cross-checks on the add-in manifest that the XSDs cannot express: resource references, URLs,
// icon files, event-based activation wiring and a few Outlook rules. checkManifest() only reports;
// printing and exit codes belong to validate-cli.ts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import type { Element, Node } from "@xmldom/xmldom";
import { readPngSize } from "../png";
import type { PngSize } from "../png";
import { scanAssociations } from "./associations";

export interface Fault {
  /** The element at fault, e.g. `<bt:Image id="Icon.32x32">`, or a check label such as `XSD`. */
  element: string;
  message: string;
  /** 1-based line in the manifest, when known. */
  line?: number;
}

/** File access, injectable so tests can run the checks without touching the disk. */
export interface ManifestFileSystem {
  /** File contents, or null when the file is missing or unreadable. */
  readFile(path: string): Uint8Array | null;
  /** Files under dir, recursively, or null when dir does not exist. */
  listFiles(dir: string): string[] | null;
}

export interface CheckOptions {
  /** Every URL must be https and start with this prefix, e.g. https://localhost:3000. */
  baseUrl: string;
  /** Folder that URL paths under the base map onto (`/assets/x.png` → `<assetsRoot>/assets/x.png`). */
  assetsRoot: string;
  /** Folder whose .ts files must register every LaunchEvent FunctionName. */
  launchEventSourceDir: string;
  /** Folder whose .ts files must register every ExecuteFunction FunctionName. */
  commandsSourceDir: string;
  /** Folder that source paths in messages are shown relative to; defaults to assetsRoot. */
  displayRoot?: string;
  /** The permission docs/manifest.md justifies; anything else is reported. */
  expectedPermission?: string;
  fs?: ManifestFileSystem;
}

export const nodeFileSystem: ManifestFileSystem = {
  readFile(path) {
    try {
      return readFileSync(path);
    } catch {
      return null;
    }
  },
  listFiles(dir) {
    try {
      if (!statSync(dir).isDirectory()) return null;
      return readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => join(dir, f));
    } catch {
      return null;
    }
  },
};

const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

type ResourceKind = "bt:Image" | "bt:Url" | "bt:ShortString" | "bt:LongString";

interface Resource {
  id: string;
  kind: ResourceKind;
  element: Element;
}

/** What kind of resource a `resid` on each element must point to (per the VersionOverrides XSDs). */
const RESID_KIND: Readonly<Record<string, ResourceKind>> = {
  Image: "bt:Image",
  SourceLocation: "bt:Url",
  FunctionFile: "bt:Url",
  Runtime: "bt:Url",
  Override: "bt:Url",
  Label: "bt:ShortString",
  Tooltip: "bt:ShortString",
  Title: "bt:ShortString",
  Description: "bt:LongString",
};

/**
 * Minimum Mailbox requirement set per LaunchEvent type (docs/outlook/autolaunch.md, "Supported
 * events"); null = preview only. Extend when Outlook adds events.
 */
const LAUNCH_EVENT_MIN_VERSION: Readonly<Record<string, string | null>> = {
  OnNewMessageCompose: "1.10",
  OnNewAppointmentOrganizer: "1.10",
  OnMessageAttachmentsChanged: "1.11",
  OnAppointmentAttachmentsChanged: "1.11",
  OnMessageRecipientsChanged: "1.11",
  OnAppointmentAttendeesChanged: "1.11",
  OnAppointmentTimeChanged: "1.11",
  OnAppointmentRecurrenceChanged: "1.11",
  OnInfoBarDismissClicked: "1.11",
  OnMessageSend: "1.12",
  OnAppointmentSend: "1.12",
  OnMessageCompose: "1.12",
  OnAppointmentOrganizer: "1.12",
  OnMessageFromChanged: "1.13",
  OnAppointmentFromChanged: "1.13",
  OnSensitivityLabelChanged: "1.13",
  OnMessageReadWithCustomAttachment: null,
  OnMessageReadWithCustomHeader: null,
};
const SEND_EVENTS = new Set(["OnMessageSend", "OnAppointmentSend"]);

/** Ribbon icon sizes Outlook desktop asks for; 16/32/80 are required per control. */
const REQUIRED_ICON_SIZES = [16, 32, 80];

// ---------------------------------------------------------------------------------------------
// DOM helpers

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

function children(el: Element, localName?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (isElement(n) && (localName === undefined || n.localName === localName)) out.push(n);
  }
  return out;
}

function descendants(el: Element): Element[] {
  const out: Element[] = [];
  const walk = (e: Element): void => {
    for (const c of children(e)) {
      out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

function closest(el: Element, localName: string): Element | null {
  for (let p = el.parentNode; p; p = p.parentNode) {
    if (isElement(p) && p.localName === localName) return p;
  }
  return null;
}

function xsiType(el: Element): string | null {
  return el.getAttributeNS(XSI, "type") || el.getAttribute("xsi:type");
}

function attr(el: Element, name: string): string | null {
  return el.hasAttribute(name) ? el.getAttribute(name) : null;
}

const IDENTIFYING_ATTRIBUTES = ["id", "Type", "xsi:type", "resid"];

/** `<bt:Image id="Icon.32x32">`: the tag as written plus its most identifying attribute. */
export function describe(el: Element): string {
  for (const name of IDENTIFYING_ATTRIBUTES) {
    const value = attr(el, name);
    if (value !== null) return `<${el.nodeName} ${name}="${value}">`;
  }
  return `<${el.nodeName}>`;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------

interface Context {
  root: Element;
  all: Element[];
  options: CheckOptions;
  fs: ManifestFileSystem;
  baseUrl: string;
  displayRoot: string;
  faults: Fault[];
  /** Resources per VersionOverrides element (each override resolves its own resids). */
  resources: Map<Element, Map<string, Resource>>;
}

function fault(ctx: Context, el: Element | string, message: string): void {
  if (typeof el === "string") ctx.faults.push({ element: el, message });
  else ctx.faults.push({ element: describe(el), message, ...(el.lineNumber ? { line: el.lineNumber } : {}) });
}

function show(ctx: Context, path: string): string {
  return relative(ctx.displayRoot, path).split(sep).join("/") || ".";
}

function resourceScope(ctx: Context, el: Element): Map<string, Resource> | null {
  const vo = closest(el, "VersionOverrides");
  return vo ? (ctx.resources.get(vo) ?? null) : null;
}

function lookup(ctx: Context, el: Element): Resource | null {
  const id = attr(el, "resid");
  return id === null ? null : (resourceScope(ctx, el)?.get(id) ?? null);
}

function indexResources(ctx: Context): void {
  const kinds: [string, string, ResourceKind][] = [
    ["Images", "Image", "bt:Image"],
    ["Urls", "Url", "bt:Url"],
    ["ShortStrings", "String", "bt:ShortString"],
    ["LongStrings", "String", "bt:LongString"],
  ];
  for (const vo of ctx.all.filter((e) => e.localName === "VersionOverrides")) {
    const map = new Map<string, Resource>();
    ctx.resources.set(vo, map);
    for (const resources of children(vo, "Resources")) {
      for (const [group, item, kind] of kinds) {
        for (const groupEl of children(resources, group)) {
          for (const el of children(groupEl, item)) {
            const id = attr(el, "id") ?? "";
            const first = map.get(id);
            if (first) {
              // Ids share one namespace per <Resources>, or a resid would be ambiguous.
              fault(ctx, el, `duplicate resource id "${id}" (first defined as ${first.kind})`);
            } else {
              map.set(id, { id, kind, element: el });
            }
          }
        }
      }
    }
  }
}

/** 1. Every resid resolves, within its VersionOverrides, to a resource of the right kind. */
function checkResids(ctx: Context): void {
  for (const el of ctx.all) {
    const id = attr(el, "resid");
    if (id === null) continue;
    const scope = resourceScope(ctx, el);
    if (!scope) continue;
    const res = scope.get(id);
    if (!res) {
      fault(ctx, el, `unknown resid "${id}": no resource with that id in this <VersionOverrides>`);
      continue;
    }
    const expected = RESID_KIND[el.localName ?? ""];
    if (expected && res.kind !== expected) {
      fault(ctx, el, `resid "${id}" is a ${res.kind}, expected a ${expected}`);
    }
  }
}

interface UrlValue {
  owner: Element;
  label: string;
  value: string;
}

/** DefaultValue plus every locale Override Value of a URL-bearing element. */
function urlValues(el: Element): UrlValue[] {
  const out: UrlValue[] = [];
  const def = attr(el, "DefaultValue");
  if (def !== null) out.push({ owner: el, label: "DefaultValue", value: def });
  for (const o of children(el, "Override")) {
    const value = attr(o, "Value");
    if (value !== null) out.push({ owner: el, label: `Override (${attr(o, "Locale") ?? "?"})`, value });
  }
  return out;
}

function urlElements(ctx: Context): Element[] {
  return ctx.all.filter((el) => {
    switch (el.localName) {
      case "IconUrl":
      case "HighResolutionIconUrl":
      case "SupportUrl":
        return el.parentNode === ctx.root;
      case "SourceLocation": // FormSettings' SourceLocation carries a URL; the others a resid.
        return el.hasAttribute("DefaultValue");
      case "Url":
        return el.namespaceURI === BT;
      case "Image":
        return el.namespaceURI === BT && el.hasAttribute("id");
      default:
        return false;
    }
  });
}

function isUnderBase(ctx: Context, value: string): boolean {
  return value.startsWith(`${ctx.baseUrl}/`);
}

/** 2. Every URL is https and lives under the base URL. */
function checkUrls(ctx: Context): void {
  for (const el of urlElements(ctx)) {
    for (const { label, value } of urlValues(el)) {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        fault(ctx, el, `${label} "${value}" is not a valid URL`);
        continue;
      }
      if (url.protocol !== "https:") fault(ctx, el, `${label} "${value}" is not https`);
      else if (!isUnderBase(ctx, value)) {
        fault(ctx, el, `${label} "${value}" is not under the base URL ${ctx.baseUrl}`);
      }
    }
  }
  for (const el of ctx.all.filter((e) => e.localName === "AppDomain")) {
    const value = (el.textContent ?? "").trim();
    if (!value.startsWith("https://")) fault(ctx, el, `"${value}" is not an https origin`);
  }
}

/** Maps a URL under the base to a file below assetsRoot; null if it can't be mapped safely. */
function assetPath(ctx: Context, value: string): { path: string; shown: string } | null {
  if (!isUnderBase(ctx, value)) return null;
  const rest = value.slice(ctx.baseUrl.length + 1).replace(/[?#].*$/, "");
  let segments: string[];
  try {
    segments = rest.split("/").map(decodeURIComponent);
  } catch {
    return null;
  }
  if (segments.some((s) => s === ".." || s === "." || s === "" || s.includes("\\"))) return null;
  return { path: join(ctx.options.assetsRoot, ...segments), shown: segments.join("/") };
}

/** 3. Icon files exist, are PNGs and have the pixel size the manifest declares. */
function checkIcons(ctx: Context): void {
  const declared = new Map<Element, Set<number>>();
  const declare = (el: Element, size: number): void => {
    const set = declared.get(el) ?? new Set<number>();
    set.add(size);
    declared.set(el, set);
  };
  for (const icon of ctx.all.filter((e) => e.localName === "Icon")) {
    const sizes = new Set<number>();
    for (const img of children(icon, "Image")) {
      const size = Number(attr(img, "size"));
      sizes.add(size);
      const res = lookup(ctx, img);
      if (res?.kind === "bt:Image") declare(res.element, size);
    }
    const missing = REQUIRED_ICON_SIZES.filter((s) => !sizes.has(s));
    if (missing.length > 0) {
      const owner = icon.parentNode && isElement(icon.parentNode) ? icon.parentNode : icon;
      fault(
        ctx,
        owner,
        `<Icon> lacks bt:Image size ${missing.join(", ")} (Outlook desktop needs 16, 32 and 80)`,
      );
    }
  }
  for (const el of children(ctx.root)) {
    if (el.localName === "IconUrl") declare(el, 64);
    if (el.localName === "HighResolutionIconUrl") declare(el, 128);
  }
  const cache = new Map<string, PngSize | "missing" | "not-png">();
  const imageElements = [
    ...children(ctx.root).filter((e) => e.localName === "IconUrl" || e.localName === "HighResolutionIconUrl"),
    ...ctx.all.filter((e) => e.namespaceURI === BT && e.localName === "Image" && e.hasAttribute("id")),
  ];
  for (const el of imageElements) {
    for (const { value } of urlValues(el)) {
      const file = assetPath(ctx, value);
      if (!file) {
        // Outside the base was reported by checkUrls; inside it, the path itself is unusable.
        if (isUnderBase(ctx, value))
          fault(ctx, el, `"${value}" does not map to a file below the assets folder`);
        continue;
      }
      let info = cache.get(file.path);
      if (!info) {
        const bytes = ctx.fs.readFile(file.path);
        info = bytes === null ? "missing" : (readPngSize(bytes) ?? "not-png");
        cache.set(file.path, info);
      }
      if (info === "missing") {
        fault(ctx, el, `${file.shown} not found`);
        continue;
      }
      if (info === "not-png") {
        fault(ctx, el, `${file.shown} is not a PNG file`);
        continue;
      }
      for (const size of declared.get(el) ?? []) {
        if (info.width !== size || info.height !== size) {
          fault(ctx, el, `${file.shown} is ${info.width}×${info.height} px, declared ${size}`);
        }
      }
    }
  }
}

function mailboxVersion(vo: Element): string | null {
  for (const req of children(vo, "Requirements")) {
    for (const sets of children(req, "Sets")) {
      for (const set of children(sets, "Set")) {
        if (attr(set, "Name") === "Mailbox") {
          return attr(set, "MinVersion") ?? attr(sets, "DefaultMinVersion") ?? "1.1";
        }
      }
    }
  }
  return null;
}

interface Registration {
  name: string;
  element: Element;
}

/** 4 + 6. LaunchEvent wiring: SourceLocation is a Runtime, types, SendMode, requirement sets. */
function checkLaunchEvents(ctx: Context): Registration[] {
  const registrations: Registration[] = [];
  const seenTypes = new Map<Element | null, Set<string>>();
  for (const ep of ctx.all.filter((e) => e.localName === "ExtensionPoint" && xsiType(e) === "LaunchEvent")) {
    const host = closest(ep, "Host");
    const runtimeIds = host
      ? children(host, "Runtimes").flatMap((rs) => children(rs, "Runtime").map((r) => attr(r, "resid") ?? ""))
      : [];
    for (const src of children(ep, "SourceLocation")) {
      const id = attr(src, "resid") ?? "";
      if (!runtimeIds.includes(id)) {
        const known =
          runtimeIds.length > 0 ? `Runtime resids: ${runtimeIds.join(", ")}` : "this <Host> has none";
        fault(ctx, src, `LaunchEvent SourceLocation "${id}" is not the resid of a <Runtime> (${known})`);
      }
    }
    const vo = closest(ep, "VersionOverrides");
    const version = vo ? mailboxVersion(vo) : null;
    const types = seenTypes.get(host) ?? new Set<string>();
    seenTypes.set(host, types);
    for (const le of children(ep, "LaunchEvents").flatMap((l) => children(l, "LaunchEvent"))) {
      const type = attr(le, "Type") ?? "";
      const name = attr(le, "FunctionName") ?? "";
      if (name) registrations.push({ name, element: le });
      if (types.has(type)) fault(ctx, le, `duplicate LaunchEvent Type "${type}" in this <Host>`);
      types.add(type);
      if (!(type in LAUNCH_EVENT_MIN_VERSION)) {
        fault(ctx, le, `unknown LaunchEvent Type "${type}" (not an Outlook event; check the spelling)`);
        continue;
      }
      const sendMode = attr(le, "SendMode");
      if (SEND_EVENTS.has(type) && sendMode === null) {
        fault(ctx, le, `SendMode is missing; state PromptUser, SoftBlock or Block explicitly`);
      }
      if (!SEND_EVENTS.has(type) && sendMode !== null) {
        fault(ctx, le, `SendMode applies only to OnMessageSend and OnAppointmentSend`);
      }
      const needed = LAUNCH_EVENT_MIN_VERSION[type];
      if (needed && (version === null || compareVersions(version, needed) < 0)) {
        fault(
          ctx,
          le,
          `needs Mailbox ${needed}, but this <VersionOverrides> requires ${version === null ? "no Mailbox set" : `Mailbox ${version}`}`,
        );
      }
    }
  }
  return registrations;
}

function resolvedUrl(ctx: Context, el: Element): string | null {
  const res = lookup(ctx, el);
  return res?.kind === "bt:Url" ? attr(res.element, "DefaultValue") : null;
}

/** 6. Runtimes as Outlook's event-based activation accepts them. */
function checkRuntimes(ctx: Context): void {
  const launchSources = new Set(
    ctx.all
      .filter((e) => e.localName === "ExtensionPoint" && xsiType(e) === "LaunchEvent")
      .flatMap((ep) => children(ep, "SourceLocation").map((s) => attr(s, "resid"))),
  );
  for (const runtimes of ctx.all.filter((e) => e.localName === "Runtimes")) {
    const list = children(runtimes, "Runtime");
    if (list.length > 1) fault(ctx, runtimes, `${list.length} <Runtime> elements; Outlook supports only one`);
    for (const runtime of list) {
      const lifetime = attr(runtime, "lifetime");
      if (lifetime !== null && lifetime !== "short") {
        fault(ctx, runtime, `lifetime="${lifetime}": event-based activation supports only "short"`);
      }
      if (!launchSources.has(attr(runtime, "resid"))) {
        fault(ctx, runtime, `not used as the SourceLocation of any LaunchEvent extension point`);
      }
      const page = resolvedUrl(ctx, runtime);
      if (page !== null && !/\.html?([?#].*)?$/.test(page)) {
        fault(ctx, runtime, `"${page}" should be an HTML page (the browser runtime loads it)`);
      }
      const overrides = children(runtime, "Override");
      if (overrides.length > 1)
        fault(ctx, runtime, `${overrides.length} <Override> elements; only one is allowed`);
      for (const o of overrides) {
        const script = resolvedUrl(ctx, o);
        if (script !== null && !/\.js([?#].*)?$/.test(script)) {
          fault(ctx, o, `"${script}" should be a .js file (classic Outlook on Windows loads it directly)`);
        }
      }
    }
  }
}

/** 5. Every FunctionName is registered with Office.actions.associate in the matching sources. */
function checkRegistrations(
  ctx: Context,
  registrations: Registration[],
  dir: string,
  groupName: string,
): void {
  const first = registrations[0];
  if (!first) return;
  const group = closest(first.element, groupName) ?? first.element;
  const files = ctx.fs.listFiles(dir)?.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
  const names = [...new Set(registrations.map((r) => r.name))];
  if (!files) {
    fault(
      ctx,
      group,
      `cannot check FunctionName registration: ${show(ctx, dir)}/ not found (expected Office.actions.associate calls for ${names.join(", ")})`,
    );
    return;
  }
  const registered = new Set<string>();
  const dynamic: string[] = [];
  for (const file of files.sort()) {
    const bytes = ctx.fs.readFile(file);
    if (!bytes) continue;
    const scan = scanAssociations(file, Buffer.from(bytes).toString("utf8"));
    scan.names.forEach((n) => registered.add(n));
    scan.dynamicLines.forEach((line) => dynamic.push(`${show(ctx, file)}:${line}`));
  }
  const reported = new Set<string>();
  for (const { name, element } of registrations) {
    if (registered.has(name) || reported.has(name)) continue;
    reported.add(name);
    const hint =
      dynamic.length > 0 ? ` (calls with a non-literal name at ${dynamic.join(", ")} can't be checked)` : "";
    fault(
      ctx,
      element,
      `FunctionName "${name}" is not registered with Office.actions.associate("${name}", …) in ${show(ctx, dir)}/**/*.ts${hint}`,
    );
  }
}

/** 6. Every display string has an Override for each locale used anywhere in the manifest. */
function checkLocales(ctx: Context): void {
  const strings = ctx.all.filter(
    (e) =>
      ((e.localName === "DisplayName" || e.localName === "Description") && e.parentNode === ctx.root) ||
      (e.namespaceURI === BT && e.localName === "String"),
  );
  const locales = new Set<string>();
  for (const el of strings) for (const o of children(el, "Override")) locales.add(attr(o, "Locale") ?? "");
  for (const el of strings) {
    const have = new Set(children(el, "Override").map((o) => attr(o, "Locale") ?? ""));
    const missing = [...locales].filter((l) => !have.has(l)).sort();
    if (missing.length > 0) fault(ctx, el, `missing Override for ${missing.join(", ")}`);
  }
}

/** 6. The permission stays the documented least privilege. */
function checkPermissions(ctx: Context): void {
  const expected = ctx.options.expectedPermission ?? "ReadWriteItem";
  const el = children(ctx.root, "Permissions")[0];
  const actual = el ? (el.textContent ?? "").trim() : "(none, i.e. Restricted)";
  if (actual !== expected) {
    fault(
      ctx,
      el ?? "<Permissions>",
      `requests ${actual}; docs/manifest.md justifies ${expected} as the least privilege (change both together)`,
    );
  }
}

/** 6. Group and Control ids are unique within each VersionOverrides. */
function checkControlIds(ctx: Context): void {
  const seen = new Map<Element, Set<string>>();
  for (const el of ctx.all.filter((e) => e.localName === "Group" || e.localName === "Control")) {
    const vo = closest(el, "VersionOverrides");
    const id = attr(el, "id");
    if (!vo || id === null) continue;
    const ids = seen.get(vo) ?? new Set<string>();
    seen.set(vo, ids);
    if (ids.has(id)) fault(ctx, el, `duplicate id "${id}" in this <VersionOverrides>`);
    ids.add(id);
  }
}

/** Parses the manifest; returns the root element or a fault describing why it is not XML. */
export function parseManifest(xml: string): Element | Fault {
  const errors: string[] = [];
  try {
    const doc = new DOMParser({
      onError: (level, msg) => {
        if (level === "warning") return;
        errors.push(msg);
        throw new Error(msg);
      },
    }).parseFromString(xml, "text/xml");
    const root = doc.documentElement;
    if (root && errors.length === 0) return root;
  } catch (err) {
    if (errors.length === 0) errors.push(err instanceof Error ? err.message : String(err));
  }
  const detail = (errors[0] ?? "no root element").replace(/\s+/g, " ").replace(/^\[xmldom \w+\]\s*/, "");
  return { element: "<OfficeApp>", message: `not well-formed XML: ${detail}` };
}

/**
 * Runs every cross-check and returns the faults, in check order (empty = valid). Never throws on
 * a bad manifest; a malformed file yields a single fault.
 */
export function checkManifest(xml: string, options: CheckOptions): Fault[] {
  const root = parseManifest(xml);
  if (!("nodeType" in root)) return [root];
  const ctx: Context = {
    root,
    all: [root, ...descendants(root)],
    options,
    fs: options.fs ?? nodeFileSystem,
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    displayRoot: options.displayRoot ?? options.assetsRoot,
    faults: [],
    resources: new Map(),
  };
  if (root.localName !== "OfficeApp" || xsiType(root) !== "MailApp") {
    fault(ctx, root, `root must be <OfficeApp xsi:type="MailApp">`);
    return ctx.faults;
  }
  indexResources(ctx);
  checkResids(ctx);
  checkUrls(ctx);
  checkIcons(ctx);
  const launch = checkLaunchEvents(ctx);
  checkRuntimes(ctx);
  checkRegistrations(ctx, launch, options.launchEventSourceDir, "ExtensionPoint");
  const commands = ctx.all
    .filter((e) => e.localName === "Action" && xsiType(e) === "ExecuteFunction")
    .flatMap((a) => children(a, "FunctionName"))
    .map((el) => ({ name: (el.textContent ?? "").trim(), element: el }));
  checkRegistrations(ctx, commands, options.commandsSourceDir, "Action");
  checkLocales(ctx);
  checkPermissions(ctx);
  checkControlIds(ctx);
  return ctx.faults;
}

/** `manifest.xml:57: <bt:Image id="Icon.32x32">: …` (the line is left out when unknown). */
export function formatFault(file: string, f: Fault): string {
  return `${file}${f.line ? `:${f.line}` : ""}: ${f.element}: ${f.message}`;
}
