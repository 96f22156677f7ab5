import { readFileSync } from "node:fs";
import { join } from "node:path";
import { drawIcon, ICON_SIZES } from "../../../src/build/icons";
import { encodePng, readPngSize } from "../../../src/build/png";
import { ROOT } from "./helpers";

describe("icons", () => {
  test.each(ICON_SIZES.map((s) => [s]))("assets/icon-%i.png is what src/build/icons.ts draws", (size) => {
    const committed = readFileSync(join(ROOT, `assets/icon-${size}.png`));
    expect(readPngSize(committed)).toEqual({ width: size, height: size });
    // Byte-identical: the script is deterministic and the committed files are up to date.
    expect(encodePng(size, size, drawIcon(size)).equals(committed)).toBe(true);
  });

  test("corners are transparent and the centre is opaque", () => {
    const px = drawIcon(32);
    const alphaAt = (x: number, y: number): number | undefined => px[(y * 32 + x) * 4 + 3];
    expect(alphaAt(0, 0)).toBe(0);
    expect(alphaAt(16, 16)).toBe(255);
  });
});

describe("readPngSize", () => {
  test("reads width and height from IHDR", () => {
    expect(readPngSize(encodePng(3, 2, new Uint8Array(3 * 2 * 4)))).toEqual({ width: 3, height: 2 });
  });

  test("returns null for bytes that are not a PNG", () => {
    expect(readPngSize(Buffer.from("<OfficeApp/>"))).toBeNull();
    expect(readPngSize(new Uint8Array(0))).toBeNull();
  });
});
