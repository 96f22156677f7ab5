// The compose pane's status row: one status per area, from the analysis of the draft.
import type { Area, AreaLevel, Language, Strings } from "../../i18n";
import { AREAS } from "../../i18n";
import type { DraftAnalysis } from "../../policy/analyze";
import type { Finding } from "../../policy/findings";
// From small policy modules, not policy/analyze or the rule modules: this runs on the page, where
// the engine, the lexicon and the phone library are not loaded (they run in the analysis worker).
import { lixBandLabel, MIN_WORDS_FOR_LIX } from "../../policy/language/lix-bands";
import { listOf } from "../../policy/signature/field-names";

export interface AreaStatus {
  readonly area: Area;
  readonly level: AreaLevel;
  /** A short description: "LIX 42 – Medelsvår", "2 krångliga ord", … */
  readonly summary: string;
}

/** Which area a finding belongs to, by its rule id. */
export function areaOf(rule: string): Area {
  if (rule.startsWith("signature.")) return "signature";
  if (rule === "jargon") return "language";
  if (rule === "readability") return "readability";
  if (rule.startsWith("sensitive.")) return "sensitive";
  return "tone";
}

/** error > warning > ok; info findings do not lower an area's status. */
export function levelOf(findings: readonly Finding[]): AreaLevel {
  if (findings.some((f) => f.severity === "error")) return "error";
  if (findings.some((f) => f.severity === "warning")) return "warning";
  return "ok";
}

/**
 * A LIX value (one decimal at most, never in the thousands) with the language's decimal mark:
 * "42,5" / "42.5". Not Intl.NumberFormat: the first one in a new pane costs ~30 ms on the main
 * thread (the locale data loads), in the middle of the pane's first render.
 */
export function formatLix(value: number, language: Language): string {
  const text = String(Math.round(value * 10) / 10);
  return language === "sv" ? text.replace(".", ",") : text;
}

export function areaStatuses(analysis: DraftAnalysis, strings: Strings, language: Language): AreaStatus[] {
  const byArea = new Map<Area, Finding[]>(AREAS.map((area) => [area, []]));
  for (const finding of analysis.findings) byArea.get(areaOf(finding.rule))?.push(finding);
  const s = strings.compose.status;
  return AREAS.map((area): AreaStatus => {
    const findings = byArea.get(area) ?? [];
    const level = levelOf(findings);
    switch (area) {
      case "signature": {
        const { present, missing } = analysis.signature;
        const summary = !present
          ? s.signatureMissing
          : missing.length > 0
            ? s.signatureLacks(listOf(missing, language))
            : s.signatureOk;
        return { area, level, summary };
      }
      case "language":
        return { area, level, summary: s.jargon(findings.length) };
      case "readability": {
        const { readability } = analysis;
        const summary =
          readability.words < MIN_WORDS_FOR_LIX
            ? s.lixTooShort
            : s.lix(formatLix(analysis.lix, language), lixBandLabel(readability.band)[language]);
        return { area, level, summary };
      }
      case "tone":
        return { area, level, summary: findings.length === 0 ? s.toneOk : s.tone(findings.length) };
      case "sensitive":
        return {
          area,
          level,
          summary: findings.length === 0 ? s.sensitiveOk : s.sensitive(findings.length),
        };
    }
  });
}
