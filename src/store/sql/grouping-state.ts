/**
 * The story grouper's state in a library's database, shared by the SQLite and
 * PostgreSQL stores (kysely `sql` templates, portable SQL): `group_docs` holds
 * each document's vector and node, `group_terms` the inverted index with each
 * document's time (a lookup reads only its time window), `group_nodes` the
 * nodes with their component and story, `group_links` the summed similarities
 * between nodes of a component (`group_edges`, weak edges between components, is
 * no longer written: merging components finds those pairs again),
 * `stories` the summaries and `documents.story_id` the assignment. Every step is
 * written inside the caller's transaction. Document vectors never change once
 * written, so they are cached in memory; everything else is read each step.
 */
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DocEntry, GroupingState, GroupingStep, NodeLinkState, NodeState } from "../../stories/index.js";
import { decodeTerms, decodeVec, encodeTerms, encodeVec } from "./codec.js";

/** Document vectors kept in memory (dropped whole when full). */
const CACHE_LIMIT = 50_000;
/** Values per IN list. */
const CHUNK = 500;

interface DocRow { doc_id: string; ms: number | null; published: string | null; title: string | null; outlet: string | null; vec: Uint8Array }
interface NodeRow {
  id: string; comp: string; size: number; internal: number; dated: number; key: string; first_seen: string | null; last_seen: string | null;
  outlets: string; title: string | null; title_key: string | null; story: string | null;
}

function list(values: readonly (string | number)[]): RawBuilder<unknown> {
  return sql.join(values.map((v) => sql`${v}`));
}

