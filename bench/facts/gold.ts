/**
 * The facts gold (data/facts-gold/<set>/<story>.json; guidelines in
 * docs/facts-annotation.md) and the stories it annotates, analysed through the
 * real pipeline: ECB+ texts from ../shared/bench-data (the `text` field as plain
 * text), the seeds from ../shared/seeds, the bundled example from
 * examples/harbour-bridge. Each gold mention becomes a span into its
 * document's `text`: an ECB+ sentence is its line, a seeds or example mention
 * its quoted sentence (found with white space normalised, for the HTML page).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readInputs, type RawInput } from "../../src/ingest/index.js";
import type { RashomonDocument, Span } from "../../src/model/index.js";
import { analyzeInput } from "../../src/pipeline/index.js";

/** One gold mention: a sentence of a document that states the fact. */
export interface GoldMention {
  doc: string;
  sid?: number;
  quote?: string;
  occurrence?: number;
  attributed?: string;
}

/** One gold fact. */
export interface GoldFact {
  id: string;
  kind: string;
  statement: string;
  slot?: string;
  value?: string;
  mentions: GoldMention[];
}

/** One annotated story. */
export interface GoldStory {
  story: string;
  corpus: "ecbplus" | "seeds" | "example";
  documents: string[];
  facts: GoldFact[];
  contradictions: { slot: string; facts: string[]; note?: string }[];
  differences?: { slot: string; facts: string[]; note?: string }[];
}

/** A gold story with its analysed documents and each fact's mentions as spans. */
export interface LoadedStory {
  gold: GoldStory;
  set: string;
  docs: RashomonDocument[];
  /** Per fact id, its mentions as (document, span). */
  spans: Map<string, { doc: string; span: Span }[]>;
  /** Mentions that could not be placed (a quote not found): reported, never silently dropped. */
  missing: string[];
  /** Documents the pipeline refused (no article found): their gold links count as misses. */
  failed: string[];
}

const ROOT = new URL("../../", import.meta.url);
const SHARED = new URL("../shared/", ROOT);
export const GOLD_DIR = new URL("data/facts-gold/", ROOT);

/** The stories of a set (`dev`, `blind`), analysed. */
export async function loadSet(set: string): Promise<LoadedStory[]> {
  const dir = new URL(`${set}/`, GOLD_DIR);
  if (!existsSync(dir)) throw new Error(`no facts gold set ${set}`);
  const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  const ecb = loadEcb();
  const out: LoadedStory[] = [];
  for (const f of files) {
    const gold = JSON.parse(readFileSync(new URL(f, dir), "utf8")) as GoldStory;
    const raws = gold.corpus === "ecbplus" ? gold.documents.map((id) => ecbRaw(id, ecb)) : await dirRaws(gold.corpus === "seeds" ? new URL("seeds/", SHARED) : new URL("examples/harbour-bridge/", ROOT));
    const docs: RashomonDocument[] = [];
    const failed: string[] = [];
    for (const raw of raws) {
      const doc = analyzeInput(raw);
      // A document the pipeline refuses stays out of the story; its gold links still count (as misses).
      if ("text" in doc) docs.push(doc);
      else failed.push(raw.id);
    }
    out.push({ gold, set, docs, failed, ...placeMentions(gold, docs) });
  }
  return out;
}

function loadEcb(): Map<string, string> {
  const raw = readFileSync(new URL("bench-data/ecbplus/docs.jsonl", SHARED), "utf8");
  const out = new Map<string, string>();
  for (const line of raw.split("\n")) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { doc_id: string; text: string };
    out.set(d.doc_id, d.text);
  }
  return out;
}

function ecbRaw(id: string, ecb: Map<string, string>): RawInput {
  const text = ecb.get(id);
  if (text === undefined) throw new Error(`ECB+ document ${id} not found`);
  return { id, input: `ecbplus:${id}`, format: "text", content: text, url: null, given: {}, messages: [] };
}

async function dirRaws(dir: URL): Promise<RawInput[]> {
  const out: RawInput[] = [];
  for await (const r of readInputs([fileURLToPath(dir)])) if (r.ok) out.push(r.item);
  return out;
}

/** Sentence spans of an ECB+ text: one a line. */
export function lineSpans(text: string): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const line of text.split("\n")) {
    out.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  return out;
}

function placeMentions(gold: GoldStory, docs: RashomonDocument[]): { spans: LoadedStory["spans"]; missing: string[] } {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const spans = new Map<string, { doc: string; span: Span }[]>();
  const missing: string[] = [];
  for (const f of gold.facts) {
    const list: { doc: string; span: Span }[] = [];
    for (const m of f.mentions) {
      const doc = byId.get(m.doc);
      if (!doc) {
        missing.push(`${f.id}: no document ${m.doc}`);
        continue;
      }
      const span = m.sid !== undefined ? lineSpans(doc.text)[m.sid] : m.quote ? findQuote(doc.text, m.quote, m.occurrence ?? 1) : undefined;
      if (span) list.push({ doc: m.doc, span });
      else missing.push(`${f.id}: ${m.doc} ${m.sid ?? m.quote}`);
    }
    spans.set(f.id, list);
  }
  return { spans, missing };
}

/** Finds a quoted sentence in a text, white space and quotation-mark variants normalised; the nth occurrence. */
export function findQuote(text: string, quote: string, nth = 1): Span | undefined {
  const norm: number[] = [];
  let flat = "";
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      if (!space && flat.length) {
        flat += " ";
        norm.push(i);
      }
      space = true;
      continue;
    }
    space = false;
    flat += fold(c);
    norm.push(i);
  }
  const q = [...quote.replace(/\s+/g, " ").trim()].map(fold).join("");
  let at = -1;
  for (let k = 0; k < nth; k++) {
    at = flat.indexOf(q, at + 1);
    if (at < 0) return undefined;
  }
  return { start: norm[at]!, end: norm[at + q.length - 1]! + 1 };
}

function fold(c: string): string {
  return c.replace(/[“”„«»]/g, '"').replace(/[‘’‚]/g, "'");
}
