/**
 * Hostile input in every report format: real articles (the bundled example) read
 * from JSON Lines records with hostile ids, titles, outlets and URLs, then, for
 * the fields records cannot set, every string of the analysis made hostile.
 * Markdown is checked the way CommonMark reads it (line endings, code fences,
 * raw HTML, GFM tables), HTML with a real parser (linkedom).
 */
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalyzeResult } from "../pipeline/index.js";
import { analyze } from "../pipeline/index.js";
import { renderHtml, renderJson, renderMarkdown, REPORT_SCRIPT } from "./index.js";
import { HOSTILE, writeHostileRecords } from "./test-helpers.js";

const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

// ------------------------------------------------------------ Markdown as CommonMark reads it

interface Fence {
  info: string;
  body: string[];
  closed: boolean;
}

/** The lines as CommonMark splits them (LF, CR LF and a lone CR), the fenced code blocks, and the lines outside them. */
function markdownBlocks(text: string): { lines: string[]; fences: Fence[]; outside: string[] } {
  const lines = text.split(/\r\n|\r|\n/);
  const fences: Fence[] = [];
  const outside: string[] = [];
  let open: (Fence & { marker: string }) | null = null;
  for (const line of lines) {
    if (open) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]![0] === open.marker[0] && close[1]!.length >= open.marker.length) {
        open.closed = true;
        fences.push(open);
        open = null;
      } else {
        open.body.push(line);
      }
      continue;
    }
    const start = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (start && !(start[1]![0] === "`" && start[2]!.includes("`"))) {
      open = { marker: start[1]!, info: start[2]!.trim(), body: [], closed: false };
      continue;
    }
    outside.push(line);
  }
  if (open) fences.push(open);
  return { lines, fences, outside };
}

