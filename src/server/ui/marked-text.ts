/**
 * A document's text with what was found in it marked: quotes (with their
 * speaker), time expressions (with their value), claims, and removed clutter.
 * Spans overlap freely (a quote inside a claim, a time inside a quote), so the
 * text is cut at every span boundary and each piece carries the classes of the
 * spans that cover it: no nesting to get wrong, every piece escaped.
 */
import type { RashomonDocument, Span } from "../../model/index.js";
import { html, type Html } from "../../report/escape.js";

interface Mark {
  span: Span;
  cls: "quote" | "time" | "claim" | "removed" | "hit";
  title: string;
  id?: string;
}

/** Marks of a document, at most `cap` of each kind (a hostile document cannot make the page huge). */
function marksOf(doc: RashomonDocument, hit: Span | null, cap = 2_000): Mark[] {
  const marks: Mark[] = [];
  const valid = (s: Span) => s.start >= 0 && s.end <= doc.text.length && s.start < s.end;
  for (const r of doc.removed.slice(0, cap)) marks.push({ span: r.span, cls: "removed", title: `removed: ${r.reason}` });
  for (const q of (doc.quotes ?? []).slice(0, cap)) marks.push({ span: q.span, cls: "quote", title: `${q.kind} quote${q.speaker ? ` by ${q.speaker.name}` : ", speaker unknown"}` });
  for (const t of (doc.times ?? []).slice(0, cap)) marks.push({ span: t.span, cls: "time", title: `${t.type} ${t.value}` });
  for (const c of (doc.claims ?? []).slice(0, cap)) marks.push({ span: c.span, cls: "claim", title: "claim", id: `claim-${c.span.start}-${c.span.end}` });
  if (hit) marks.push({ span: hit, cls: "hit", title: "search hit", id: "hit" });
  return marks.filter((m) => valid(m.span));
}

/** The document's whole text, marked. `hit` is a passage to highlight and scroll to. */
export function markedDocument(doc: RashomonDocument, hit: Span | null = null): Html {
  const marks = marksOf(doc, hit);
  const cuts = new Set<number>([0, doc.text.length]);
  for (const m of marks) cuts.add(m.span.start).add(m.span.end);
  const points = [...cuts].sort((a, b) => a - b);
  const starts = new Map<number, Mark[]>();
  for (const m of marks) {
    const list = starts.get(m.span.start) ?? [];
    list.push(m);
    starts.set(m.span.start, list);
  }
  const pieces: Html[] = [];
  let active: Mark[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!, b = points[i + 1]!;
    const text = doc.text.slice(a, b);
    // A sweep: the marks covering [a, b) are those started at or before a and not yet ended.
    active = active.filter((m) => m.span.end > a).concat(starts.get(a) ?? []);
    const on = active;
    // An element that starts here carries the id, so links to a claim or a hit land on its first piece.
    const ids = (starts.get(a) ?? []).filter((m) => m.id).map((m) => m.id!);
    if (on.length === 0 && ids.length === 0) {
      pieces.push(html`${text}`);
      continue;
    }
    const cls = [...new Set(on.map((m) => m.cls))].join(" ");
    const title = [...new Set(on.map((m) => m.title))].join("; ");
    pieces.push(ids[0] ? html`<span class="${cls}" title="${title}" id="${ids[0]}">${text}</span>` : html`<span class="${cls}" title="${title}">${text}</span>`);
  }
  return html`${pieces}`;
}
