/**
 * Fuzz and property tests of analyzeDraft: thousands of generated inputs (seeded, so a failure
 * can be replayed), malformed and deeply nested HTML, 1 MB bodies, emoji and lone surrogates,
 * right-to-left text, control characters and pathological repetition. For every input:
 *
 * - analyzeDraft does not throw;
 * - every finding's span lies in the text and `text.slice(start, end) === finding.text`;
 * - findings are sorted by start, end, then rule;
 * - LIX is finite and ≥ 0;
 * - no single input takes longer than a generous bound.
 *
 * And for pathological generators, 1M characters cost < 30× what 100k cost (linear is ~10×;
 * quadratic would be ~100×). Replay a run with FUZZ_SEED=<seed> (the seed is in the failure).
 */
import { generateEmail } from "../../../src/bench/generate-email";
import type { Rng } from "../../../src/bench/prng";
import { createRng } from "../../../src/bench/prng";
import type { AnalysisContext, DraftAnalysis, DraftInput, RuleGroup } from "../../../src/policy/analyze";
import { ALL_RULE_GROUPS, analyzeDraft } from "../../../src/policy/analyze";
import { defaultConfig } from "../../../src/policy/config";

const BASE_SEED = process.env.FUZZ_SEED === undefined ? 0x5eed2026 : Number(process.env.FUZZ_SEED);
/** No single input may take longer than this (a blow-up takes minutes). */
const MAX_MS = 5000;
/**
 * CPU time of 1M characters over 100k characters: linear is ~10, quadratic ~100, a backtracking
 * blow-up far more. Cache and garbage-collector effects alone reach ~30 on a loaded 2-core machine
 * (seen in CI), so the line sits between that and quadratic; the benchmark tracks the real figure.
 */
const MAX_GROWTH = 60;

const CONTEXT: AnalysisContext = { config: defaultConfig, now: new Date("2026-12-01T10:00:00+01:00") };

// --- properties --------------------------------------------------------------------------------

function fail(message: string): never {
  throw new Error(message);
}

/** Checks the properties every analysis must have; throws with a description of the first breach. */
function checkAnalysis(analysis: DraftAnalysis): void {
  const { text } = analysis.text;
  let previous: DraftAnalysis["findings"][number] | undefined;
  for (const f of analysis.findings) {
    if (!Number.isInteger(f.start) || !Number.isInteger(f.end)) fail(`non-integer span in ${f.rule}`);
    if (!(f.start >= 0 && f.start <= f.end && f.end <= text.length)) {
      fail(`${f.rule} span [${f.start}, ${f.end}) outside text of length ${text.length}`);
    }
    if (text.slice(f.start, f.end) !== f.text) {
      fail(
        `${f.rule} text ${JSON.stringify(f.text)} ≠ text.slice → ${JSON.stringify(text.slice(f.start, f.end))}`,
      );
    }
    if (previous !== undefined) {
      const order = previous.start - f.start || previous.end - f.end || (previous.rule > f.rule ? 1 : 0);
      if (order > 0)
        fail(`findings not sorted: ${previous.rule}@${previous.start} before ${f.rule}@${f.start}`);
    }
    previous = f;
  }
  if (!Number.isFinite(analysis.lix) || analysis.lix < 0) fail(`lix ${analysis.lix}`);
  if (!Number.isFinite(analysis.readability.lix) || analysis.readability.lix < 0) {
    fail(`readability.lix ${analysis.readability.lix}`);
  }
  for (const [name, span] of [
    ["authored", analysis.text.authored],
    ["signature", analysis.text.signature],
    ["quoted", analysis.text.quoted],
  ] as const) {
    if (span && !(span.start >= 0 && span.start <= span.end && span.end <= text.length)) {
      fail(`${name} span [${span.start}, ${span.end}) outside text of length ${text.length}`);
    }
  }
}

interface Case {
  readonly generator: string;
  readonly input: DraftInput;
  readonly rules?: readonly RuleGroup[];
}

