/** Clustering scores: BCubed and pairwise precision/recall/F1 over documents. */

/** Precision, recall and F1. */
export interface PRF { p: number; r: number; f1: number }

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function groups(m: Map<string, string>): Map<string, Set<string>> {
  const g = new Map<string, Set<string>>();
  for (const [d, c] of m) {
    let s = g.get(c);
    if (!s) g.set(c, (s = new Set()));
    s.add(d);
  }
  return g;
}

/** BCubed P/R/F1: per document, averaged over documents. */
export function bcubed(pred: Map<string, string>, gold: Map<string, string>): PRF {
  const pg = groups(pred);
  const gg = groups(gold);
  let p = 0;
  let r = 0;
  let n = 0;
  for (const [d, gc] of gold) {
    const pc = pred.get(d);
    if (pc === undefined) continue;
    const ps = pg.get(pc)!;
    const gs = gg.get(gc)!;
    let both = 0;
    for (const x of ps) if (gold.get(x) === gc) both++;
    p += both / ps.size;
    r += both / gs.size;
    n++;
  }
  p /= n || 1;
  r /= n || 1;
  return { p, r, f1: f1(p, r) };
}

/** Pairwise P/R/F1 over all document pairs. */
export function pairwise(pred: Map<string, string>, gold: Map<string, string>): PRF {
  const pairs = (m: Map<string, Set<string>>) => {
    let n = 0;
    for (const s of m.values()) n += (s.size * (s.size - 1)) / 2;
    return n;
  };
  const pg = groups(pred);
  let tp = 0;
  for (const s of pg.values()) {
    const counts = new Map<string, number>();
    for (const d of s) {
      const g = gold.get(d);
      if (g !== undefined) counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    for (const c of counts.values()) tp += (c * (c - 1)) / 2;
  }
  const np = pairs(pg);
  const ng = pairs(groups(gold));
  const p = np ? tp / np : 0;
  const r = ng ? tp / ng : 0;
  return { p, r, f1: f1(p, r) };
}

/** 32-bit FNV-1a hash of a string, for fixed pseudo-random orders. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
