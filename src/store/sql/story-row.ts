/** A `stories` row as both stores read it, and its listing form. */
import type { StorySummaryRow } from "../../stories/index.js";

/** The summary columns of `stories`. */
export const STORY_COLUMNS = "id, title, size, outlets, first_seen, last_seen";

/** One `stories` row. */
export interface StoryRow { id: string; title: string | null; size: number | string; outlets: string; first_seen: string | null; last_seen: string | null }

/** A `stories` row as the listing shows it (outlets sorted). */
export function storyRow(r: StoryRow): StorySummaryRow {
  return { id: r.id, title: r.title, size: Number(r.size), outlets: (JSON.parse(r.outlets) as string[]).sort(), firstSeen: r.first_seen, lastSeen: r.last_seen };
}
