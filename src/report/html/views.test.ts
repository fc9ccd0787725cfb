import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import type { Fact, RashomonDocument, Story } from "../../model/index.js";
import { analyze } from "../../pipeline/index.js";
import { renderHtml, renderStoryView, REPORT_CSP, REPORT_SCRIPT } from "../index.js";
import { coverageSection, factFilters, MATRIX_ROWS } from "./coverage.js";
import { documentNames } from "./document-names.js";
import { drawnLinks, lineageGraph, lineageSvg, LINKS_PER_NODE, MAX_DRAWN_NODES, sourceName } from "./lineage-graph.js";
import { axisLabel, placeLabels, timelineAxis } from "./timeline.js";

const SEEDS = fileURLToPath(new URL("../../../../shared/seeds/", import.meta.url));

describe("report views on the seeds", () => {
  let documents: RashomonDocument[];
  let story: Story;
  beforeAll(async () => {
    const result = await analyze([SEEDS]);
    documents = result.documents;
    story = result.stories[0]!;
  });

  it("merges the lineage's source nodes by name: agency:AFP and source:AFP are one node", () => {
    expect(sourceName("agency:AFP")).toBe("AFP");
    expect(sourceName("source:AFP")).toBe("AFP");
    expect(sourceName("source:Agence France-Presse")).toBe("AFP");
    expect(sourceName("source:The Wall Street Journal")).toBe("Wall Street Journal");
    const names = documentNames(documents);
    const doubled = { ...story.lineage!, edges: [...story.lineage!.edges, { ...story.lineage!.edges[0]!, to: "source:AFP", kind: "cites" as const }] };
    expect(story.lineage!.edges[0]!.to).toBe("agency:AFP");
    const { nodes, links } = lineageGraph(doubled, story.documents, names);
    expect(nodes.filter((n) => n.label === "AFP")).toHaveLength(1);
    expect(links.find((l) => l.to === "s:afp")!.kinds).toEqual(["credits", "cites"]);
    // One node per document, named, and one per distinct source of the seeds.
    const sources = new Set(story.lineage!.edges.map((e) => sourceName(e.to)));
    expect(nodes.filter((n) => n.kind === "source").map((n) => n.label).sort()).toEqual([...sources].sort());
    expect(nodes.filter((n) => n.kind === "doc").map((n) => n.label)).toEqual(story.documents.map((d) => names(d).short));
  });

  it("lays the lineage out with dagre so that no two node boxes or edge labels overlap", () => {
    const svg = lineageSvg(story.lineage!, story.documents, documentNames(documents), story.id).html;
    const boxes = [...svg.matchAll(/<rect(?: class="edge-label")? x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => m.slice(1).map(Number) as [number, number, number, number]);
    expect(boxes.length).toBeGreaterThan(story.documents.length + 5);
    const overlap = ([x1, y1, w1, h1]: number[], [x2, y2, w2, h2]: number[]) => x1! < x2! + w2! && x2! < x1! + w1! && y1! < y2! + h2! && y2! < y1! + h1!;
    const pairs = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => overlap(a, b)).map((b) => [a, b]));
    expect(pairs).toEqual([]);
    expect(svg).not.toContain("000_4e495020b5c344bc<");
  });

  it("places timeline labels in rows without overlap, dropping only those that fit nowhere", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ x: fc.integer({ min: 0, max: 400 }), width: fc.integer({ min: 10, max: 90 }) }), { maxLength: 30 }), (labels) => {
        const placed = placeLabels(labels, 3, 400);
        const boxes = placed.flatMap((p, i) => (p ? [{ row: p.row, left: p.left, right: p.left + labels[i]!.width }] : []));
        for (const a of boxes) for (const b of boxes) if (a !== b && a.row === b.row) expect(a.right + 6 <= b.left || b.right + 6 <= a.left).toBe(true);
        for (const b of boxes) expect(b.left >= 0 && b.row < 3).toBe(true);
        return true;
      }),
    );
    expect(axisLabel("2025-02-19")).toBe("19 Feb 2025");
    expect(axisLabel("2025-04")).toBe("Apr 2025");
    expect(axisLabel("2015")).toBe("2015");
    // The seeds' timeline, wide and narrow: every label in its own space (estimated widths), the wide axis labels every date.
    for (const width of [980, 340]) {
      const svg = timelineAxis(story.timeline!, width, "w").html;
      const labels = [...svg.matchAll(/<text class="date" x="([\d.]+)" y="([\d.]+)">([^<]+)</g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: m[3]!.length * 6.6 }));
      for (const a of labels) for (const b of labels) if (a !== b && a.y === b.y) expect(a.x + a.w <= b.x || b.x + b.w <= a.x).toBe(true);
      if (width === 980) expect(labels).toHaveLength(new Set(story.timeline!.map((e) => e.date)).size);
    }
  });

  it("marks coverage rows corroborated, unique and disputed, and filters them without script", () => {
    const filters = story.facts!.map((f) => factFilters(f, story));
    expect(filters.filter((f) => f.includes("corroborated")).length).toBe(story.facts!.filter((f) => f.independentSources >= 2).length);
    // Unique rows are the story's uniqueFacts: one document, and no other outlet's sentence near stating it.
    const unique = new Set(Object.values(story.uniqueFacts!).flat());
    expect(unique.size).toBeGreaterThan(2);
    expect(story.facts!.filter((f, i) => filters[i]!.includes("unique")).map((f) => f.id)).toEqual(story.facts!.filter((f) => unique.has(f.id)).map((f) => f.id));
    expect(story.facts!.some((f, i) => f.documents.length === 1 && !filters[i]!.includes("unique"))).toBe(true);
    // "We can work together, but you in your territory…" is quoted differently: a wording discrepancy.
    const territory = story.facts!.findIndex((f) => f.kind === "said" && /your territory/.test(f.text));
    expect(filters[territory]).toContain("disputed");
    expect(filters.filter((f) => f.includes("disputed")).length).toBeLessThan(story.facts!.length / 2);
    const { document } = parseHTML(`<div>${coverageSection(story, documentNames(documents)).html}</div>`);
    expect(document.querySelectorAll("input.filter[type=radio]")).toHaveLength(4);
    expect(document.querySelectorAll("tr.fact-row.disputed").length).toBe(filters.filter((f) => f.includes("disputed")).length);
    const headers = [...document.querySelectorAll("th.doc")].map((th) => th.textContent);
    expect(headers).toEqual(story.documents.map((d) => documentNames(documents)(d).short));
  });

  it("keeps a 100-fact, 20-document matrix to MATRIX_ROWS rows with one column per document", () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ ...documents[i % documents.length]!, id: `doc-${i}`, outlet: `Outlet number ${i}` }));
    const facts: Fact[] = Array.from({ length: 100 }, (_, i) => ({
      ...story.facts![i % story.facts!.length]!,
      id: `f${i}`,
      claims: [{ document: `doc-${i % 20}`, span: { start: 0, end: 10 } }],
      documents: [`doc-${i % 20}`],
    }));
    const big: Story = { ...story, documents: many.map((d) => d.id), facts, discrepancies: [] };
    const { document } = parseHTML(`<div>${coverageSection(big, documentNames(many)).html}</div>`);
    expect(document.querySelectorAll("tbody tr")).toHaveLength(MATRIX_ROWS);
    expect(document.querySelectorAll("th.doc")).toHaveLength(20);
    expect(document.querySelector("th.doc")!.getAttribute("title")).toBe("Outlet number 0 · doc-0");
    expect(document.querySelector(".note:last-child")!.textContent).toContain(`other ${100 - MATRIX_ROWS}`);
  });

  it("renders one story as a fragment with its contents, parts, documents and live links", () => {
    const view = renderStoryView(story, documents);
    expect(view).not.toMatch(/<html|<script|<style/i);
    const { document } = parseHTML(`<!doctype html><html><body>${view}</body></html>`);
    const ids = new Set([...document.querySelectorAll("[id]")].map((e) => e.id));
    const links = [...document.querySelectorAll("a[href^='#']")].map((a) => a.getAttribute("href")!.slice(1));
    expect(links.length).toBeGreaterThan(100);
    expect(links.filter((l) => !ids.has(l))).toEqual([]);
    const toc = [...document.querySelectorAll("nav.toc .toc-parts a")].map((a) => a.textContent);
    expect(toc).toEqual(["Summary", "Coverage", "Where accounts differ", "Timeline", "Quotes across outlets", "Lineage"]);
    expect(document.querySelectorAll("article.document")).toHaveLength(story.documents.length);
    // Coverage headers, citations, quote variants, timeline and lineage all name documents: never by a file id.
    for (const el of document.querySelectorAll("th.doc, a.cite-link, .who, td.who, svg.lineage text, ul.story-docs a")) {
      expect(el.textContent).not.toMatch(/\d{3}_[0-9a-f]{16}/);
    }
  });

  it("allows exactly the report's script by its hash, and the page carries it", () => {
    const page = renderHtml({ documents, stories: [story], messages: [] });
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toEqual([REPORT_SCRIPT]);
    const hash = createHash("sha256").update(scripts[0]!).digest("base64");
    expect(REPORT_CSP).toContain(`script-src 'sha256-${hash}'`);
    expect(REPORT_CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(page).toContain('<nav class="toc" id="contents"');
  });
});

