// Generates src/policy/signature/phone-metadata-se.json: libphonenumber-js metadata for Sweden
// (+46) only, so the policy can validate phone numbers without shipping every country's rules.
// The "max" metadata is used because it carries the number-type patterns (MOBILE, FIXED_LINE,
// UAN, …) the signature check reports; "min" cannot tell a mobile from a landline.
// test/policy/signature/phone-metadata.test.ts checks that the committed file is exactly what
// this script makes from the installed package, so an upgrade cannot drift silently.
// Run: npx tsx src/build/phone-metadata.ts          (writes the file)
//      npx tsx src/build/phone-metadata.ts --check  (exit code 1 if the file is out of date)
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The parts of libphonenumber-js's metadata JSON (format version 4) this script touches. */
interface MetadataJson {
  readonly version: number;
  readonly country_calling_codes: Readonly<Record<string, readonly string[]>>;
  readonly countries: Readonly<Record<string, unknown>>;
  readonly nonGeographic?: Readonly<Record<string, unknown>>;
}

export const COUNTRY = "SE";
export const CALLING_CODE = "46";
export const OUTPUT_PATH = join(__dirname, "../policy/signature/phone-metadata-se.json");

/** The installed package's full ("max") metadata. */
export function readInstalledMetadata(): MetadataJson {
  const file = require.resolve("libphonenumber-js/metadata.max.json");
  return JSON.parse(readFileSync(file, "utf8")) as MetadataJson;
}

/** The metadata reduced to Sweden (+46 → SE), nothing else changed. */
export function swedenOnlyMetadata(full: MetadataJson): MetadataJson {
  if (full.version !== 4) throw new Error(`unsupported libphonenumber-js metadata version ${full.version}`);
  const sweden = full.countries[COUNTRY];
  if (sweden === undefined) throw new Error(`the metadata has no ${COUNTRY}`);
  if (!full.country_calling_codes[CALLING_CODE]?.includes(COUNTRY)) {
    throw new Error(`the metadata does not map +${CALLING_CODE} to ${COUNTRY}`);
  }
  return {
    version: full.version,
    country_calling_codes: { [CALLING_CODE]: [COUNTRY] },
    countries: { [COUNTRY]: sweden },
    nonGeographic: {},
  };
}

/** The file's text: the JSON formatted by the repository's Prettier settings, so `prettier --check` passes. */
export async function renderMetadataFile(metadata: MetadataJson): Promise<string> {
  // Loaded here, not at the top: Prettier's API uses dynamic import, which jest's runtime (where
  // the drift test imports this module) does not provide.
  const { format, resolveConfig } = await import("prettier");
  const options = (await resolveConfig(OUTPUT_PATH)) ?? {};
  return format(JSON.stringify(metadata), { ...options, filepath: OUTPUT_PATH });
}

async function main(args: readonly string[]): Promise<number> {
  const text = await renderMetadataFile(swedenOnlyMetadata(readInstalledMetadata()));
  if (args.includes("--check")) {
    if (readFileSync(OUTPUT_PATH, "utf8") === text) return 0;
    console.error(`${OUTPUT_PATH} is out of date: run npx tsx src/build/phone-metadata.ts`);
    return 1;
  }
  writeFileSync(OUTPUT_PATH, text);
  console.log(`wrote ${OUTPUT_PATH} (${text.length} bytes)`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
