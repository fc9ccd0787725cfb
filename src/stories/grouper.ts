import type { RashomonDocument } from "../model/index.js";
import { clusterNodes, type NodeLink } from "./cluster.js";
import { DEFAULT_GROUPER_OPTIONS, type GroupInput, type GrouperOptions } from "./options.js";
import type { DocEntry, GroupingState, NodeState, StorySummaryRow } from "./grouping-state.js";
import { MemoryGroupingState } from "./memory-state.js";
import { SimilarityProbe, TermWeights, heaviest, pruneVec, type Vec } from "./vectors.js";
import { VectorArena } from "./vector-arena.js";
import { CandidateComparer, type AheadSims } from "./compare.js";
import { DAY_MS, arrivalKey, sortForArrival, toMs } from "./arrival.js";
import { LinkMap, summarize } from "./link-map.js";

/** A document made ready for `StoryGrouper.add` outside the write lock (see `prepare`). */
export interface PreparedDoc {
  entry: DocEntry;
  terms: number[];
  /** Similarity to each candidate known when it was prepared, by window slot or by the candidate's vector (the very object compared). */
  sims: AheadSims;
}

/**
 * Story grouper whose stories depend only on the documents, never on the order
 * they arrive in nor on unrelated documents. Each document becomes a TF-IDF
 * vector in four channels (content words, names, numbers and dates, years)
 * weighted with fixed term statistics that ship with the code; it is compared
 * with the documents that share one of its heaviest terms and lie within
 * `windowDays` of it (an inverted index, never a scan). Similarities of at
 * least `dupThreshold` put documents in one node (copies and close rewrites),
 * of at least `threshold` join connected components, of at least `edgeFloor`
 * count in average links. The component the document lands in is then
 * clustered again as a whole (`clusterNodes`: average link cut at `threshold`,
 * weak halves split off): a pure function of its documents, so the same
 * documents make the same stories in any order, in one process or many. All
 * state lives in a `GroupingState` (memory, or a store's database), read and
 * written one document at a time.
 */
export class StoryGrouper {
  readonly options: GrouperOptions;
  private readonly terms = new TermWeights();

  /** Similarity of the document being added to its candidates (loaded and used with no await between). */
  private readonly probe: SimilarityProbe;
  /** The candidates' vectors side by side (see VectorArena). */
  private readonly arena = new VectorArena();
  private readonly comparer: CandidateComparer;

  constructor(options: Partial<GrouperOptions> = {}, readonly state: GroupingState = new MemoryGroupingState()) {
    this.options = { ...DEFAULT_GROUPER_OPTIONS, ...options };
    this.probe = new SimilarityProbe(this.options.shares, this.options.nameGate, this.options.namePenalty);
    this.comparer = new CandidateComparer(this.probe, this.arena, this.options);
  }

  /**
   * Makes a document ready for `add` without touching the library's write
   * lock: its vector and index terms, and its similarity to the candidates the
   * state can name without the lock (`GroupingState.knownCandidates`). A worker
   * prepares its batch while another worker holds the lock, so that the
   * comparisons, most of a document's grouping, run in parallel; `add` then
   * compares only with what was stored since. Each similarity is kept under
   * the candidate's vector object and is used only for that same object, so
   * the stories are exactly those of `add` alone.
   */
  async prepare(doc: GroupInput | RashomonDocument): Promise<PreparedDoc> {
    const { entry, terms } = this.describe(doc);
    const st = this.state;
    const o = this.options;
    const windowMs = o.windowDays * DAY_MS;
    if (!Number.isFinite(entry.ms)) return { entry, terms, sims: { window: null, byVec: new Map() } };
    const wc = st.knownWindowCandidates ? await st.knownWindowCandidates(terms, entry.ms, windowMs, o.minSharedTerms, doc.id) : null;
    if (wc) await this.comparer.fill(wc);
    const others = !wc && st.knownCandidates ? await st.knownCandidates(terms, entry.ms, windowMs, o.minSharedTerms) : new Map<string, DocEntry>();
    return { entry, terms, sims: this.comparer.ahead(entry.vec, wc, others, doc.id) };
  }