/** Runs one case; on any failure, throws with the seed, the generator and the start of the input. */
function runCase(c: Case, seed: number): number {
  const started = performance.now();
  try {
    const analysis = analyzeDraft(c.input, c.rules ? { ...CONTEXT, rules: c.rules } : CONTEXT);
    checkAnalysis(analysis);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw new Error(
      `fuzz case failed — seed ${seed} (replay: FUZZ_SEED=${seed}), generator "${c.generator}", ` +
        `format ${c.input.format}, ${c.input.body.length} chars, input starts ` +
        `${JSON.stringify(c.input.body.slice(0, 400))}\n${message}`,
      { cause: error },
    );
  }
  const elapsed = performance.now() - started;
  if (elapsed > MAX_MS) {
    throw new Error(
      `fuzz case too slow — seed ${seed}, generator "${c.generator}", ${c.input.body.length} chars: ` +
        `${elapsed.toFixed(0)} ms > ${MAX_MS} ms`,
    );
  }
  return elapsed;
}

// --- generators --------------------------------------------------------------------------------

/** Pieces of real Swedish mail (and its English cousins) as Outlook, Gmail and people write them. */
const MAIL_FRAGMENTS = [
  "Hej Anna!\n\n",
  "Hej,\n",
  "Hejsan Per,\n\n",
  "God morgon!\n",
  "Tack för ditt mejl.",
  "Vi har tagit emot din ansökan.",
  "Jag återkommer senast fredag den 4 december.",
  "Jag återkommer.",
  "Jag vet inte riktigt, jag behöver kolla.",
  "Tyvärr kan vi inte bevilja ansökan.",
  "Ansökan avslogs.",
  "Nej, det går inte.",
  "Nej tack.",
  "Det innebär att du kan överklaga beslutet.",
  "Du kan ringa oss på 08-123 456 00.",
  "Ditt ärende har diarienummer NVK 2026/123.",
  "Vi ber dig vänligen inkomma med kompletteringen.",
  "I enlighet med",
  "ej",
  "eller ej",
  "icke desto mindre",
  "beträffande",
  "Beträffande ärendet",
  "i syfte att",
  "Mitt personnummer är 19121212-1212.",
  "121212-1212",
  "20121212+1212",
  "121272-1219",
  "0701234569",
  "Tel 0701234569",
  "Ordernr 8112189876",
  "19850312-1234",
  "070-123 45 67",
  "+46 70 123 45 67",
  "\n\nMed vänliga hälsningar\nPer Lind\nHandläggare, NVK\n08-123 456 78\nper.lind@nvk.se\n",
  "\nMvh\nAnna\n",
  "\n-- \nPer\n",
  "\nVänligen\nKarin Sjöberg\nRegistrator, kansliet\n",
  "\n________________________________\nFrån: Anna Berg <anna@example.se>\nSkickat: den 2 december 2026 16:40\nTill: Per <per@nvk.se>\nÄmne: SV: Bygglov\n\n",
  "\nDen 3 dec. 2026 kl. 10:12 skrev Anna Berg <anna@nvk.se>:\n> Hej!\n>\n> Hur går det?\n",
  "\n-----Ursprungligt meddelande-----\n",
  "\nOn Tue, 1 Dec 2026 at 10:00, Anna <anna@example.se> wrote:\n",
  "> ",
  ">> Hej igen\n",
  "kl. 10.30",
  "2026-12-03",
  "den 24 december",
  "t.ex.",
  "bl.a.",
  "3,5 procent",
  "1.000 kr",
  "Kind regards,\nJohn",
  "Please note that we cannot help.",
];

const HTML_FRAGMENTS = [
  "<p>",
  "</p>",
  '<p class="MsoNormal">',
  "<o:p></o:p>",
  "<br>",
  "<br/>",
  "<div>",
  "</div>",
  "<span style='color:red'>",
  "</span>",
  "<b>",
  "</b>",
  '<blockquote type="cite">',
  "</blockquote>",
  '<div id="divRplyFwdMsg">',
  '<div class="gmail_quote">',
  '<div style="border:none;border-top:solid #E1E1E1 1.0pt">',
  '<a name="_MailAutoSig">',
  '<div id="Signature">',
  "&nbsp;",
  "&amp;",
  "&auml;",
  "&ouml",
  "&#229;",
  "&#x1F600;",
  "&#xD800;",
  "&#0;",
  "&#99999999;",
  "&#x",
  "<!--",
  "-->",
  "<!---->",
  "<style>",
  "</style>",
  "<script>",
  "</script",
  "<pre>",
  "</pre>",
  "<table><tr><td>",
  "</td><td>",
  "<![if !supportLists]>",
  "<![endif]>",
  "<?xml version='1.0'?>",
  "<head>",
  "<title>",
  '<meta charset="utf-8">',
  "<",
  ">",
  "</",
  "<a ",
  '<a href="',
  "=",
  '"',
  "'",
  "&",
];

