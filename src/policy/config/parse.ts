import type { z } from "zod";
import type { PolicyConfig } from "./schema";
import { policyConfigSchema } from "./schema";

export interface ConfigIssue {
  /** JSONPath of the offending value, e.g. "$.routing.topics[1].owner". */
  readonly path: string;
  readonly message: string;
}

/** A configuration that breaks a rule; `issues` names each JSON path and rule. */
export class ConfigError extends Error {
  constructor(
    readonly issues: readonly ConfigIssue[],
    readonly source = "config",
  ) {
    super(`${source}: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
    this.name = "ConfigError";
  }
}

export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === "number") return `${acc}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${acc}.${name}` : `${acc}[${JSON.stringify(name)}]`;
  }, "$");
}

/** Validates a parsed JSON value against the policy schema; throws ConfigError listing every fault. */
export function parsePolicyConfig(input: unknown, source = "config"): PolicyConfig {
  const result = policyConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: jsonPath(issue.path),
    message: describe(issue),
  }));
  throw new ConfigError(issues, source);
}

/** Parses JSON text, then validates it; a JSON syntax error is a ConfigError at "$" too. */
export function parsePolicyConfigText(text: string, source = "config"): PolicyConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError([{ path: "$", message: `not valid JSON (${reason})` }], source);
  }
  return parsePolicyConfig(value, source);
}

type Issue = z.core.$ZodIssue;

// zod's default texts are English developer prose; a few common cases get a plainer wording.
function describe(issue: Issue): string {
  if (issue.code === "unrecognized_keys") {
    return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${String(k)}"`).join(", ")}`;
  }
  if (issue.code === "invalid_type" && issue.message.startsWith("Invalid input")) {
    return `must be ${article(issue.expected)}`;
  }
  return issue.message;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
