import type { RashomonDocument, Span } from "../../model/index.js";
import { markedText } from "./anchors.js";
import { metadataRows } from "../metadata-rows.js";
import { escapeHtml as h, htmlId } from "../escape.js";

/** Renders one document: metadata, clean body, captions, quotes, and the removed clutter on demand. */
export function documentSection(doc: RashomonDocument, anchors: Span[] = []): string {
  const meta = metadataRows(doc)
    .map(([k, v]) => `<tr><th>${h(k)}</th><td>${h(v)}</td></tr>`)
    .join("");
  const body = doc.paragraphs
    .map((p, i) => {
      const text = markedText(doc, p.span, anchors);
      const id = htmlId(doc.id, `p${i}`);
      return p.kind === "heading" ? `<h4 id="${id}">${text}</h4>` : `<p id="${id}">${text}</p>`;
    })
    .join("\n");
  const captions = doc.captions.length
    ? `<h4>Captions</h4><ul class="captions">${doc.captions
        .map((c) => `<li>${h(c.text)}${c.credit ? ` <span class="credit">${h(c.credit)}</span>` : ""}</li>`)
        .join("")}</ul>`
    : "";
  const quotes = doc.quotes?.length
    ? `<h4>Quotes</h4><ul class="quotes">${doc.quotes
        .map((q) => {
          const who = q.speaker ? `${h(q.speaker.name)}${q.speaker.role ? ` <span class="role">${h(q.speaker.role)}</span>` : ""}` : "<em>unattributed</em>";
          return `<li><span class="speaker">${who}</span> <span class="kind">${h(q.kind)}</span> “${h(q.text)}”${q.reportedBy ? ` <span class="reported">reported in ${h(q.reportedBy)}</span>` : ""}</li>`;
        })
        .join("")}</ul>`
    : "";
  const problems = doc.messages.filter((m) => m.severity !== "info");
  const messages = problems.length
    ? `<details class="messages"><summary>${problems.length} message(s)</summary><ul>${problems
        .map((m) => `<li><code>${h(m.ruleId)}</code> ${h(m.reason)}</li>`)
        .join("")}</ul></details>`
    : "";
  return `<article class="document" id="${htmlId("doc", doc.id)}">
<h3>${h(doc.title ?? "(no title)")} <span class="docid">${h(doc.id)}</span></h3>
<table class="meta">${meta}</table>
${doc.standfirst ? `<p class="standfirst">${h(doc.standfirst)}</p>` : ""}
<div class="body">${body || "<p><em>No article body found.</em></p>"}</div>
${captions}
${quotes}
${removedSection(doc)}
${messages}
</article>`;
}

/** The page text with every removed stretch marked and labelled with its reason, behind a disclosure. */
function removedSection(doc: RashomonDocument): string {
  if (doc.removed.length === 0) return "";
  const removed = [...doc.removed].sort((a, b) => a.span.start - b.span.start);
  const parts: string[] = [];
  let at = 0;
  for (const r of removed) {
    if (r.span.start < at) continue;
    parts.push(plain(doc.text, { start: at, end: r.span.start }));
    parts.push(`<del title="${h(r.reason)}"><span class="reason">${h(r.reason)}</span>${h(doc.text.slice(r.span.start, r.span.end))}</del>`);
    at = r.span.end;
  }
  parts.push(plain(doc.text, { start: at, end: doc.text.length }));
  const reasons = new Map<string, number>();
  for (const r of removed) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
  const summary = [...reasons].map(([r, n]) => `${h(r)} ×${n}`).join(", ");
  return `<details class="removed"><summary>Removed clutter: ${summary}</summary><pre class="source">${parts.join("")}</pre></details>`;
}

function plain(text: string, s: Span): string {
  return s.end > s.start ? h(text.slice(s.start, s.end)) : "";
}