/** Raw HTML that CommonMark passes through: a `<` no backslash escapes, outside code spans, starting a tag, comment or declaration. */
function rawHtmlIn(line: string): string[] {
  const text = line.replace(/(?<![`\\])(`+)(?!`)(.*?[^`])\1(?!`)/g, "");
  return [...text.matchAll(/(?:^|[^\\])(?:\\\\)*(<[A-Za-z/!?][^>]*>?)/g)].map((m) => m[1]!);
}

/** How many cell separators a GFM table row has: the `|` no backslash escapes. */
function pipes(row: string): number {
  return [...row.matchAll(/(?:^|[^\\])(?:\\\\)*\|/g)].length;
}

/**
 * What is wrong with the GFM tables: a row that does not have its header's cells,
 * or a line outside any table that begins like a table row.
 */
function tableProblems(lines: string[]): string[] {
  const problems: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith("|")) continue;
    const header = lines[i]!;
    if (!/^\|(?:-+\|)+$/.test(lines[i + 1] ?? "")) {
      problems.push(`line ${i + 1} starts like a table row outside a table: ${JSON.stringify(header)}`);
      continue;
    }
    let j = i + 2;
    for (; j < lines.length && lines[j] !== ""; j++) {
      const row = lines[j]!;
      if (!row.startsWith("| ") || !row.endsWith(" |") || pipes(row) !== pipes(header)) problems.push(`row ${j + 1} does not fit its table: ${JSON.stringify(row)}`);
    }
    i = j;
  }
  return problems;
}

/** Mermaid entities (`#34;`) back to characters. */
function mermaidText(label: string): string {
  return label.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
}

/** What a label shows for an id: line breaks as spaces, direction controls as visible escapes. */
function shown(id: string): string {
  return id.replace(/\r\n|[\r\n]/g, " ").replace(new RegExp(DIRECTION_CONTROLS.source, "g"), (c) => `\\u${c.codePointAt(0)!.toString(16).toUpperCase()}`);
}

/** Reads the lineage diagram back: its nodes (id → label) and edges, or the lines it cannot read. */
function readMermaid(fence: Fence): { nodes: Map<string, string>; edges: string[]; unreadable: string[] } {
  const nodes = new Map<string, string>();
  const edges: string[] = [];
  const unreadable: string[] = [];
  fence.body.forEach((line, i) => {
    if (i === 0 && line === "graph LR") return;
    const node = /^ {2}(n\d+)\["([^"`<>\n]*)"\]$/.exec(line);
    const edge = /^ {2}(n\d+) -->\|([a-z]+)\| (n\d+)$/.exec(line);
    if (node) nodes.set(node[1]!, mermaidText(node[2]!));
    else if (edge) edges.push(`${edge[1]} ${edge[2]} ${edge[3]}`);
    else unreadable.push(line);
  });
  return { nodes, edges: edges.map((e) => e.replace(/n\d+/g, (n) => nodes.get(n) ?? `?${n}`)), unreadable };
}

// ------------------------------------------------------------ HTML as a parser reads it

/** Whether a field's direction controls are balanced: no closer without its opener, no opener left open. */
function balanced(text: string): boolean {
  const open: string[] = [];
  for (const c of text) {
    if (/[\u202A\u202B\u202D\u202E\u2066-\u2068]/.test(c)) open.push(c);
    else if (c === "\u202C" || c === "\u2069") {
      const opener = open.pop();
      if (!opener || (c === "\u2069") !== /[\u2066-\u2068]/.test(opener)) return false;
    }
  }
  return open.length === 0;
}

/** Elements a text may sit in with its direction controls: an isolated field, or a block (or SVG text) that holds one field only. */
const ISOLATED = "bdi, div.body > p, div.body > h4, pre.source, text, title";

/** Text with direction controls that could reach text around it: outside an isolated field, or unbalanced inside one. */
function leakingDirection(document: Document): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3 && DIRECTION_CONTROLS.test(node.textContent ?? "")) {
      const holder = (node.parentElement as Element | null)?.closest(ISOLATED);
      if (!holder) out.push(`${(node.parentElement as Element).outerHTML.slice(0, 160)}`);
      else if (holder.localName === "bdi" && !balanced(holder.textContent ?? "")) out.push(`unbalanced: ${holder.outerHTML.slice(0, 160)}`);
    }
    node.childNodes.forEach(walk);
  };
  walk(document.documentElement);
  return out;
}

/** Element ids given to more than one element (outside SVG, whose arrow marker each lineage graph repeats). */
function duplicateIds(document: Document): string[] {
  const ids = [...document.querySelectorAll("[id]")].filter((e) => !e.closest("svg")).map((e) => e.getAttribute("id")!);
  const seen = new Set<string>();
  return ids.filter((id) => seen.has(id) || !seen.add(id));
}

/** Scripts of the page other than the report's own (REPORT_SCRIPT, which its CSP allows by hash): input turned into script. */
function foreignScripts(document: Document): string[] {
  return [...document.querySelectorAll("script")].map((e) => e.textContent ?? "").filter((text) => text !== REPORT_SCRIPT);
}

// ------------------------------------------------------------ every string of an analysis made hostile

const PAYLOAD = "\u2069\u202E|\r```\n<img src=x onerror=alert(2)>\"'[]#;`~*_&amp; %%";
/** Fields the report parses or switches on rather than shows. */
const AS_GIVEN = new Set(["format", "kind", "severity", "date", "granularity", "type", "value", "anchor"]);

/** The analysis with the payload after every string it shows; ids change alike everywhere, so references hold. */
function poisoned<T>(value: T, key = ""): T {
  if (typeof value === "string") return (AS_GIVEN.has(key) ? value : value + PAYLOAD) as T;
  if (Array.isArray(value)) return value.map((v) => poisoned(v, key)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [key === "uniqueFacts" ? k + PAYLOAD : k, poisoned(v, k)])) as T;
  }
  return value;
}

describe("reports of hostile input", () => {
  let result: AnalyzeResult;
  let markdown: string;
  let page: string;
  beforeAll(async () => {
    result = await analyze([writeHostileRecords()]);
    markdown = renderMarkdown(result);
    page = renderHtml(result);
  });

  it("reads the hostile records as one story of five documents with a lineage", () => {
    expect(result.failed).toBe(0);
    expect(result.stories).toHaveLength(1);
    expect(result.documents.map((d) => d.id)).toEqual([HOSTILE.fenceId, "courier", HOSTILE.spacedId, HOSTILE.mermaidId, HOSTILE.underscoredId]);
    expect(result.stories[0]!.lineage!.edges.some((e) => e.from === HOSTILE.fenceId && e.kind === "copy")).toBe(true);
  });

  it("Markdown: an id with a newline, a fence and <img> stays inside the Mermaid label and is text everywhere else", () => {
    const { fences, outside } = markdownBlocks(markdown);
    expect(fences.map((f) => [f.info, f.closed])).toEqual([["mermaid", true]]);
    const lineage = result.stories[0]!.lineage!;
    const nodes = new Set(lineage.edges.flatMap((e) => [e.from, e.to]));
    expect(fences[0]!.body).toHaveLength(1 + nodes.size + lineage.edges.length);
    expect(outside.flatMap(rawHtmlIn)).toEqual([]);
    expect(markdown).toContain("cpa \\`\\`\\` \\<img src=x onerror=alert(1)\\>");
  });

  it("Markdown: a right-to-left override in a title becomes a visible \\u202E and no direction control is left", () => {
    expect(markdown).not.toMatch(DIRECTION_CONTROLS);
    expect(markdown).toContain("## Harbour bridge shuts \\u2069\\u202Eafter cracks\n");
  });

  it("Markdown: | and line breaks in fact texts and titles keep every table row and heading on its line", () => {
    const { lines } = markdownBlocks(markdown);
    expect(lines).toHaveLength(markdown.split("\n").length);
    expect(tableProblems(lines)).toEqual([]);
    const fact = lines.find((l) => l.startsWith("|") && l.includes("the longest crack"));
    expect(fact).toMatch(/^\| .*the longest crack \\\| on the underside.* \|$/);
    expect(lines).toContain("## Old Harbour Bridge closed: \\| what \\| we know \\|");
  });

  it("Mermaid: every label reads back as its id, and ids that differ only in punctuation stay apart", () => {
    const fence = markdownBlocks(markdown).fences.find((f) => f.info === "mermaid")!;
    const { nodes, edges, unreadable } = readMermaid(fence);
    expect(unreadable).toEqual([]);
    const lineage = result.stories[0]!.lineage!;
    const ids = [...new Set(lineage.edges.flatMap((e) => [e.from, e.to]))];
    expect([...nodes.values()].sort()).toEqual(ids.map(shown).sort());
    expect(edges.sort()).toEqual(lineage.edges.map((e) => `${shown(e.from)} ${e.kind} ${shown(e.to)}`).sort());
    expect(ids).toEqual(expect.arrayContaining([HOSTILE.spacedId, "agency:AFP", HOSTILE.mermaidId, HOSTILE.fenceId]));
  });

  it("HTML: a right-to-left override in a title is balanced and isolated, so the outlet after it is not reversed", () => {
    const { document } = parseHTML(page);
    const item = [...document.querySelectorAll("ul.story-docs li")].find((li) => li.textContent!.includes("Harbour bridge shuts"))!;
    expect(item.querySelector(".doc-title > bdi")?.textContent).toBe("Harbour bridge shuts \u202Eafter cracks\u202C");
    expect(item.querySelector(".outlet > bdi")?.textContent).toBe(HOSTILE.courierOutlet);
    expect(leakingDirection(document)).toEqual([]);
  });

  it("HTML: hostile ids, outlets and URLs stay text, and ids that differ only in punctuation get distinct element ids", () => {
    const { document } = parseHTML(page);
    expect(document.querySelectorAll("img, i").length).toBe(0);
    expect(document.querySelectorAll("script").length).toBe(1);
    expect(foreignScripts(document)).toEqual([]);
    expect(document.body.textContent).toContain(HOSTILE.lanternOutlet);
    expect(document.body.textContent).toContain(HOSTILE.lanternUrl);
    expect(duplicateIds(document)).toEqual([]);
  });

  it("JSON keeps every field exactly as the data", () => {
    const json = JSON.parse(renderJson(result));
    expect(json.documents.map((d: { id: string }) => d.id)).toEqual(result.documents.map((d) => d.id));
    expect(json.documents[1].title).toBe(HOSTILE.rloTitle);
    expect(json).toEqual(JSON.parse(JSON.stringify({ documents: result.documents, stories: result.stories, messages: result.messages })));
  });

  describe("with every string of the analysis hostile", () => {
    let hostile: AnalyzeResult;
    beforeAll(() => {
      hostile = poisoned(result);
      hostile.messages.push({ severity: "error", ruleId: `ingest:bad${PAYLOAD}`, reason: `failed${PAYLOAD}` } as AnalyzeResult["messages"][number]);
    });

    it("Markdown stays one fence per lineage, tables whole, no raw HTML and no direction control", () => {
      const out = renderMarkdown(hostile);
      const { lines, fences, outside } = markdownBlocks(out);
      expect(lines).toHaveLength(out.split("\n").length);
      expect(fences.map((f) => [f.info, f.closed])).toEqual([["mermaid", true]]);
      expect(readMermaid(fences[0]!).unreadable).toEqual([]);
      expect(outside.flatMap(rawHtmlIn)).toEqual([]);
      expect(tableProblems(lines)).toEqual([]);
      expect(out).not.toMatch(DIRECTION_CONTROLS);
      expect(out).toContain("\\<img src=x onerror=alert(2)\\>");
    });

    it("HTML has no element from the input, every field isolated, and unique ids", () => {
      const { document } = parseHTML(renderHtml(hostile));
      expect(document.querySelectorAll("img").length).toBe(0);
      expect(foreignScripts(document)).toEqual([]);
      expect(document.body.textContent).toContain("<img src=x onerror=alert(2)>");
      expect(leakingDirection(document)).toEqual([]);
      expect(duplicateIds(document)).toEqual([]);
    });
  });
});
