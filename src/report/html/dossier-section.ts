import type { DocumentSpan, Story } from "../../model/index.js";
import { describeTime } from "../../time/index.js";
import { html, htmlList, type Html } from "../escape.js";
import { citeLink } from "./anchors.js";
import type { DocumentNamer } from "./document-names.js";

/** The summary part of a story: each sentence with links to the sentences it rests on, by document name. */
export function summarySection(story: Story, names: DocumentNamer): Html {
  const items = (story.summary ?? []).map((s) => html`<li>${s.text} <span class="citations">${htmlList(firstPerDocument(s.citations).map((c) => citeLink(c, names)), " ")}</span></li>`);
  return html`<ol class="summary">${items}</ol>`;
}

/** The "where accounts differ" part of a story: each discrepancy with its sides and the sentences behind each side. */
export function discrepanciesSection(story: Story, names: DocumentNamer): Html {
  const items = (story.discrepancies ?? []).map((d) => {
    const sides = d.sides.map(
      (s) =>
        html`<li class="side"><span class="said">${d.kind === "date" ? describeTime(s.text) : s.text}</span>${s.according ? html` <span class="according">according to ${s.according}</span>` : ""} <span class="by">${htmlList(firstPerDocument(s.evidence).map((e) => citeLink(e, names)), " ")}</span></li>`,
    );
    const verdict = d.compatible ? html`difference in detail${d.reason ? html` (${d.reason})` : ""}` : html`conflict`;
    return html`<div class="discrepancy ${d.compatible ? "detail" : "conflict"}"><h4><span class="kind">${d.kind}</span> ${d.topic} <span class="label">${verdict}</span></h4><ul class="sides">${sides}</ul></div>`;
  });
  return html`<div class="discrepancies">${items}</div>`;
}

/** The first span of each document, in order: one link per document reads better than several with the same name. */
function firstPerDocument(spans: readonly DocumentSpan[]): DocumentSpan[] {
  const seen = new Set<string>();
  return spans.filter((s) => !seen.has(s.document) && Boolean(seen.add(s.document)));
}
