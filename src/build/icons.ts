// Draws the add-in icons (assets/icon-NN.png): a Fluent-blue rounded square with a white speech
// bubble carrying a blue check mark. Pure geometry + supersampling, so every run is byte-identical.
// Run: npx tsx src/build/icons.ts [outDir]
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { encodePng } from "./png";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgb = readonly [number, number, number];
const FLUENT_BLUE: Rgb = [0x0f, 0x6c, 0xbd];
const WHITE: Rgb = [0xff, 0xff, 0xff];

// Samples per pixel edge; 8×8 gives smooth edges even at 16 px.
const SUPERSAMPLE = 8;

function insideRoundedRect(
  x: number,
  y: number,
  left: number,
  top: number,
  right: number,
  bottom: number,
  radius: number,
): boolean {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function insideTriangle(x: number, y: number, a: Point, b: Point, c: Point): boolean {
  const side = (p: Point, q: Point): number => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const d1 = side(a, b);
  const d2 = side(b, c);
  const d3 = side(c, a);
  const hasNeg = d1 < 0 || d2 < 0 || d3 < 0;
  const hasPos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(hasNeg && hasPos);
}

type Point = readonly [number, number];

function distanceToSegment(x: number, y: number, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
}

const CHECK: readonly Point[] = [
  [0.355, 0.445],
  [0.455, 0.545],
  [0.645, 0.355],
];

/** Colour of the logo at a point in unit coordinates, or null where it is transparent. */
function colourAt(x: number, y: number): Rgb | null {
  if (!insideRoundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.2)) return null;
  const inBubble =
    insideRoundedRect(x, y, 0.18, 0.2, 0.82, 0.68, 0.13) ||
    insideTriangle(x, y, [0.27, 0.6], [0.47, 0.66], [0.25, 0.84]);
  if (!inBubble) return FLUENT_BLUE;
  const [p0, p1, p2] = CHECK as [Point, Point, Point];
  const onCheck = Math.min(distanceToSegment(x, y, p0, p1), distanceToSegment(x, y, p1, p2)) <= 0.05;
  return onCheck ? FLUENT_BLUE : WHITE;
}

export function drawIcon(size: number): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const colour = colourAt(
            (px + (sx + 0.5) / SUPERSAMPLE) / size,
            (py + (sy + 0.5) / SUPERSAMPLE) / size,
          );
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const i = (py * size + px) * 4;
      if (covered > 0) {
        // Colours are averaged over covered samples only (straight alpha), so edges don't darken.
        rgba[i] = Math.round(r / covered);
        rgba[i + 1] = Math.round(g / covered);
        rgba[i + 2] = Math.round(b / covered);
        rgba[i + 3] = Math.round((covered / samples) * 255);
      }
    }
  }
  return rgba;
}

export function writeIcons(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    return file;
  });
}

if (require.main === module) {
  const outDir = resolve(process.argv[2] ?? join(__dirname, "../../assets"));
  for (const file of writeIcons(outDir)) process.stdout.write(`wrote ${file}\n`);
}
