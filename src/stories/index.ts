import type { RashomonDocument, Story } from "../model/index.js";
import { buildLineage } from "../lineage/index.js";
import { StoryGrouper } from "./grouper.js";
import { MemoryGroupingState } from "./memory-state.js";
import type { GroupInput, GrouperOptions } from "./options.js";

export { StoryGrouper, type PreparedDoc } from "./grouper.js";
export { MemoryGroupingState } from "./memory-state.js";
export type { GroupingState, GroupingStep, DocEntry, NodeState, NodeLinkState, StorySummaryRow, WindowCandidates } from "./grouping-state.js";
export { VectorArena } from "./vector-arena.js";
export { sortForArrival } from "./arrival.js";
export { DEFAULT_GROUPER_OPTIONS, GROUPING_VERSION } from "./options.js";
export type { GroupInput, GrouperOptions } from "./options.js";
export { tokenize, termCounts } from "./features.js";

/**
 * Groups documents into stories in memory, without lineage: stories in
 * creation order, documents in the order they joined. The stories depend only
 * on the documents, not on their order.
 */
export async function groupInMemory(docs: readonly (RashomonDocument | GroupInput)[], options: Partial<GrouperOptions> = {}): Promise<Story[]> {
  const mem = new MemoryGroupingState();
  await new StoryGrouper(options, mem).addAll(docs);
  return [...mem.stories.values()].map((s) => ({
    id: s.id, title: s.title, documents: [...mem.documentsOf(s.id)], firstSeen: s.firstSeen, lastSeen: s.lastSeen, outlets: s.outlets,
  }));
}

/** Groups documents into stories in memory (see `groupInMemory`) and builds each story's lineage. */
export async function groupStories(docs: RashomonDocument[]): Promise<Story[]> {
  if (docs.length === 0) return [];
  const byId = new Map(docs.map((d) => [d.id, d]));
  return (await groupInMemory(docs)).map((s) => ({ ...s, lineage: buildLineage(s.documents.map((id) => byId.get(id)!)) }));
}
