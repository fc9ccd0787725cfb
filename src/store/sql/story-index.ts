/**
 * The story grouper's state in a library's database, shared by the SQLite and
 * PostgreSQL stores (kysely `sql` templates, portable SQL): `stories` holds
 * each story's summary and state (centroid, index terms), `story_members` its
 * latest members' vectors, `story_terms` the inverted index with each story's
 * last time, so a lookup reads only the stories of its time window. Every
 * grouper step is written inside the caller's transaction.
 */
import { sql, type Kysely } from "kysely";
import type { StoryChanges, StoryIndex, StoryState, Member } from "../../stories/index.js";
import { decodeIds, decodeVec, decodeWeights, encodeIds, encodeVec, encodeWeights } from "./codec.js";

interface StoryRow {
  id: string; title: string | null; size: number; outlets: string; first_seen: string | null; last_seen: string | null;
  last_ms: number | null; title_doc: string | null; title_score: number; centroid: Uint8Array; indexed: Uint8Array;
}
interface MemberRow { story_id: string; doc_id: string; pos: number; vec: Uint8Array; ms: number | null; published: string | null; outlet: string | null; title: string | null }

/** What was last written of a story, to write only the difference. */
interface Saved { members: string[]; indexed: number[]; lastMs: number; maxPos: number }

/** Stories kept in memory between steps (dropped whole when another writer may have changed them). */
const CACHE_LIMIT = 20_000;

/** A StoryIndex over a library database. */
export class SqlStoryIndex implements StoryIndex {
  private readonly cache = new Map<string, StoryState>();
  private readonly saved = new WeakMap<StoryState, Saved>();

  constructor(private db: Kysely<any>) {}

  /** Where queries run now (the store's transaction while a batch is written). */
  get current(): Kysely<any> {
    return this.db;
  }

  /** Runs the following queries on `db` (a transaction). */
  use(db: Kysely<any>): void {
    this.db = db;
  }

  /** Forgets cached stories (call when another writer may have written since). */
  reset(): void {
    this.cache.clear();
  }