const EXOTIC = [
  "😀",
  "👩‍👩‍👧",
  "🇸🇪",
  "👍🏽",
  "a\u030a",
  "A\u030a",
  "o\u0308",
  "שלום עולם",
  "עברית",
  "مرحبا بالعالم",
  "السلام عليكم",
  "\u200f",
  "\u200e",
  "\u202e",
  "\u202c",
  "\u0000",
  "\u0007",
  "\u001b",
  "\u007f",
  "\r\n",
  "\r",
  "\t",
  "\u00a0",
  "\u2028",
  "\u2029",
  "\ufeff",
  "\u200b",
  "\ud800",
  "\udc00",
  "\udbff\udfff",
  "İ",
  "ß",
  "ﬃ",
  "ΣΑΣ",
  "Ǆ",
  "\u2010",
  "\u2011",
  "\u2019",
  "–",
  "…",
];

const SEPARATORS = [" ", " ", " ", "", "\n", "\n\n", ". ", ", "];

function pieces(rng: Rng, sources: readonly (readonly string[])[], count: number): string {
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    out.push(rng.pick(rng.pick(sources)), rng.pick(SEPARATORS));
  }
  return out.join("");
}

/** Random UTF-16 code units: lone surrogates, controls, anything. */
function codeUnits(rng: Rng, length: number): string {
  const units: number[] = [];
  for (let k = 0; k < length; k++) {
    const band = rng.int(0, 5);
    units.push(
      band === 0
        ? rng.int(0, 0x1f)
        : band === 1
          ? rng.int(0x20, 0x7e)
          : band === 2
            ? rng.int(0xc0, 0x24f)
            : band === 3
              ? rng.int(0xd800, 0xdfff)
              : band === 4
                ? rng.int(0x590, 0x6ff)
                : rng.int(0, 0xffff),
    );
  }
  let out = "";
  for (let k = 0; k < units.length; k += 8192) out += String.fromCharCode(...units.slice(k, k + 8192));
  return out;
}

/** Units whose repetition is pathological for one part of the pipeline or another. */
const REPEATED = [
  "ej ",
  "ej\n",
  "<",
  "<<<<<",
  "&",
  "&&&&",
  "a",
  "1",
  "-",
  "12-",
  "19121212-1212 ",
  "1212121212",
  "121212-1212\n",
  "070-123 45 67 ",
  "08-123 456 78\n",
  "+46",
  "Från: ",
  "Från: Anna <a@b.se>\n",
  "Skickat: ",
  "Med vänliga hälsningar\n",
  "Mvh\n",
  "Hälsningar ",
  "-- \n",
  "> ",
  ">\n",
  "\n",
  " ",
  ". ",
  "tyvärr ",
  "Nej. ",
  "återkommer ",
  "i enlighet med ",
  "i ",
  "kl. ",
  "t.ex. ",
  "1 000 ",
  "3.5.",
  "a@",
  "😀",
  "\ud800",
  "a\u030a",
  "שלום ",
  "\u0000",
  "<div>",
  "</div>",
  "<a ",
  "<!--",
  "&#x",
  "&nbsp;",
  "<br>",
];

