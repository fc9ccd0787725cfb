/**
 * The grouper's state over a library database, written once per ingest batch
 * instead of once per document. Inside a write transaction (`begin` …
 * `flush`), what the batch's documents change (new documents and their index
 * terms, merged nodes and components, links, edges, stories) is kept here and
 * read back from here, and whatever else the grouper asks for is read from the
 * database once and kept for the rest of the batch: the batch holds the
 * library's write lock, so nothing else can change it meanwhile. `flush` then
 * writes the batch's changes in a few multi-row statements. The stories come
 * out exactly as with `SqlGroupingState` alone (the store contract and
 * determinism tests run through this class); per document, the writes fall
 * from about fifteen statements to none, and the reads of a component to one.
 * Outside a transaction, every call goes to the database state directly.
 */
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DocEntry, GroupingState, GroupingStep, NodeLinkState, NodeState, StorySummaryRow, WindowCandidates } from "../../stories/index.js";
import { encodeTerms, encodeVec } from "./codec.js";
import type { SqlGroupingState } from "./grouping-state.js";
import { MIRROR_AFTER, WindowIndex } from "./window-index.js";

/** Rows per multi-row statement (PostgreSQL allows 65,535 parameters, SQLite 32,766). */
const ROWS = 400;

const pairKey = (a: string, b: string): string => `${a}\u0000${b}`;
const copyNode = (n: NodeState): NodeState => ({ ...n, outlets: [...n.outlets] });
const list = (values: readonly (string | number)[]): RawBuilder<unknown> => sql.join(values.map((v) => sql`${v}`));

/** A component as loaded for the batch: all its nodes and the links among them. */
interface Component {
  nodes: Set<string>;
  links: Map<string, NodeLinkState>;
}

/** What one batch has read and changed. */
class Overlay {
  readonly docs = new Map<string, { entry: DocEntry; terms: number[] }>();
  /** Index terms of the batch's documents: term → document ids. */
  readonly postings = new Map<number, string[]>();
  readonly docNode = new Map<string, string>();
  readonly nodeRedirect = new Map<string, string>();
  readonly compRedirect = new Map<string, string>();
  /** Node states read or written in this batch (null: merged away or absent). */
  readonly nodes = new Map<string, NodeState | null>();
  readonly comps = new Map<string, Component>();
  /** Components merged into others in this batch. */
  readonly gone = new Set<string>();
  /** Nodes and links (by pair key) this batch created or changed. */
  readonly dirtyNodes = new Set<string>();
  /** Nodes whose documents changed story (`GroupingStep.moved`). */
  readonly moved = new Set<string>();
  readonly dirtyLinks = new Set<string>();
  readonly stories = new Map<string, StorySummaryRow>();
  readonly removed = new Set<string>();
  storySeq: number | null = null;
  storySeqStart: number | null = null;
  /** Whether the window mirror has read what other writers stored, and whether the library holds undated documents. */
  synced = false;
  undated = false;

  node(id: string): string {
    for (let n = this.nodeRedirect.get(id); n !== undefined; n = this.nodeRedirect.get(id)) id = n;
    return id;
  }

  comp(id: string): string {
    for (let c = this.compRedirect.get(id); c !== undefined; c = this.compRedirect.get(id)) id = c;
    return id;
  }
}

/** A GroupingState that batches a store's reads and writes per write transaction. */
export class BatchedGroupingState implements GroupingState {
  private tx: Overlay | null = null;
  private readonly window = new WindowIndex();
  /** Documents grouped by this process (the window mirror is used past MIRROR_AFTER). */
  private grouped = 0;

  constructor(readonly base: SqlGroupingState) {}

  /** Starts a batch (the store's write transaction and lock are held). */
  begin(): void {
    this.tx = new Overlay();
  }

  /** Forgets the batch (its transaction rolled back), and the window mirror and cached vectors with it. */
  abort(): void {
    this.tx = null;
    this.window.reset();
    this.base.reset();
  }

  /** Makes the window mirror hold this document's window (read what is missing); whether it can answer. */
  private async windowReady(tx: Overlay, ms: number, windowMs: number): Promise<boolean> {
    if (!this.window.usable) return false;
    const db = this.base.current;
    if (!tx.synced) {
      await this.window.sync(db);
      tx.undated = await this.base.hasUndated();
      tx.synced = true;
    }
    await this.window.cover(db, ms - windowMs, ms + windowMs, 4 * windowMs);
    return this.window.usable;
  }

