import type { RashomonDocument, Span } from "../../model/index.js";
import { markedText } from "./anchors.js";
import { metadataRows } from "../metadata-rows.js";
import { roleBesides } from "../speaker.js";
import { blockText, html, htmlId, htmlList, type Html } from "../escape.js";
import type { DocumentNamer } from "./document-names.js";

/**
 * Renders one document, collapsed under a summary line (name, title, date, id)
 * so a long report stays short: metadata, clean body, captions, quotes, and the
 * removed clutter on demand. A citation link to a sentence inside opens it
 * (browsers open a closed `<details>` around a link's target; the report's
 * script does too).
 */
export function documentSection(doc: RashomonDocument, names: DocumentNamer, anchors: Span[] = []): Html {
  const meta = metadataRows(doc).map(([k, v]) => html`<tr><th>${k}</th><td>${v}</td></tr>`);
  const body = doc.paragraphs.map((p, i) => {
    const text = markedText(doc, p.span, anchors);
    const id = htmlId(doc.id, `p${i}`);
    return p.kind === "heading" ? html`<h4 id="${id}">${text}</h4>` : html`<p id="${id}">${text}</p>`;
  });
  const captions = doc.captions.length
    ? html`<h4>Captions</h4><ul class="captions">${doc.captions.map((c) => html`<li>${c.text}${c.credit ? html` <span class="credit">${c.credit}</span>` : ""}</li>`)}</ul>`
    : "";
  const quotes = doc.quotes?.length
    ? html`<h4>Quotes</h4><ul class="quotes">${doc.quotes.map((q) => {
        const who = q.speaker ? html`${q.speaker.name}${roleBesides(q.speaker) ? html` <span class="role">${q.speaker.role}</span>` : ""}` : html`<em>unattributed</em>`;
        return html`<li><span class="speaker">${who}</span> <span class="kind">${q.kind}</span> “${q.text}”${q.reportedBy ? html` <span class="reported">reported in ${q.reportedBy}</span>` : ""}</li>`;
      })}</ul>`
    : "";
  const problems = doc.messages.filter((m) => m.severity !== "info");
  const messages = problems.length
    ? html`<details class="messages"><summary>${problems.length} message(s)</summary><ul>${problems.map((m) => html`<li><code>${m.ruleId}</code> ${m.reason}</li>`)}</ul></details>`
    : "";
  const n = names(doc.id);
  // A document named by its title shows the whole title (with the claims cited in it marked) and any "(2)" of its name.
  const suffix = /\s\(\d+\)$/u.exec(n.name)?.[0] ?? "";
  const heading =
    n.source === "title"
      ? html`<span class="doc-name">${title(doc, anchors)}${suffix}</span> `
      : html`<span class="doc-name">${n.name}</span> ${doc.title ? html`<span class="doc-title">${title(doc, anchors)}</span> ` : ""}`;
  const words = doc.body.split(/\s+/u).filter(Boolean).length;
  return html`<article class="document" id="${htmlId("doc", doc.id)}"><details>
<summary><h3>${heading}<span class="docid">${doc.id}</span></h3><span class="doc-facts">${doc.published ? html`${doc.published.slice(0, 10)} · ` : ""}${words} words</span></summary>
<table class="meta">${meta}</table>
${doc.standfirst ? html`<p class="standfirst">${standfirst(doc, anchors)}</p>` : ""}
<div class="body">${body.length ? htmlList(body, "\n") : html`<p><em>No article body found.</em></p>`}</div>
${captions}
${quotes}
${removedSection(doc)}
${messages}
</details></article>`;
}

/** The page text with every removed stretch marked and labelled with its reason, behind a disclosure. */
function removedSection(doc: RashomonDocument): Html | "" {
  if (doc.removed.length === 0) return "";
  const removed = [...doc.removed].sort((a, b) => a.span.start - b.span.start);
  const parts: Html[] = [];
  let at = 0;
  for (const r of removed) {
    if (r.span.start < at) continue;
    parts.push(blockText(doc.text.slice(at, r.span.start)));
    parts.push(html`<del title="${r.reason}"><span class="reason">${r.reason}</span>${blockText(doc.text.slice(r.span.start, r.span.end))}</del>`);
    at = r.span.end;
  }
  parts.push(blockText(doc.text.slice(at)));
  const reasons = new Map<string, number>();
  for (const r of removed) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
  const summary = htmlList([...reasons].map(([r, n]) => html`${r} ×${n}`), ", ");
  return html`<details class="removed"><summary>Removed clutter: ${summary}</summary><pre class="source">${parts}</pre></details>`;
}

/** The title, with the claims cited in it marked when it is a span of the text (a headline the dossier cites). */
function title(doc: RashomonDocument, anchors: Span[]): Html | string {
  const span = doc.provenance?.title?.span;
  if (doc.title && span && span.end > span.start) return markedText(doc, span, anchors);
  return doc.title ?? "(no title)";
}

/** The standfirst, with the claims cited in it marked when it is a span of the text. */
function standfirst(doc: RashomonDocument, anchors: Span[]): Html | string {
  const span = doc.provenance?.standfirst?.span;
  if (span && span.end > span.start) return markedText(doc, span, anchors);
  return doc.standfirst ?? "";
}
