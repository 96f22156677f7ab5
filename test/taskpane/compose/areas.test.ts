// The compose pane's status row: one line per area, summarised from a real analysis.
import { getStrings } from "../../../src/i18n";
import { analyzeDraft } from "../../../src/policy/analyze";
import type { DraftAnalysis } from "../../../src/policy/analyze";
import { defaultConfig } from "../../../src/policy/config/defaults";
import type { Finding } from "../../../src/policy/findings";
import { lixBandLabel } from "../../../src/policy/language/lix-bands";
import { areaOf, areaStatuses, formatLix, levelOf } from "../../../src/taskpane/compose/areas";

const NOW = new Date("2026-12-02T09:00:00Z");
const SIGNATURE =
  '<div id="Signature"><p>Med vänliga hälsningar<br>Anna Berg<br>Handläggare<br>Medlemsservice, NVK<br>' +
  "08-123 456 78<br>anna.berg@nvk.se</p></div>";

function analyse(html: string): DraftAnalysis {
  return analyzeDraft({ body: html, format: "html", subject: "Ärende" }, { config: defaultConfig, now: NOW });
}

const finding = (rule: string, severity: Finding["severity"]): Finding =>
  ({
    rule,
    severity,
    policy: "P14",
    start: 0,
    end: 1,
    text: "x",
    message: { sv: "", en: "" },
    suggestions: [],
  }) as Finding;

describe("formatLix", () => {
  it("writes one decimal with the language's decimal mark", () => {
    expect(formatLix(42.5, "sv")).toBe("42,5");
    expect(formatLix(42.5, "en")).toBe("42.5");
  });

  it("drops a zero decimal and rounds to one", () => {
    expect(formatLix(42, "sv")).toBe("42");
    expect(formatLix(38.25, "sv")).toBe("38,3");
    expect(formatLix(0, "en")).toBe("0");
  });
});

describe("areaOf and levelOf", () => {
  it("files each rule under its area", () => {
    expect(areaOf("signature.missing")).toBe("signature");
    expect(areaOf("jargon")).toBe("language");
    expect(areaOf("readability")).toBe("readability");
    expect(areaOf("sensitive.personnummer")).toBe("sensitive");
    expect(areaOf("tone.refusal-unexplained")).toBe("tone");
  });

  it("takes the worst severity; info findings leave the area ok", () => {
    expect(levelOf([])).toBe("ok");
    expect(levelOf([finding("jargon", "info")])).toBe("ok");
    expect(levelOf([finding("jargon", "info"), finding("jargon", "warning")])).toBe("warning");
    expect(levelOf([finding("jargon", "warning"), finding("jargon", "error")])).toBe("error");
  });
});

describe("areaStatuses", () => {
  const sv = getStrings("sv");
  const en = getStrings("en");

  it("says a short draft with a complete signature is fine, and too short for LIX", () => {
    const statuses = areaStatuses(analyse(`<p>Hej! Tack för ditt mejl.</p>${SIGNATURE}`), sv, "sv");
    expect(statuses.map((s) => [s.area, s.level, s.summary])).toEqual([
      ["signature", "ok", "Komplett"],
      ["language", "ok", "Inga krångliga ord"],
      ["readability", "ok", "För kort text för LIX"],
      ["tone", "ok", "Inga anmärkningar"],
      ["sensitive", "ok", "Inga personnummer"],
    ]);
  });

  it("counts jargon, shows LIX with its band, and flags a missing signature", () => {
    const analysis = analyse(
      "<p>Vi har erhållit er ansökan och kommer att handlägga ärendet skyndsamt. " +
        "Beslutet kan överklagas inom tre veckor från den dag då ni fick del av beslutet.</p>",
    );
    const jargon = analysis.findings.filter((f) => f.rule === "jargon").length;
    expect(jargon).toBeGreaterThan(0);
    const byArea = new Map(areaStatuses(analysis, sv, "sv").map((s) => [s.area, s]));
    expect(byArea.get("signature")?.summary).toBe("Saknas");
    expect(byArea.get("signature")?.level).toBe("error");
    expect(byArea.get("language")?.summary).toBe(sv.compose.status.jargon(jargon));
    // A value with a decimal, so that the decimal mark is seen.
    expect(analysis.lix % 1).not.toBe(0);
    const label = lixBandLabel(analysis.readability.band);
    expect(byArea.get("readability")?.summary).toBe(
      `LIX ${String(analysis.lix).replace(".", ",")} – ${label.sv}`,
    );
    const english = new Map(areaStatuses(analysis, en, "en").map((s) => [s.area, s.summary]));
    expect(english.get("readability")).toMatch(
      new RegExp(`^LIX ${String(analysis.lix).replace(".", "\\.")} – `),
    );
    expect(english.get("signature")).toBe(en.compose.status.signatureMissing);
  });
});
