import { parsePolicyConfig } from "../../../src/policy/config";
import type { JargonHit } from "../../../src/policy/language";
import { LEXICON_SV, compileLexicon, findJargon, matchCase } from "../../../src/policy/language";
import { wordHash } from "../../../src/policy/text/tokens";

const lexicon = compileLexicon(LEXICON_SV);
const hits = (text: string, lex = lexicon): string[] => findJargon(text, lex).map((h) => h.text);
const only = (text: string, lex = lexicon): JargonHit => {
  const found = findJargon(text, lex);
  expect(found).toHaveLength(1);
  return found[0] as JargonHit;
};

describe("findJargon: whole words, case-insensitive", () => {
  it("finds ej, also capitalised at the start of a sentence, but never inside a word", () => {
    expect(hits("Hejsan! Det är ej klart. Ej heller i morgon. EJ!")).toEqual(["ej", "Ej", "EJ"]);
    expect(hits("hejsan, rejäl, grejen, ejder")).toEqual([]);
  });

  it("uses Unicode word boundaries: å, ä and ö are letters", () => {
    expect(hits("åej ejå äej öej ejö")).toEqual([]);
    expect(hits("(ej) ”ej” ej, ej. ej—ej")).toEqual(["ej", "ej", "ej", "ej", "ej", "ej"]);
    expect(only("Därvidlag gick det bra.").entry.id).toBe("darvidlag");
    expect(only("Därvid gick det bra.").entry.id).toBe("darvid");
  });

  it("leaves hyphenated compounds alone (icke-rökare), but finds the free word", () => {
    expect(hits("Vi söker icke-rökare och ej-svar räknas inte.")).toEqual([]);
    expect(hits("Det är icke tillåtet.")).toEqual(["icke"]);
  });

  it("finds a decomposed å (NFD text)", () => {
    expect(only("Du ska erha\u030Alla svar.").entry.id).toBe("erhalla");
  });

  it("reports offsets into the original text", () => {
    const text = "Tack! Vi har erhållit ditt brev.";
    const hit = only(text);
    expect(text.slice(hit.start, hit.end)).toBe("erhållit");
    expect(hit).toMatchObject({ start: 13, end: 21, text: "erhållit", form: "erhållit" });
  });
});

describe("findJargon: inflected forms and fitting alternatives", () => {
  it.each([
    ["Du erhåller beslutet i morgon.", "erhåller", ["får"]],
    ["Vi erhöll din ansökan.", "erhöll", ["fick"]],
    ["Har du erhållit pengarna?", "erhållit", ["fått"]],
    ["Det erhållna beloppet", "erhållna", ["få"]],
    ["Vi tillhandahöll blanketter.", "tillhandahöll", ["gav", "erbjöd"]],
    ["Ansökan inkom i tid.", "inkom", ["kom in"]],
    ["Mötet ägde rum i går.", "ägde rum", ["hölls", "var"]],
    ["Handlingen ska tillställas nämnden.", "tillställas", ["skickas"]],
    ["Beslutet måste verkställas.", "verkställas", ["genomföras", "utföras"]],
  ])("%s", (text, form, suggestions) => {
    const found = findJargon(text, lexicon);
    expect(found).toHaveLength(1);
    expect(found[0]?.form).toBe(form);
    expect(found[0]?.suggestions).toEqual(suggestions);
  });

  it("keeps the capitalisation of the original in suggestions", () => {
    expect(only("Erhöll du svaret?").suggestions).toEqual(["Fick"]);
    expect(only("ERHÅLLA").suggestions).toEqual(["FÅ"]);
    expect(only("I enlighet med beslutet").suggestions).toEqual(["Enligt"]);
  });

  it("offers advice, not a replacement, where no word fits", () => {
    const hit = only("Vänligen återkom.");
    expect(hit.suggestions).toEqual([]);
    expect(hit.entry.advice?.sv).toMatch(/gärna/);
  });
});

