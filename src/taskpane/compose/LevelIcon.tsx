// Small status glyphs: a distinct shape per level (tick, exclamation, cross), so the status reads
// without colour too (high contrast, colour blindness). Drawn in currentColor.
import type { AreaLevel } from "../../i18n";

const PATHS: Readonly<Record<AreaLevel, string>> = {
  ok: "M3.5 8.5l3 3 6-7",
  warning: "M8 3.5v6M8 12.2v.3",
  error: "M4.5 4.5l7 7M11.5 4.5l-7 7",
};

export function LevelIcon({ level }: { readonly level: AreaLevel }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[level]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
