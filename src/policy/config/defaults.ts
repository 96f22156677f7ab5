import { parsePolicyConfig } from "./parse";
import type { PolicyConfig } from "./schema";

/** NVK's configuration: every field at its default. */
export const defaultConfig: PolicyConfig = parsePolicyConfig({}, "defaults");