function generate(rng: Rng): Case {
  const format = rng.chance(0.5) ? "html" : "text";
  const recipients = rng.chance(0.5) ? ["anna@example.se", "per@nvk.se"] : ["per@nvk.se"];
  const kind = rng.pick([undefined, undefined, "new", "reply", "forward"] as const);
  const subject = rng.pick([undefined, "SV: Ansökan", "VB: Bygglov", "Fråga", "RE: x"]);
  const base = { format, recipients, subject, ...(kind ? { kind } : {}) } as const;
  // Now and then only some rule groups, which must keep the same guarantees.
  const rules = rng.chance(0.15) ? ALL_RULE_GROUPS.filter(() => rng.chance(0.5)) : undefined;
  const roll = rng.int(0, 19);
  let generator: string;
  let body: string;
  if (roll < 7) {
    generator = "mail fragments";
    const sources = format === "html" ? [MAIL_FRAGMENTS, MAIL_FRAGMENTS, HTML_FRAGMENTS] : [MAIL_FRAGMENTS];
    body = pieces(rng, rng.chance(0.2) ? [...sources, EXOTIC] : sources, rng.int(1, 60));
  } else if (roll < 10) {
    generator = "tag soup";
    body = pieces(rng, [HTML_FRAGMENTS, HTML_FRAGMENTS, MAIL_FRAGMENTS, EXOTIC], rng.int(1, 120));
  } else if (roll < 11) {
    generator = "deep nesting";
    const depth = rng.int(1, 3000);
    const open = rng.pick(["<div>", "<blockquote>", "<span>", "<p>", "<table><tr><td>", "<b><i>", "<pre>"]);
    const close = rng.chance(0.7) ? open.replace(/</g, "</") : "";
    body = `${open.repeat(depth)}${pieces(rng, [MAIL_FRAGMENTS], rng.int(1, 10))}${close.repeat(depth)}`;
  } else if (roll < 14) {
    generator = "exotic characters";
    body = rng.chance(0.5)
      ? pieces(rng, [EXOTIC, EXOTIC, MAIL_FRAGMENTS], rng.int(1, 80))
      : codeUnits(rng, rng.int(0, 3000));
  } else if (roll < 17) {
    generator = "repetition";
    const unit = rng.pick(REPEATED);
    const prefix = rng.chance(0.5) ? pieces(rng, [MAIL_FRAGMENTS], rng.int(0, 5)) : "";
    body = prefix + unit.repeat(rng.int(1, Math.max(1, Math.floor(6_000 / unit.length))));
  } else {
    generator = "mutated email";
    const email = generateEmail({ words: rng.int(20, 800), seed: rng.int(0, 1e9), format });
    body = email.body;
    for (let m = rng.int(1, 6); m > 0; m--) {
      const at = rng.int(0, body.length);
      const cut = rng.chance(0.5) ? rng.int(0, 200) : 0;
      const insert = pieces(rng, [MAIL_FRAGMENTS, HTML_FRAGMENTS, EXOTIC], rng.int(0, 4));
      body = body.slice(0, at) + insert + body.slice(at + cut);
    }
  }
  return { generator, input: { ...base, body }, ...(rules ? { rules } : {}) };
}

// --- timing helpers ----------------------------------------------------------------------------

