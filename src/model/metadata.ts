import type { Dateline, FieldProvenance } from "./document.js";

/**
 * Article metadata as a metadata source found it (HTML markup, text lines, or a
 * JSON Lines record). Every field is optional: a source that says nothing of a
 * field leaves it out, and `mergeMetadata` takes the first source that has it.
 */
export interface ArticleMetadata {
  title?: string | null;
  standfirst?: string | null;
  section?: string | null;
  byline?: string | null;
  authors?: string[];
  agencies?: string[];
  outlet?: string | null;
  dateline?: Dateline | null;
  published?: string | null;
  updated?: string | null;
  editor?: string | null;
  language?: string | null;
  url?: string | null;
  provenance?: Record<string, FieldProvenance>;
}

const FIELDS = [
  "title", "standfirst", "section", "byline", "authors", "agencies", "outlet",
  "dateline", "published", "updated", "editor", "language", "url",
] as const;

/** Merges metadata sources, earlier sources winning field by field; empty values never win. */
export function mergeMetadata(...sources: (ArticleMetadata | null | undefined)[]): ArticleMetadata {
  const out: ArticleMetadata = { provenance: {} };
  for (const field of FIELDS) {
    for (const src of sources) {
      if (!src) continue;
      const v = src[field];
      const empty = v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
      if (empty) continue;
      (out as Record<string, unknown>)[field] = v;
      const p = src.provenance?.[field];
      if (p) out.provenance![field] = p;
      break;
    }
  }
  return out;
}
