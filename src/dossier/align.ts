import { citedSources } from "../claims/index.js";
import type { Claim } from "../model/index.js";
import { conceptTokens } from "./lexicon.js";

/** Settings of {@link alignClaims}. */
export interface AlignOptions {
  /** Least similarity for two claims to state the same fact. */
  threshold?: number;
  /** How many of a claim's rarest tokens find its candidates. */
  probeTokens?: number;
  /** Postings longer than this are too common to probe. */
  maxPostings?: number;
  /** How many candidates one claim examines at most (rarest tokens first), which keeps the cost linear in claims. */
  maxCandidates?: number;
}

/**
 * Groups claims of different documents that state the same fact. Similarity is
 * an IDF-weighted overlap of concept tokens (paraphrases mapped to one concept),
 * the larger of Dice and a damped containment score so that one outlet's short
 * sentence aligns with another's longer one. Candidates come from an inverted
 * index on each claim's rarest tokens, so the cost grows with the number of
 * candidate pairs, not the square of the claims. Clusters merge from the most
 * similar pair down and never take two claims of one document, which keeps
 * facts that share words but not content apart.
 */
export function alignClaims(claims: Claim[], opts: AlignOptions = {}, cited: Set<string>[] = claims.map(citedBy)): number[][] {
  const threshold = opts.threshold ?? 0.34;
  const probe = opts.probeTokens ?? 10;
  const maxPostings = opts.maxPostings ?? 5000;
  const maxCandidates = opts.maxCandidates ?? 300;
  const tokens = claims.map((c) => [...new Set(conceptTokens(c.text))]);
  const df = new Map<string, number>();
  for (const ts of tokens) for (const t of ts) df.set(t, (df.get(t) ?? 0) + 1);
  const n = claims.length;
  const idf = (t: string) => Math.log(1 + n / (df.get(t) ?? 1));
  const weights = tokens.map((ts) => new Map(ts.map((t) => [t, idf(t)])));
  const totals = weights.map((w) => [...w.values()].reduce((a, b) => a + b, 0));

  const postings = new Map<string, number[]>();
  tokens.forEach((ts, i) => {
    for (const t of ts) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(i);
    }
  });

  const pairs: [number, number, number][] = [];
  const tried = new Set<number>();
  for (let i = 0; i < n; i++) {
    const rare = [...tokens[i]!].sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0) || (a < b ? -1 : 1)).slice(0, probe);
    let budget = maxCandidates;
    for (const t of rare) {
      const list = postings.get(t)!;
      if (list.length > maxPostings) continue;
      for (const j of list) {
        if (budget-- <= 0) break;
        if (j === i || claims[j]!.document === claims[i]!.document) continue;
        const pairKey = i < j ? i * n + j : j * n + i;
        if (tried.has(pairKey)) continue;
        tried.add(pairKey);
        if (!datesCompatible(claims[i]!, claims[j]!)) continue;
        // Two claims that cite the same report are likely retelling the same fact from it.
        const sameSource = [...cited[i]!].some((k) => cited[j]!.has(k)) ? SOURCE_BONUS : 0;
        const s = similarity(weights[i]!, weights[j]!, totals[i]!, totals[j]!) + sameSource;
        if (s >= threshold) pairs.push([s, Math.min(i, j), Math.max(i, j)]);
      }
    }
  }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);

  const parent = claims.map((_, i) => i);
  const docs = claims.map((c) => new Set([c.document]));
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  // Average linkage on top of the best pair: two groups join only when their members are alike on
  // the whole, so one sentence that shares a date and a place with another cannot chain two facts.
  const members = claims.map((_, i) => [i]);
  const sim = (x: number, y: number) => similarity(weights[x]!, weights[y]!, totals[x]!, totals[y]!);
  const meanLink = (a: number, b: number): number => {
    const xs = members[a]!.slice(0, LINK_SAMPLE), ys = members[b]!.slice(0, LINK_SAMPLE);
    let sum = 0;
    for (const x of xs) for (const y of ys) sum += sim(x, y);
    return sum / (xs.length * ys.length);
  };
  for (const [, i, j] of pairs) {
    const a = find(i), b = find(j);
    if (a === b) continue;
    const [small, large] = docs[a]!.size < docs[b]!.size ? [a, b] : [b, a];
    if ([...docs[small]!].some((d) => docs[large]!.has(d))) continue;
    if (members[small]!.length + members[large]!.length > 2 && meanLink(small, large) < threshold * LINK_SHARE) continue;
    parent[small] = large;
    for (const d of docs[small]!) docs[large]!.add(d);
    members[large]!.push(...members[small]!);
    members[small] = [];
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(i);
  }
  return [...groups.values()];
}

/** The sources a claim cites, as comparable keys. */
export function citedBy(claim: Claim): Set<string> {
  return citedSources(claim.text, { start: 0, end: claim.text.length });
}

/** Members of each side compared when two groups of claims join. */
const LINK_SAMPLE = 12;
/** Share of the threshold that the mean similarity of two joining groups must reach. */
const LINK_SHARE = 0.75;

/** Added to the similarity of two claims that cite the same source. */
const SOURCE_BONUS = 0.1;

/** Weighted similarity of two claims' concept tokens. */
export function similarity(a: Map<string, number>, b: Map<string, number>, ta: number, tb: number): number {
  let shared = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [t, w] of small) if (large.has(t)) shared += w;
  if (shared === 0) return 0;
  const dice = (2 * shared) / (ta + tb);
  const containment = shared / Math.min(ta, tb);
  return Math.min(a.size, b.size) >= 8 ? Math.max(dice, 0.6 * containment) : dice;
}

/** Claims with dates align only when some date of one is compatible (same or coarser) with some date of the other. */
function datesCompatible(a: Claim, b: Claim): boolean {
  if (a.dates.length === 0 || b.dates.length === 0) return true;
  return a.dates.some((x) => b.dates.some((y) => x.startsWith(y) || y.startsWith(x)));
}
