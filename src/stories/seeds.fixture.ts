/**
 * Test fixture: the five seed articles as RashomonDocuments built by hand from
 * the raw files (text = file content, body = the article part, paragraphs =
 * its non-empty lines), with the metadata the team agreed for them.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Paragraph, RashomonDocument } from "../model/index.js";

const SEEDS = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));

interface SeedMeta {
  prefix: string;
  start: string;
  /** Body ends before this marker (or at the end of the text when null). */
  end: string | null;
  title: string | null;
  published: string | null;
  outlet: string | null;
  agencies: string[];
}

const META: SeedMeta[] = [
  { prefix: "000", start: "MEXICO CITY (AP)", end: "\nThe Associated Press\n", title: "Mexico’s president says she rejected Trump’s plan to send US troops across the border", published: "2025-05-03T18:17", outlet: "CityNews Toronto/AP wire", agencies: ["AP"] },
  { prefix: "001", start: "Mexican President Claudia Sheinbaum said Saturday", end: "Edited by:", title: "Mexican president says she rejected Trump troops offer", published: "2025-05-03", outlet: "DW", agencies: ["AFP", "EFE"] },
  { prefix: "002", start: "Mexican President Claudia Sheinbaum announced", end: "- Trump's renews", title: "Mexican president rejects Trump’s offer to deploy US troops against drug cartels", published: "2025-05-04T10:39", outlet: "A News", agencies: ["Agencies"] },
  { prefix: "003", start: "Mexican President Claudia Sheinbaum revealed", end: null, title: null, published: "2025-05-04", outlet: null, agencies: [] },
  { prefix: "004", start: "Mexico’s President Claudia Sheinbaum", end: null, title: null, published: null, outlet: null, agencies: [] },
];

/** Builds a document from text and the body's [start, end) range; paragraphs are its non-empty lines. */
export function makeDocument(id: string, text: string, start: number, end: number, extra: Partial<RashomonDocument> = {}): RashomonDocument {
  const paragraphs: Paragraph[] = [];
  let pos = start;
  for (const line of text.slice(start, end).split("\n")) {
    const lead = line.length - line.trimStart().length;
    const t = line.trim();
    if (t) paragraphs.push({ span: { start: pos + lead, end: pos + lead + t.length }, kind: "paragraph" });
    pos += line.length + 1;
  }
  return {
    id, input: id, format: "text", text, title: null, standfirst: null, section: null, byline: null, authors: [],
    agencies: [], outlet: null, dateline: null, published: null, updated: null, editor: null, language: "en", url: null,
    body: paragraphs.map((p) => text.slice(p.span.start, p.span.end)).join("\n\n"), paragraphs, captions: [], removed: [],
    provenance: {}, messages: [], ...extra,
  };
}

/** The five seeds, ids `000`..`004`. */
export function loadSeeds(): RashomonDocument[] {
  const files = readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort();
  return META.map((m) => {
    const file = files.find((f) => f.startsWith(m.prefix))!;
    const text = readFileSync(SEEDS + file, "utf8");
    const start = text.indexOf(m.start);
    const endAt = m.end ? text.indexOf(m.end, start) : -1;
    if (start < 0) throw new Error(`seed ${file}: body start not found`);
    return makeDocument(m.prefix, text, start, endAt < 0 ? text.length : endAt, {
      input: file, title: m.title, published: m.published, outlet: m.outlet, agencies: m.agencies,
    });
  });
}
