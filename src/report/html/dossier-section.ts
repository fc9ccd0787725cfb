import type { DocumentSpan, Fact, RashomonDocument, Story } from "../../model/index.js";
import { describeTime } from "../../time/index.js";
import { escapeHtml as h } from "../escape.js";
import { citeId } from "./anchors.js";

/** How many facts the coverage matrix shows at most. */
const MATRIX_ROWS = 60;

/** Renders a story's dossier: cited summary, coverage matrix and discrepancies. */
export function dossierSection(story: Story, byId: Map<string, RashomonDocument>): string {
  const label = (id: string) => byId.get(id)?.outlet ?? (id.length > 14 ? `${id.slice(0, 12)}…` : id);
  return [summary(story, label), coverage(story, byId, label), discrepancies(story, label)].join("\n");
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

function coverage(story: Story, byId: Map<string, RashomonDocument>, label: (id: string) => string): string {
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
      const sources = `${f.independentSources} independent source${f.independentSources === 1 ? "" : "s"}: ${h(sourcesText(f, label))}`;
      const who = f.kind === "said" && f.slot ? `${h(f.slot)}: ` : "";
      return `<tr><td class="fact">${who}${h(f.text)} <span class="sources">${sources}</span></td>${cells}</tr>`;
    })
    .join("");
  const more = facts.length > MATRIX_ROWS ? `<p>${facts.length - MATRIX_ROWS} more fact(s) stated by one document each are in the JSON.</p>` : "";
  return `<h3>Coverage</h3><table class="coverage"><tr><th>Fact</th>${head}</tr>${rows}</table>${more}`;
}

/** Why a fact counts the sources it does: each report it is attributed to, each lineage group that states it. */
export function sourcesText(f: Fact, label: (id: string) => string): string {
  return f.sources
    .map((s) => (s.kind === "report" ? `the ${s.name} report (repeated by ${s.documents.map(label).join(", ")})` : s.documents.length > 1 ? `${s.documents.map(label).join(" + ")} (one wire story and its copies)` : label(s.documents[0]!)))
    .join("; ");
}

function discrepancies(story: Story, label: (id: string) => string): string {
  const list = story.discrepancies ?? [];
  if (list.length === 0) return "";
  const items = list
    .map((d) => {
      const sides = d.sides
        .map((s) => `<div class="side"><p>${h(d.kind === "date" ? describeTime(s.text) : s.text)}${s.according ? ` <span class="according">according to ${h(s.according)}</span>` : ""}</p><p class="by">${s.evidence.map((e) => cite(e, label(e.document))).join(" ")}</p></div>`)
        .join("");
      const verdict = d.compatible ? `difference in detail${d.reason ? ` (${d.reason})` : ""}` : "conflict";
      return `<div class="discrepancy ${d.compatible ? "detail" : "conflict"}"><h4>${h(d.kind)}: ${h(d.topic)} <span class="label">${verdict}</span></h4><div class="sides">${sides}</div></div>`;
    })
    .join("");
  return `<h3>Where accounts differ</h3>${items}`;
}
