import type { ClaimNumber } from "../model/index.js";

/** Words for people counted: "three people", "three persons" and "three individuals" count the same thing. */
const PEOPLE = new Set(["people", "persons", "person", "individuals", "individual"]);

/**
 * What a figure measures, for comparing it across outlets: its currency, its
 * unit, a rate ("40,000 crossings a day" and "14,000 vehicles every day" are
 * both per day), else the first word of what it counts, stemmed. Undefined for
 * a bare figure (nothing to say what it counts).
 */
export function numberKey(n: Pick<ClaimNumber, "unit" | "counts"> & { currency?: string | null }): string | undefined {
  if (n.currency) return `money`;
  if (n.unit) return n.unit;
  const rate = /\b(?:a|an|per|every|each)\s+(day|week|month|year|hour)\b|\b(daily|weekly|monthly|yearly|annually)\b/i.exec(n.counts ?? "");
  if (rate) return `per ${(rate[1] ?? { daily: "day", weekly: "week", monthly: "month", yearly: "year", annually: "year" }[rate[2]!.toLowerCase()])!.toLowerCase()}`;
  // An acronym's plural ("RBIs", "MPs") is the acronym.
  const first = n.counts?.split(/\s+/)[0]?.replace(/^(\p{Lu}{2,})s$/u, "$1").toLowerCase().replace(/[’']s$/, "");
  if (!first || !/^\p{L}/u.test(first)) return undefined;
  return PEOPLE.has(first) ? "people" : singular(first);
}

/**
 * A counted noun's singular, not its stem: "passes" and "passing" count different
 * things ("29 passes", "300 passing yards"); "RBIs" and "RBI" the same.
 */
function singular(word: string): string {
  if (/(?:ss|us|is)$/.test(word) || word.length < 3) return word;
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  return word.replace(/s$/, "");
}

/** Whether two figures give the same value (exactly, or the same amount in one currency). */
export function valuesAgree(a: ClaimNumber, b: ClaimNumber): boolean {
  if ((a.currency ?? null) !== (b.currency ?? null) && a.currency && b.currency) return false;
  return Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value));
}

/** How two figures of one slot relate: the same, different but both true (and why), or in conflict. */
export type FigureRelation = { kind: "same" } | { kind: "compatible"; reason: string } | { kind: "conflict" };

/**
 * Compares two figures given for the same slot. Differences that can both be
 * true are compatible: another currency or unit (a conversion), a bound ("at
 * least 3" against 4, "more than 450,000" against 500,000), an estimate or a
 * rounding ("about 300" against 312; 1.2 million against 1,190,000).
 */
export function relateFigures(a: ClaimNumber, b: ClaimNumber): FigureRelation {
  if (valuesAgree(a, b)) return { kind: "same" };
  if (a.currency && b.currency && a.currency !== b.currency) return { kind: "compatible", reason: "currency conversion" };
  if (a.unit && b.unit && a.unit !== b.unit) return { kind: "compatible", reason: "unit conversion" };
  if (withinBound(a, b) || withinBound(b, a)) return { kind: "compatible", reason: "a bound and a value inside it" };
  const rel = Math.abs(a.value - b.value) / Math.max(Math.abs(a.value), Math.abs(b.value));
  const estimate = ESTIMATE.has(a.qualifier ?? "") || ESTIMATE.has(b.qualifier ?? "");
  if ((estimate && rel <= 0.15) || ((isRound(a.value) || isRound(b.value)) && rel <= 0.05)) return { kind: "compatible", reason: "rounding" };
  // Large sums of one currency told a little differently are conversions at different rates or roundings, not two amounts.
  if (a.currency && a.currency === b.currency && Math.min(a.value, b.value) >= 1e6 && rel <= 0.12) return { kind: "compatible", reason: "conversion or rounding of a large sum" };
  return { kind: "conflict" };
}

const ESTIMATE = new Set(["about", "around", "nearly", "almost", "some", "roughly", "approximately", "an estimated", "estimated", "close to"]);
const LOWER = new Set(["at least", "more than", "over"]);
const UPPER = new Set(["at most", "less than", "fewer than", "under", "up to", "as many as"]);

/** Whether `bound` is a bound ("at least 3") that `value` satisfies. */
function withinBound(bound: ClaimNumber, value: ClaimNumber): boolean {
  const q = bound.qualifier ?? "";
  if (LOWER.has(q)) return value.value >= bound.value;
  if (UPPER.has(q)) return value.value <= bound.value;
  return false;
}

/** A figure written round: 450,000, 1.2 million, 300. */
function isRound(v: number): boolean {
  if (v < 100) return false;
  const digits = String(Math.round(Math.abs(v))).replace(/0+$/, "");
  return digits.length <= 2;
}