/** Runs `fn` over `values` in chunks and concatenates the results. */
async function chunked<T>(values: readonly (string | number)[], fn: (chunk: readonly (string | number)[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(...(await fn(values.slice(i, i + CHUNK))));
  return out;
}

function toNode(r: NodeRow): NodeState {
  return {
    id: r.id, comp: r.comp, size: Number(r.size), internal: Number(r.internal), dated: Number(r.dated) === 1, key: r.key,
    first: r.first_seen, last: r.last_seen, outlets: JSON.parse(r.outlets) as string[], title: r.title, titleKey: r.title_key, story: r.story,
  };
}

/** A GroupingState over a library database. */
export class SqlGroupingState implements GroupingState {
  private readonly cache = new Map<string, DocEntry>();

  /** The library's own handle, outside any transaction. */
  private readonly root: Kysely<any>;

  constructor(private db: Kysely<any>) {
    this.root = db;
  }

  /** Forgets cached vectors (after a regroup). */
  reset(): void {
    this.cache.clear();
  }

  /** Where queries run now (the store's transaction while a batch is written). */
  get current(): Kysely<any> {
    return this.db;
  }

  /** Runs the following queries on `db` (a transaction). */
  use(db: Kysely<any>): void {
    this.db = db;
  }

  async candidates(terms: readonly number[], ms: number, windowMs: number, minShared: number): Promise<string[]> {
    if (terms.length === 0) return [];
    // Two index range scans (the window, and undated documents) rather than an OR that would read every
    // posting of the terms whatever its time: the cost stays with the window, not the library.
    const postings = Number.isFinite(ms)
      ? sql`SELECT doc_id FROM group_terms WHERE term IN (${list(terms)}) AND ms >= ${ms - windowMs} AND ms <= ${ms + windowMs}
          UNION ALL SELECT doc_id FROM group_terms WHERE term IN (${list(terms)}) AND ms IS NULL`
      : sql`SELECT doc_id FROM group_terms WHERE term IN (${list(terms)})`;
    const rows = await sql<{ doc_id: string }>`SELECT doc_id FROM (${postings}) p GROUP BY doc_id HAVING COUNT(*) >= ${minShared}`.execute(this.db);
    return rows.rows.map((r) => r.doc_id);
  }

  /** Whether the library holds an undated grouped document. */
  async hasUndated(): Promise<boolean> {
    return (await sql`SELECT 1 FROM group_docs WHERE ms IS NULL LIMIT 1`.execute(this.db)).rows.length > 0;
  }

  /** Undated documents indexed under at least `minShared` of these terms. */
  async undatedCandidates(terms: readonly number[], minShared: number): Promise<string[]> {
    if (terms.length === 0) return [];
    const rows = await sql<{ doc_id: string }>`SELECT doc_id FROM group_terms WHERE term IN (${list(terms)}) AND ms IS NULL GROUP BY doc_id HAVING COUNT(*) >= ${minShared}`.execute(this.db);
    return rows.rows.map((r) => r.doc_id);
  }

  async entries(ids: readonly string[]): Promise<Map<string, DocEntry>> {
    return this.entriesFrom(this.db, ids);
  }

  /** The entries of these stored documents, read outside any write transaction (committed ones only, on PostgreSQL). */
  async storedEntries(ids: readonly string[]): Promise<Map<string, DocEntry>> {
    return this.entriesFrom(this.root, ids);
  }

  private async entriesFrom(db: Kysely<any>, ids: readonly string[]): Promise<Map<string, DocEntry>> {
    const out = new Map<string, DocEntry>();
    const missing = ids.filter((id) => {
      const e = this.cache.get(id);
      if (e) out.set(id, e);
      return !e;
    });
    const rows = await chunked(missing, async (c) => (await sql<DocRow>`SELECT doc_id, ms, published, title, outlet, vec FROM group_docs WHERE doc_id IN (${list(c)})`.execute(db)).rows);
    if (this.cache.size + rows.length > CACHE_LIMIT) this.cache.clear();
    for (const r of rows) {
      const e: DocEntry = { id: r.doc_id, vec: decodeVec(r.vec), ms: r.ms ?? NaN, published: r.published, title: r.title, outlet: r.outlet };
      this.cache.set(e.id, e);
      out.set(e.id, e);
    }
    return out;
  }

  async nodesOfDocs(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await chunked(ids, async (c) => (await sql<{ doc_id: string; node: string }>`SELECT doc_id, node FROM group_docs WHERE doc_id IN (${list(c)})`.execute(this.db)).rows);
    return new Map(rows.map((r) => [r.doc_id, r.node]));
  }

  async nodes(ids: readonly string[]): Promise<Map<string, NodeState>> {
    const rows = await chunked(ids, async (c) => (await sql<NodeRow>`SELECT * FROM group_nodes WHERE id IN (${list(c)})`.execute(this.db)).rows);
    return new Map(rows.map((r) => [r.id, toNode(r)]));
  }

  async componentNodes(components: readonly string[]): Promise<NodeState[]> {
    if (components.length === 0) return [];
    return (await sql<NodeRow>`SELECT * FROM group_nodes WHERE comp IN (${list(components)})`.execute(this.db)).rows.map(toNode);
  }

  async componentLinks(components: readonly string[]): Promise<NodeLinkState[]> {
    if (components.length === 0) return [];
    const rows = await sql<{ a: string; b: string; sum: number; strong: number }>`SELECT a, b, sum, strong FROM group_links WHERE comp IN (${list(components)})`.execute(this.db);
    return rows.rows.map((r) => ({ a: r.a, b: r.b, sum: Number(r.sum), strong: Number(r.strong) === 1 }));
  }

  async nodeDocs(nodes: readonly string[]): Promise<{ id: string; node: string; terms: ArrayLike<number> }[]> {
    const rows = await chunked(nodes, async (c) => (await sql<{ doc_id: string; node: string; terms: Uint8Array | null }>`SELECT doc_id, node, terms FROM group_docs WHERE node IN (${list(c)})`.execute(this.db)).rows);
    return rows.map((r) => ({ id: r.doc_id, node: r.node, terms: r.terms ? decodeTerms(r.terms) : [] }));
  }


  /** Keeps vectors just written (after their batch is flushed). */
  remember(entries: readonly DocEntry[]): void {
    if (this.cache.size + entries.length > CACHE_LIMIT) this.cache.clear();
    for (const e of entries) this.cache.set(e.id, e);
  }

  /** The last story number given out. */
  async storySeq(): Promise<number> {
    const r = await sql<{ value: number }>`SELECT value FROM meta WHERE key = 'story_seq'`.execute(this.db);
    return Number(r.rows[0]!.value);
  }

  async newStoryId(): Promise<string> {
    await sql`UPDATE meta SET value = value + 1 WHERE key = 'story_seq'`.execute(this.db);
    const r = await sql<{ value: number }>`SELECT value FROM meta WHERE key = 'story_seq'`.execute(this.db);
    return `story-${Number(r.rows[0]!.value)}`;
  }

  async save(s: GroupingStep): Promise<void> {
    const db = this.db;
    const d = s.doc;
    const ms = Number.isFinite(d.ms) ? d.ms : null;
    const c = s.component;
    await sql`INSERT INTO group_docs (doc_id, node, ms, published, title, outlet, vec, terms) VALUES (${d.id}, ${s.node}, ${ms}, ${d.published}, ${d.title}, ${d.outlet}, ${encodeVec(d.vec)}, ${encodeTerms(s.terms)})`.execute(db);
    if (s.terms.length) await sql`INSERT INTO group_terms (term, doc_id, ms) VALUES ${sql.join(s.terms.map((t) => sql`(${t}, ${d.id}, ${ms})`))}`.execute(db);
    if (s.mergedNodes.length) {
      const m = list(s.mergedNodes);
      await sql`UPDATE group_docs SET node = ${s.node} WHERE node IN (${m})`.execute(db);
      await sql`DELETE FROM group_links WHERE a IN (${m}) OR b IN (${m})`.execute(db);
      await sql`DELETE FROM group_nodes WHERE id IN (${m})`.execute(db);
    }
    if (s.mergedComponents.length) {
      const m = list(s.mergedComponents);
      await sql`UPDATE group_nodes SET comp = ${c} WHERE comp IN (${m})`.execute(db);
      await sql`UPDATE group_links SET comp = ${c} WHERE comp IN (${m})`.execute(db);
    }
    for (const l of s.links) {
      await sql`INSERT INTO group_links (a, b, sum, strong, comp) VALUES (${l.a}, ${l.b}, ${l.sum}, ${l.strong ? 1 : 0}, ${c})
        ON CONFLICT (a, b) DO UPDATE SET sum = excluded.sum, strong = excluded.strong, comp = excluded.comp`.execute(db);
    }
    for (const n of s.nodes) {
      await sql`INSERT INTO group_nodes (id, comp, size, internal, dated, key, first_seen, last_seen, outlets, title, title_key, story)
        VALUES (${n.id}, ${c}, ${n.size}, ${n.internal}, ${n.dated ? 1 : 0}, ${n.key}, ${n.first}, ${n.last}, ${JSON.stringify(n.outlets)}, ${n.title}, ${n.titleKey}, ${n.story})
        ON CONFLICT (id) DO UPDATE SET comp = excluded.comp, size = excluded.size, internal = excluded.internal, dated = excluded.dated, key = excluded.key,
          first_seen = excluded.first_seen, last_seen = excluded.last_seen, outlets = excluded.outlets, title = excluded.title, title_key = excluded.title_key, story = excluded.story`.execute(db);
    }
    const story = new Map(s.nodes.map((n) => [n.id, n.story!]));
    for (const id of s.moved) {
      await sql`UPDATE documents SET story_id = ${story.get(id)!} WHERE id IN (SELECT doc_id FROM group_docs WHERE node = ${id}) AND story_id <> ${story.get(id)!}`.execute(db);
    }
    for (const r of s.stories) {
      await sql`INSERT INTO stories (id, title, size, outlets, first_seen, last_seen) VALUES (${r.id}, ${r.title}, ${r.size}, ${JSON.stringify(r.outlets)}, ${r.firstSeen}, ${r.lastSeen})
        ON CONFLICT (id) DO UPDATE SET title = excluded.title, size = excluded.size, outlets = excluded.outlets, first_seen = excluded.first_seen, last_seen = excluded.last_seen`.execute(db);
    }
    if (s.removed.length) await sql`DELETE FROM stories WHERE id IN (${list(s.removed)})`.execute(db);
    if (this.cache.size < CACHE_LIMIT) this.cache.set(d.id, d);
  }
}
