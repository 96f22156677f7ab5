import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { OUTPUT_PATH, readInstalledMetadata, swedenOnlyMetadata } from "../../../src/build/phone-metadata";

const root = path.resolve(__dirname, "../../..");

describe("Sweden-only phone metadata", () => {
  it("is what src/build/phone-metadata.ts makes from the installed libphonenumber-js", () => {
    const committed: unknown = JSON.parse(readFileSync(OUTPUT_PATH, "utf8"));
    expect(committed).toEqual(swedenOnlyMetadata(readInstalledMetadata()));
  });

  it("holds Sweden and nothing else", () => {
    const metadata = swedenOnlyMetadata(readInstalledMetadata());
    expect(metadata.country_calling_codes).toEqual({ "46": ["SE"] });
    expect(Object.keys(metadata.countries)).toEqual(["SE"]);
  });

  it("is byte for byte the script's output (formatting included)", () => {
    // Prettier's API needs dynamic import, which jest's CommonJS runtime lacks: run the script.
    const run = () =>
      execFileSync(process.execPath, ["--import", "tsx", "src/build/phone-metadata.ts", "--check"], {
        cwd: root,
        stdio: "pipe",
      });
    expect(run).not.toThrow();
  }, 30_000);
});
