/** Types of the plain-language lexicon (P14: no jargon, "fackuttryck"). See docs/lexicon.md. */

/**
 * What kind of problem an entry is, so a rule can word its message and pick a severity:
 * - `replace`: a plainer word does the same job (erhålla → få);
 * - `rephrase`: no one-word swap; the advice says how to rewrite;
 * - `explain`: a technical or legal term that may be needed but must be explained to the reader;
 * - `phrase`: a stiff multi-word expression with a plainer one (i syfte att → för att);
 * - `nominalization`: a noun-heavy verb phrase where the verb says it better (göra en bedömning → bedöma);
 * - `preposition`: a long preposition where a short one fits (angående → om);
 * - `archaic`: an old-fashioned word or form (ej, icke, härmed, skall);
 * - `tone`: stiff or distancing politeness (vänligen);
 * - `fashion`: a buzzword or euphemism (kärnverksamhet, personalomställning);
 * - `custom`: added by the organisation's configuration.
 */
export type LexiconKind =
  | "replace"
  | "rephrase"
  | "explain"
  | "phrase"
  | "nominalization"
  | "preposition"
  | "archaic"
  | "tone"
  | "fashion"
  | "custom";

/** Advice to the writer; Swedish always, English when written. */
export interface LexiconAdvice {
  readonly sv: string;
  readonly en?: string;
}

export interface LexiconEntry {
  /** Stable id: lower-case ASCII letters, digits and dashes. */
  readonly id: string;
  /** The base form, as a dictionary would list it. */
  readonly term: string;
  readonly kind: LexiconKind;
  /**
   * Every form that counts as a hit, written out explicitly, lower case: inflections of a verb,
   * noun or adjective, or the words of a phrase separated by single spaces. Phrases match across
   * any whitespace with at most one line break.
   */
  readonly forms: readonly string[];
  /** Plainer base-form alternatives, best first; empty when only advice fits. */
  readonly alternatives: readonly string[];
  /** Alternatives that fit one inflected form (erhöll → fick); other forms use `alternatives`. */
  readonly formAlternatives?: Readonly<Record<string, readonly string[]>>;
  readonly advice?: LexiconAdvice;
  /**
   * Phrases in which a form is fine ("eller ej", "i detta avseende"): matched like forms, but a
   * match produces no hit. They win over a form when they are longer, or start earlier.
   */
  readonly except?: readonly string[];
  /** Key into LEXICON_SOURCES. */
  readonly source: string;
  /** Why an entry is shaped as it is (e.g. which everyday forms are left out on purpose). */
  readonly note?: string;
}

/** One source in the sources table. */
export interface LexiconSource {
  readonly title: string;
  readonly url?: string;
  /** Licence or copyright note when one applies. */
  readonly licence?: string;
}
