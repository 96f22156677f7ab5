import { UsageError } from "./io";

export type Language = "sv" | "en";

/** `--lang` wins; otherwise the config's locale decides. */
export function parseLanguage(flag: string | undefined, locale: string): Language {
  if (flag === undefined) return locale.startsWith("sv") ? "sv" : "en";
  if (flag === "sv" || flag === "en") return flag;
  throw new UsageError(`invalid --lang "${flag}": expected sv or en`);
}
