/**
 * What the library answers beyond whole stories: a filtered page of the story
 * listing and full-text search. Every store implements these (see `Store`); the
 * parts that do not depend on the database are here.
 */
import { createHash } from "node:crypto";
import type { RashomonDocument, Span } from "../model/index.js";
import type { StorySummaryRow } from "../stories/index.js";

/** A filtered, paged story listing. Dates are ISO strings compared as such. */
export interface StoryQuery {
  /** Stories per page (default 50, at most 500). */
  limit?: number;
  /** Stories skipped (default 0). */
  offset?: number;
  /** Only stories last seen on or after this date. */
  since?: string;
  /** Only stories first seen on or before this date. */
  until?: string;
  /** Only stories with a document from this outlet (case-insensitive, exact name). */
  outlet?: string;
  /** Only stories whose title or some document's text matches these words (all of them). */
  text?: string;
}

/** One page of the story listing, most recently seen first. */
export interface StoryPage {
  /** Stories matching the filters, over all pages. */
  total: number;
  stories: StorySummaryRow[];
}

/** A document found by full-text search, with the passage that matched. */
export interface SearchHit {
  document: string;
  story: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  /** The sentence-sized passage of the document's `text` holding the first matched word. */
  span: Span;
  snippet: string;
}

/** The limits a query is held to. */
export const MAX_PAGE = 500;
/** Words of a text filter or search taken into account. */
export const MAX_QUERY_WORDS = 12;

/** A query's limit and offset, clamped. */
export function pageOf(q: StoryQuery): { limit: number; offset: number } {
  const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(q.limit ?? 50)));
  const offset = Math.max(0, Math.floor(q.offset ?? 0));
  return { limit, offset };
}

/** The words of a search (letters and digits, lower-cased, at most {@link MAX_QUERY_WORDS}). */
export function queryWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].filter((w) => w.length <= 64).slice(0, MAX_QUERY_WORDS);
}

/** An FTS5 match expression for the words: every word, each as a quoted prefix-free token (no query syntax reaches SQLite). */
export function fts5Match(words: readonly string[]): string {
  return words.map((w) => `"${w.replace(/"/g, '""')}"`).join(" AND ");
}

/** The hit for a document: the sentence around the first word of the query found in its text (or its title's start). */
export function searchHit(doc: RashomonDocument, story: string, words: readonly string[]): SearchHit {
  const text = doc.text;
  const lower = text.toLowerCase();
  let at = -1;
  let len = 0;
  for (const w of words) {
    // A word's first occurrence that starts a token; stemmed matches (FTS found "sovereign" for "sovereignty") fall back to the stem's prefix.
    for (const probe of [w, w.slice(0, Math.max(4, w.length - 3))]) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${probe.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "u");
      const m = re.exec(lower);
      if (m && (at < 0 || m.index < at)) {
        at = m.index;
        len = probe.length;
      }
      if (m) break;
    }
  }
  let start = 0;
  let end = Math.min(text.length, 200);
  if (at >= 0) {
    start = Math.max(0, Math.max(text.lastIndexOf(". ", at) + 2, text.lastIndexOf("\n", at) + 1, at - 200));
    const stops = [text.indexOf(". ", at + len), text.indexOf("\n", at + len)].filter((i) => i >= 0);
    end = Math.min(text.length, stops.length ? Math.min(...stops) + 1 : text.length, at + len + 200);
  }
  return {
    document: doc.id, story, title: doc.title, outlet: doc.outlet, published: doc.published,
    span: { start, end }, snippet: text.slice(start, end).trim(),
  };
}

/**
 * A story's built view as the library keeps it (derived data: the dossier and
 * its renderings, rebuilt when the story changes). `key` names the story's
 * documents it was built from (see {@link membersKey}); a view whose key is not
 * the story's current one is stale.
 */
export interface StoredView {
  key: string;
  builtAt: string;
  /** The view (gzipped JSON of its title, HTML fragment and facts). */
  view: Uint8Array;
  /** The story's JSON report, gzipped. */
  report: Uint8Array;
}

/** The key of a story's documents (ids in arrival order). */
export function membersKey(documents: readonly string[]): string {
  return createHash("sha256").update(documents.join("\u0000")).digest("hex").slice(0, 32);
}
