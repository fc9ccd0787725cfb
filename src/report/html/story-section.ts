import type { Lineage, RashomonDocument, Story, TimelineEntry } from "../../model/index.js";
import { describeTime } from "../../time/index.js";
import { balanceBidi, blockText, html, htmlId, htmlList, type Html } from "../escape.js";
import { dossierSection } from "./dossier-section.js";

/** Renders a story: its documents, timeline on a time axis, quotes across outlets and lineage graph. */
export function storySection(story: Story, byId: Map<string, RashomonDocument>): Html {
  const docs = story.documents.map((id) => {
    const d = byId.get(id);
    return html`<li><a href="#${htmlId("doc", id)}">${d?.title ?? id}</a> <span class="outlet">${d?.outlet ?? ""}</span> <span class="docid">${id}</span></li>`;
  });
  return html`<section class="story" id="${htmlId("story", story.id)}">
<h2>${story.title ?? "Untitled story"}</h2>
<p class="story-meta">${story.documents.length} document(s)${story.outlets.length ? html`; outlets: ${htmlList(story.outlets, ", ")}` : ""}${story.firstSeen ? html`; first seen ${story.firstSeen}` : ""}${story.lastSeen ? html`, last seen ${story.lastSeen}` : ""}</p>
<ul class="story-docs">${docs}</ul>
${dossierSection(story, byId)}
${story.timeline?.length ? timelineSection(story.timeline) : ""}
${story.utterances?.length ? utterancesSection(story) : ""}
${story.lineage && story.lineage.edges.length ? lineageSection(story.lineage, story.documents) : ""}
</section>`;
}

/** Draws timeline entries on a horizontal axis; gaps grow with the logarithm of elapsed days so decades and days both fit. */
function timelineSection(entries: TimelineEntry[]): Html {
  const times = entries.map((e) => Date.parse(padDate(e.date)));
  const xs: number[] = [];
  let x = 0;
  for (let i = 0; i < entries.length; i++) {
    if (i > 0) {
      const days = Math.max(0, (times[i]! - times[i - 1]!) / 86_400_000);
      x += 1 + Math.log1p(Number.isFinite(days) ? days : 0);
    }
    xs.push(x);
  }
  const width = 900, left = 40, span = Math.max(x, 1);
  const marks = entries.map((e, i) => {
    const px = left + ((xs[i] ?? 0) / span) * (width - 2 * left);
    const y = 30 + (i % 3) * 16;
    return html`<g><circle cx="${px.toFixed(1)}" cy="60" r="5" class="${e.conflict ? "conflict" : ""}"/><text x="${px.toFixed(1)}" y="${y}" text-anchor="middle"><title>${describeTime(e.date)}</title>${e.date.slice(0, 10)}</text></g>`;
  });
  const rows = entries.map(
    (e) => html`<tr class="${e.conflict ? "conflict" : ""}"><td><time datetime="${e.date}">${describeTime(e.date)}</time></td><td>${e.text}</td><td>${htmlList(e.documents, ", ")}</td></tr>`,
  );
  return html`<h3>Timeline</h3>
<svg class="axis" viewBox="0 0 ${width} 80" role="img" aria-label="timeline"><line x1="${left}" y1="60" x2="${width - left}" y2="60"/>${marks}</svg>
<table class="timeline"><tr><th>Date</th><th>What</th><th>Reported by</th></tr>${rows}</table>`;
}

function padDate(date: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  return m ? `${m[1]}-${m[2] ?? "01"}-${m[3] ?? "01"}` : date;
}

function utterancesSection(story: Story): Html {
  const items = (story.utterances ?? []).map((u) => {
    const words = new Set(u.differences.flatMap((d) => d.words.map((w) => w.toLowerCase())));
    const variants = u.variants.map((v) => html`<li><span class="docid">${v.document}</span> “<bdi>${markWords(v.text, words)}</bdi>”</li>`);
    return html`<li class="utterance"><span class="speaker">${u.speaker?.name ?? "unknown speaker"}</span>${u.speaker?.role ? html` <span class="role">${u.speaker.role}</span>` : ""}<ul>${variants}</ul></li>`;
  });
  return html`<h3>Quotes across outlets</h3><ul class="utterances">${items}</ul>`;
}

/**
 * A quote with the words that differ between variants highlighted: one field in
 * pieces, so its direction controls are balanced over the whole quote (the caller
 * isolates it) and the pieces are escaped, not isolated one by one.
 */
function markWords(text: string, words: Set<string>): Html {
  const balanced = balanceBidi(text);
  if (words.size === 0) return blockText(balanced);
  return html`${balanced
    .split(/(\s+)/)
    .map((t) => (words.has(t.toLowerCase().replace(/[^\p{L}\p{N}'’-]/gu, "")) ? html`<mark>${blockText(t)}</mark>` : blockText(t)))}`;
}

/** The lineage as an SVG graph: documents and cited sources on a circle, edges labelled with their kind. */
function lineageSection(lineage: Lineage, documents: string[]): Html {
  const nodes = [...new Set([...documents, ...lineage.edges.flatMap((e) => [e.from, e.to])])];
  const size = 520, r = 190, c = size / 2;
  const pos = new Map(nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [n, { x: c + r * Math.cos(a), y: c + r * Math.sin(a) }];
  }));
  const edges = lineage.edges.map((e) => {
    const a = pos.get(e.from)!, b = pos.get(e.to)!;
    return html`<g class="edge ${e.kind}"><line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" marker-end="url(#arrow)"/><text x="${((a.x + b.x) / 2).toFixed(1)}" y="${((a.y + b.y) / 2).toFixed(1)}">${e.kind}</text></g>`;
  });
  const docSet = new Set(documents);
  const circles = nodes.map((n) => {
    const p = pos.get(n)!;
    return html`<g class="node ${docSet.has(n) ? "doc" : "source"}"><circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="8"/><text x="${p.x.toFixed(1)}" y="${(p.y - 12).toFixed(1)}" text-anchor="middle">${n}</text></g>`;
  });
  const groups = lineage.independentGroups.map((g) => html`<li>${htmlList(g, ", ")}</li>`);
  return html`<h3>Lineage</h3>
<svg class="lineage" viewBox="0 0 ${size} ${size}" role="img" aria-label="lineage graph"><defs><marker id="arrow" viewBox="0 0 10 10" refX="18" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>${edges}${circles}</svg>
<p>Independent source groups:</p><ol class="groups">${groups}</ol>`;
}
