/**
 * The plain baseline: TF-IDF over lower-cased words (IDF from documents seen so far),
 * single pass, each document joins the most similar cluster centroid above a
 * threshold (compared with every cluster), else starts a new one. No names, no merges.
 */
const WORD = /[\p{L}\p{N}]{1,60}/gu;

/** Clusters documents in the given order; returns doc id → cluster id. */
export function baselineCluster(docs: { id: string; text: string }[], threshold: number): Map<string, string> {
  const df = new Map<string, number>();
  let n = 0;
  const clusters: { id: string; c: Map<string, number>; norm: number }[] = [];
  const out = new Map<string, string>();
  for (const d of docs) {
    const counts = new Map<string, number>();
    for (const w of d.text.toLowerCase().match(WORD) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
    n++;
    for (const t of counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const v = new Map<string, number>();
    let sq = 0;
    for (const [t, c] of counts) {
      const x = (1 + Math.log(c)) * Math.log((n + 1) / (df.get(t)! + 0.5));
      v.set(t, x);
      sq += x * x;
    }
    const norm = Math.sqrt(sq) || 1;
    for (const [t, x] of v) v.set(t, x / norm);
    let best = -1;
    let bestSim = 0;
    clusters.forEach((cl, i) => {
      let dot = 0;
      for (const [t, x] of v) dot += x * (cl.c.get(t) ?? 0);
      const sim = dot / cl.norm;
      if (sim > bestSim) {
        bestSim = sim;
        best = i;
      }
    });
    let cl = best >= 0 && bestSim >= threshold ? clusters[best]! : undefined;
    if (!cl) {
      cl = { id: `c${clusters.length}`, c: new Map(), norm: 1 };
      clusters.push(cl);
    }
    for (const [t, x] of v) cl.c.set(t, (cl.c.get(t) ?? 0) + x);
    let s2 = 0;
    for (const x of cl.c.values()) s2 += x * x;
    cl.norm = Math.sqrt(s2) || 1;
    out.set(d.id, cl.id);
  }
  return out;
}
