import type { RashomonDocument, Story } from "../../model/index.js";
import { html, htmlId, htmlList, rawHtml, type Html } from "../escape.js";
import type { DocumentNamer } from "./document-names.js";

/** The parts of a story's dossier, in the order the report shows them. */
export type StoryPart = "summary" | "coverage" | "differ" | "timeline" | "quotes" | "lineage";

/** Each part's heading. */
export const PART_TITLES: Record<StoryPart, string> = {
  summary: "Summary",
  coverage: "Coverage",
  differ: "Where accounts differ",
  timeline: "Timeline",
  quotes: "Quotes across outlets",
  lineage: "Lineage",
};

/** The element id of a story. */
export function storyId(story: Story): string {
  return htmlId("story", story.id);
}

/** The element id of a part of a story, for the table of contents. */
export function partId(story: Story, part: StoryPart): string {
  return htmlId("story", story.id, part);
}

/** The element id of a story view's list of documents (the whole report has one list, `documents`). */
export function storyDocumentsId(story: Story): string {
  return htmlId("story", story.id, "documents");
}

/** The parts a story has something to show in, in order. */
export function storyParts(story: Story): StoryPart[] {
  const has: Record<StoryPart, boolean> = {
    summary: Boolean(story.summary?.length),
    coverage: Boolean(story.facts?.length),
    differ: Boolean(story.discrepancies?.length),
    timeline: Boolean(story.timeline?.length),
    quotes: Boolean(story.utterances?.length),
    lineage: Boolean(story.lineage?.edges.length),
  };
  return (Object.keys(PART_TITLES) as StoryPart[]).filter((p) => has[p]);
}

/** Documents listed by name in a table of contents before "and N more". */
const TOC_DOCUMENTS = 40;

/** One story's entry: its title and links to its parts. */
function storyEntry(story: Story): Html {
  const parts = storyParts(story).map((p) => html`<li><a href="#${partId(story, p)}">${PART_TITLES[p]}</a></li>`);
  const n = story.documents.length;
  return html`<li><a class="toc-story" href="#${storyId(story)}">${story.title ?? "Untitled story"}</a> <span class="count">${n} document${n === 1 ? "" : rawHtml("s")}</span><ul class="toc-parts">${parts}</ul></li>`;
}

/** The documents entry: a link to the list, then each document by name. */
function documentsEntry(documents: readonly RashomonDocument[], names: DocumentNamer, listId: string): Html {
  const shown = documents.slice(0, TOC_DOCUMENTS).map((d) => html`<li><a href="#${htmlId("doc", d.id)}" title="${d.id}">${names(d.id).name}</a></li>`);
  const more = documents.length > TOC_DOCUMENTS ? html`<li>and ${documents.length - TOC_DOCUMENTS} more</li>` : "";
  return html`<li><a class="toc-story" href="#${listId}">Documents</a> <span class="count">${documents.length}</span><ul class="toc-docs">${shown}${more}</ul></li>`;
}

/**
 * The table of contents: every story with its parts, then the documents by name
 * (and the run's messages, when `messages` is set).
 */
export function tableOfContents(stories: readonly Story[], documents: readonly RashomonDocument[], names: DocumentNamer, opts: { id: string; documentsId: string; messages?: boolean }): Html {
  const entries = [...stories.map(storyEntry), documentsEntry(documents, names, opts.documentsId)];
  if (opts.messages) entries.push(html`<li><a class="toc-story" href="#messages">Messages</a></li>`);
  return html`<nav class="toc" id="${opts.id}" aria-label="Contents"><h2>Contents</h2><ol>${htmlList(entries, "")}</ol></nav>`;
}