  /** Stored candidates: from the window mirror in a long run, else from the database. */
  private async stored(terms: readonly number[], ms: number, windowMs: number, minShared: number): Promise<string[]> {
    const tx = this.tx;
    if (!tx || !Number.isFinite(ms) || ++this.grouped <= MIRROR_AFTER || !(await this.windowReady(tx, ms, windowMs))) return this.base.candidates(terms, ms, windowMs, minShared);
    const out = this.window.candidates(terms, ms, windowMs, minShared);
    if (tx.undated) out.push(...(await this.base.undatedCandidates(terms, minShared)));
    return out;
  }

  async windowCandidates(terms: readonly number[], ms: number, windowMs: number, minShared: number, exclude: string): Promise<WindowCandidates | null> {
    const tx = this.tx;
    // Otherwise `candidates` answers (and counts the document).
    if (!tx || !Number.isFinite(ms) || this.grouped < MIRROR_AFTER || !(await this.windowReady(tx, ms, windowMs))) return null;
    this.grouped++;
    const w = this.window;
    const slots = w.candidateSlots(terms, ms, windowMs, minShared, exclude);
    const rest = tx.undated ? await this.base.undatedCandidates(terms, minShared) : [];
    rest.push(...batchCandidates(tx, terms, ms, windowMs, minShared));
    return { slots, ids: w.ids, ms: w.times, vectors: w.vectors, entries: (ids) => this.entries(ids), rest: rest.filter((id) => id !== exclude) };
  }

  /**
   * Candidates from the window mirror as it stands, their entries read outside
   * the write transaction, for `StoryGrouper.prepare`: none when no other
   * writer stored anything since this one's last batch, when the mirror does
   * not hold the window, or when this process has not grouped enough to keep one.
   */
  async knownCandidates(terms: readonly number[], ms: number, windowMs: number, minShared: number): Promise<Map<string, DocEntry>> {
    if (!this.knowsWindow(ms, windowMs)) return new Map();
    return this.base.storedEntries(this.window.candidates(terms, ms, windowMs, minShared));
  }

  async knownWindowCandidates(terms: readonly number[], ms: number, windowMs: number, minShared: number, exclude: string): Promise<WindowCandidates | null> {
    if (!this.knowsWindow(ms, windowMs)) return null;
    const w = this.window;
    const slots = w.candidateSlots(terms, ms, windowMs, minShared, exclude);
    return { slots, ids: w.ids, ms: w.times, vectors: w.vectors, entries: (ids) => this.base.storedEntries(ids), rest: [] };
  }

  /** Whether `prepare` may compare with the window mirror as it stands (see `knownCandidates`). */
  private knowsWindow(ms: number, windowMs: number): boolean {
    // Only while other writers take turns with this one (alone, this would be the same work done twice), and
    // not while this process writes (a second ingest through one handle): its batch is not committed yet.
    return this.window.othersWrote && !this.tx && this.grouped > MIRROR_AFTER && this.window.holds(ms - windowMs, ms + windowMs);
  }

  async candidates(terms: readonly number[], ms: number, windowMs: number, minShared: number): Promise<string[]> {
    const stored = await this.stored(terms, ms, windowMs, minShared);
    const tx = this.tx;
    if (!tx || tx.docs.size === 0) return stored;
    stored.push(...batchCandidates(tx, terms, ms, windowMs, minShared));
    return stored;
  }

  async entries(ids: readonly string[]): Promise<Map<string, DocEntry>> {
    const tx = this.tx;
    if (!tx) return this.base.entries(ids);
    const mine = ids.filter((id) => tx.docs.has(id));
    const out = await this.base.entries(mine.length ? ids.filter((id) => !tx.docs.has(id)) : ids);
    for (const id of mine) out.set(id, tx.docs.get(id)!.entry);
    return out;
  }

  async nodesOfDocs(ids: readonly string[]): Promise<Map<string, string>> {
    const tx = this.tx;
    if (!tx) return this.base.nodesOfDocs(ids);
    const missing = ids.filter((id) => !tx.docNode.has(id));
    if (missing.length) for (const [d, n] of await this.base.nodesOfDocs(missing)) tx.docNode.set(d, n);
    const out = new Map<string, string>();
    for (const id of ids) {
      const n = tx.docNode.get(id);
      if (n !== undefined) out.set(id, tx.node(n));
    }
    return out;
  }

  async nodes(ids: readonly string[]): Promise<Map<string, NodeState>> {
    const tx = this.tx;
    if (!tx) return this.base.nodes(ids);
    const missing = ids.filter((id) => !tx.nodes.has(id));
    if (missing.length) {
      const read = await this.base.nodes(missing);
      for (const id of missing) {
        const n = read.get(id);
        tx.nodes.set(id, n ? { ...n, comp: tx.comp(n.comp) } : null);
      }
    }
    const out = new Map<string, NodeState>();
    for (const id of ids) {
      const n = tx.nodes.get(id);
      if (n) out.set(id, copyNode(n));
    }
    return out;
  }

