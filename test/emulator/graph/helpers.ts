import { readFileSync } from "node:fs";
import path from "node:path";
import { startGraphEmulator } from "../../../src/emulator/graph";

export const NOW = new Date("2026-03-18T10:00:00Z");
const examplesDir = "/work/shared/graph-examples";

export function example(name: string): unknown {
  const file = path.join(examplesDir, name);
  return JSON.parse(readFileSync(file, "utf8")) as unknown;
}

export type Shape = string | Shape[] | { [key: string]: Shape };

/** The structure of a JSON value: keys and value types, arrays as the shape of their first item. */
export function shapeOf(json: unknown): Shape {
  if (json === null) return "null";
  if (Array.isArray(json)) return json.length === 0 ? [] : [shapeOf(json[0])];
  if (typeof json === "object") {
    const out: { [key: string]: Shape } = {};
    for (const key of Object.keys(json).sort()) out[key] = shapeOf((json as Record<string, unknown>)[key]);
    return out;
  }
  return typeof json;
}

export function withoutKeys(json: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(json)) return json.map((x) => withoutKeys(x, keys));
  if (json && typeof json === "object") {
    return Object.fromEntries(
      Object.entries(json)
        .filter(([k]) => !keys.includes(k))
        .map(([k, v]) => [k, withoutKeys(v, keys)]),
    );
  }
  return json;
}

export interface Harness {
  url: string;
  graph: string;
  close(): Promise<void>;
  get(p: string, headers?: Record<string, string>): Promise<Response>;
  json<T = Record<string, unknown>>(p: string, headers?: Record<string, string>): Promise<T>;
  send(method: string, p: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  control(method: string, p: string, body?: unknown): Promise<Response>;
}

export async function start(seed = 1): Promise<Harness> {
  const running = await startGraphEmulator({ port: 0, seed, now: () => NOW });
  const graph = `${running.url}/graph/v1.0`;
  const auth = { Authorization: "Bearer x" };
  const abs = (p: string): string => (p.startsWith("http") ? p : `${graph}${p}`);
  const harness: Harness = {
    url: running.url,
    graph,
    close: () => running.close(),
    get: (p, headers = {}) => fetch(abs(p), { headers: { ...auth, ...headers } }),
    json: async <T>(p: string, headers: Record<string, string> = {}) => {
      const response = await harness.get(p, headers);
      if (response.status !== 200) throw new Error(`${p}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    send: (method, p, body, headers = {}) =>
      fetch(abs(p), {
        method,
        headers: { ...auth, "Content-Type": "application/json", ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    control: (method, p, body) =>
      fetch(`${running.url}${p}`, {
        method,
        headers: { "Content-Type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
  return harness;
}

export interface Message {
  id: string;
  subject: string;
  [key: string]: unknown;
}
