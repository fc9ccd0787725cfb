import type { DocumentSpan, RashomonDocument, Span, Story } from "../../model/index.js";
import { blockText, html, htmlId, type Html } from "../escape.js";
import type { DocumentNamer } from "./document-names.js";

/** The element id of a cited span, so a citation link can target and highlight it. */
export function citeId(document: string, span: Span): string {
  return htmlId("cite", document, `${span.start}-${span.end}`);
}

/** Every span of each document that some story item cites. */
export function citedSpans(stories: Story[]): Map<string, Span[]> {
  const out = new Map<string, Span[]>();
  const add = (document: string, span: Span) => {
    let list = out.get(document);
    if (!list) out.set(document, (list = []));
    if (!list.some((s) => s.start === span.start && s.end === span.end)) list.push(span);
  };
  for (const story of stories) {
    for (const s of story.summary ?? []) for (const c of s.citations) add(c.document, c.span);
    for (const f of story.facts ?? []) {
      for (const c of f.claims) add(c.document, c.span);
      if (f.nearest) add(f.nearest.document, f.nearest.span);
    }
    for (const d of story.discrepancies ?? []) for (const side of d.sides) for (const e of side.evidence) add(e.document, e.span);
  }
  return out;
}

/**
 * Renders a paragraph's text with the cited spans inside it wrapped in targetable
 * elements. Of overlapping spans the first is wrapped and the others get an empty
 * target beside it; every piece of text is escaped.
 */
export function markedText(doc: RashomonDocument, paragraph: Span, anchors: Span[]): Html {
  const inside = anchors
    .filter((a) => a.start >= paragraph.start && a.end <= paragraph.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: Html[] = [];
  let at = paragraph.start;
  for (const a of inside) {
    if (a.start < at) {
      // A span overlapping one already marked still gets a target (empty, at the end of the first), so no citation link is dead.
      parts.push(html`<span class="cite-alias" id="${citeId(doc.id, a)}"></span>`);
      continue;
    }
    parts.push(blockText(doc.text.slice(at, a.start)));
    parts.push(html`<span class="cite" id="${citeId(doc.id, a)}">${blockText(doc.text.slice(a.start, a.end))}</span>`);
    at = a.end;
  }
  parts.push(blockText(doc.text.slice(at, paragraph.end)));
  return html`${parts}`;
}

/** A citation link: the cited document's short name (or `text`), to the cited span; the full name and id in its tooltip. */
export function citeLink(c: DocumentSpan, names: DocumentNamer, text?: string): Html {
  const n = names(c.document);
  return html`<a class="cite-link" href="#${citeId(c.document, c.span)}" title="${n.name} · ${c.document}">${text ?? n.short}</a>`;
}

/** A link to a document in the report's documents section, by its short name; the full name and id in its tooltip. */
export function docLink(id: string, names: DocumentNamer): Html {
  const n = names(id);
  return html`<a class="doc-link" href="#${htmlId("doc", id)}" title="${n.name} · ${id}">${n.short}</a>`;
}
