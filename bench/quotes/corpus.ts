/**
 * Loads the source texts the quote gold set points into. The texts stay in
 * ../shared/bench-data (never copied into the repo); the gold set stores only
 * offsets into the texts exactly as these functions rebuild them.
 *
 * - ECB+: the `text` field of `ecbplus/docs.jsonl`, unchanged (one sentence a line).
 * - MEANTIME: rebuilt from the CAT XML tokens by `meantimeText`, deterministically:
 *   one sentence a line (lines joined by "\n"); tokens of a sentence joined by one
 *   space, except no space before closing punctuation and clitics and none after
 *   opening brackets/quotes; the PTB quote tokens `` and '' become “ and ”, and a
 *   plain `"` token opens or closes by parity over the whole document.
 *   Written by hand (not bench/time's reader) so the gold offsets never move when
 *   another benchmark changes its rebuilding.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { lineSpans } from "../../src/model/index.js";

/** Which corpus a gold document comes from. */
export type CorpusName = "ecbplus" | "meantime";

/** One source document: its id and text, and its paragraphs as line spans. */
export interface SourceDoc {
  corpus: CorpusName;
  id: string;
  text: string;
  /** One paragraph per non-empty line. */
  paragraphs: { start: number; end: number }[];
}

/** Where the bench data lives, relative to this file (repo/bench/quotes -> ../shared/bench-data). */
export const BENCH_DATA = new URL("../../../shared/bench-data/", import.meta.url);

/** Whether the shared bench data is present on this machine. */
export function benchDataPresent(): boolean {
  return existsSync(new URL("ecbplus/docs.jsonl", BENCH_DATA));
}


/** All ECB+ documents' texts by doc_id (the `text` field, unchanged). */
export function loadEcbTexts(): Map<string, string> {
  const path = new URL("ecbplus/docs.jsonl", BENCH_DATA);
  const out = new Map<string, string>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { doc_id: string; text: string };
    out.set(row.doc_id, row.text);
  }
  return out;
}

const NO_SPACE_BEFORE = new Set([",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "”", "’", "'s", "’s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'", "...", "''"]);
const NO_SPACE_AFTER = new Set(["(", "[", "{", "$", "“", "‘", "``"]);

/** Rebuilds a MEANTIME document's text from its tokens (see the module comment for the rules). */
export function meantimeText(tokens: { word: string; sentence: string }[]): string {
  let text = "";
  let prevSentence: string | null = null;
  let prevWord = "";
  let plainQuoteOpen = false;
  for (const t of tokens) {
    let word = t.word;
    let opens = NO_SPACE_AFTER.has(word);
    let closes = NO_SPACE_BEFORE.has(word);
    if (word === "``") word = "“";
    else if (word === "''") word = "”";
    else if (word === '"') {
      plainQuoteOpen = !plainQuoteOpen;
      opens = plainQuoteOpen;
      closes = !plainQuoteOpen;
    }
    if (prevSentence !== null) {
      if (t.sentence !== prevSentence) text += "\n";
      else if (!closes && !prevOpens(prevWord)) text += " ";
    }
    text += word;
    prevSentence = t.sentence;
    prevWord = opens ? "\u0000open" : word;
  }
  return text;
}

function prevOpens(prevWord: string): boolean {
  return prevWord === "\u0000open";
}

function asArray<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

/** Finds a MEANTIME file by its numeric doc id (the file name's prefix). */
export function meantimePath(id: string): string {
  const root = new URL("meantime/intra-doc_annotation/", BENCH_DATA).pathname;
  for (const sub of readdirSync(root, { withFileTypes: true })) {
    if (!sub.isDirectory()) continue;
    const dir = join(root, sub.name);
    for (const f of readdirSync(dir)) if (f.startsWith(`${id}_`) && f.endsWith(".xml")) return join(dir, f);
  }
  throw new Error(`MEANTIME document ${id} not found under ${root}`);
}

/** Loads one MEANTIME document's rebuilt text. */
export function loadMeantimeText(id: string): string {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", textNodeName: "#text", parseTagValue: false });
  const xml = parser.parse(readFileSync(meantimePath(id), "utf8")) as { Document: { token: unknown } };
  const toks = asArray(xml.Document.token as Record<string, string> | Record<string, string>[]);
  return meantimeText(toks.map((t) => ({ word: String(t["#text"] ?? ""), sentence: String(t.sentence) })));
}

/** Loads the texts of the requested documents (ECB+ read once). */
export function loadSources(wanted: { corpus: CorpusName; doc_id: string }[]): Map<string, SourceDoc> {
  const out = new Map<string, SourceDoc>();
  const ecb = wanted.some((w) => w.corpus === "ecbplus") ? loadEcbTexts() : new Map<string, string>();
  for (const w of wanted) {
    const text = w.corpus === "ecbplus" ? ecb.get(w.doc_id) : loadMeantimeText(w.doc_id);
    if (text === undefined) throw new Error(`${w.corpus} document ${w.doc_id} not found in the bench data`);
    out.set(`${w.corpus}:${w.doc_id}`, { corpus: w.corpus, id: w.doc_id, text, paragraphs: lineSpans(text) });
  }
  return out;
}