describe("findJargon: phrases", () => {
  it("matches a phrase across spaces and one line break", () => {
    expect(hits("Vi beslutar i enlighet\nmed reglerna.")).toEqual(["i enlighet\nmed"]);
    expect(hits("Vi beslutar i  enlighet \r\n med reglerna.")).toEqual(["i  enlighet \r\n med"]);
  });

  it("does not match across a blank line or punctuation", () => {
    expect(hits("Vi beslutar i enlighet\n\nmed reglerna.")).toEqual([]);
    expect(hits("i enlighet, med")).toEqual([]);
  });

  it("prefers the longest match", () => {
    expect(only("Du kan inkomma med underlag.").entry.id).toBe("inkomma-med");
    expect(only("Underlaget har inkommit.").entry.id).toBe("inkomma");
    expect(only("Med anledning av att du frågat").entry.id).toBe("med-anledning-av-att");
    expect(only("Med anledning av ditt mejl").entry.id).toBe("med-anledning-av");
  });

  it("leaves the exceptions alone: '… eller ej', 'i detta avseende'", () => {
    expect(hits("Meddela om du kommer eller ej.")).toEqual([]);
    expect(hits("I detta avseende har du rätt.")).toEqual([]);
    expect(hits("Beslut avseende bidrag")).toEqual(["avseende"]);
    expect(hits("Tack, det var en rörande berättelse.")).toEqual([]);
    expect(hits("Frågor rörande ersättningen")).toEqual(["rörande"]);
  });

  it("finds several hits in one pass, in text order", () => {
    const text = "Härmed meddelas att ni torde erhålla beslutet, ävensom en kopia.";
    expect(hits(text)).toEqual(["Härmed", "torde", "erhålla", "ävensom"]);
  });
});

describe("findJargon: no false positives on everyday words", () => {
  it("leaves an ordinary reply alone", () => {
    const text = [
      "Hej Anna,",
      "",
      "Tack för ditt mejl om ärendet. Jag bifogar beslutet och en blankett. Företaget du nämner är",
      "inte registrerat hos oss, men jag handlade din fråga direkt. Mötet är inställt på grund av att",
      "handläggaren är sjuk; vi har fått ditt svar och hör av oss. Gällande regler finns på nvk.se.",
      "Tack detsamma! Detsamma gäller för inkommande samtal och uttag. En erfaren kollega hjälper dig.",
      "Jag har ett jämlikt förhållningssätt, och beslutet innehåller inga hinder.",
      "",
      "Med vänliga hälsningar",
      "Karin Berg, handläggare",
    ].join("\n");
    expect(hits(text)).toEqual([]);
  });
});

describe("findJargon: ranges", () => {
  it("only reports hits wholly inside the given ranges", () => {
    const text = "Ej här. Ej där. Torde i enlighet med";
    const second = text.indexOf("Ej där");
    expect(findJargon(text, lexicon, [{ start: second, end: second + 6 }]).map((h) => h.start)).toEqual([
      second,
    ]);
    // A phrase cut by the end of a range does not count; ranges may come unsorted and overlapping.
    const phrase = text.indexOf("i enlighet");
    expect(findJargon(text, lexicon, [{ start: phrase, end: phrase + 10 }]).map((h) => h.text)).toEqual([]);
    expect(
      findJargon(text, lexicon, [
        { start: phrase, end: text.length },
        { start: 0, end: 2 },
        { start: 1, end: 3 },
      ]).map((h) => h.text),
    ).toEqual(["Ej", "i enlighet med"]);
    expect(findJargon(text, lexicon, [])).toEqual([]);
  });
});

