// The LIX scale: its bands, their labels, and the shortest text worth a LIX value. Apart from the
// scanner (readability.ts), so that the task pane can label a value without bundling it.
import type { Localized } from "../findings";

/** The conventional LIX bands; each band holds values from the previous band's `below` up to its own. */
export const LIX_BANDS = [
  { id: "very-easy", below: 30, label: { sv: "Mycket lättläst", en: "Very easy" } },
  { id: "easy", below: 40, label: { sv: "Lättläst", en: "Easy" } },
  { id: "medium", below: 50, label: { sv: "Medelsvår", en: "Medium" } },
  { id: "difficult", below: 60, label: { sv: "Svår", en: "Difficult" } },
  { id: "very-difficult", below: Infinity, label: { sv: "Mycket svår", en: "Very difficult" } },
] as const satisfies readonly { id: string; below: number; label: Localized }[];

export type LixBand = (typeof LIX_BANDS)[number]["id"];

export const LIX_BAND_IDS: readonly LixBand[] = LIX_BANDS.map((b) => b.id);

/** LIX says little about a two-line note ("Jag återkommer." scores 52): judge longer texts only. */
export const MIN_WORDS_FOR_LIX = 15;

/** The band a LIX value falls in: < 30 very easy, 30–40 easy, 40–50 medium, 50–60 difficult, 60+ very difficult. */
export function lixBand(value: number): LixBand {
  for (const band of LIX_BANDS) if (value < band.below) return band.id;
  return "very-difficult";
}

/** The Swedish or English label of a band. */
export function lixBandLabel(band: LixBand): Localized {
  const found = LIX_BANDS.find((b) => b.id === band);
  return found ? found.label : LIX_BANDS[4].label;
}