describe("the lineage graph of a large story", () => {
  it("draws a small graph whole, and a 149-document story of copies within its bounds, quickly", () => {
    const docs = Array.from({ length: 149 }, (_, i) => `doc-${i}`);
    const few = drawnLinks([{ from: "d:doc-1", to: "d:doc-0", kinds: ["copy"] }, { from: "d:doc-2", to: "s:afp", kinds: ["credits"] }], docs);
    expect(few).toHaveLength(2);
    // Every copy of one wire story copies every other: 149 × 148 / 2 links, as the lineage stage reports them.
    const edges = docs.flatMap((a, i) => docs.slice(0, i).map((b) => ({ from: a, to: b, kind: "copy" as const, evidence: [] })));
    const names = documentNames(docs.map((id) => ({ id, title: `Title ${id}`, outlet: null, url: null, agencies: [], authors: [] }) as unknown as RashomonDocument));
    const links = drawnLinks(lineageGraph({ edges, independentGroups: [docs] }, docs, names).links, docs);
    const from = new Map<string, number>();
    for (const l of links) from.set(l.from, (from.get(l.from) ?? 0) + 1);
    expect(Math.max(...from.values())).toBeLessThanOrEqual(LINKS_PER_NODE);
    expect(new Set(links.flatMap((l) => [l.from, l.to])).size).toBeLessThanOrEqual(MAX_DRAWN_NODES);
    const t0 = performance.now();
    const svg = lineageSvg({ edges, independentGroups: [docs] }, docs, names, "story-big").html;
    expect(performance.now() - t0).toBeLessThan(3_000);
    expect(svg).toContain("<svg");
  });
});
