/** Shared by the facts bench and the link model's training: a gold story built the way `analyze` builds a story. */
import { buildLineage } from "../../src/lineage/index.js";
import type { Story } from "../../src/model/index.js";
import { enrichStory } from "../../src/pipeline/index.js";
import type { LoadedStory } from "./gold.js";

/** Builds the story the way analyze does (lineage, timeline, utterances, dossier). */
export function buildStory(s: LoadedStory): Story {
  const story: Story = { id: s.gold.story, title: null, documents: s.docs.map((d) => d.id), firstSeen: null, lastSeen: null, outlets: [] };
  story.lineage = buildLineage(s.docs);
  return enrichStory(story, s.docs);
}

