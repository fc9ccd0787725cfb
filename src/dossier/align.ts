import { DEFAULT_LINK_MODEL, linkProbability, type LinkModel } from "./link-model.js";
import { pairFeatures, type ClaimView } from "./pair-features.js";
import type { WordVectors } from "./vectors.js";

/** Settings of {@link alignClaims}. */
export interface AlignOptions {
  model?: LinkModel;
  /** How many of a claim's most informative words find its candidates. */
  probeTerms?: number;
  /** Words in more claims than this are too common to probe. */
  maxPostings?: number;
  /** How many candidates one claim examines at most, which keeps the cost linear in claims. */
  maxCandidates?: number;
  /** Least mean probability over the members of two groups for them to join. */
  groupShare?: number;
  /** Least probability of a pair {@link scorePairs} returns (default: half the model's threshold). */
  keepFrom?: number;
}

/**
 * Least link probability at which a sentence of another document may state what
 * a one-document fact says, so that the fact is not listed as unique to its
 * outlet (the aligner's nearest such sentence is named on the fact,
 * `Fact.nearest`). Set to 0.25: the lowest value at which DW's Friday order
 * stays unique to DW on the seeds (its nearest sentence, another outlet's
 * headline, scores 0.22). On the facts gold's dev set, 73.8% of the facts listed
 * as unique are stated by no other document at 0.25 (135 of 183), against 34.7%
 * without this test (230 of 662); values chosen there by leave-one-story-out
 * cross-validation (0.1-0.2) reach 78.4%.
 */
export const SIMILAR_LINK = 0.25;

/** A scored pair of claims (indices into the views), i < j. */
export interface ScoredPair {
  i: number;
  j: number;
  p: number;
}

/**
 * Scores candidate pairs of claims with the link model. Candidates come from an
 * inverted index on each claim's most informative words, so the cost grows with
 * the number of claims times a bounded number of candidates, not with its square.
 */
export function scorePairs(views: ClaimView[], vectors: WordVectors | null, opts: AlignOptions = {}): ScoredPair[] {
  const model = opts.model ?? DEFAULT_LINK_MODEL;
  const probe = opts.probeTerms ?? 8;
  const maxPostings = opts.maxPostings ?? 4000;
  const maxCandidates = opts.maxCandidates ?? 120;
  const keepFrom = opts.keepFrom ?? model.threshold * 0.5;
  const postings = new Map<string, number[]>();
  views.forEach((v, i) => {
    for (const t of v.profile.terms) {
      let list = postings.get(t.key);
      if (!list) postings.set(t.key, (list = []));
      list.push(i);
    }
  });
  const cache = new Map<number, number>();
  const out: ScoredPair[] = [];
  const seen = new Set<number>();
  const n = views.length;
  for (let i = 0; i < n; i++) {
    const terms = [...views[i]!.profile.terms]
      .filter((t) => (postings.get(t.key)?.length ?? 0) <= maxPostings)
      .sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1))
      .slice(0, probe);
    let budget = maxCandidates;
    for (const t of terms) {
      for (const j of postings.get(t.key)!) {
        if (j === i) continue;
        const key = i < j ? i * n + j : j * n + i;
        if (seen.has(key)) continue;
        if (budget-- <= 0) break;
        seen.add(key);
        // Claims that share fewer than two words never state one fact (the model gives them under 1%): not scored.
        if (sharedKeys(views[i]!, views[j]!) < 2) continue;
        const [a, b] = i < j ? [i, j] : [j, i];
        const p = linkProbability(pairFeatures(views[a]!, views[b]!, vectors, cache), model);
        if (p >= keepFrom) out.push({ i: a, j: b, p });
      }
    }
  }
  return out.sort((x, y) => y.p - x.p || x.i - y.i || x.j - y.j);
}

/**
 * Groups claims that state the same fact: pairs above the model's threshold
 * join, strongest first, and two groups join only when their members are alike
 * on the whole (average linkage), so one sentence that shares a detail with two
 * others cannot chain two facts into one. A group may hold several sentences of
 * one document (a headline and a lead that say the same).
 */
export function clusterClaims(n: number, pairs: ScoredPair[], opts: AlignOptions = {}): number[][] {
  const model = opts.model ?? DEFAULT_LINK_MODEL;
  const share = opts.groupShare ?? 0.8;
  const prob = new Map<number, number>();
  for (const pr of pairs) prob.set(pr.i * n + pr.j, pr.p);
  const p = (x: number, y: number) => prob.get(x < y ? x * n + y : y * n + x) ?? 0;
  const parent = Array.from({ length: n }, (_, i) => i);
  const members = Array.from({ length: n }, (_, i) => [i]);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const pr of pairs) {
    if (pr.p < model.threshold) break;
    const a = find(pr.i), b = find(pr.j);
    if (a === b) continue;
    const xs = members[a]!.slice(0, SAMPLE), ys = members[b]!.slice(0, SAMPLE);
    if (xs.length + ys.length > 2) {
      let sum = 0;
      for (const x of xs) for (const y of ys) sum += p(x, y);
      if (sum / (xs.length * ys.length) < model.threshold * share) continue;
    }
    const [small, large] = members[a]!.length < members[b]!.length ? [a, b] : [b, a];
    parent[small] = large;
    members[large]!.push(...members[small]!);
    members[small] = [];
  }
  return members.filter((m) => m.length > 0).map((m) => m.sort((x, y) => x - y));
}

/** Members of each side compared when two groups join. */
const SAMPLE = 16;

/** How many words two claims share exactly. */
function sharedKeys(a: ClaimView, b: ClaimView): number {
  const [small, large] = a.profile.terms.length < b.profile.terms.length ? [a, b] : [b, a];
  let n = 0;
  for (const t of small.profile.terms) if (large.profile.keys.has(t.key)) n++;
  return n;
}
