import type { Span } from "../findings";
import type { LowerToken } from "../text/tokens";
import { isSingleLatin1Word, lowerWord, tokenizeLower, wordHash, WordStream } from "../text/tokens";
import type { LexiconEntry } from "./types";

/** An organisation's addition, as `lexicon.add` in the policy configuration holds it. */
export interface LexiconAddition {
  readonly term: string;
  readonly forms?: readonly string[];
  readonly alternatives?: readonly string[];
  readonly advice?: string;
}

/** The configuration's `lexicon` block: entries to add and terms or forms to remove. */
export interface LexiconChanges {
  readonly add?: readonly LexiconAddition[];
  readonly remove?: readonly string[];
}

/** One jargon occurrence in the text. */
export interface JargonHit extends Span {
  /** The text at [start, end), as written (a phrase may span a line break). */
  readonly text: string;
  readonly entry: LexiconEntry;
  /** The lexicon form that matched, lower case (e.g. "erhöll"). */
  readonly form: string;
  /**
   * Replacements that fit the matched form (per-form alternatives when the entry has them, else
   * its base alternatives), with the capitalisation of the original text; may be empty.
   */
  readonly suggestions: readonly string[];
}

interface Terminal {
  readonly entry: LexiconEntry;
  readonly form: string;
  /** An exception phrase: it consumes its tokens but reports nothing. */
  readonly stop: boolean;
  /** The entry's alternatives for this form, looked up once when the lexicon is compiled. */
  readonly alternatives: readonly string[];
}

interface TrieNode {
  /** The word (comparison form) this node is keyed by in its level. */
  readonly word: string;
  next: Map<string, TrieNode> | undefined;
  /** The words of `next` by hash (see {@link WordIndex}); set once the trie is complete. */
  nextIndex: WordIndex | undefined;
  terminal: Terminal | undefined;
}

/**
 * The words of one trie level by {@link wordHash}, so that a word of the text can be ruled out
 * (three words in four, at the first level) or found without slicing it out of the text.
 */
interface WordIndex {
  /**
   * First level only (8 KB; the other levels hold a few words each): one bit per hash value
   * modulo its size, a clear bit meaning no word of this level.
   */
  readonly filter: Uint8Array | undefined;
  /**
   * The node of the word with each hash (no second lookup by string); null when two words share
   * it (then the word is sliced and looked up).
   */
  readonly nodes: ReadonlyMap<number, TrieNode | null>;
}

/** A lexicon compiled into a token trie; build it once with {@link compileLexicon}. */
export interface Lexicon {
  /** The entries in effect (built-ins minus removals, plus additions). */
  readonly entries: readonly LexiconEntry[];
  /** Forms that can never match (they contain punctuation the tokenizer splits on). */
  readonly unmatchableForms: readonly string[];
  /** @internal The token trie. */
  readonly root: ReadonlyMap<string, TrieNode>;
  /** @internal The trie's first words by hash. */
  readonly rootIndex: WordIndex;
}

/**
 * Compiles entries, plus the configuration's additions and minus its removals, into a token trie.
 *
 * `remove` lists terms: a string equal (case-insensitively) to an entry's term or id drops the
 * whole entry; otherwise a string equal to one of its forms drops just that form. Removals apply
 * to the given entries, not to additions. Additions become entries of kind "custom" with source
 * "CONFIG"; their forms default to the term, and they win over a built-in entry's same form.
 */
export function compileLexicon(entries: readonly LexiconEntry[], changes: LexiconChanges = {}): Lexicon {
  const removed = new Set((changes.remove ?? []).map((r) => lowerWord(r.trim())));
  const kept: LexiconEntry[] = [];
  for (const entry of entries) {
    if (removed.has(lowerWord(entry.term)) || removed.has(entry.id)) continue;
    const forms = entry.forms.filter((f) => !removed.has(lowerWord(f)));
    if (forms.length === 0) continue;
    kept.push(forms.length === entry.forms.length ? entry : { ...entry, forms });
  }
  const added = (changes.add ?? []).map(fromAddition);

  const root = new Map<string, TrieNode>();
  const unmatchable: string[] = [];
  const all = [...kept, ...added];
  // Exceptions first, so that a real form on the same path replaces them.
  for (const entry of all) {
    for (const phrase of entry.except ?? []) insert(root, phrase, terminalOf(entry, lowerWord(phrase), true));
  }
  for (const entry of all) {
    for (const form of entry.forms) {
      if (!insert(root, form, terminalOf(entry, lowerWord(form), false))) unmatchable.push(form);
    }
  }
  indexLevels(root);
  return { entries: all, unmatchableForms: unmatchable, root, rootIndex: indexOf(root, true) };
}

