/**
 * The article-extraction-benchmark metric (Zyte AEB), as its README in
 * ../shared/bench-data describes it: 4-token shingles with multiplicity,
 * precision averaged over pages whose prediction has shingles, recall over
 * pages whose truth has shingles, F1 the harmonic mean of the two averages.
 */
const TOKEN = /[\p{L}\p{N}_]+/gu;

/** The shingle multiset of a text. */
export function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  if (tokens.length < 4) {
    out.set(tokens.join(" "), 1);
    return out;
  }
  for (let i = 0; i + 4 <= tokens.length; i++) {
    const key = `${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]} ${tokens[i + 3]}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Per-page true positives, false positives and false negatives. */
export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
  predShingles: number;
  truthShingles: number;
}

/** Counts shared and surplus shingles of one page. */
export function pageCounts(predicted: string, truth: string): PageCounts {
  const p = shingles(predicted);
  const t = shingles(truth);
  let tp = 0, predShingles = 0, truthShingles = 0;
  for (const [k, n] of p) {
    predShingles += n;
    tp += Math.min(n, t.get(k) ?? 0);
  }
  for (const n of t.values()) truthShingles += n;
  return { tp, fp: predShingles - tp, fn: truthShingles - tp, predShingles, truthShingles };
}

/** Benchmark-level scores. */
export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

/** Scores a set of pages the AEB way. */
export function score(pages: PageCounts[]): Scores {
  let pSum = 0, pN = 0, rSum = 0, rN = 0;
  for (const c of pages) {
    const precision = c.fp === 0 && c.fn === 0 ? 1 : c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
    const recall = c.fp === 0 && c.fn === 0 ? 1 : c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
    if (c.predShingles > 0) { pSum += precision; pN++; }
    if (c.truthShingles > 0) { rSum += recall; rN++; }
  }
  const precision = pN ? pSum / pN : 0;
  const recall = rN ? rSum / rN : 0;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, pages: pages.length };
}