/** CPU milliseconds (user + system) of one analysis; robust to other processes on the machine. */
function cpuMs(input: DraftInput): number {
  const before = process.cpuUsage();
  analyzeDraft(input, CONTEXT);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function bestOf(runs: number, input: DraftInput): number {
  let best = Infinity;
  for (let k = 0; k < runs; k++) best = Math.min(best, cpuMs(input));
  return best;
}

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

// --- tests -------------------------------------------------------------------------------------

describe("analyzeDraft under fuzzing", () => {
  const CASES = 5_200;

  it(`keeps its guarantees on ${CASES} generated inputs (base seed ${BASE_SEED})`, () => {
    const byGenerator = new Map<string, number>();
    let slowest = { ms: 0, generator: "", seed: 0 };
    for (let i = 0; i < CASES; i++) {
      const seed = (BASE_SEED + i) >>> 0;
      const c = generate(createRng(seed));
      const ms = runCase(c, seed);
      byGenerator.set(c.generator, (byGenerator.get(c.generator) ?? 0) + 1);
      if (ms > slowest.ms) slowest = { ms, generator: c.generator, seed };
    }
    expect([...byGenerator.values()].reduce((a, b) => a + b, 0)).toBe(CASES);
    expect(byGenerator.size).toBe(6);
    expect(slowest.ms).toBeLessThan(MAX_MS);
  }, 60_000);

  it("handles 1 MB bodies", () => {
    const MB = 1 << 20;
    const rng = createRng(BASE_SEED ^ 0x1000);
    const bodies: Case[] = [
      { generator: "1 MB email (html)", input: emailOf(100_000, "html") },
      { generator: "1 MB email (text)", input: emailOf(170_000, "text") },
      {
        generator: "1 MB mail fragments (html)",
        input: {
          format: "html",
          body: pieces(rng, [MAIL_FRAGMENTS, HTML_FRAGMENTS, EXOTIC], 60_000).slice(0, MB),
        },
      },
      { generator: "1 MB code units", input: { format: "text", body: codeUnits(rng, MB) } },
      { generator: "1 MB code units (html)", input: { format: "html", body: codeUnits(rng, MB) } },
      { generator: "a × 1e6", input: { format: "text", body: "a".repeat(1_000_000) } },
      {
        generator: "100k nested divs",
        input: {
          format: "html",
          body: `${"<div>".repeat(100_000)}Hej!<br>Mvh<br>Anna${"</div>".repeat(100_000)}`,
        },
      },
    ];
    bodies.forEach((c, k) => runCase(c, (BASE_SEED ^ 0x1000) + k));
  }, 60_000);

  // Pathological inputs: 1M characters may cost at most MAX_GROWTH × 100k characters.
  const GROWTH: readonly [string, string, DraftInput["format"]][] = [
    ["ej ej ej …", "ej ", "text"],
    ["<<<<<", "<", "html"],
    ["&&&&", "&", "html"],
    ["a × n", "a", "text"],
    ["digits", "1", "text"],
    ["personnummer-like", "19121212-1212 ", "text"],
    ["phone-like", "070-123 45 67 ", "text"],
    ["digits and dashes", "12-", "text"],
    ['"Från: " repeated', "Från: ", "text"],
    ["header lines", "Från: Anna <a@b.se>\nSkickat: i dag\n", "text"],
    ["closing phrases", "Med vänliga hälsningar\n", "text"],
    ["Mvh lines", "Mvh\n", "html"],
    ["quote markers", "> ", "text"],
    ["unclosed tags", "<a ", "html"],
    ["spaced thousands", "1 000 ", "text"],
  ];

  // Found by this fuzzer (seed 0x5eed2026 + 116): a signature block holding one long line of phone
  // numbers. signature/phone.ts numbersInRun used to try every end group for every start group —
  // cubic in the run's length (200 numbers took ~1.5 s, 550 numbers ~30 s); it now stops at the
  // longest digit count a phone number can have. Sizes stay small so a regression fails fast.
  it("grows linearly on a signature block with a long line of phone numbers (4× the size)", () => {
    const body = (n: number): DraftInput => ({
      format: "text",
      body: `Hej!\n\nMvh\nKarin\n${"070-123 45 67 ".repeat(n)}`,
    });
    cpuMs(body(50));
    const small = Math.max(bestOf(5, body(50)), 1);
    const large = bestOf(3, body(200));
    const ratio = large / small;
    if (ratio >= 16) {
      throw new Error(
        `50 phone numbers ${small.toFixed(1)} ms, 200 numbers ${large.toFixed(1)} ms — ratio ${ratio.toFixed(1)} (linear ≈ 4, cubic ≈ 64): ` +
          "signature/phone.ts numbersInRun is super-linear in the length of a run of digit groups",
      );
    }
  }, 60_000);

  it.each(GROWTH)(
    "grows linearly on %s (1M vs 100k chars)",
    (_name, unit, format) => {
      const small: DraftInput = { format, body: repeatTo(unit, 100_000) };
      const large: DraftInput = { format, body: repeatTo(unit, 1_000_000) };
      cpuMs(small); // warm-up
      const t100k = Math.max(bestOf(3, small), 1);
      const t1m = bestOf(2, large);
      expect(t1m).toBeLessThan(MAX_MS);
      const ratio = t1m / t100k;
      if (ratio >= MAX_GROWTH) {
        throw new Error(
          `${JSON.stringify(unit)} × n (${format}): 100k chars ${t100k.toFixed(1)} ms, 1M chars ${t1m.toFixed(1)} ms — ratio ${ratio.toFixed(1)}`,
        );
      }
    },
    30_000,
  );
});

function emailOf(words: number, format: "text" | "html"): DraftInput {
  const email = generateEmail({ words, seed: 99, format });
  return { body: email.body, format, subject: email.subject, recipients: email.recipients };
}