function terminalOf(entry: LexiconEntry, form: string, stop: boolean): Terminal {
  return { entry, form, stop, alternatives: entry.formAlternatives?.[form] ?? entry.alternatives };
}

const FILTER_BITS = 1 << 16;

function indexOf(level: ReadonlyMap<string, TrieNode>, withFilter: boolean): WordIndex {
  const filter = withFilter ? new Uint8Array(FILTER_BITS >> 3) : undefined;
  const nodes = new Map<number, TrieNode | null>();
  for (const [word, node] of level) {
    const hash = wordHash(word);
    if (filter !== undefined) {
      const byte = (hash & (FILTER_BITS - 1)) >> 3;
      filter[byte] = (filter[byte] as number) | (1 << (hash & 7));
    }
    nodes.set(hash, nodes.has(hash) ? null : node);
  }
  return { filter, nodes };
}

function indexLevels(level: ReadonlyMap<string, TrieNode>): void {
  for (const node of level.values()) {
    if (node.next === undefined) continue;
    node.nextIndex = indexOf(node.next, false);
    indexLevels(node.next);
  }
}

function fromAddition(add: LexiconAddition, index: number): LexiconEntry {
  const term = add.term.trim();
  const forms = [term, ...(add.forms ?? [])].map((f) => f.trim()).filter((f) => f.length > 0);
  const alternatives = add.alternatives ?? [];
  const entry: LexiconEntry = {
    id: `config-${index + 1}`,
    term,
    kind: "custom",
    forms: [...new Set(forms)],
    alternatives: alternatives.filter((a) => lowerWord(a) !== lowerWord(term)),
    source: "CONFIG",
  };
  return add.advice !== undefined ? { ...entry, advice: { sv: add.advice } } : entry;
}

/** Inserts one form; false when its words cannot be matched as whitespace-separated tokens. */
function insert(root: Map<string, TrieNode>, rawForm: string, terminal: Terminal): boolean {
  const form = rawForm.trim();
  if (isSingleLatin1Word(form)) {
    insertWords(root, [lowerWord(form)], terminal);
    return true;
  }
  const tokens = tokenizeLower(form);
  const last = tokens[tokens.length - 1];
  if (last === undefined || tokens[0]?.start !== 0 || last.end !== form.length) return false;
  for (let k = 1; k < tokens.length; k++) {
    if (!isPhraseGap(form, (tokens[k - 1] as LowerToken).end, (tokens[k] as LowerToken).start)) return false;
  }
  insertWords(
    root,
    tokens.map((token) => token.lower),
    terminal,
  );
  return true;
}

function insertWords(root: Map<string, TrieNode>, words: readonly string[], terminal: Terminal): void {
  let level = root;
  let node: TrieNode | undefined;
  for (const word of words) {
    if (node !== undefined) level = node.next ??= new Map();
    node = level.get(word);
    if (node === undefined) {
      node = { word, next: undefined, nextIndex: undefined, terminal: undefined };
      level.set(word, node);
    }
  }
  (node as TrieNode).terminal = terminal;
}

/**
 * Finds jargon in one left-to-right pass over the tokens: at each token the trie is walked as far
 * as the following tokens allow and the longest match wins (so "inkomma med" beats "inkomma", and
 * the exception "eller ej" swallows its "ej"). Case-insensitive, whole words only; phrases match
 * across spaces and a single line break. With `ranges`, only matches wholly inside one range count.
 */
export function findJargon(text: string, lexicon: Lexicon, ranges?: readonly Span[]): JargonHit[] {
  return findJargonInWords(new WordStream(text), lexicon, ranges);
}

