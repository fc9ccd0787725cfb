import type { AnalyzeResult } from "../../pipeline/index.js";
import { html, htmlList, rawHtml } from "../escape.js";
import { citedSpans } from "./anchors.js";
import { documentSection } from "./document-section.js";
import { documentNames } from "./document-names.js";
import { REPORT_SCRIPT, REPORT_SCRIPT_HASH } from "./script.js";
import { storySection } from "./story-section.js";
import { REPORT_STYLE } from "./style.js";
import { tableOfContents } from "./toc.js";

/**
 * The Content-Security-Policy of every report: nothing loads; inline styles
 * apply; the one script that runs is REPORT_SCRIPT, allowed by its hash.
 */
export const REPORT_CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src ${REPORT_SCRIPT_HASH}; img-src data:; base-uri 'none'; form-action 'none'`;

/**
 * Renders an analysis as one self-contained HTML page: no network, one inline
 * script allowed by its hash (the page works without it), every piece of
 * article text escaped. A table of contents comes first, then each story (the
 * views the story page of the server shows too), then every document.
 */
export function renderHtml(result: Pick<AnalyzeResult, "documents" | "stories" | "messages">, title = "Rashomon report"): string {
  const byId = new Map(result.documents.map((d) => [d.id, d]));
  const names = documentNames(result.documents);
  const anchors = citedSpans(result.stories);
  const problems = result.messages.filter((m) => m.severity !== "info");
  const ns = result.stories.length, nd = result.documents.length;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${rawHtml(REPORT_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${rawHtml(REPORT_STYLE)}</style>
</head>
<body>
<header class="report-head"><h1>${title}</h1><p>${nd} document${nd === 1 ? "" : rawHtml("s")} in ${ns} stor${rawHtml(ns === 1 ? "y" : "ies")}.</p></header>
<main>
${tableOfContents(result.stories, result.documents, names, { id: "contents", documentsId: "documents", messages: problems.length > 0 })}
${htmlList(result.stories.map((s) => storySection(s, { byId, names })), "\n")}
<section class="documents" id="documents"><h2>Documents</h2>
${htmlList(result.documents.map((d) => documentSection(d, names, anchors.get(d.id))), "\n")}
</section>
${problems.length ? html`<section id="messages"><h2>Messages</h2><ul class="run-messages">${problems.map((m) => html`<li><code>${m.ruleId}</code> ${m.reason}</li>`)}</ul></section>` : ""}
</main>
<a class="to-contents" href="#contents">↑ Contents</a>
<script>${rawHtml(REPORT_SCRIPT)}</script>
</body>
</html>
`.html;
}
