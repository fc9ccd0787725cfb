import type { AnalyzeResult } from "../../pipeline/index.js";
import { html, htmlList, rawHtml } from "../escape.js";
import { citedSpans } from "./anchors.js";
import { documentSection } from "./document-section.js";
import { storySection } from "./story-section.js";
import { STYLE } from "./style.js";

/** The Content-Security-Policy of every report: nothing loads, nothing runs, only inline styles apply. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * Renders an analysis as one self-contained HTML page: no network, no script,
 * every piece of article text escaped.
 */
export function renderHtml(result: Pick<AnalyzeResult, "documents" | "stories" | "messages">, title = "Rashomon report"): string {
  const byId = new Map(result.documents.map((d) => [d.id, d]));
  const anchors = citedSpans(result.stories);
  const problems = result.messages.filter((m) => m.severity !== "info");
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${rawHtml(REPORT_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${rawHtml(STYLE)}</style>
</head>
<body>
<header><h1>${title}</h1><p>${result.documents.length} document(s) in ${result.stories.length} stor${rawHtml(result.stories.length === 1 ? "y" : "ies")}.</p></header>
<main>
${htmlList(result.stories.map((s) => storySection(s, byId)), "\n")}
<h2>Documents</h2>
${htmlList(result.documents.map((d) => documentSection(d, anchors.get(d.id))), "\n")}
${problems.length ? html`<h2>Messages</h2><ul class="run-messages">${problems.map((m) => html`<li><code>${m.ruleId}</code> ${m.reason}</li>`)}</ul>` : ""}
</main>
</body>
</html>
`.html;
}
