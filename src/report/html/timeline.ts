import type { TimelineEntry } from "../../model/index.js";
import { describeTime } from "../../time/index.js";
import { html, htmlList, type Html } from "../escape.js";
import { docLink } from "./anchors.js";
import type { DocumentNamer } from "./document-names.js";

/** A label to place over the axis: its anchor (centre) and its width, in SVG units. */
export interface LabelBox {
  x: number;
  width: number;
}

/**
 * Places labels in rows above an axis so that no two overlap: each label, the
 * most important first (in the given order of `priority`), goes centred on its
 * anchor (kept inside [0, width]) in the lowest row where it leaves `gap` to
 * every label already there; a label that fits in no row gets null (the table
 * under the axis lists every entry). Returns each label's row and left edge.
 */
export function placeLabels(labels: readonly LabelBox[], rows: number, width: number, priority: readonly number[] = labels.map((_, i) => i), gap = 6): ({ row: number; left: number } | null)[] {
  const taken: [number, number][][] = Array.from({ length: rows }, () => []);
  const out: ({ row: number; left: number } | null)[] = labels.map(() => null);
  for (const i of priority) {
    const l = labels[i]!;
    const left = Math.min(Math.max(0, l.x - l.width / 2), Math.max(0, width - l.width));
    const right = left + l.width;
    const row = taken.findIndex((spans) => spans.every(([a, b]) => right + gap <= a || left >= b + gap));
    if (row < 0) continue;
    taken[row]!.push([left, right]);
    out[i] = { row, left };
  }
  return out;
}

/** Month names for axis labels. */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A compact axis label for a TIMEX3 date: `2015`, `Jan 2025`, `19 Feb 2025`; anything else as describeTime words it. */
export function axisLabel(date: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date.slice(0, 10));
  if (!m) return describeTime(date);
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month) return m[1]!;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** Approximate width of a label in 11px sans-serif (generous). */
function labelWidth(text: string): number {
  return [...text].length * 6.6 + 4;
}

function padDate(date: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  return m ? `${m[1]}-${m[2] ?? "01"}-${m[3] ?? "01"}` : date;
}

/** How many rows of labels an axis has at most. */
const LABEL_ROWS = 3;
const ROW_HEIGHT = 16;

/**
 * Draws a timeline on a horizontal axis `width` units wide: one dot per date
 * (larger when several entries share it, red when accounts conflict), gaps
 * growing with the logarithm of the days between dates so decades and days both
 * fit, and date labels placed so that none overlap (see placeLabels).
 */
export function timelineAxis(entries: readonly TimelineEntry[], width: number, variant: string): Html {
  const dates = [...new Set(entries.map((e) => e.date))];
  const times = dates.map((d) => Date.parse(padDate(d)));
  const steps: number[] = [];
  let x = 0;
  dates.forEach((_, i) => {
    if (i > 0) {
      const days = Math.max(0, (times[i]! - times[i - 1]!) / 86_400_000);
      x += 1 + Math.log1p(Number.isFinite(days) ? days : 0);
    }
    steps.push(x);
  });
  const margin = 24, span = Math.max(x, 1);
  const xs = steps.map((s) => (dates.length === 1 ? width / 2 : margin + (s / span) * (width - 2 * margin)));
  const groups = dates.map((d) => entries.filter((e) => e.date === d));
  const texts = dates.map(axisLabel);
  // Dates more documents report are labelled first; then left to right.
  const priority = dates.map((_, i) => i).sort((a, b) => docCount(groups[b]!) - docCount(groups[a]!) || a - b);
  const placed = placeLabels(texts.map((t, i) => ({ x: xs[i]!, width: labelWidth(t) })), LABEL_ROWS, width, priority);
  const rows = Math.max(1, ...placed.map((p) => (p ? p.row + 1 : 0)));
  const axisY = rows * ROW_HEIGHT + 14;
  const f = (v: number) => v.toFixed(1);
  const marks = dates.map((d, i) => {
    const g = groups[i]!;
    const r = 4 + Math.min(4, g.length - 1);
    const p = placed[i];
    const baseline = p ? axisY - 10 - p.row * ROW_HEIGHT : 0;
    const tip = `${describeTime(d)}: ${g.length} entr${g.length === 1 ? "y" : "ies"}`;
    const label = p
      ? html`<line class="leader" x1="${f(xs[i]!)}" y1="${f(axisY - r)}" x2="${f(xs[i]!)}" y2="${f(baseline + 3)}"/><text class="date" x="${f(p.left + 2)}" y="${f(baseline)}">${texts[i]!}</text>`
      : "";
    return html`<g class="mark${g.some((e) => e.conflict) ? " conflict" : ""}"><title>${tip}</title>${label}<circle cx="${f(xs[i]!)}" cy="${axisY}" r="${r}"/></g>`;
  });
  const h = axisY + 14;
  return html`<svg class="axis ${variant}" viewBox="0 0 ${width} ${h}" width="${width}" height="${h}" role="img" aria-label="timeline"><line class="base" x1="${margin / 2}" y1="${axisY}" x2="${width - margin / 2}" y2="${axisY}"/>${marks}</svg>`;
}

function docCount(entries: TimelineEntry[]): number {
  return new Set(entries.flatMap((e) => e.documents)).size;
}

/** The timeline part of a story: the axis (a wide and a narrow drawing, CSS shows the one that fits) and every entry in a table. */
export function timelineSection(entries: readonly TimelineEntry[], names: DocumentNamer): Html {
  const rows = entries.map(
    (e) => html`<tr class="${e.conflict ? "conflict" : ""}"><td class="when"><time datetime="${e.date}">${describeTime(e.date)}</time>${e.inferred ? html` <span class="inferred" title="the documents give no publication date: read at the story's date">(date inferred)</span>` : ""}</td><td>${e.text}</td><td class="who">${htmlList(e.documents.map((d) => docLink(d, names)), ", ")}</td></tr>`,
  );
  return html`<div class="axis-wrap">${timelineAxis(entries, 980, "wide")}${timelineAxis(entries, 340, "narrow")}</div>
<table class="timeline"><thead><tr><th>Date</th><th>What</th><th>Reported by</th></tr></thead><tbody>${rows}</tbody></table>`;
}
