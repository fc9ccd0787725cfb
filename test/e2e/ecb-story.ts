/** A story built from ECB+ articles (../shared/bench-data) the way `analyze` builds one, for end-to-end tests on real news. */
import { readFileSync } from "node:fs";
import { buildLineage } from "../../src/lineage/index.js";
import type { RashomonDocument, Story } from "../../src/model/index.js";
import { analyzeInput, enrichStory } from "../../src/pipeline/index.js";

const DOCS = new URL("../../../shared/bench-data/ecbplus/docs.jsonl", import.meta.url);

/** The ECB+ documents `keep` selects, each through the document pipeline, as one story with lineage, timeline, quotes and dossier. */
export function ecbStory(id: string, keep: (d: { doc_id: string; subtopic: string }) => boolean): { story: Story; docs: RashomonDocument[] } {
  const docs: RashomonDocument[] = [];
  for (const line of readFileSync(DOCS, "utf8").split("\n")) {
    if (!line) continue;
    const d = JSON.parse(line) as { doc_id: string; subtopic: string; text: string };
    if (!keep(d)) continue;
    const doc = analyzeInput({ id: d.doc_id, input: d.doc_id, format: "text", content: d.text, url: null, given: {}, messages: [] });
    if ("text" in doc) docs.push(doc);
  }
  const story: Story = { id, title: null, documents: docs.map((d) => d.id), firstSeen: null, lastSeen: null, outlets: [] };
  story.lineage = buildLineage(docs);
  enrichStory(story, docs);
  return { story, docs };
}