  /** Loads these components whole (nodes and links), once per batch. */
  private async load(tx: Overlay, components: readonly string[]): Promise<Component[]> {
    const wanted = [...new Set(components.map((c) => tx.comp(c)))];
    const missing = wanted.filter((c) => !tx.comps.has(c));
    if (missing.length) {
      const [nodes, links] = await Promise.all([this.base.componentNodes(missing), this.base.componentLinks(missing)]);
      for (const c of missing) tx.comps.set(c, { nodes: new Set(), links: new Map() });
      for (const n of nodes) {
        const known = tx.nodes.get(n.id);
        if (known === null) continue;
        const state = known ?? { ...n, comp: tx.comp(n.comp) };
        tx.nodes.set(n.id, state);
        tx.comps.get(tx.comp(n.comp))?.nodes.add(n.id);
      }
      // Links are filed with their component; each belongs to the component of its nodes.
      for (const l of links) {
        const a = tx.nodes.get(l.a);
        if (!a || !tx.nodes.get(l.b)) continue;
        tx.comps.get(a.comp)?.links.set(pairKey(l.a, l.b), { ...l });
      }
    }
    return wanted.map((c) => tx.comps.get(c)!);
  }

  async componentNodes(components: readonly string[]): Promise<NodeState[]> {
    const tx = this.tx;
    if (!tx) return this.base.componentNodes(components);
    return (await this.load(tx, components)).flatMap((c) => [...c.nodes].map((id) => copyNode(tx.nodes.get(id)!)));
  }

  async componentLinks(components: readonly string[]): Promise<NodeLinkState[]> {
    const tx = this.tx;
    if (!tx) return this.base.componentLinks(components);
    return (await this.load(tx, components)).flatMap((c) => [...c.links.values()].map((l) => ({ ...l })));
  }

  async nodeDocs(nodes: readonly string[]): Promise<{ id: string; node: string; terms: ArrayLike<number> }[]> {
    const tx = this.tx;
    if (!tx) return this.base.nodeDocs(nodes);
    // Stored documents still name the nodes merged in this batch; the batch's own documents are here.
    const wanted = new Set(nodes.map((n) => tx.node(n)));
    const stored = [...new Set([...wanted, ...[...tx.nodeRedirect.keys()].filter((m) => wanted.has(tx.node(m)))])];
    const out = (await this.base.nodeDocs(stored)).filter((d) => !tx.docs.has(d.id)).map((d) => ({ ...d, node: tx.node(d.node) }));
    for (const [id, d] of tx.docs) {
      const n = tx.node(tx.docNode.get(id)!);
      if (wanted.has(n)) out.push({ id, node: n, terms: d.terms });
    }
    return out;
  }


  async newStoryId(): Promise<string> {
    const tx = this.tx;
    if (!tx) return this.base.newStoryId();
    if (tx.storySeq === null) tx.storySeq = tx.storySeqStart = await this.base.storySeq();
    return `story-${++tx.storySeq}`;
  }

  async save(s: GroupingStep): Promise<void> {
    const tx = this.tx;
    if (!tx) return this.base.save(s);
    const d = s.doc;
    const c = s.component;
    tx.docs.set(d.id, { entry: d, terms: s.terms });
    for (const t of s.terms) {
      const ids = tx.postings.get(t);
      if (ids) ids.push(d.id);
      else tx.postings.set(t, [d.id]);
    }
    tx.docNode.set(d.id, s.node);
    let comp = tx.comps.get(c);
    if (!comp) tx.comps.set(c, (comp = { nodes: new Set(), links: new Map() }));
    for (const m of s.mergedComponents) {
      const from = tx.comps.get(m);
      tx.compRedirect.set(m, c);
      tx.gone.add(m);
      if (!from) continue;
      for (const id of from.nodes) comp.nodes.add(id);
      for (const [k, l] of from.links) comp.links.set(k, l);
      tx.comps.delete(m);
    }
    for (const m of s.mergedNodes) {
      tx.nodeRedirect.set(m, s.node);
      tx.nodes.set(m, null);
      comp.nodes.delete(m);
      tx.dirtyNodes.delete(m);
    }
    if (s.mergedNodes.length) {
      const merged = new Set(s.mergedNodes);
      for (const [k, l] of comp.links) {
        if (!merged.has(l.a) && !merged.has(l.b)) continue;
        comp.links.delete(k);
        tx.dirtyLinks.delete(k);
      }
    }
    for (const id of comp.nodes) tx.nodes.get(id)!.comp = c;
    for (const l of s.links) {
      comp.links.set(pairKey(l.a, l.b), { ...l });
      tx.dirtyLinks.add(pairKey(l.a, l.b));
    }
    for (const n of s.nodes) {
      tx.nodes.set(n.id, { ...copyNode(n), comp: c });
      comp.nodes.add(n.id);
      tx.dirtyNodes.add(n.id);
    }
    for (const id of s.moved) tx.moved.add(id);
    for (const r of s.stories) tx.stories.set(r.id, r);
    for (const id of s.removed) {
      tx.removed.add(id);
      tx.stories.delete(id);
    }
  }