describe("compileLexicon: the configuration's add and remove", () => {
  it("removes a whole entry by term or id, or a single form", () => {
    const lex = compileLexicon(LEXICON_SV, { remove: ["EJ", "i-enlighet-med", "erhöll"] });
    expect(hits("ej i enlighet med", lex)).toEqual([]);
    expect(hits("Vi erhöll och erhåller.", lex)).toEqual(["erhåller"]);
    expect(lex.entries.find((e) => e.id === "ej")).toBeUndefined();
  });

  it("adds entries that win over a built-in's same form", () => {
    const lex = compileLexicon(LEXICON_SV, {
      add: [
        { term: "tillhandahålla", alternatives: ["ge"] },
        { term: "enligt ovan", alternatives: ["som jag skrev"], advice: "Upprepa det viktiga i stället." },
        { term: "kundnr", forms: ["kundnumret"], alternatives: ["kundnummer"] },
      ],
    });
    const added = only("Vi vill tillhandahålla stöd.", lex);
    expect(added.entry).toMatchObject({ kind: "custom", source: "CONFIG", term: "tillhandahålla" });
    expect(added.suggestions).toEqual(["ge"]);
    // Forms the addition does not list keep their built-in entry.
    expect(only("Vi tillhandahåller stöd.", lex).entry.id).toBe("tillhandahalla");
    const phrase = only("Enligt\novan gäller detta.", lex);
    expect(phrase.suggestions).toEqual(["Som jag skrev"]);
    expect(phrase.entry.advice).toEqual({ sv: "Upprepa det viktiga i stället." });
    expect(hits("Ange kundnr eller kundnumret.", lex)).toEqual(["kundnr", "kundnumret"]);
  });

  it("takes the validated policy configuration's lexicon block as it is", () => {
    const config = parsePolicyConfig({
      lexicon: { add: [{ term: "tillhandahålla", alternatives: ["ge"] }], remove: ["ej"] },
    });
    const lex = compileLexicon(LEXICON_SV, config.lexicon);
    expect(hits("Ej tillhandahålla", lex)).toEqual(["tillhandahålla"]);
  });

  it("reports forms that can never match", () => {
    const lex = compileLexicon([], { add: [{ term: "t.ex." }, { term: "ok-ord" }] });
    expect(lex.unmatchableForms).toEqual(["t.ex."]);
    expect(hits("ett ok-ord", lex)).toEqual(["ok-ord"]);
  });
});

describe("matchCase", () => {
  it.each([
    ["erhålla", "få", "få"],
    ["Erhålla", "få", "Få"],
    ["ERHÅLLA", "få", "FÅ"],
    ["Ej", "inte", "Inte"],
    ["EJ", "inte", "INTE"],
    ["I enlighet med", "enligt", "Enligt"],
    ["I ENLIGHET MED", "enligt", "ENLIGT"],
    ["Överklaga", "ändra", "Ändra"],
    ["erhålla", "Beslutet får …", "Beslutet får …"],
    ["Ej", "(inte)", "(Inte)"],
    ["3", "tre", "tre"],
  ])("%s + %s → %s", (original, replacement, expected) => {
    expect(matchCase(original, replacement)).toBe(expected);
  });

  it("treats every Latin-1 character as String's case mapping does", () => {
    for (let code = 0; code < 0x100; code++) {
      const ch = String.fromCharCode(code);
      const cased = ch.toUpperCase() !== ch.toLowerCase();
      const expected = cased && ch === ch.toUpperCase() ? "Få" : "få";
      expect([code, matchCase(ch, "få")]).toEqual([code, expected]);
    }
  });
});

describe("hashed word lookup", () => {
  /** Two different lower-case words with the same wordHash, found by search (deterministic). */
  function collidingPair(): [string, string] {
    const letters = "abcdefghijklmnopqrstuvwxyzåäö0123456789";
    const seen = new Map<number, string>();
    for (const a of letters)
      for (const b of letters)
        for (const c of letters) {
          const word = `q${a}${b}${c}`;
          const hash = wordHash(word);
          const other = seen.get(hash);
          if (other !== undefined) return [other, word];
          seen.set(hash, word);
        }
    throw new Error("no collision found");
  }

  it("finds both words when two first words share a hash, and not a third with the same hash", () => {
    const [one, two] = collidingPair();
    expect(one).not.toBe(two);
    expect(wordHash(one)).toBe(wordHash(two));
    const lex = compileLexicon([], { add: [{ term: one }, { term: `${two} med` }] });
    expect(hits(`Ett ${one} och ett ${two} med mera, ${two.toUpperCase()} MED.`, lex)).toEqual([
      one,
      `${two} med`,
      `${two.toUpperCase()} MED`,
    ]);
    expect(hits(`Bara ${two} utan fortsättning.`, lex)).toEqual([]);
  });

  it("finds words in a text that needs folding (no hashing there)", () => {
    // A decomposed "å" (a + U+030A) makes the whole text take the sliced-word path.
    expect(hits("Vi erha\u030Aller pengar och erhöll dem.")).toEqual(["erha\u030Aller", "erhöll"]);
  });
});
