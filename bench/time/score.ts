/**
 * Our own code (no installed package scores TIMEX3 output):
 * TempEval-3 style scoring of time expressions: relaxed (any token overlap) and
 * strict (identical extent) matching, micro-averaged; value accuracy over relaxed
 * matches; value F1 = value accuracy x relaxed F1.
 */

/** A scored expression: extent, value and type. */
export interface ScoredTimex {
  start: number;
  end: number;
  value: string;
  type: string;
}

/** Running counts over documents. */
export interface Counts {
  sys: number;
  gold: number;
  strict: number;
  relaxed: number;
  valueOk: number;
  typeOk: number;
}

/** Fresh zero counts. */
export function zeroCounts(): Counts {
  return { sys: 0, gold: 0, strict: 0, relaxed: 0, valueOk: 0, typeOk: 0 };
}

/** Adds one document's matches to the counts (one-to-one greedy matching, largest overlap first, identical extents first on a tie). */
export function scoreDoc(counts: Counts, sys: ScoredTimex[], gold: ScoredTimex[]): { missed: ScoredTimex[]; spurious: ScoredTimex[]; wrong: [ScoredTimex, ScoredTimex][]; extent: [ScoredTimex, ScoredTimex][]; all: [ScoredTimex, ScoredTimex][] } {
  counts.sys += sys.length;
  counts.gold += gold.length;
  const pairs: { s: number; g: number; ov: number }[] = [];
  sys.forEach((s, si) =>
    gold.forEach((g, gi) => {
      const ov = Math.min(s.end, g.end) - Math.max(s.start, g.start);
      if (ov > 0) pairs.push({ s: si, g: gi, ov });
    }),
  );
  // Largest overlap first; on a tie (nested gold, as MEANTIME's "from 2009 to 2011" holding
  // "2009"), the pair with identical extents first, then document order.
  const same = (p: { s: number; g: number }): number => (sys[p.s]!.start === gold[p.g]!.start && sys[p.s]!.end === gold[p.g]!.end ? 1 : 0);
  pairs.sort((a, b) => b.ov - a.ov || same(b) - same(a));
  const usedS = new Set<number>();
  const usedG = new Set<number>();
  const wrong: [ScoredTimex, ScoredTimex][] = [];
  const extent: [ScoredTimex, ScoredTimex][] = [];
  const all: [ScoredTimex, ScoredTimex][] = [];
  for (const p of pairs) {
    if (usedS.has(p.s) || usedG.has(p.g)) continue;
    usedS.add(p.s);
    usedG.add(p.g);
    const s = sys[p.s]!, g = gold[p.g]!;
    counts.relaxed++;
    all.push([s, g]);
    if (s.start === g.start && s.end === g.end) counts.strict++;
    else extent.push([s, g]);
    if (s.value === g.value) counts.valueOk++;
    else wrong.push([s, g]);
    if (s.type === g.type) counts.typeOk++;
  }
  return {
    missed: gold.filter((_, i) => !usedG.has(i)),
    spurious: sys.filter((_, i) => !usedS.has(i)),
    wrong,
    extent,
    all,
  };
}

/** Precision, recall, F1 and value figures from counts. */
export function figures(c: Counts): Record<string, number> {
  const f = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
  const sp = c.sys ? c.strict / c.sys : 0, sr = c.gold ? c.strict / c.gold : 0;
  const rp = c.sys ? c.relaxed / c.sys : 0, rr = c.gold ? c.relaxed / c.gold : 0;
  const rf = f(rp, rr);
  const valueAcc = c.relaxed ? c.valueOk / c.relaxed : 0;
  return {
    strictP: sp, strictR: sr, strictF1: f(sp, sr),
    relaxedP: rp, relaxedR: rr, relaxedF1: rf,
    valueAcc, valueF1: valueAcc * rf,
    typeAcc: c.relaxed ? c.typeOk / c.relaxed : 0,
  };
}
