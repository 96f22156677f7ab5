import { defaultConfig } from "../../../src/policy/config";
import type { Finding } from "../../../src/policy/findings";
import type { ToneInput } from "../../../src/policy/rules/tone";
import {
  caseNoTimeline,
  followUpOffer,
  followUpSentence,
  objectionFirst,
  openingSentence,
  refusalUnexplained,
} from "../../../src/policy/rules/tone";

// Monday 30 November 2026, 10:00 in Stockholm: two working days later is Wednesday 2 December.
const now = new Date("2026-11-30T10:00:00+01:00");

function input(text: string, kind: ToneInput["kind"] = "reply"): ToneInput {
  return { text, authored: { start: 0, end: text.length }, kind, now, config: defaultConfig };
}

const brief = (findings: Finding[]) =>
  findings.map((f) => ({ rule: f.rule, text: f.text, policy: f.policy }));

describe("tone.objection-first (P8)", () => {
  it.each([
    ["Hej Anna!\nTyvärr kan vi inte hjälpa dig med det.", "Tyvärr"],
    ["Som vi redan meddelat gäller reglerna sedan januari.", "Som vi redan meddelat"],
    ["Hej,\n\nObservera att ansökan ska vara komplett.", "Observera att"],
    ["Nej, det går inte.", "Nej"],
    ["Dear Ms Berg,\nUnfortunately the office is closed.", "Unfortunately"],
  ])("flags a reply that opens %j", (text, expected) => {
    const findings = objectionFirst(input(text));
    expect(brief(findings)).toEqual([{ rule: "tone.objection-first", text: expected, policy: "P8" }]);
    expect(text.slice(findings[0]!.start, findings[0]!.end)).toBe(expected);
  });

  it.each([
    "Hej Anna!\nTack för din fråga. Tyvärr kan vi inte hjälpa dig med det.",
    "Hej,\nJag förstår att du vill veta mer om avgiften.",
    "Hejsan!\nNejlikorna levereras i morgon.", // "Nej" inside a word
    "",
  ])("accepts %j", (text) => {
    expect(objectionFirst(input(text))).toEqual([]);
  });

  it("only judges replies", () => {
    expect(objectionFirst(input("Tyvärr är kontoret stängt i dag.", "new"))).toEqual([]);
  });

  it("finds the opening sentence after a greeting", () => {
    const text = "Hej Anna!\n\nTack för ditt mejl. Mer text.";
    const span = openingSentence(text, { start: 0, end: text.length });
    expect(text.slice(span!.start, span!.end)).toBe("Tack för ditt mejl.");
  });
});

describe("refusal.unexplained (P12)", () => {
  it("flags a bare refusal and asks for both meaning and next step", () => {
    const findings = refusalUnexplained(input("Hej!\nDin ansökan om bidrag har fått avslag.\nMvh Anna"));
    expect(brief(findings)).toEqual([{ rule: "refusal.unexplained", text: "avslag", policy: "P12" }]);
    expect(findings[0]!.message.sv).toContain("vad beskedet innebär");
    expect(findings[0]!.message.sv).toContain("vad hen kan göra nu");
    expect(findings[0]!.suggestions).toEqual([
      "Det innebär att …",
      "Om du har frågor kan du kontakta expeditionen på expeditionen@nvk.se.",
    ]);
  });

  it("asks only for what is missing", () => {
    const meaningOnly = refusalUnexplained(
      input("Ansökan beviljas inte. Det innebär att avgiften står kvar."),
    );
    expect(meaningOnly[0]!.message.en).toBe(
      "A refusal. Tell the recipient what they can do now, for example how to appeal or whom to contact.",
    );
    const nextOnly = refusalUnexplained(input("Vi kan tyvärr inte bevilja ledigheten. Kontakta din chef."));
    expect(nextOnly[0]!.message.en).toBe("A refusal. Explain what the decision means for the recipient.");
  });

  it.each([
    "Ansökan har fått avslag. Det innebär att du inte får bidraget i år. Du kan överklaga beslutet inom tre veckor.",
    "Nej tack, vi behöver inga fler broschyrer.",
    "Vi har beviljat din ansökan.",
    "Hejsan, nejlikor är fina.",
  ])("accepts %j", (text) => {
    expect(refusalUnexplained(input(text))).toEqual([]);
  });

  it("treats a sentence-initial Nej as a refusal", () => {
    expect(brief(refusalUnexplained(input("Tack för frågan. Nej, det är inte möjligt.")))).toEqual([
      { rule: "refusal.unexplained", text: "Nej", policy: "P12" },
    ]);
  });
});

describe("case.no-timeline (P11)", () => {
  it("flags a reply about a case with no next step or date", () => {
    const findings = caseNoTimeline(input("Hej!\nVi har tagit emot ditt ärende.\nMvh Anna"));
    expect(brief(findings)).toEqual([{ rule: "case.no-timeline", text: "ditt ärende", policy: "P11" }]);
    expect(findings[0]!.suggestions).toEqual(["Vi återkommer med besked senast onsdag 2 december."]);
  });

  it.each([
    "Vi har tagit emot ditt ärende och du får besked inom tre veckor.",
    "Ditt ärende behandlas nu av en handläggare.",
    "Din ansökan tas upp på mötet den 14 december.",
    "Vi har tagit emot din ansökan. Beslut fattas vecka 51.",
    "Tack för ditt mejl om parkeringen.",
  ])("accepts %j", (text) => {
    expect(caseNoTimeline(input(text))).toEqual([]);
  });
});

describe("followup.no-date (P9)", () => {
  it("offers a dated promise when the author is unsure", () => {
    const findings = followUpOffer(
      input("Jag är osäker på vad som gäller, så jag behöver kolla med ekonomi."),
    );
    expect(brief(findings)).toEqual([{ rule: "followup.no-date", text: "Jag är osäker", policy: "P9" }]);
    expect(findings[0]!.suggestions).toEqual(["Jag återkommer senast onsdag 2 december."]);
  });

  it("offers a date for an undated promise", () => {
    expect(brief(followUpOffer(input("Jag återkommer så snart jag kan.")))).toEqual([
      { rule: "followup.no-date", text: "återkommer så snart", policy: "P9" },
    ]);
  });

  it.each([
    "Jag återkommer senast fredag 4 december.",
    "Jag återkommer i morgon.",
    "Jag återkommer inom två dagar.",
    "Här är svaret på din fråga.",
  ])("accepts %j", (text) => {
    expect(followUpOffer(input(text))).toEqual([]);
  });

  it("counts the promised date in Swedish working days", () => {
    // Wednesday 23 December: julafton to the weekend are off, so two working days is Tuesday 29.
    expect(followUpSentence({ now: new Date("2026-12-23T10:00:00+01:00"), config: defaultConfig })).toBe(
      "Jag återkommer senast tisdag 29 december.",
    );
  });
});
