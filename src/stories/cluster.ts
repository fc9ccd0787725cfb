/**
 * Clustering of one connected component of the document graph into stories.
 * The component's documents come in nodes (near-duplicates: copies and close
 * rewrites of one text, which any clustering puts together first); nodes are
 * agglomerated by average link over documents (a missing edge counts as 0), cut
 * at `threshold`; then each cluster that holds two weakly linked groups (two
 * events of the same kind) is cut in two, again and again (stories:split). The
 * two groups come from average-link bisection, or from the spectral cut when
 * that one finds none; a small group's own link is trusted less than a large
 * one's (stories:split-prior).
 * A pure function of the component's nodes and links, ties broken by the
 * nodes' order: the same documents give the same stories whatever order they
 * arrived in. Written here because no npm package clusters a sparse weighted
 * graph with average linkage and a deterministic order.
 */
import { bisectSpectral, bisectWeighted, type Bisection, type CutLinks } from "./split.js";

/** Settings of the clustering. */
export interface ClusterOptions {
  /** Average link two clusters need to merge. */
  threshold: number;
  /** Split a cluster when its two groups link below this and below `splitRatio` times each group's own link. */
  splitThreshold: number;
  splitRatio: number;
  /** Documents each part of a split must have. */
  splitMinPart: number;
  /**
   * Pseudo-pairs that pull each part's own link towards the link between the parts before the
   * ratio test: the fewer pairs a part has, the less its own link is trusted (stories:split-prior).
   */
  splitPrior: number;
  /** When the average-link bisection gives no cut to split at, also try the spectral one (stories:split-spectral). */
  splitSpectral: boolean;
  /** Clusters of more nodes than this are not checked for a split (bounds the work: the check is cubic). */
  splitMaxSize: number;
}

/** A node of the component: its documents, their summed similarity among themselves, and whether any is dated. */
export interface NodeWeight {
  size: number;
  internal: number;
  dated: boolean;
}

/** Links between two nodes i < j: summed similarity of their documents' edges, and whether a dated pair links at the threshold. */
export type NodeLink = [i: number, j: number, sum: number, strong: boolean];

/** Between two clusters: summed similarity, and whether a dated document of each links at the threshold. */
interface Link {
  sum: number;
  strong: boolean;
}

/**
 * Clusters the nodes (0..n-1, in canonical order). Two clusters that both hold
 * dated documents merge only when a dated document of each links at
 * `threshold` or more, so an undated document never bridges two stories that
 * time keeps apart. Returns the clusters as sorted node index lists, ordered by
 * their first index.
 */
export function clusterNodes(nodes: readonly NodeWeight[], links: readonly NodeLink[], o: ClusterOptions): number[][] {
  const n = nodes.length;
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const size = nodes.map((x) => x.size);
  const dated = nodes.map((x) => x.dated);
  const adj: Map<number, Link>[] = Array.from({ length: n }, () => new Map());
  const pair = new Map<number, number>();
  for (const [i, j, sum, strong] of links) {
    const l = { sum, strong };
    adj[i]!.set(j, l);
    adj[j]!.set(i, l);
    pair.set(i * n + j, sum);
  }
  const alive = new Set<number>(Array.from({ length: n }, (_, i) => i));
  for (;;) {
    let best = -Infinity;
    let ba = -1;
    let bb = -1;
    for (const a of alive) {
      for (const [b, l] of adj[a]!) {
        if (b <= a || (dated[a] && dated[b] && !l.strong)) continue;
        const avg = l.sum / (size[a]! * size[b]!);
        if (avg > best || (avg === best && (a < ba || (a === ba && b < bb)))) {
          best = avg;
          ba = a;
          bb = b;
        }
      }
    }
    if (ba < 0 || best < o.threshold) break;
    // Merge bb into ba (ba < bb: the cluster keeps its lowest index).
    for (const [c, l] of adj[bb]!) {
      if (c === ba) continue;
      const prev = adj[ba]!.get(c);
      const merged = { sum: (prev?.sum ?? 0) + l.sum, strong: (prev?.strong ?? false) || l.strong };
      adj[ba]!.set(c, merged);
      adj[c]!.delete(bb);
      adj[c]!.set(ba, merged);
    }
    adj[ba]!.delete(bb);
    adj[bb] = new Map();
    members[ba]!.push(...members[bb]!);
    size[ba]! += size[bb]!;
    dated[ba] = dated[ba]! || dated[bb]!;
    alive.delete(bb);
  }
  const sum = (i: number, j: number) => (i < j ? pair.get(i * n + j) : pair.get(j * n + i)) ?? 0;
  const out: number[][] = [];
  for (const a of [...alive].sort((x, y) => x - y)) split(members[a]!.sort((x, y) => x - y), nodes, sum, o, out);
  return out.sort((x, y) => x[0]! - y[0]!);
}

/** stories:split — cuts a cluster in two while its groups link weakly, recursively. */
function split(idx: number[], nodes: readonly NodeWeight[], sum: (i: number, j: number) => number, o: ClusterOptions, out: number[][]): void {
  const docs = idx.reduce((k, i) => k + nodes[i]!.size, 0);
  if (idx.length < 2 || docs < 2 * o.splitMinPart || idx.length > o.splitMaxSize) {
    out.push(idx);
    return;
  }
  const m = idx.map((i) => Float64Array.from(idx, (j) => (i === j ? 0 : sum(i, j))));
  const size = idx.map((i) => nodes[i]!.size);
  const internal = idx.map((i) => nodes[i]!.internal);
  let b = bisectWeighted(size, internal, m);
  if (o.splitSpectral && !splits(b, o)) b = bisectSpectral(size, internal, m, o.splitMinPart, (c) => c.cross / Math.max(Math.min(...partLinks(c, o.splitPrior)), 1e-9));
  if (!b || !splits(b, o)) {
    out.push(idx);
    return;
  }
  const part = b.part;
  split(idx.filter((_, k) => part[k] === 0), nodes, sum, o, out);
  split(idx.filter((_, k) => part[k] === 1), nodes, sum, o, out);
}

/** Whether a cut is weak enough to split at: both parts large enough, the parts linking below `splitThreshold` and below `splitRatio` times each part's own (prior-adjusted) link. */
function splits(b: Bisection | null, o: ClusterOptions): boolean {
  return !!b && Math.min(b.sizes[0], b.sizes[1]) >= o.splitMinPart && b.cross < o.splitThreshold && b.cross < o.splitRatio * Math.min(...partLinks(b, o.splitPrior));
}

/**
 * stories:split-prior — each part's own mean link, pulled towards the link between the parts by
 * `prior` pseudo-pairs. The bisection picks the tightest groups it can find, so a part of two or
 * three documents (one or three pairs) that happen to be close copies of each other looks far
 * tighter than the story it came from; a part of many pairs keeps its measured link.
 */
export function partLinks(b: CutLinks, prior: number): [number, number] {
  const shrink = (within: number, docs: number) => {
    const pairs = (docs * (docs - 1)) / 2;
    return pairs + prior > 0 ? (pairs * within + prior * b.cross) / (pairs + prior) : within;
  };
  return [shrink(b.within[0], b.sizes[0]), shrink(b.within[1], b.sizes[1])];
}