  /** A document's entry (its pruned vector and summary fields) and its index terms. */
  private describe(doc: GroupInput | RashomonDocument): { entry: DocEntry; terms: number[] } {
    const o = this.options;
    const text = ("body" in doc && doc.body ? doc.body : doc.text) ?? "";
    const full = this.terms.vectorize(((doc.title ?? "") + "\n" + text).trim(), o.weights);
    const order = heaviest(full);
    const entry: DocEntry = {
      id: doc.id, vec: pruneVec(full, order, o.memberTerms), ms: toMs(doc.published),
      published: doc.published ?? null, title: doc.title ?? null, outlet: doc.outlet ?? null,
    };
    const common = this.terms.commonTerms(o.indexMaxShare);
    const terms = order.map((i) => full.ids[i]!).filter((t) => !common.has(t)).slice(0, o.indexTerms);
    return { entry, terms };
  }

  /** Adds one document (prepared by `prepare`, or not) and returns the id of the story it is in. */
  async add(doc: GroupInput | RashomonDocument, prepared?: PreparedDoc): Promise<string> {
    const o = this.options;
    const st = this.state;
    const ready = prepared && prepared.entry.id === doc.id ? prepared : null;
    const { entry, terms } = ready ?? this.describe(doc);
    const dated = Number.isFinite(entry.ms);

    // Similarities to the documents it shares index terms with, inside its time window: exact where they can
    // join components; below that, only a bound (see similarityAbove): a pair that cannot join counts only when
    // the document joins the other's component anyway.
    const windowMs = o.windowDays * DAY_MS;
    const wc = st.windowCandidates ? await st.windowCandidates(terms, entry.ms, windowMs, o.minSharedTerms, doc.id) : null;
    if (wc) await this.comparer.fill(wc);
    const restIds = wc ? wc.rest : (await st.candidates(terms, entry.ms, windowMs, o.minSharedTerms)).filter((id) => id !== doc.id);
    const cmp = this.comparer.compare(entry.vec, wc, await st.entries(restIds), ready?.sims ?? null);
    const { edges, weak } = cmp;
    const nodeOfDoc = await st.nodesOfDocs(edges.map((e) => e[0]));
    const near = await st.nodes([...new Set(nodeOfDoc.values())]);

    // The components it joins (merged into the one with most documents; ties: smallest label), loaded whole.
    const joined = [...new Set(edges.filter((e) => e[1] >= o.joinThreshold).map((e) => near.get(nodeOfDoc.get(e[0])!)!.comp))];
    const nodes = new Map((await st.componentNodes(joined)).map((n) => [n.id, { ...n, outlets: [...n.outlets] }]));
    if (nodes.size && weak.size) {
      // The pairs that could not join, compared in full inside the components it joins (found from the
      // components' documents, usually far fewer than the stopped pairs).
      const members = await st.nodeDocs([...nodes.keys()]);
      // Loaded again after the awaits above: the probe is the grouper's, and is used with no await between load and use.
      this.comparer.load(entry.vec);
      for (const { id, node: n } of members) {
        const stopped = weak.get(id);
        if (stopped === undefined || !nodes.has(n)) continue;
        weak.delete(id);
        const sim = this.comparer.full(id, stopped);
        if (sim < o.edgeFloor) continue;
        edges.push([id, sim]);
        cmp.ms.set(id, stopped.ms);
        nodeOfDoc.set(id, n);
      }
    }
    // A fixed order (by id): sums of similarities then come out the same to the last bit whatever the arrival order.
    edges.sort((x, y) => (x[0] < y[0] ? -1 : 1));
    const links = new LinkMap();
    for (const l of await st.componentLinks(joined)) links.load(l);
    const compSize = new Map<string, number>();
    for (const n of nodes.values()) compSize.set(n.comp, (compSize.get(n.comp) ?? 0) + n.size);
    joined.sort((x, y) => compSize.get(y)! - compSize.get(x)! || (x < y ? -1 : 1));
    const component = joined[0] ?? doc.id;
    const before = new Map([...nodes.values()].map((n) => [n.id, n.story]));
    const origin = new Map([...nodes.values()].map((n) => [n.id, n.comp]));

    // The node it joins: its near-duplicates' nodes merged into the largest (ties: smallest id), or a new one.
    const dups = [...new Set(edges.filter((e) => e[1] >= o.dupThreshold).map((e) => nodeOfDoc.get(e[0])!))]
      .map((id) => nodes.get(id)!)
      .sort((x, y) => y.size - x.size || (x.id < y.id ? -1 : 1));
    const node: NodeState = dups[0] ?? {
      id: doc.id, comp: component, size: 0, internal: 0, dated: false, key: arrivalKey(entry), first: null, last: null,
      outlets: [], title: null, titleKey: null, story: null,
    };
    nodes.set(node.id, node);
    const mergedNodes = dups.slice(1).map((n) => n.id);
    for (const other of dups.slice(1)) this.mergeNode(node, other, nodes, links);
    const resolve = (n: string | undefined) => (n !== undefined && mergedNodes.includes(n) ? node.id : n);
    this.addDocToNode(node, entry);

    // Its edges: inside its node, or to nodes of its component. An edge to another component is not kept:
    // should the two components ever merge, the pairs between them are found again (foldAcross).
    for (const [id, sim] of edges) {
      const n = resolve(nodeOfDoc.get(id))!;
      if (n === node.id) node.internal += sim;
      else if (nodes.has(n)) links.add(node.id, n, sim, dated && Number.isFinite(cmp.ms.get(id)!) && sim >= o.threshold);
    }
    const changed = new Set<NodeState>([node]);
    if (joined.length > 1) await this.foldAcross(origin, resolve, nodes, links, changed);
    for (const n of nodes.values()) n.comp = component;

    // Cluster the component's nodes in canonical order, and name the clusters.
    const list = [...nodes.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    const pos = new Map(list.map((n, i) => [n.id, i]));
    const triples: NodeLink[] = [...links.map.values()].map((l) => {
      const i = pos.get(l.a)!;
      const j = pos.get(l.b)!;
      return i < j ? [i, j, l.sum, l.strong] : [j, i, l.sum, l.strong];
    });
    const clusters = clusterNodes(list, triples, o).map((c) => c.map((i) => list[i]!));
    const names = await this.name(clusters);

    const touched = new Set<string>();
    const moved = new Set<string>(mergedNodes.length ? [node.id] : []);
    for (const [k, c] of clusters.entries()) {
      for (const n of c) {
        if (n.story !== names[k] && before.get(n.id) !== undefined) moved.add(n.id);
        if (n.story === names[k] && n !== node) continue;
        if (before.get(n.id)) touched.add(before.get(n.id)!);
        n.story = names[k]!;
        touched.add(n.story);
        changed.add(n);
      }
    }
    for (const id of mergedNodes) if (before.get(id)) touched.add(before.get(id)!);
    // A story whose links or node weights changed may get another central node (its title): rewrite its summary too.
    for (const k of links.dirty) for (const id of k.split("\u0000")) if (nodes.get(id)?.story) touched.add(nodes.get(id)!.story!);
    for (const n of changed) if (n.story) touched.add(n.story);
    const stories: StorySummaryRow[] = [];
    for (const [k, c] of clusters.entries()) if (touched.has(names[k]!)) stories.push(summarize(names[k]!, c, links));
    const used = new Set(names);
    const removed = [...new Set([...before.values()].filter((s): s is string => !!s))].filter((s) => !used.has(s)).sort();
    await st.save({
      doc: entry, terms, node: node.id, mergedNodes, component, mergedComponents: joined.slice(1),
      nodes: [...changed], moved: [...moved], links: [...links.dirty].map((k) => links.map.get(k)!),
      stories, removed,
    });
    return node.story!;
  }

  /**
   * Components merged by a document: the pairs of their documents that link
   * without joining (similarity at least `edgeFloor`, below `joinThreshold`)
   * count from now on, inside a node or between two. They are found the way a
   * document finds its candidates (`minSharedTerms` index terms in common,
   * inside the time window) and compared in a fixed order, so a merge gives
   * the same links whichever document caused it and nothing about documents
   * in other components is stored in between (`origin`: the component of
   * each node before the merge).
   */
  private async foldAcross(origin: Map<string, string>, resolve: (n: string | undefined) => string | undefined,
    nodes: Map<string, NodeState>, links: LinkMap, changed: Set<NodeState>): Promise<void> {
    const o = this.options;
    const members = await this.state.nodeDocs([...origin.keys()]);
    const entries = await this.state.entries(members.map((m) => m.id));
    const groups = new Map<string, { id: string; node: string; terms: ArrayLike<number>; entry: DocEntry }[]>();
    for (const m of [...members].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
      const entry = entries.get(m.id);
      const comp = origin.get(m.node);
      if (!entry || comp === undefined) continue;
      let g = groups.get(comp);
      if (!g) groups.set(comp, (g = []));
      g.push({ ...m, entry });
    }
    const comps = [...groups.keys()].sort();
    const windowMs = o.windowDays * DAY_MS;
    for (let i = 0; i < comps.length; i++) {
      for (let j = i + 1; j < comps.length; j++) {
        const a = groups.get(comps[i]!)!;
        const b = groups.get(comps[j]!)!;
        const postings = new Map<number, number[]>();
        for (const [k, y] of b.entries()) {
          for (let q = 0; q < y.terms.length; q++) {
            const list = postings.get(y.terms[q]!);
            if (list) list.push(k);
            else postings.set(y.terms[q]!, [k]);
          }
        }
        const shared = new Uint16Array(b.length);
        for (const x of a) {
          const touched: number[] = [];
          for (let q = 0; q < x.terms.length; q++) for (const k of postings.get(x.terms[q]!) ?? []) if (shared[k]++ === 0) touched.push(k);
          const near: number[] = [];
          for (const k of touched) {
            if (shared[k]! >= o.minSharedTerms && !(Math.abs(b[k]!.entry.ms - x.entry.ms) > windowMs)) near.push(k);
            shared[k] = 0;
          }
          near.sort((p, q) => p - q);
          if (near.length === 0) continue;
          this.probe.load(x.entry.vec);
          for (const k of near) {
            const y = b[k]!;
            const sim = this.arena.similarity(this.probe, this.arena.slot(y.id, y.entry.vec));
            if (sim < o.edgeFloor) continue;
            const nx = resolve(x.node)!;
            const ny = resolve(y.node)!;
            if (nx === ny) {
              nodes.get(nx)!.internal += sim;
              changed.add(nodes.get(nx)!);
            } else links.add(nx, ny, sim, Number.isFinite(x.entry.ms) && Number.isFinite(y.entry.ms) && sim >= o.threshold);
          }
        }
      }
    }
  }

  /** Adds documents in publication order (ties by id). */
  async addAll(docs: readonly (GroupInput | RashomonDocument)[]): Promise<void> {
    for (const d of sortForArrival(docs)) await this.add(d);
  }

  /** Merges node `other` into `node`: documents, summaries and links. */
  private mergeNode(node: NodeState, other: NodeState, nodes: Map<string, NodeState>, links: LinkMap): void {
    node.internal += other.internal + (links.get(node.id, other.id)?.sum ?? 0);
    for (const l of links.take(other.id)) {
      const to = l.a === other.id ? l.b : l.a;
      if (to !== node.id) links.add(node.id, to, l.sum, l.strong);
    }
    node.size += other.size;
    node.dated ||= other.dated;
    if (other.key < node.key) node.key = other.key;
    if (other.first && (!node.first || other.first < node.first)) node.first = other.first;
    if (other.last && (!node.last || other.last > node.last)) node.last = other.last;
    for (const x of other.outlets) if (!node.outlets.includes(x)) node.outlets.push(x);
    if (other.titleKey && (!node.titleKey || other.titleKey < node.titleKey)) {
      node.title = other.title;
      node.titleKey = other.titleKey;
    }
    nodes.delete(other.id);
  }

  private addDocToNode(node: NodeState, d: DocEntry): void {
    const key = arrivalKey(d);
    node.size++;
    node.dated ||= Number.isFinite(d.ms);
    if (key < node.key) node.key = key;
    if (d.published) {
      if (!node.first || d.published < node.first) node.first = d.published;
      if (!node.last || d.published > node.last) node.last = d.published;
    }
    if (d.outlet && !node.outlets.includes(d.outlet)) node.outlets.push(d.outlet);
    if (d.title && (!node.titleKey || key < node.titleKey)) {
      node.title = d.title;
      node.titleKey = key;
    }
  }

  /**
   * Story ids for clusters: each cluster, largest first (ties: earliest node),
   * keeps the story most of its documents were in (ties: the oldest story)
   * unless a larger cluster took it; otherwise it gets a new id.
   */
  private async name(clusters: NodeState[][]): Promise<string[]> {
    const docs = (c: NodeState[]) => c.reduce((k, n) => k + n.size, 0);
    const order = clusters.map((_, k) => k).sort((x, y) => docs(clusters[y]!) - docs(clusters[x]!) || x - y);
    const taken = new Set<string>();
    const out: string[] = new Array(clusters.length);
    for (const k of order) {
      const votes = new Map<string, number>();
      for (const n of clusters[k]!) if (n.story) votes.set(n.story, (votes.get(n.story) ?? 0) + n.size);
      const pick = [...votes].filter(([s]) => !taken.has(s)).sort((a, b) => b[1] - a[1] || storyNumber(a[0]) - storyNumber(b[0]))[0]?.[0];
      out[k] = pick ?? (await this.state.newStoryId());
      taken.add(out[k]!);
    }
    return out;
  }
}

function storyNumber(id: string): number {
  const n = Number(id.slice(id.lastIndexOf("-") + 1));
  return Number.isFinite(n) ? n : Infinity;
}
