/**
 * Shared pieces of the recognition rules: the rule type, pattern sources and helpers.
 * Every pattern is linear: alternations of fixed words, bounded repetition
 * (`{1,3}`), and no quantifier nested over an overlapping class.
 */
import { MONTHS, NUMBER_WORDS, UNITS } from "./lexicon.js";
import type { Spec, TimexType } from "./spec.js";

/** A recognition rule: a global regex and a builder for its matches. */
export interface TimeRule {
  id: string;
  re: RegExp;
  build: (m: RegExpExecArray, text: string) => { type: TimexType; spec: Spec; start?: number; end?: number } | null;
}

/** Pattern source: a month name (abbreviations may take a period). */
export const MON = "(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?)";
/** Pattern source. */
export const DAY = "(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";
/** Pattern source. */
export const YEAR = "(?:1[6-9]\\d\\d|20\\d\\d)";
/** Pattern source. */
export const WD = "(?:[Ss]unday|[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday)";
/** Pattern source. */
export const POD = "(?:morning|afternoon|evening|night)";
/** Pattern source. */
export const NUMW = Object.keys(NUMBER_WORDS).filter((w) => w !== "hundred").sort((a, b) => b.length - a.length).join("|");
/** Pattern source. */
export const NUM = `(?:(?:\\d{1,2}[ -])?1/2|\\d{0,2}½|\\d{1,3}(?:,\\d{3})?(?:\\.\\d{1,2})?|(?:${NUMW})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)`;
/** Pattern source. */
export const UNIT = "(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|decades?|century|centuries)";
/** Pattern source. */
export const MODS = "(?:(?:about|around|nearly|almost|over|roughly|approximately|some|more than|less than|at least|up to) )?";

/** Rule helper. */
export function monthOf(word: string): number | null {
  const w = word.replace(/\.$/, "").toLowerCase();
  return MONTHS[w] ?? null;
}
/** Rule helper. */
export function dayOf(word: string): number {
  return parseInt(word, 10);
}
/** Rule helper. */
export function durationValue(n: number | null, unitKey: string): string {
  // Decades and centuries in years, as ISO 8601 has no decade unit (P10Y, P100Y).
  if (n !== null && (unitKey === "decade" || unitKey === "century")) return `P${n * (unitKey === "decade" ? 10 : 100)}Y`;
  const u = UNITS[unitKey]!;
  const amount = n === null ? "X" : String(n);
  return u.time ? `PT${amount}${u.letter}` : `P${amount}${u.letter}`;
}
/** "May" the modal verb is not a month unless a preposition or modifier comes before it. */
export function monthWordOk(m: RegExpExecArray, text: string, word: string): boolean {
  if (!/^May\.?$/.test(word)) return true;
  const before = text.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
  return /(?:in|since|of|until|by|early|late|mid|last|next|this|from|to|through)[ -]$/.test(before);
}
/** Rule helper. */
export function tzIsUtc(s: string | undefined): boolean {
  // UTC/GMT with an offset ("GMT +8") is a local time: no Z.
  return !!s && /UTC|GMT|Z/.test(s) && !/\d/.test(s);
}