  /** Writes the batch's changes (inside its transaction) and ends the batch. */
  async flush(): Promise<void> {
    const tx = this.tx;
    if (!tx) return;
    this.tx = null;
    const db = this.base.current;
    await writeDocs(db, tx);
    const redirected = new Map<string, string[]>();
    for (const m of tx.nodeRedirect.keys()) {
      const to = tx.node(m);
      redirected.set(to, [...(redirected.get(to) ?? []), m]);
    }
    for (const [to, from] of redirected) await chunks(from, (c) => sql`UPDATE group_docs SET node = ${to} WHERE node IN (${list(c)})`.execute(db));
    await writeComponents(db, tx);
    if (tx.removed.size) await chunks([...tx.removed], (c) => sql`DELETE FROM stories WHERE id IN (${list(c)})`.execute(db));
    await chunks([...tx.stories.values()], (rows) =>
      sql`INSERT INTO stories (id, title, size, outlets, first_seen, last_seen) VALUES ${sql.join(rows.map((r) => sql`(${r.id}, ${r.title}, ${r.size}, ${JSON.stringify(r.outlets)}, ${r.firstSeen}, ${r.lastSeen})`))}
        ON CONFLICT (id) DO UPDATE SET title = excluded.title, size = excluded.size, outlets = excluded.outlets, first_seen = excluded.first_seen, last_seen = excluded.last_seen`.execute(db));
    if (tx.storySeq !== null && tx.storySeq !== tx.storySeqStart) await sql`UPDATE meta SET value = ${tx.storySeq} WHERE key = 'story_seq'`.execute(db);
    await writeStoriesOfDocs(db, tx);
    this.base.remember([...tx.docs.values()].map((d) => d.entry));
    // Only a batch that read what other writers stored may move the mirror past them; otherwise the
    // next sync reads this batch's documents from the library along with theirs.
    if (tx.synced) await this.window.added(db, [...tx.docs.values()].filter((d) => Number.isFinite(d.entry.ms)).map((d) => ({ id: d.entry.id, ms: d.entry.ms, terms: d.terms })));
  }
}

/**
 * The stored documents of the nodes whose story changed or that took in
 * merged nodes (`GroupingStep.moved`, few per batch) take their node's story.
 * (The batch's own documents were written with the story they joined; a later
 * change of it in the batch moves their node.) Read by node, then written by
 * id: one join over the nodes read the whole documents table on PostgreSQL
 * whenever its planner expected many documents per node (no statistics yet,
 * autovacuum off), a cost per batch that grew with the library.
 */
async function writeStoriesOfDocs(db: Kysely<any>, tx: Overlay): Promise<void> {
  const storyOf = new Map<string, string>();
  for (const m of tx.moved) {
    const node = tx.node(m);
    const story = tx.nodes.get(node)?.story;
    if (story) storyOf.set(node, story);
  }
  if (!storyOf.size) return;
  const docs = new Map<string, string[]>();
  await chunks([...storyOf.keys()], async (c) => {
    for (const r of (await sql<{ doc_id: string; node: string }>`SELECT doc_id, node FROM group_docs WHERE node IN (${list(c)})`.execute(db)).rows) {
      const story = storyOf.get(r.node)!;
      const ids = docs.get(story);
      if (ids) ids.push(r.doc_id);
      else docs.set(story, [r.doc_id]);
    }
  }, 50);
  for (const [story, ids] of docs) {
    await chunks(ids, (c) => sql`UPDATE documents SET story_id = ${story} WHERE id IN (${list(c)}) AND (story_id IS NULL OR story_id <> ${story})`.execute(db));
  }
}

/** Runs `fn` over `items` in slices of `ROWS`. */
async function chunks<T>(items: readonly T[], fn: (slice: T[]) => Promise<unknown>, size = ROWS): Promise<void> {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}