/** {@link findJargon} over words the caller already has (a {@link WordStream} of the text). */
export function findJargonInWords(
  words: WordStream,
  lexicon: Lexicon,
  ranges?: readonly Span[],
): JargonHit[] {
  const text = words.text;
  const hits: JargonHit[] = [];
  const spans = ranges === undefined ? undefined : normalizeRanges(ranges);
  let r = 0; // index of the current range
  const n = words.count;
  let i = 0;
  while (i < n) {
    const firstStart = words.start(i);
    const firstEnd = words.end(i);
    let rangeEnd = Infinity;
    if (spans !== undefined) {
      while (r < spans.length && (spans[r] as Span).end < firstEnd) r++;
      const span = spans[r];
      if (span === undefined) break;
      if (firstStart < span.start) {
        i++;
        continue;
      }
      rangeEnd = span.end;
    }
    let node = lookup(words, i, lexicon.root, lexicon.rootIndex);
    if (node === undefined) {
      i++;
      continue;
    }
    let best: Terminal | undefined = node.terminal;
    let bestEnd = i;
    let j = i;
    while (node.next !== undefined && j + 1 < n) {
      if (words.end(j + 1) > rangeEnd || !isPhraseGap(text, words.end(j), words.start(j + 1))) break;
      const child = lookup(words, j + 1, node.next, node.nextIndex);
      if (child === undefined) break;
      node = child;
      j++;
      if (node.terminal !== undefined) {
        best = node.terminal;
        bestEnd = j;
      }
    }
    if (best === undefined) {
      i++;
      continue;
    }
    if (!best.stop) {
      const end = words.end(bestEnd);
      const matched = text.slice(firstStart, end);
      const alternatives = best.alternatives;
      hits.push({
        start: firstStart,
        end,
        text: matched,
        entry: best.entry,
        form: best.form,
        suggestions: alternatives.map((a) => matchCase(matched, a)),
      });
    }
    i = bestEnd + 1;
  }
  return hits;
}

/** The node for word `i` at one trie level, or undefined. */
function lookup(
  words: WordStream,
  i: number,
  level: ReadonlyMap<string, TrieNode>,
  index: WordIndex | undefined,
): TrieNode | undefined {
  const hash = index === undefined ? undefined : words.hashAt(i);
  if (index === undefined || hash === undefined) return level.get(words.lower(i));
  const filter = index.filter;
  if (filter !== undefined && (((filter[(hash & (FILTER_BITS - 1)) >> 3] as number) >> (hash & 7)) & 1) === 0)
    return undefined;
  const node = index.nodes.get(hash);
  if (node === undefined) return undefined;
  if (node === null) return level.get(words.lower(i));
  return words.lowerEquals(i, node.word) ? node : undefined;
}

/** Whitespace only, with at most one line break (a blank line ends a phrase). */
function isPhraseGap(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  let newlines = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) {
      if (++newlines > 1) return false;
    } else if (!(c === 0x20 || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x202f || c === 0x2009)) {
      return false;
    }
  }
  return true;
}

/** Sorted, non-overlapping, non-empty ranges. */
export function normalizeRanges(ranges: readonly Span[]): Span[] {
  const sorted = ranges.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && s.start <= last.end) {
      if (s.end > last.end) out[out.length - 1] = { start: last.start, end: s.end };
    } else {
      out.push({ start: s.start, end: s.end });
    }
  }
  return out;
}

/**
 * Gives `replacement` the capitalisation of `original`: all capitals ("ERHÅLLA" → "FÅ"), a capital
 * first letter ("Erhålla" → "Få", "I enlighet med" → "Enligt"), or as written ("erhålla" → "få").
 * A single capital letter counts as a capital first letter, not as all capitals.
 */
export function matchCase(original: string, replacement: string): string {
  let upper = 0;
  let lower = 0;
  let firstIsUpper: boolean | undefined;
  for (const ch of original) {
    const isUpper = caseOf(ch);
    if (isUpper === undefined) continue; // not a cased letter
    if (firstIsUpper === undefined) firstIsUpper = isUpper;
    if (isUpper) upper++;
    else lower++;
  }
  if (upper >= 2 && lower === 0) return replacement.toUpperCase();
  if (firstIsUpper === true) return capitalizeFirst(replacement);
  return replacement;
}

/** True for a capital, false for a small letter, undefined for anything uncased. */
function caseOf(ch: string): boolean | undefined {
  const c = ch.charCodeAt(0);
  // Latin-1 without building case-mapped strings (the same answers as toUpperCase/toLowerCase).
  if (ch.length === 1 && c < 0x100) {
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7)) return true;
    if ((c >= 0x61 && c <= 0x7a) || c === 0xb5 || (c >= 0xdf && c !== 0xf7)) return false;
    return undefined;
  }
  const up = ch.toUpperCase();
  const low = ch.toLowerCase();
  if (up === low) return undefined;
  return ch === up;
}

function capitalizeFirst(s: string): string {
  for (let k = 0; k < s.length; k++) {
    const ch = s[k] as string;
    if (ch.toUpperCase() !== ch.toLowerCase()) return s.slice(0, k) + ch.toUpperCase() + s.slice(k + 1);
  }
  return s;
}
