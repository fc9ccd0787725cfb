import dagre from "@dagrejs/dagre";
import type { Lineage } from "../../model/index.js";
import { canonicalAgency, OUTLETS } from "../../lineage/index.js";
import { html, htmlId, htmlList, rawHtml, type Html } from "../escape.js";
import type { DocumentNamer } from "./document-names.js";

/** A node of the drawn lineage graph: a document of the story or a source it credits or cites. */
export interface LineageNode {
  key: string;
  label: string;
  /** The full name and id (documents) or the node ids merged into it (sources), for a tooltip. */
  tooltip: string;
  kind: "doc" | "source";
  /** The document id, for a document node. */
  document?: string;
}

/** An edge of the drawn graph: every lineage edge between the same two nodes, their kinds together. */
export interface LineageLink {
  from: string;
  to: string;
  kinds: string[];
}

/**
 * The name a source node stands for: `agency:AFP`, `source:AFP` and
 * `source:Agence France-Presse` are all "AFP"; outlets get their usual name.
 */
export function sourceName(node: string): string {
  const raw = node.replace(/^(?:agency|source):/u, "").replace(/\s+/gu, " ").trim();
  const agency = canonicalAgency(raw);
  if (agency !== raw) return agency;
  const outlet = OUTLETS.find((o) => o.name.toLowerCase() === raw.toLowerCase() || o.aliases.some((a) => a.toLowerCase() === raw.toLowerCase()));
  return outlet?.name ?? raw;
}

/**
 * The graph the report draws: one node per document of the story, one per
 * source however the lineage names it (see sourceName), one edge per pair of
 * nodes. An edge end that is a document of the story is a document node.
 */
export function lineageGraph(lineage: Lineage, documents: readonly string[], names: DocumentNamer): { nodes: LineageNode[]; links: LineageLink[] } {
  const docs = new Set(documents);
  const nodes = new Map<string, LineageNode>();
  for (const id of documents) {
    const n = names(id);
    nodes.set(`d:${id}`, { key: `d:${id}`, label: n.short, tooltip: `${n.name} (${id})`, kind: "doc", document: id });
  }
  const keyOf = (end: string): string => {
    if (docs.has(end)) return `d:${end}`;
    const name = sourceName(end);
    const key = `s:${name.toLowerCase()}`;
    const node = nodes.get(key);
    if (!node) nodes.set(key, { key, label: name, tooltip: end, kind: "source" });
    else if (!node.tooltip.split(", ").includes(end)) node.tooltip += `, ${end}`;
    return key;
  };
  const links = new Map<string, LineageLink>();
  for (const e of lineage.edges) {
    const from = keyOf(e.from), to = keyOf(e.to);
    if (from === to) continue;
    const k = JSON.stringify([from, to]);
    const link = links.get(k) ?? links.set(k, { from, to, kinds: [] }).get(k)!;
    if (!link.kinds.includes(e.kind)) link.kinds.push(e.kind);
  }
  return { nodes: [...nodes.values()], links: [...links.values()] };
}

