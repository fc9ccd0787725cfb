/**
 * Building one story's view from its listing row and documents: its lineage,
 * timeline, quotes and dossier, the HTML fragment, the JSON report and the
 * facts. The server's story worker does it, and so do `rashomon worker`
 * processes for the stories they change.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { buildLineage } from "../lineage/index.js";
import type { Message, RashomonDocument, Story } from "../model/index.js";
import { enrichStory } from "../pipeline/enrich.js";
import { renderJson, renderStoryView } from "../report/index.js";
import type { StorySummary } from "../store/store.js";

/** What a build needs. */
export interface BuildRequest {
  summary: StorySummary;
  documents: RashomonDocument[];
}

/** A fact of the story as search shows it. */
export interface FactEntry {
  text: string;
  kind: string;
  independentSources: number;
  claims: { document: string; span: { start: number; end: number } }[];
}

/**
 * What a build makes, as a string and bytes (cheap for the server's heap to
 * hold, where a story's analysed documents as objects would weigh on every
 * collection): the story's HTML fragment, the JSON report of the story
 * (`{documents, stories, messages}`, gzipped: the other forms are rendered from
 * it on demand) and its facts.
 */
export interface BuiltView {
  title: string | null;
  fragment: string;
  jsonGz: Uint8Array;
  facts: FactEntry[];
}

/** A built view with its stored form (gzipped JSON of title, fragment and facts), as the library keeps it. */
export interface BuiltAndStored extends BuiltView {
  viewGz: Uint8Array;
}

/** The stored form of a view's title, fragment and facts. */
export function storedView(v: Pick<BuiltView, "title" | "fragment" | "facts">): Uint8Array {
  return new Uint8Array(gzipSync(JSON.stringify({ title: v.title, fragment: v.fragment, facts: v.facts }), { level: 6 }));
}

/** A view read back from the library. */
export function viewFromStored(view: Uint8Array, report: Uint8Array): BuiltView {
  const v = JSON.parse(gunzipSync(view).toString("utf8")) as Pick<BuiltView, "title" | "fragment" | "facts">;
  return { title: v.title, fragment: v.fragment, facts: v.facts, jsonGz: report };
}

/** Builds a story's view. */
export function buildStoryView({ summary, documents }: BuildRequest): BuiltAndStored {
  const story: Story = {
    id: summary.id, title: summary.title, documents: documents.map((d) => d.id), firstSeen: summary.firstSeen, lastSeen: summary.lastSeen,
    outlets: summary.outlets, lineage: buildLineage(documents),
  };
  const messages: Message[] = [];
  enrichStory(story, documents, messages);
  const facts = (story.facts ?? []).map((f) => ({ text: f.text, kind: f.kind, independentSources: f.independentSources, claims: f.claims.map((c) => ({ document: c.document, span: c.span })) }));
  const jsonGz = new Uint8Array(gzipSync(renderJson({ documents, stories: [story], messages }), { level: 6 }));
  const built = { title: story.title, fragment: renderStoryView(story, documents), jsonGz, facts };
  return { ...built, viewGz: storedView(built) };
}
