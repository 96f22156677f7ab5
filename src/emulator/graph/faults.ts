// Fault injection: rules that make matching Graph requests fail, slow down or drop.
import { GraphError } from "./errors";

export interface FaultRule {
  match: { method?: string; path?: string };
  /** How many matching requests the rule affects (default 1). */
  times: number;
  status?: number;
  retryAfter?: string;
  code?: string;
  message?: string;
  latencyMs?: number;
  drop?: boolean;
  dropAfterApply?: boolean;
  malformedJson?: boolean;
}

export interface StoredFault extends FaultRule {
  id: number;
  remaining: number;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const bad = (message: string): GraphError =>
  new GraphError(400, "BadRequest", `Invalid fault rule: ${message}`);

export function parseFaultRules(body: unknown): FaultRule[] {
  const list = Array.isArray(body)
    ? body
    : isObject(body) && Array.isArray(body.rules)
      ? body.rules
      : isObject(body)
        ? [body]
        : undefined;
  if (!list) throw bad("expected a rule object or a JSON array of rules.");
  return list.map((raw: unknown): FaultRule => {
    if (!isObject(raw)) throw bad("each rule must be an object.");
    const match = raw.match ?? {};
    if (!isObject(match)) throw bad('"match" must be an object.');
    if (match.method !== undefined && typeof match.method !== "string")
      throw bad('"match.method" must be a string.');
    if (match.path !== undefined && typeof match.path !== "string")
      throw bad('"match.path" must be a string.');
    const times = raw.times ?? 1;
    if (typeof times !== "number" || !Number.isInteger(times) || times < 1)
      throw bad('"times" must be a whole number ≥ 1.');
    const status = raw.status;
    if (status !== undefined && (typeof status !== "number" || status < 400 || status > 599))
      throw bad('"status" must be 400–599.');
    const latency = raw.latencyMs;
    if (latency !== undefined && (typeof latency !== "number" || latency < 0 || latency > 120_000))
      throw bad('"latencyMs" must be 0–120000.');
    const retryAfter = raw.retryAfter;
    if (retryAfter !== undefined && typeof retryAfter !== "string" && typeof retryAfter !== "number")
      throw bad('"retryAfter" must be a string or number.');
    const effects = [
      status !== undefined,
      latency !== undefined,
      raw.drop === true,
      raw.dropAfterApply === true,
      raw.malformedJson === true,
    ];
    if (!effects.some(Boolean))
      throw bad("a rule needs status, latencyMs, drop, dropAfterApply or malformedJson.");
    const rule: FaultRule = { match: {}, times };
    if (typeof match.method === "string") rule.match.method = match.method;
    if (typeof match.path === "string") rule.match.path = match.path;
    if (status !== undefined) rule.status = status;
    if (retryAfter !== undefined) rule.retryAfter = String(retryAfter);
    if (typeof raw.code === "string") rule.code = raw.code;
    if (typeof raw.message === "string") rule.message = raw.message;
    if (latency !== undefined) rule.latencyMs = latency;
    if (raw.drop === true) rule.drop = true;
    if (raw.dropAfterApply === true) rule.dropAfterApply = true;
    if (raw.malformedJson === true) rule.malformedJson = true;
    return rule;
  });
}

/** A path pattern matches as a substring, or as a regular expression (so "/messages/[^/]+/reply" works). */
export function pathMatches(pattern: string, path: string): boolean {
  if (path.includes(pattern)) return true;
  try {
    return new RegExp(pattern).test(path);
  } catch {
    return false;
  }
}

export class FaultTable {
  private rules: StoredFault[] = [];
  private nextId = 1;

  add(rules: FaultRule[]): StoredFault[] {
    const added = rules.map((r) => ({ ...r, id: this.nextId++, remaining: r.times }));
    this.rules.push(...added);
    return added;
  }

  clear(): void {
    this.rules = [];
  }

  list(): readonly StoredFault[] {
    return this.rules;
  }

  /** The first live rule matching the request; consumes one of its `times`. */
  take(method: string, path: string): StoredFault | undefined {
    const rule = this.rules.find(
      (r) =>
        r.remaining > 0 &&
        (r.match.method === undefined || r.match.method.toUpperCase() === method.toUpperCase()) &&
        (r.match.path === undefined || pathMatches(r.match.path, path)),
    );
    if (!rule) return undefined;
    rule.remaining--;
    if (rule.remaining === 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule;
  }
}
