/**
 * Scores predicted quotes against the gold set the Gender Gap Tracker way
 * (Asr et al., 2021): each gold quote, in order, is matched to the unused
 * predicted quote that covers the largest share of its characters, provided
 * that share is over 0.3. Precision, recall and F1 count matched quotes;
 * speaker and person accuracy are measured over the matched pairs.
 */
import type { GoldQuote, GoldSpan } from "./gold.js";

/** The parts of a predicted quote the scorer reads (a subset of the model's Quote). */
export interface PredictedQuote {
  span: GoldSpan;
  kind?: string;
  speaker?: { name: string; mention: { span: GoldSpan } | null } | null;
}

/** Counts for one document or summed over many. */
export interface QuoteCounts {
  gold: number;
  predicted: number;
  matched: number;
  /** Matched pairs whose gold quote has a speaker mention. */
  speakerGold: number;
  /** ... of which the predicted speaker mention overlaps the gold one. */
  speakerHit: number;
  /**
   * Matched pairs counted the way the Gender Gap Tracker's own script counts them: over all
   * matched pairs, a hit when the mentions overlap or when the gold quote has no speaker mention
   * and the prediction gives none either.
   */
  speakerAllHit: number;
  /** Matched pairs whose gold quote names a person. */
  personGold: number;
  /** ... of which the predicted speaker name equals it (case- and space-insensitive). */
  personExact: number;
  /** ... of which the names are equal or share their last word (the surname rule). */
  personLenient: number;
  /** Gold and matched counts per kind of gold quote. */
  byKind: Record<string, { gold: number; matched: number }>;
}

/** The minimum share of a gold quote's characters a prediction must cover. */
export const MIN_SHARE = 0.3;

function overlap(a: GoldSpan, b: GoldSpan): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function normName(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[.,]/g, " ").replace(/\s+/g, " ").trim();
}

function lastWord(s: string): string {
  const words = normName(s).split(" ");
  return words[words.length - 1] ?? "";
}

/** Whether a predicted name equals the gold person: `exact`, or `surname` (same last word), or no. */
export function personMatch(predicted: string | null | undefined, gold: string): "exact" | "surname" | null {
  if (!predicted) return null;
  const p = normName(predicted);
  const g = normName(gold);
  if (p.length === 0) return null;
  if (p === g) return "exact";
  return lastWord(p) === lastWord(g) ? "surname" : null;
}

/** An empty set of counts. */
export function emptyCounts(): QuoteCounts {
  return { gold: 0, predicted: 0, matched: 0, speakerGold: 0, speakerHit: 0, speakerAllHit: 0, personGold: 0, personExact: 0, personLenient: 0, byKind: {} };
}

/** Matches one document's predictions to its gold quotes; returns the pairs (gold index -> predicted index). */
export function matchQuotes(gold: readonly GoldSpan[], predicted: readonly PredictedQuote[]): Map<number, number> {
  const used = new Set<number>();
  const pairs = new Map<number, number>();
  gold.forEach((g, gi) => {
    const len = g.end - g.start;
    if (len <= 0) return;
    let best = -1;
    let bestShare = MIN_SHARE;
    predicted.forEach((p, pi) => {
      if (used.has(pi)) return;
      const share = overlap(g, p.span) / len;
      if (share > bestShare) {
        bestShare = share;
        best = pi;
      }
    });
    if (best >= 0) {
      used.add(best);
      pairs.set(gi, best);
    }
  });
  return pairs;
}

/** Scores one document. */
export function scoreDocument(gold: readonly GoldQuote[], predicted: readonly PredictedQuote[]): QuoteCounts {
  const c = emptyCounts();
  c.gold = gold.length;
  c.predicted = predicted.length;
  for (const g of gold) (c.byKind[g.kind] ??= { gold: 0, matched: 0 }).gold++;
  for (const [gi, pi] of matchQuotes(gold, predicted)) {
    const g = gold[gi]!;
    const p = predicted[pi]!;
    c.matched++;
    c.byKind[g.kind]!.matched++;
    const m = p.speaker?.mention?.span;
    if (g.speaker) {
      c.speakerGold++;
      if (m && overlap(g.speaker, m) > 0) {
        c.speakerHit++;
        c.speakerAllHit++;
      }
    } else if (!m) c.speakerAllHit++;
    if (g.person) {
      c.personGold++;
      const how = personMatch(p.speaker?.name, g.person);
      if (how === "exact") c.personExact++;
      if (how) c.personLenient++;
    }
  }
  return c;
}

/** Adds `b` into `a` and returns `a`. */
export function addCounts(a: QuoteCounts, b: QuoteCounts): QuoteCounts {
  a.gold += b.gold;
  a.predicted += b.predicted;
  a.matched += b.matched;
  a.speakerGold += b.speakerGold;
  a.speakerHit += b.speakerHit;
  a.speakerAllHit += b.speakerAllHit;
  a.personGold += b.personGold;
  a.personExact += b.personExact;
  a.personLenient += b.personLenient;
  for (const [k, v] of Object.entries(b.byKind)) {
    const t = (a.byKind[k] ??= { gold: 0, matched: 0 });
    t.gold += v.gold;
    t.matched += v.matched;
  }
  return a;
}

/** The summary figures (micro-averaged over all documents). Ratios with an empty denominator are 0. */
export function summarize(c: QuoteCounts): {
  precision: number;
  recall: number;
  f1: number;
  speakerAccuracy: number;
  speakerAllAccuracy: number;
  personExact: number;
  personLenient: number;
} {
  const div = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const precision = div(c.matched, c.predicted);
  const recall = div(c.matched, c.gold);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision,
    recall,
    f1,
    speakerAccuracy: div(c.speakerHit, c.speakerGold),
    speakerAllAccuracy: div(c.speakerAllHit, c.matched),
    personExact: div(c.personExact, c.personGold),
    personLenient: div(c.personLenient, c.personGold),
  };
}
