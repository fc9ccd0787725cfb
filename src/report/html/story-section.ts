import type { RashomonDocument, Story } from "../../model/index.js";
import { html, htmlId, htmlList, rawHtml, type Html } from "../escape.js";
import { coverageSection } from "./coverage.js";
import type { DocumentNamer } from "./document-names.js";
import { discrepanciesSection, summarySection } from "./dossier-section.js";
import { lineageSection } from "./lineage-graph.js";
import { quotesSection } from "./quotes-section.js";
import { timelineSection } from "./timeline.js";
import { PART_TITLES, partId, storyId, storyParts, type StoryPart } from "./toc.js";

/** What the story views need besides the story: its documents by id, and how to name them. */
export interface ViewContext {
  byId: Map<string, RashomonDocument>;
  names: DocumentNamer;
}

function partBody(story: Story, part: StoryPart, ctx: ViewContext): Html {
  switch (part) {
    case "summary":
      return summarySection(story, ctx.names);
    case "coverage":
      return coverageSection(story, ctx.names);
    case "differ":
      return discrepanciesSection(story, ctx.names);
    case "timeline":
      return timelineSection(story.timeline ?? [], ctx.names);
    case "quotes":
      return quotesSection(story, ctx.names);
    case "lineage":
      return lineageSection(story.lineage!, story.documents, ctx.names, story.id);
  }
}

/** The documents of a story, one line each: name (a link to the document), title, date. */
function storyDocuments(story: Story, ctx: ViewContext): Html {
  const items = story.documents.map((id) => {
    const d = ctx.byId.get(id);
    const n = ctx.names(id);
    const title = d?.title && n.source !== "title" ? html` <span class="doc-title">${d.title}</span>` : "";
    return html`<li><a class="outlet" href="#${htmlId("doc", id)}">${n.name}</a>${title}${d?.published ? html` <span class="when">${d.published.slice(0, 10)}</span>` : ""} <span class="docid">${id}</span></li>`;
  });
  return html`<ul class="story-docs">${items}</ul>`;
}

/** Renders a story: its documents, then each part of its dossier under its own heading and id (see storyParts). */
export function storySection(story: Story, ctx: ViewContext): Html {
  const n = story.documents.length;
  const outlets = story.outlets.length ? html`; outlets: ${htmlList(story.outlets, ", ")}` : "";
  const seen = story.firstSeen ? html`; first seen ${story.firstSeen.slice(0, 10)}${story.lastSeen ? html`, last seen ${story.lastSeen.slice(0, 10)}` : ""}` : "";
  const parts = storyParts(story).map(
    (p) => html`<section class="part ${p}" id="${partId(story, p)}"><h3>${PART_TITLES[p]}</h3>
${partBody(story, p, ctx)}
</section>`,
  );
  return html`<section class="story" id="${storyId(story)}">
<h2>${story.title ?? "Untitled story"}</h2>
<p class="story-meta">${n} document${n === 1 ? "" : rawHtml("s")}${outlets}${seen}</p>
${storyDocuments(story, ctx)}
${htmlList(parts, "\n")}
</section>`;
}
