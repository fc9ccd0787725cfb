import type { RashomonDocument, Story } from "../model/index.js";
import { buildLineage } from "../lineage/index.js";
import { StoryGrouper } from "./grouper.js";

export { StoryGrouper } from "./grouper.js";
export { sortForArrival } from "./story-state.js";
export { DEFAULT_GROUPER_OPTIONS } from "./options.js";
export type { GroupInput, GrouperOptions } from "./options.js";
export { tokenize, termCounts } from "./features.js";

/**
 * Groups documents into stories in memory (sorted by publication time, ties by
 * id, so input order does not matter) and builds each story's lineage.
 */
export function groupStories(docs: RashomonDocument[]): Story[] {
  if (docs.length === 0) return [];
  const g = new StoryGrouper();
  g.addAll(docs);
  const byId = new Map(docs.map((d) => [d.id, d]));
  return g.stories().map((s) => ({ ...s, lineage: buildLineage(s.documents.map((id) => byId.get(id)!)) }));
}
