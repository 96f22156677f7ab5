export { ConfigError, jsonPath, parsePolicyConfig, parsePolicyConfigText } from "./parse";
export type { ConfigIssue } from "./parse";
export { defaultConfig } from "./defaults";
export { policyConfigSchema } from "./schema";
export type { PolicyConfig, PolicyConfigInput } from "./schema";
