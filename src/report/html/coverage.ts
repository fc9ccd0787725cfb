import type { DocumentSpan, Fact, Story } from "../../model/index.js";
import { escapeHtml, html, htmlId, rawHtml, type Html } from "../escape.js";
import { sourcesParts } from "../sources-text.js";
import { citeLink } from "./anchors.js";
import type { DocumentNamer } from "./document-names.js";

/** How many facts the coverage matrix shows at most, so long stories stay quick to render and read. */
export const MATRIX_ROWS = 60;

/** The filters of the coverage matrix. */
export type CoverageFilter = "corroborated" | "unique" | "disputed";

const FILTER_LABELS: Record<CoverageFilter | "all", string> = {
  all: "All",
  corroborated: "Corroborated",
  unique: "Unique",
  disputed: "Disputed",
};

const FILTER_HINTS: Record<CoverageFilter | "all", string> = {
  all: "every fact shown",
  corroborated: "stated by two or more independent sources",
  unique: "stated by one document, and no sentence of another comes near stating it",
  disputed: "involved in a difference between accounts",
};

function overlaps(a: DocumentSpan, b: DocumentSpan): boolean {
  return a.document === b.document && a.span.start < b.span.end && b.span.start < a.span.end;
}

/**
 * The filters a fact passes: corroborated (two or more independent sources),
 * unique (listed in the story's `uniqueFacts`: one document, and no other near
 * stating it), disputed (one of its sentences holds the evidence of a side of
 * one of the story's discrepancies).
 */
export function factFilters(fact: Fact, story: Story): CoverageFilter[] {
  const out: CoverageFilter[] = [];
  if (fact.independentSources >= 2) out.push("corroborated");
  if (Object.values(story.uniqueFacts ?? {}).some((ids) => ids.includes(fact.id))) out.push("unique");
  const evidence = (story.discrepancies ?? []).flatMap((d) => d.sides.flatMap((s) => s.evidence));
  if (fact.claims.some((c) => evidence.some((e) => overlaps(c, e)))) out.push("disputed");
  return out;
}

/** Why a fact counts its sources, when that says more than the matrix shows: a report it is attributed to, or copies counted once. */
function sourcesNote(f: Fact, names: DocumentNamer): Html | "" {
  if (!f.sources.some((s) => s.kind === "report" || s.documents.length > 1)) return "";
  const why = sourcesParts(f, (id) => names(id).short).map((p) => (p.field ? p.text : rawHtml(escapeHtml(p.text))));
  return html` <span class="sources">${why}</span>`;
}

/** For a fact of one document that another may state too (not listed as unique): a link to that document's nearest sentence. */
function nearNote(f: Fact, unique: boolean, names: DocumentNamer): Html | "" {
  if (unique || f.documents.length !== 1 || !f.nearest) return "";
  const n = f.nearest;
  return html` <span class="sources">perhaps also in ${citeLink({ document: n.document, span: n.span }, names)} (aligner: ${n.probability.toFixed(2)})</span>`;
}

/**
 * The coverage matrix: one row per fact (at most MATRIX_ROWS), one column per
 * document headed by its short name (full name in the tooltip), a dot linking
 * to the sentence that states it. The header row and the fact column stay in
 * view while the matrix scrolls; radio buttons filter the rows with CSS alone.
 */
export function coverageSection(story: Story, names: DocumentNamer): Html {
  const facts = (story.facts ?? []).slice(0, MATRIX_ROWS);
  const docs = story.documents;
  const filters = facts.map((f) => factFilters(f, story));
  const head = docs.map((d) => {
    const n = names(d);
    return html`<th class="doc" scope="col" title="${n.name} · ${d}"><span>${n.short}</span></th>`;
  });
  const rows = facts.map((f, i) => {
    const cells = docs.map((d) => {
      const claim = f.claims.find((c) => c.document === d);
      return claim ? html`<td class="has">${citeLink(claim, names, "●")}</td>` : html`<td></td>`;
    });
    // A quoted phrase is shown with its speaker, a figure with its value: the sentence around them is the fact's text.
    const who = f.kind === "said" && f.slot && f.value ? html`<span class="speaker">${f.slot}</span>: ` : f.kind === "number" && f.value ? html`<strong>${f.value}</strong> — ` : "";
    const n = f.independentSources;
    const badges = html`<span class="badge n${Math.min(n, 3)}">${n} source${n === 1 ? "" : rawHtml("s")}</span>${filters[i]!.includes("disputed") ? html` <span class="badge disputed">disputed</span>` : ""}`;
    return html`<tr class="${["fact-row", ...filters[i]!].join(" ")}"><th class="fact" scope="row">${who}${f.text} ${badges}${sourcesNote(f, names)}${nearNote(f, filters[i]!.includes("unique"), names)}</th>${cells}</tr>`;
  });
  const group = htmlId("filter", story.id);
  const radios = (["all", "corroborated", "unique", "disputed"] as const).map((k) => {
    const count = k === "all" ? facts.length : filters.filter((x) => x.includes(k)).length;
    const id = htmlId("filter", story.id, k);
    const input = k === "all" ? html`<input type="radio" class="filter f-${k}" name="${group}" id="${id}" checked>` : html`<input type="radio" class="filter f-${k}" name="${group}" id="${id}">`;
    return html`${input}<label for="${id}" title="${FILTER_HINTS[k]}">${FILTER_LABELS[k]} <span class="count">${count}</span></label>`;
  });
  const all = story.facts?.length ?? 0;
  const more = all > MATRIX_ROWS ? html`<p class="note">The first ${MATRIX_ROWS} of ${all} facts, the most corroborated first; the other ${all - MATRIX_ROWS} are in the JSON output.</p>` : "";
  return html`<div class="coverage-part">
<p class="note">Which document states which fact: ● links to the sentence. Show:</p>
${radios}
<div class="matrix"><table class="coverage"><thead><tr><th class="fact" scope="col">Fact</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>
${more}</div>`;
}