async function writeDocs(db: Kysely<any>, tx: Overlay): Promise<void> {
  const docs = [...tx.docs.values()];
  const ms = (e: DocEntry) => (Number.isFinite(e.ms) ? e.ms : null);
  await chunks(docs, (rows) =>
    sql`INSERT INTO group_docs (doc_id, node, ms, published, title, outlet, vec, terms) VALUES ${sql.join(rows.map(({ entry: e, terms: ts }) =>
      sql`(${e.id}, ${tx.node(tx.docNode.get(e.id)!)}, ${ms(e)}, ${e.published}, ${e.title}, ${e.outlet}, ${encodeVec(e.vec)}, ${encodeTerms(ts)})`))}`.execute(db));
  const terms = docs.flatMap(({ entry: e, terms: ts }) => ts.map((t) => [t, e.id, ms(e)] as const));
  await chunks(terms, (rows) => sql`INSERT INTO group_terms (term, doc_id, ms) VALUES ${sql.join(rows.map(([t, id, m]) => sql`(${t}, ${id}, ${m})`))}`.execute(db), ROWS * 4);
}

/** Writes the nodes and links the batch changed, moves those of merged components, drops those of merged nodes. */
async function writeComponents(db: Kysely<any>, tx: Overlay): Promise<void> {
  const into = new Map<string, string[]>();
  for (const g of tx.gone) into.set(tx.comp(g), [...(into.get(tx.comp(g)) ?? []), g]);
  for (const [to, from] of into) {
    await chunks(from, async (c) => {
      await sql`UPDATE group_nodes SET comp = ${to} WHERE comp IN (${list(c)})`.execute(db);
      await sql`UPDATE group_links SET comp = ${to} WHERE comp IN (${list(c)})`.execute(db);
    });
  }
  await chunks([...tx.nodeRedirect.keys()], async (c) => {
    await sql`DELETE FROM group_nodes WHERE id IN (${list(c)})`.execute(db);
    await sql`DELETE FROM group_links WHERE a IN (${list(c)}) OR b IN (${list(c)})`.execute(db);
  });
  const nodes = [...tx.dirtyNodes].map((id) => tx.nodes.get(id)!);
  await chunks(nodes, (rows) =>
    sql`INSERT INTO group_nodes (id, comp, size, internal, dated, key, first_seen, last_seen, outlets, title, title_key, story) VALUES ${sql.join(rows.map((n) =>
      sql`(${n.id}, ${tx.comp(n.comp)}, ${n.size}, ${n.internal}, ${n.dated ? 1 : 0}, ${n.key}, ${n.first}, ${n.last}, ${JSON.stringify(n.outlets)}, ${n.title}, ${n.titleKey}, ${n.story})`))}
      ON CONFLICT (id) DO UPDATE SET comp = excluded.comp, size = excluded.size, internal = excluded.internal, dated = excluded.dated, key = excluded.key,
        first_seen = excluded.first_seen, last_seen = excluded.last_seen, outlets = excluded.outlets, title = excluded.title, title_key = excluded.title_key, story = excluded.story`.execute(db));
  const links: [NodeLinkState, string][] = [];
  for (const k of tx.dirtyLinks) {
    const [a] = k.split("\u0000");
    const c = tx.comp(tx.nodes.get(a!)!.comp);
    links.push([tx.comps.get(c)!.links.get(k)!, c]);
  }
  await chunks(links, (rows) =>
    sql`INSERT INTO group_links (a, b, sum, strong, comp) VALUES ${sql.join(rows.map(([l, c]) => sql`(${l.a}, ${l.b}, ${l.sum}, ${l.strong ? 1 : 0}, ${c})`))}
      ON CONFLICT (a, b) DO UPDATE SET sum = excluded.sum, strong = excluded.strong, comp = excluded.comp`.execute(db));
}

/** The batch's own documents that are candidates (not in the database yet: counted here the way the database counts). */
function batchCandidates(tx: Overlay, terms: readonly number[], ms: number, windowMs: number, minShared: number): string[] {
  const out: string[] = [];
  if (tx.docs.size === 0) return out;
  const hits = new Map<string, number>();
  for (const t of terms) for (const id of tx.postings.get(t) ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
  for (const [id, k] of hits) {
    if (k < minShared) continue;
    const other = tx.docs.get(id)!.entry.ms;
    if (!Number.isFinite(ms) || !Number.isFinite(other) || Math.abs(other - ms) <= windowMs) out.push(id);
  }
  return out;
}
