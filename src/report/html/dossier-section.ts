import type { DocumentSpan, RashomonDocument, Story } from "../../model/index.js";
import { escapeHtml as h } from "../escape.js";
import { citeId } from "./anchors.js";

/** How many facts the coverage matrix shows at most. */
const MATRIX_ROWS = 60;

/** Renders a story's dossier: cited summary, coverage matrix and discrepancies. */
export function dossierSection(story: Story, byId: Map<string, RashomonDocument>): string {
  const label = (id: string) => byId.get(id)?.outlet ?? (id.length > 14 ? `${id.slice(0, 12)}…` : id);
  return [summary(story, label), coverage(story, byId), discrepancies(story, label)].join("\n");
}

function cite(c: DocumentSpan, label: string): string {
  return `<a class="cite-link" href="#${citeId(c.document, c.span)}" title="${h(c.document)}">${h(label)}</a>`;
}

function summary(story: Story, label: (id: string) => string): string {
  if (!story.summary?.length) return "";
  const items = story.summary
    .map((s) => `<li>${h(s.text)} <span class="citations">${s.citations.map((c) => cite(c, label(c.document))).join(" ")}</span></li>`)
    .join("");
  return `<h3>Summary</h3><ol class="summary">${items}</ol>`;
}

function coverage(story: Story, byId: Map<string, RashomonDocument>): string {
  const facts = story.facts ?? [];
  if (facts.length === 0) return "";
  const docs = story.documents;
  const head = docs.map((d) => `<th title="${h(d)}">${h(byId.get(d)?.outlet ?? d)}<br><span class="docid">${h(d)}</span></th>`).join("");
  const rows = facts
    .slice(0, MATRIX_ROWS)
    .map((f) => {
      const cells = docs
        .map((d) => {
          const claim = f.claims.find((c) => c.document === d);
          return claim ? `<td class="has">${cite(claim, "●")}</td>` : `<td></td>`;
        })
        .join("");
      // Independent sources, with the documents behind them when republications make them differ.
      const behind = f.documents.length !== f.independentSources ? ` (${f.documents.length} documents)` : "";
      const sources = `${f.independentSources} independent source${f.independentSources === 1 ? "" : "s"}${behind}${f.attributedTo ? `, via ${h(f.attributedTo)}` : ""}`;
      return `<tr><td class="fact">${h(f.text)} <span class="sources">${sources}</span></td>${cells}</tr>`;
    })
    .join("");
  const more = facts.length > MATRIX_ROWS ? `<p>${facts.length - MATRIX_ROWS} more fact(s) stated by one document each are in the JSON.</p>` : "";
  return `<h3>Coverage</h3><table class="coverage"><tr><th>Fact</th>${head}</tr>${rows}</table>${more}`;
}

function discrepancies(story: Story, label: (id: string) => string): string {
  const list = story.discrepancies ?? [];
  if (list.length === 0) return "";
  const items = list
    .map((d) => {
      const sides = d.sides
        .map((s) => `<div class="side"><p>${h(s.text)}</p><p class="by">${s.evidence.map((e) => cite(e, label(e.document))).join(" ")}</p></div>`)
        .join("");
      const verdict = d.compatible ? "difference in detail" : "conflict";
      return `<div class="discrepancy ${d.compatible ? "detail" : "conflict"}"><h4>${h(d.kind)}: ${h(d.topic)} <span class="label">${verdict}</span></h4><div class="sides">${sides}</div></div>`;
    })
    .join("");
  return `<h3>Where accounts differ</h3>${items}`;
}
