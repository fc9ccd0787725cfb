import type { RashomonDocument, Story } from "../model/index.js";
import { buildLineage } from "../lineage/index.js";
import { StoryGrouper } from "./grouper.js";
import { MemoryStoryIndex } from "./story-index.js";
import type { GroupInput, GrouperOptions } from "./options.js";

export { StoryGrouper } from "./grouper.js";
export { MemoryStoryIndex } from "./story-index.js";
export type { StoryIndex, StoryChanges } from "./story-index.js";
export type { StoryState, Member } from "./story-state.js";
export { sortForArrival } from "./story-state.js";
export { DEFAULT_GROUPER_OPTIONS, GROUPING_VERSION } from "./options.js";
export type { GroupInput, GrouperOptions } from "./options.js";
export { tokenize, termCounts } from "./features.js";

/**
 * Groups documents into stories in memory (sorted by publication time, ties by
 * id, so input order does not matter), without lineage: stories in creation
 * order, documents in the order they joined.
 */
export async function groupInMemory(docs: readonly (RashomonDocument | GroupInput)[], options: Partial<GrouperOptions> = {}): Promise<Story[]> {
  const mem = new MemoryStoryIndex();
  await new StoryGrouper(options, mem).addAll(docs);
  return [...mem.states.values()].map((s) => ({
    id: s.id, title: s.title, documents: [...mem.documentsOf(s.id)], firstSeen: s.first, lastSeen: s.last,
    outlets: [...s.outlets].sort(),
  }));
}

/** Groups documents into stories in memory (see `groupInMemory`) and builds each story's lineage. */
export async function groupStories(docs: RashomonDocument[]): Promise<Story[]> {
  if (docs.length === 0) return [];
  const byId = new Map(docs.map((d) => [d.id, d]));
  return (await groupInMemory(docs)).map((s) => ({ ...s, lineage: buildLineage(s.documents.map((id) => byId.get(id)!)) }));
}
