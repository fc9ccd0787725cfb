import type { DocumentSpan, RashomonDocument, Story } from "../../model/index.js";
import { describeTime } from "../../time/index.js";
import { html, htmlList, rawHtml, escapeHtml, type Html } from "../escape.js";
import { sourcesParts } from "../sources-text.js";
import { citeId } from "./anchors.js";

/** How many facts the coverage matrix shows at most. */
const MATRIX_ROWS = 60;

/** Renders a story's dossier: cited summary, coverage matrix and discrepancies. */
export function dossierSection(story: Story, byId: Map<string, RashomonDocument>): Html {
  const label = (id: string) => byId.get(id)?.outlet ?? (id.length > 14 ? `${id.slice(0, 12)}…` : id);
  return htmlList([summary(story, label), coverage(story, byId, label), discrepancies(story, label)], "\n");
}

function cite(c: DocumentSpan, label: string): Html {
  return html`<a class="cite-link" href="#${citeId(c.document, c.span)}" title="${c.document}">${label}</a>`;
}

function summary(story: Story, label: (id: string) => string): Html {
  if (!story.summary?.length) return html``;
  const items = story.summary.map((s) => html`<li>${s.text} <span class="citations">${htmlList(s.citations.map((c) => cite(c, label(c.document))), " ")}</span></li>`);
  return html`<h3>Summary</h3><ol class="summary">${items}</ol>`;
}

function coverage(story: Story, byId: Map<string, RashomonDocument>, label: (id: string) => string): Html {
  const facts = story.facts ?? [];
  if (facts.length === 0) return html``;
  const docs = story.documents;
  const head = docs.map((d) => html`<th title="${d}">${byId.get(d)?.outlet ?? d}<br><span class="docid">${d}</span></th>`);
  const rows = facts.slice(0, MATRIX_ROWS).map((f) => {
    const cells = docs.map((d) => {
      const claim = f.claims.find((c) => c.document === d);
      return claim ? html`<td class="has">${cite(claim, "●")}</td>` : html`<td></td>`;
    });
    const why = sourcesParts(f, label).map((p) => (p.field ? p.text : rawHtml(escapeHtml(p.text))));
    const sources = html`${f.independentSources} independent source${f.independentSources === 1 ? "" : rawHtml("s")}: ${why}`;
    // A quoted phrase is shown with its speaker, a figure with its value: the sentence around them is the fact's text.
    const who = f.kind === "said" && f.slot && f.value ? html`${f.slot}: ` : f.kind === "number" && f.value ? html`<strong>${f.value}</strong> — ` : "";
    return html`<tr><td class="fact">${who}${f.text} <span class="sources">${sources}</span></td>${cells}</tr>`;
  });
  const more = facts.length > MATRIX_ROWS ? html`<p>${facts.length - MATRIX_ROWS} more fact(s) stated by one document each are in the JSON.</p>` : "";
  return html`<h3>Coverage</h3><table class="coverage"><tr><th>Fact</th>${head}</tr>${rows}</table>${more}`;
}

function discrepancies(story: Story, label: (id: string) => string): Html {
  const list = story.discrepancies ?? [];
  if (list.length === 0) return html``;
  const items = list.map((d) => {
    const sides = d.sides.map(
      (s) =>
        html`<div class="side"><p>${d.kind === "date" ? describeTime(s.text) : s.text}${s.according ? html` <span class="according">according to ${s.according}</span>` : ""}</p><p class="by">${htmlList(s.evidence.map((e) => cite(e, label(e.document))), " ")}</p></div>`,
    );
    const verdict = d.compatible ? html`difference in detail${d.reason ? html` (${d.reason})` : ""}` : html`conflict`;
    return html`<div class="discrepancy ${d.compatible ? "detail" : "conflict"}"><h4>${d.kind}: ${d.topic} <span class="label">${verdict}</span></h4><div class="sides">${sides}</div></div>`;
  });
  return html`<h3>Where accounts differ</h3>${items}`;
}