/** Approximate width of a label in 12px sans-serif (generous, so boxes hold their text). */
function textWidth(text: string, size = 12): number {
  return [...text].reduce((w, c) => w + (/[A-Z@MW%]/u.test(c) ? 0.72 : /[il.,:;'’!|() ]/u.test(c) ? 0.32 : 0.58), 0) * size;
}

const NODE_HEIGHT = 26;

/** An edge's label: its kinds as verbs ("copies", "credits, cites"). */
function kindsLabel(kinds: readonly string[]): string {
  return kinds.map((k) => (k === "copy" ? "copies" : k === "rewrite" ? "rewrites" : k)).join(", ");
}

/** A smooth path through dagre's edge points (a uniform cubic B-spline, as d3's curveBasis draws it). */
export function basisPath(points: readonly { x: number; y: number }[]): string {
  const f = (v: number) => v.toFixed(1);
  if (points.length === 0) return "";
  const [first] = points;
  if (points.length < 3) return points.map((p, i) => `${i === 0 ? "M" : "L"}${f(p.x)},${f(p.y)}`).join(" ");
  let d = `M${f(first!.x)},${f(first!.y)}`;
  const [a, b] = points;
  d += ` L${f((5 * a!.x + b!.x) / 6)},${f((5 * a!.y + b!.y) / 6)}`;
  for (let i = 2; i < points.length; i++) {
    const p0 = points[i - 2]!, p1 = points[i - 1]!, p = points[i]!;
    d += ` C${f((2 * p0.x + p1.x) / 3)},${f((2 * p0.y + p1.y) / 3)} ${f((p0.x + 2 * p1.x) / 3)},${f((p0.y + 2 * p1.y) / 3)} ${f((p0.x + 4 * p1.x + p.x) / 6)},${f((p0.y + 4 * p1.y + p.y) / 6)}`;
  }
  const p0 = points[points.length - 2]!, p1 = points[points.length - 1]!;
  d += ` C${f((2 * p0.x + p1.x) / 3)},${f((2 * p0.y + p1.y) / 3)} ${f((p0.x + 2 * p1.x) / 3)},${f((p0.y + 2 * p1.y) / 3)} ${f(p1.x)},${f(p1.y)}`;
  return d;
}

/** Most nodes the drawing holds: dagre's layout time grows fast with links (the 1,150 links of a 149-document story took 10 s). */
export const MAX_DRAWN_NODES = 40;
/** A graph with at most this many links (and {@link MAX_DRAWN_NODES} nodes) is drawn whole. */
export const MAX_ALL_LINKS = 60;
/** Links drawn from one node, in a larger graph: the sources it credits or cites first, then the earliest documents it copies or rewrites. */
export const LINKS_PER_NODE = 2;

/**
 * The links the graph draws: all of a small graph's; in a larger one at most {@link LINKS_PER_NODE} from each node,
 * among at most {@link MAX_DRAWN_NODES} nodes (the most linked). Copies of one
 * wire story all copy each other; drawing each one's closest link keeps the
 * chain readable, and every link stays in the JSON report.
 */
export function drawnLinks(links: readonly LineageLink[], documents: readonly string[]): LineageLink[] {
  const nodes = new Set(links.flatMap((l) => [l.from, l.to]));
  if (links.length <= MAX_ALL_LINKS && nodes.size <= MAX_DRAWN_NODES) return [...links];
  const order = new Map(documents.map((d, i) => [`d:${d}`, i]));
  const rank = (key: string) => (key.startsWith("s:") ? -1 : order.get(key) ?? documents.length);
  const byFrom = new Map<string, LineageLink[]>();
  for (const l of links) byFrom.set(l.from, [...(byFrom.get(l.from) ?? []), l]);
  let kept = [...byFrom.values()].flatMap((ls) => [...ls].sort((a, b) => rank(a.to) - rank(b.to)).slice(0, LINKS_PER_NODE));
  const degree = new Map<string, number>();
  for (const l of kept) for (const k of [l.from, l.to]) degree.set(k, (degree.get(k) ?? 0) + 1);
  if (degree.size > MAX_DRAWN_NODES) {
    const top = new Set([...degree.keys()].sort((a, b) => degree.get(b)! - degree.get(a)! || rank(a) - rank(b)).slice(0, MAX_DRAWN_NODES));
    kept = kept.filter((l) => top.has(l.from) && top.has(l.to));
  }
  return kept;
}

/**
 * Renders the lineage as an SVG graph laid out by dagre, left to right:
 * documents, then the documents and sources they copy, credit or cite; edges
 * are labelled with their kind, document nodes link to the document.
 */
export function lineageSvg(lineage: Lineage, documents: readonly string[], names: DocumentNamer, storyId: string): Html {
  const graph = lineageGraph(lineage, documents, names);
  const links = drawnLinks(graph.links, documents);
  // A document with no link is listed under the graph, not drawn: alone, it would sit beside unrelated edges.
  const linked = new Set(links.flatMap((l) => [l.from, l.to]));
  const nodes = graph.nodes.filter((n) => linked.has(n.key));
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: "LR", nodesep: 14, ranksep: 56, edgesep: 10, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  // Document labels are bold: a little wider.
  for (const n of nodes) g.setNode(n.key, { width: Math.ceil(textWidth(n.label) * (n.kind === "doc" ? 1.1 : 1)) + 18, height: NODE_HEIGHT });
  for (const l of links) g.setEdge(l.from, l.to, { width: Math.ceil(textWidth(kindsLabel(l.kinds), 11)) + 8, height: 14, labelpos: "c" });
  dagre.layout(g);
  const { width = 0, height = 0 } = g.graph();
  const arrow = htmlId("arrow", storyId);
  const f = (v: number | undefined) => (v ?? 0).toFixed(1);
  const edges = links.map((l) => {
    const e = g.edge(l.from, l.to);
    const points: { x: number; y: number }[] = e.points ?? [];
    const d = basisPath(points);
    const label = kindsLabel(l.kinds);
    const w = Math.ceil(textWidth(label, 11)) + 6;
    return html`<g class="edge ${l.kinds.join(" ")}"><path d="${d}" marker-end="url(#${arrow})"/><rect class="edge-label" x="${f((e.x ?? 0) - w / 2)}" y="${f((e.y ?? 0) - 7)}" width="${w}" height="14" rx="3"/><text class="edge-label" x="${f(e.x)}" y="${f((e.y ?? 0) + 4)}" text-anchor="middle">${label}</text></g>`;
  });
  const boxes = nodes.map((n) => {
    const p = g.node(n.key);
    const box = html`<title>${n.tooltip}</title><rect x="${f(p.x - p.width / 2)}" y="${f(p.y - p.height / 2)}" width="${p.width}" height="${p.height}" rx="5"/><text class="node-label" x="${f(p.x)}" y="${f(p.y + 4)}" text-anchor="middle">${n.label}</text>`;
    return n.document
      ? html`<a class="node doc" href="#${htmlId("doc", n.document)}">${box}</a>`
      : html`<g class="node source">${box}</g>`;
  });
  return html`<svg class="lineage" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" width="${Math.ceil(width)}" height="${Math.ceil(height)}" role="img" aria-label="lineage graph"><defs><marker id="${arrow}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>${edges}${boxes}</svg>`;
}

/** The lineage part of a story: the graph, a legend, the documents with no link, and the independent source groups. */
export function lineageSection(lineage: Lineage, documents: readonly string[], names: DocumentNamer, storyId: string): Html {
  const groups = lineage.independentGroups.map((group) => html`<li>${htmlList(group.map((id) => names(id).name), " + ")}</li>`);
  const linked = new Set(lineage.edges.flatMap((e) => [e.from, e.to]));
  const alone = documents.filter((d) => !linked.has(d));
  const aloneNote = alone.length
    ? html`<p class="note">No credited, cited or copied source found in ${htmlList(alone.map((d) => names(d).name), ", ")}.</p>`
    : "";
  const all = lineageGraph(lineage, documents, names).links.length;
  const drawn = drawnLinks(lineageGraph(lineage, documents, names).links, documents).length;
  const partial = drawn < all ? html`<p class="note">The graph draws ${drawn} of ${all} links: from each document the sources it credits first, then the earliest documents it copies; the JSON report holds every link.</p>` : "";
  return html`<div class="lineage-part"><div class="graph-wrap">${lineageSvg(lineage, documents, names, storyId)}</div>${partial}
<div class="lineage-notes"><p class="legend"><span class="key doc">document</span> <span class="key source">source it credits or cites</span><br>An arrow reads “copies”, “rewrites”, “credits” or “cites”; a document’s box links to it.</p>
${aloneNote}<p class="groups-title">${lineage.independentGroups.length} independent source group${lineage.independentGroups.length === 1 ? "" : rawHtml("s")}:</p><ol class="groups">${groups}</ol></div></div>`;
}
