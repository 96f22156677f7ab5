import { createRng } from "../../../src/bench/prng";
import { isWordCharAt, letterCountIn, WordStream } from "../../../src/policy/text/tokens";

// WordStream scans Latin-1 by table and hashes words while it scans them; this reference is the
// straightforward scanner it replaced (one class test per character, a second pass to hash), and
// both must agree on every word boundary and hash.

function referenceWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i) ?? c;
    return cp > 0xffff && isWordCharAt(text, i) ? 2 : 0;
  }
  return isWordCharAt(text, i) ? 1 : 0;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isJoiner = (c: number): boolean =>
  c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x27 || c === 0x2019;

function referenceEnd(text: string, i: number, n: number): number {
  for (;;) {
    const w = i < n ? referenceWidth(text, i) : 0;
    if (w > 0) {
      i += w;
      continue;
    }
    if (i + 1 >= n) return i;
    const c = text.charCodeAt(i);
    if (isJoiner(c)) {
      const next = referenceWidth(text, i + 1);
      if (next > 0) {
        i += 1 + next;
        continue;
      }
    } else if ((c === 0x2e || c === 0x2c || c === 0x3a) && isDigit(text.charCodeAt(i - 1))) {
      if (isDigit(text.charCodeAt(i + 1))) {
        i += 2;
        continue;
      }
    }
    return i;
  }
}

const lowerLatin1 = (c: number): number =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) ? c + 0x20 : c;

function referenceHash(text: string, start: number, end: number): number | undefined {
  let hash = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x100) return undefined;
    hash = (Math.imul(hash, 31) + lowerLatin1(c)) | 0;
  }
  return hash & 0x3fffffff;
}

function referenceWords(text: string, from: number, to: number): [number, number, number | undefined][] {
  const words: [number, number, number | undefined][] = [];
  for (let i = from; i < to;) {
    const w = referenceWidth(text, i);
    if (w === 0) {
      i++;
      continue;
    }
    const end = referenceEnd(text, i + w, to);
    words.push([i, end, referenceHash(text, i, end)]);
    i = end;
  }
  return words;
}

function streamWords(stream: WordStream): [number, number, number | undefined][] {
  const words: [number, number, number | undefined][] = [];
  for (let i = 0; i < stream.count; i++) words.push([stream.start(i), stream.end(i), stream.hashAt(i)]);
  return words;
}

// Word characters of every kind the scanner distinguishes, joiners, digit separators, spaces,
// Latin-1 non-letters (× ÷ «), combining marks, other scripts, and surrogates paired and alone.
const PIECES = [
  ..."aZkåÄöÉéßÿªµº09-'.,: \n\t×÷«\u00a0_@#/",
  "\u2010",
  "\u2011",
  "\u2019",
  "\u0301",
  "\u0100",
  "Ω",
  "ж",
  "中",
  "\u{1F600}",
  "\u{1D400}",
  "\ud800",
  "\udc00",
  "e-post",
  "10.30",
  "3,5",
  "t.ex.",
  "Anna's",
];

describe("WordStream against the reference scanner", () => {
  it("finds the same words and hashes in random text and ranges", () => {
    const rng = createRng(20261128);
    for (let round = 0; round < 3000; round++) {
      let text = "";
      const length = rng.int(0, 40);
      for (let k = 0; k < length; k++) text += PIECES[rng.int(0, PIECES.length - 1)];
      const from = rng.int(0, text.length);
      const to = rng.int(from, text.length);
      const expected = referenceWords(text, from, to);
      expect([text, from, to, streamWords(new WordStream(text, from, to))]).toEqual([
        text,
        from,
        to,
        expected,
      ]);
      expect(streamWords(new WordStream(text))).toEqual(referenceWords(text, 0, text.length));
    }
  });

  it("gives the same words when it takes over an earlier stream's arrays", () => {
    const rng = createRng(7);
    let previous: WordStream | undefined;
    for (let round = 0; round < 500; round++) {
      let text = "";
      const length = rng.int(0, 60);
      for (let k = 0; k < length; k++) text += PIECES[rng.int(0, PIECES.length - 1)];
      const stream = new WordStream(text, 0, text.length, previous);
      expect(streamWords(stream)).toEqual(referenceWords(text, 0, text.length));
      previous = stream;
    }
  });

  it("never counts more letters than a word has code units (short words are never long)", () => {
    const rng = createRng(11);
    for (let round = 0; round < 500; round++) {
      let text = "";
      for (let k = rng.int(0, 30); k > 0; k--) text += PIECES[rng.int(0, PIECES.length - 1)];
      const stream = new WordStream(text);
      for (let i = 0; i < stream.count; i++) {
        expect(letterCountIn(text, stream.start(i), stream.end(i))).toBeLessThanOrEqual(
          stream.end(i) - stream.start(i),
        );
      }
    }
  });
});
