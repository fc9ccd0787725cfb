import type { RashomonDocument, Story } from "../../model/index.js";
import { html, htmlId, htmlList } from "../escape.js";
import { citedSpans } from "./anchors.js";
import { documentSection } from "./document-section.js";
import { documentNames } from "./document-names.js";
import { storySection } from "./story-section.js";
import { storyDocumentsId, tableOfContents } from "./toc.js";

/**
 * The HTML fragment of one story, for the server's story page: its table of
 * contents, its dossier (summary, coverage, where accounts differ, timeline,
 * quotes, lineage) and its documents, with the same views as the report.
 * `documents` may hold more than the story's; only the story's are shown and
 * named (so names are told apart within the story). The page around it needs
 * REPORT_STYLE, and REPORT_SCRIPT under REPORT_CSP for the enhancements.
 */
export function renderStoryView(story: Story, documents: readonly RashomonDocument[]): string {
  const all = new Map(documents.map((d) => [d.id, d]));
  const own = story.documents.flatMap((id) => all.get(id) ?? []);
  const byId = new Map(own.map((d) => [d.id, d]));
  const names = documentNames(own);
  const anchors = citedSpans([story]);
  const contents = htmlId("contents", story.id);
  const docsId = storyDocumentsId(story);
  return html`<div class="rashomon-story">
${tableOfContents([story], own, names, { id: contents, documentsId: docsId })}
${storySection(story, { byId, names })}
<section class="documents" id="${docsId}"><h2>Documents</h2>
${htmlList(own.map((d) => documentSection(d, names, anchors.get(d.id))), "\n")}
</section>
<a class="to-contents" href="#${contents}">↑ Contents</a>
</div>
`.html;
}
