/**
 * The PostgreSQL library's story listing and full-text search: each document's
 * title and text as an `english` tsvector in the column `search` with a GIN
 * index (migration `0009-search-vector`), queried with `plainto_tsquery`, so no
 * query syntax reaches the server.
 */
import { sql, type Kysely } from "kysely";
import type { RashomonDocument } from "../../model/index.js";
import { pageOf, queryWords, searchHit, type SearchHit, type StoredView, type StoryPage, type StoryQuery } from "../queries.js";
import type { StorySummaryRow } from "../../stories/index.js";
import { storyRow, type StoryRow } from "../sql/story-row.js";

/** A document's stored search vector (migration `0009-search-vector`). */
export const DOC_VECTOR = sql`search`;

/**
 * The text a document's search vector is made from: its title and text, as
 * migration 0009 made it from the stored JSON (NUL, which PostgreSQL's text
 * cannot hold, as a space).
 */
export function searchText(d: Pick<RashomonDocument, "title" | "text">): string {
  return `${typeof d.title === "string" ? d.title : ""} ${typeof d.text === "string" ? d.text : ""}`.replace(/\u0000/g, " ");
}

/** The search vectors of these texts, in order, as PostgreSQL writes them (`tsvector` text). */
export async function searchVectors(db: Kysely<any>, texts: readonly string[]): Promise<string[]> {
  if (texts.length === 0) return [];
  const rows = await sql<{ v: string }>`SELECT to_tsvector('english', t)::text AS v FROM unnest(${[...texts]}::text[]) WITH ORDINALITY AS u(t, i) ORDER BY i`.execute(db);
  return rows.rows.map((r) => r.v);
}


/** A page of stories matching the query, most recently seen first. */
export async function queryStoriesPg(db: Kysely<any>, q: StoryQuery): Promise<StoryPage> {
  const { limit, offset } = pageOf(q);
  const where = [sql`TRUE`];
  if (q.since) where.push(sql`last_seen >= ${q.since}`);
  if (q.until) where.push(sql`first_seen <= ${q.until}`);
  if (q.outlet) where.push(sql`EXISTS (SELECT 1 FROM jsonb_array_elements_text(outlets::jsonb) AS o(value) WHERE lower(o.value) = lower(${q.outlet}))`);
  const words = q.text ? queryWords(q.text) : [];
  if (q.text && words.length === 0) return { total: 0, stories: [] };
  if (words.length) {
    const title = sql.join(words.map((w) => sql`lower(coalesce(title, '')) LIKE ${`%${w.replace(/[\\%_]/g, "\\$&")}%`}`), sql` AND `);
    where.push(sql`((${title}) OR id IN (SELECT story_id FROM documents WHERE ${DOC_VECTOR} @@ plainto_tsquery('english', ${words.join(" ")})))`);
  }
  const filter = sql.join(where, sql` AND `);
  const total = Number((await sql<{ n: string }>`SELECT COUNT(*) AS n FROM stories WHERE ${filter}`.execute(db)).rows[0]!.n);
  const rows = await sql<StoryRow>`SELECT id, title, size, outlets, first_seen, last_seen FROM stories WHERE ${filter}
    ORDER BY COALESCE(last_seen, '') DESC, id LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return { total, stories: rows.rows.map(storyRow) };
}

/** Documents matching every word (best first by `ts_rank`), with the passage that matched. */
export async function searchDocumentsPg(db: Kysely<any>, text: string, limit: number): Promise<SearchHit[]> {
  const words = queryWords(text);
  if (words.length === 0) return [];
  const query = sql`plainto_tsquery('english', ${words.join(" ")})`;
  const rows = await sql<{ json: string; story_id: string }>`SELECT json, story_id FROM documents WHERE ${DOC_VECTOR} @@ ${query}
    ORDER BY ts_rank(${DOC_VECTOR}, ${query}) DESC, seq LIMIT ${Math.min(100, Math.max(1, limit))}`.execute(db);
  return rows.rows.map((r) => searchHit(JSON.parse(r.json) as RashomonDocument, r.story_id, words));
}

/** A stored document and its story, or null. */
export async function getDocumentPg(db: Kysely<any>, id: string): Promise<{ document: RashomonDocument; story: string } | null> {
  const row = (await sql<{ json: string; story_id: string }>`SELECT json, story_id FROM documents WHERE id = ${id}`.execute(db)).rows[0];
  return row ? { document: JSON.parse(row.json) as RashomonDocument, story: row.story_id } : null;
}

/** The library's write generation. */
export async function generationPg(db: Kysely<any>): Promise<number> {
  return Number((await sql<{ value: number }>`SELECT value FROM meta WHERE key = 'generation'`.execute(db)).rows[0]?.value ?? 0);
}

/** A story's row and its documents' ids in arrival order, or null. */
export async function storyMembersPg(db: Kysely<any>, id: string): Promise<{ summary: StorySummaryRow; documents: string[] } | null> {
  const row = (await sql<StoryRow>`SELECT id, title, size, outlets, first_seen, last_seen FROM stories WHERE id = ${id}`.execute(db)).rows[0];
  if (!row) return null;
  const ids = (await sql<{ id: string }>`SELECT id FROM documents WHERE story_id = ${id} ORDER BY seq`.execute(db)).rows.map((r) => r.id);
  return { summary: storyRow(row), documents: ids };
}

/** A story's stored view, or null. */
export async function getStoryViewPg(db: Kysely<any>, id: string): Promise<StoredView | null> {
  const row = (await sql<{ key: string; built_at: string; view: Buffer; report: Buffer }>`SELECT key, built_at, view, report FROM story_views WHERE story_id = ${id}`.execute(db)).rows[0];
  return row ? { key: row.key, builtAt: row.built_at, view: new Uint8Array(row.view), report: new Uint8Array(row.report) } : null;
}

/** Keeps a story's view. */
export async function putStoryViewPg(db: Kysely<any>, id: string, v: StoredView): Promise<void> {
  await sql`INSERT INTO story_views (story_id, key, built_at, view, report) VALUES (${id}, ${v.key}, ${v.builtAt}, ${Buffer.from(v.view)}, ${Buffer.from(v.report)})
    ON CONFLICT (story_id) DO UPDATE SET key = excluded.key, built_at = excluded.built_at, view = excluded.view, report = excluded.report`.execute(db);
}