  async postings(terms: readonly number[], ms: number, windowMs: number): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    if (terms.length === 0) return out;
    const window = Number.isFinite(ms) ? sql`AND (last_ms IS NULL OR (last_ms >= ${ms - windowMs} AND last_ms <= ${ms + windowMs}))` : sql``;
    const rows = await sql<{ term: number; story_id: string }>`SELECT term, story_id FROM story_terms WHERE term IN (${sql.join(terms.map((t) => sql`${t}`))}) ${window}`.execute(this.db);
    for (const r of rows.rows) {
      const t = Number(r.term);
      let list = out.get(t);
      if (!list) out.set(t, (list = []));
      list.push(r.story_id);
    }
    return out;
  }

  async load(ids: readonly string[]): Promise<Map<string, StoryState>> {
    const out = new Map<string, StoryState>();
    const missing = ids.filter((id) => {
      const s = this.cache.get(id);
      if (s) out.set(id, s);
      return !s;
    });
    if (missing.length === 0) return out;
    const list = sql.join(missing.map((id) => sql`${id}`));
    const stories = await sql<StoryRow>`SELECT * FROM stories WHERE id IN (${list})`.execute(this.db);
    const members = await sql<MemberRow>`SELECT story_id, doc_id, pos, vec, ms, published, outlet, title FROM story_members WHERE story_id IN (${list}) ORDER BY story_id, pos`.execute(this.db);
    const byStory = new Map<string, Member[]>();
    const maxPos = new Map<string, number>();
    for (const m of members.rows) {
      maxPos.set(m.story_id, Math.max(maxPos.get(m.story_id) ?? 0, Number(m.pos)));
      let l = byStory.get(m.story_id);
      if (!l) byStory.set(m.story_id, (l = []));
      l.push({ vec: decodeVec(m.vec), id: m.doc_id, published: m.published, ms: m.ms ?? NaN, outlet: m.outlet, title: m.title });
    }
    if (this.cache.size + stories.rows.length > CACHE_LIMIT) this.cache.clear();
    for (const r of stories.rows) {
      const s: StoryState = {
        id: r.id, size: Number(r.size), centroid: decodeWeights(r.centroid), members: byStory.get(r.id) ?? [],
        titleDoc: r.title_doc, indexed: decodeIds(r.indexed), first: r.first_seen, last: r.last_seen,
        lastMs: r.last_ms ?? -Infinity, outlets: JSON.parse(r.outlets) as string[], title: r.title, titleScore: Number(r.title_score),
      };
      this.saved.set(s, { members: s.members.map((m) => m.id), indexed: s.indexed, lastMs: s.lastMs, maxPos: maxPos.get(s.id) ?? 0 });
      this.cache.set(s.id, s);
      out.set(s.id, s);
    }
    return out;
  }

  async newStoryId(): Promise<string> {
    await sql`UPDATE meta SET value = value + 1 WHERE key = 'story_seq'`.execute(this.db);
    const r = await sql<{ value: number }>`SELECT value FROM meta WHERE key = 'story_seq'`.execute(this.db);
    return `story-${Number(r.rows[0]!.value)}`;
  }

  async save(c: StoryChanges): Promise<void> {
    const db = this.db;
    for (const [gone, kept] of c.merged) {
      this.cache.delete(gone);
      await sql`DELETE FROM stories WHERE id = ${gone}`.execute(db);
      await sql`DELETE FROM story_terms WHERE story_id = ${gone}`.execute(db);
      await sql`DELETE FROM story_members WHERE story_id = ${gone}`.execute(db);
      await sql`UPDATE documents SET story_id = ${kept} WHERE story_id = ${gone}`.execute(db);
    }
    for (const s of c.changed) await this.saveStory(s);
    for (const [doc, story] of c.assigned) await sql`UPDATE documents SET story_id = ${story} WHERE id = ${doc} AND story_id <> ${story}`.execute(db);
  }

  private async saveStory(s: StoryState): Promise<void> {
    const db = this.db;
    const prev = this.saved.get(s);
    const lastMs = Number.isFinite(s.lastMs) ? s.lastMs : null;
    await sql`INSERT INTO stories (id, title, size, outlets, first_seen, last_seen, last_ms, title_doc, title_score, centroid, indexed)
      VALUES (${s.id}, ${s.title}, ${s.size}, ${JSON.stringify(s.outlets)}, ${s.first}, ${s.last}, ${lastMs}, ${s.titleDoc}, ${s.titleScore}, ${encodeWeights(s.centroid)}, ${encodeIds(s.indexed)})
      ON CONFLICT (id) DO UPDATE SET title = excluded.title, size = excluded.size, outlets = excluded.outlets, first_seen = excluded.first_seen,
        last_seen = excluded.last_seen, last_ms = excluded.last_ms, title_doc = excluded.title_doc, title_score = excluded.title_score,
        centroid = excluded.centroid, indexed = excluded.indexed`.execute(db);
    // Members: the common step appends one and may drop the oldest; anything else rewrites the story's rows.
    const ids = s.members.map((m) => m.id);
    const old = prev?.members ?? [];
    const kept = old.filter((id) => ids.includes(id));
    const appended = kept.length === 0 || ids.slice(0, kept.length).every((id, i) => id === kept[i]) ? ids.slice(kept.length) : null;
    let maxPos = prev?.maxPos ?? 0;
    if (appended) {
      const dropped = old.filter((id) => !ids.includes(id));
      for (const id of dropped) await sql`DELETE FROM story_members WHERE doc_id = ${id} AND story_id = ${s.id}`.execute(db);
      for (const m of s.members.filter((x) => appended.includes(x.id))) await this.putMember(s.id, m, ++maxPos);
    } else {
      await sql`DELETE FROM story_members WHERE story_id = ${s.id}`.execute(db);
      maxPos = 0;
      for (const m of s.members) await this.putMember(s.id, m, ++maxPos);
    }
    // Index terms, each with the story's last time.
    const sameTerms = prev && prev.indexed.length === s.indexed.length && prev.indexed.every((t, i) => t === s.indexed[i]);
    if (!sameTerms) {
      await sql`DELETE FROM story_terms WHERE story_id = ${s.id}`.execute(db);
      if (s.indexed.length) await sql`INSERT INTO story_terms (term, story_id, last_ms) VALUES ${sql.join(s.indexed.map((t) => sql`(${t}, ${s.id}, ${lastMs})`))}`.execute(db);
    } else if (prev.lastMs !== s.lastMs) {
      await sql`UPDATE story_terms SET last_ms = ${lastMs} WHERE story_id = ${s.id}`.execute(db);
    }
    this.saved.set(s, { members: ids, indexed: [...s.indexed], lastMs: s.lastMs, maxPos });
    this.cache.set(s.id, s);
  }

  private async putMember(story: string, m: Member, pos: number): Promise<void> {
    await sql`INSERT INTO story_members (doc_id, story_id, pos, vec, ms, published, outlet, title)
      VALUES (${m.id}, ${story}, ${pos}, ${encodeVec(m.vec)}, ${Number.isFinite(m.ms) ? m.ms : null}, ${m.published}, ${m.outlet}, ${m.title})
      ON CONFLICT (doc_id) DO UPDATE SET story_id = excluded.story_id, pos = excluded.pos`.execute(this.db);
  }
}
