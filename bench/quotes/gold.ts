/**
 * The quote gold set (data/quotes-gold/gold.jsonl): one line per document with
 * offsets into the source text as `corpus.ts` loads it, and a fingerprint per
 * quote so that a moved or changed text is caught instead of scored silently.
 */
import { readFileSync } from "node:fs";
import type { CorpusName, SourceDoc } from "./corpus.js";

/** A half-open [start, end) span into the source text. */
export interface GoldSpan {
  start: number;
  end: number;
}

/** One annotated quote. */
export interface GoldQuote extends GoldSpan {
  kind: "direct" | "indirect" | "mixed";
  cue: GoldSpan | null;
  speaker: GoldSpan | null;
  /** The canonical name of the person (or organization) meant, or null when unnamed. */
  person: string | null;
  /** `fingerprint(text.slice(start, end))`. */
  check: string;
}

/** One annotated document. */
export interface GoldDoc {
  corpus: CorpusName;
  doc_id: string;
  quotes: GoldQuote[];
}

/** Where the gold set lives, relative to this file. */
export const GOLD_PATH = new URL("../../data/quotes-gold/gold.jsonl", import.meta.url);

/**
 * The annotated sets: `gold` (development, tuned on), `fresh` (annotated blind
 * in session 2, then used for diagnosis), `check` (annotated blind in
 * session 3, its misses then read for diagnosis), `final` (annotated blind in
 * session 3, scored once, then read for diagnosis too), `last` (annotated
 * blind in session 3, scored once, then read for diagnosis), `blind` (annotated
 * blind in session 4, scored once, then read for diagnosis) and `sealed` (annotated blind
 * in session 5; only its totals are printed and its misses are not read: the held-out estimate).
 */
export const GOLD_SETS = {
  gold: GOLD_PATH,
  fresh: new URL("../../data/quotes-gold/fresh.jsonl", import.meta.url),
  check: new URL("../../data/quotes-gold/check.jsonl", import.meta.url),
  final: new URL("../../data/quotes-gold/final.jsonl", import.meta.url),
  last: new URL("../../data/quotes-gold/last.jsonl", import.meta.url),
  blind: new URL("../../data/quotes-gold/blind.jsonl", import.meta.url),
  sealed: new URL("../../data/quotes-gold/sealed.jsonl", import.meta.url),
} as const;

/** Name of an annotated set. */
export type GoldSetName = keyof typeof GOLD_SETS;

/** The path of a named set; an unknown name raises an error listing the known ones. */
export function goldSetPath(name: string): URL {
  if (!Object.hasOwn(GOLD_SETS, name)) throw new Error(`unknown quote set "${name}" (known: ${Object.keys(GOLD_SETS).join(", ")})`);
  return GOLD_SETS[name as GoldSetName];
}

/** First three and last three whitespace-separated words of a text, joined by " … ". */
export function fingerprint(text: string): string {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  return `${words.slice(0, 3).join(" ")} … ${words.slice(-3).join(" ")}`;
}

/** Reads the gold set; a malformed line raises an error naming the line. */
export function loadGold(path: URL | string = GOLD_PATH): GoldDoc[] {
  const out: GoldDoc[] = [];
  const lines = readFileSync(path, "utf8").split("\n");
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const doc = JSON.parse(line) as GoldDoc;
      if (!doc.corpus || !doc.doc_id || !Array.isArray(doc.quotes)) throw new Error("missing corpus, doc_id or quotes");
      out.push(doc);
    } catch (e) {
      throw new Error(`${String(path)} line ${i + 1}: ${(e as Error).message}`);
    }
  });
  return out;
}

/** Checks every span of a gold document against its source text; returns one message per problem. */
export function verifyGoldDoc(doc: GoldDoc, source: SourceDoc): string[] {
  const problems: string[] = [];
  const n = source.text.length;
  const ok = (s: GoldSpan | null) => s === null || (Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= n);
  doc.quotes.forEach((q, i) => {
    const where = `${doc.corpus}:${doc.doc_id} quote ${i}`;
    if (!ok(q) || !ok(q.cue) || !ok(q.speaker)) {
      problems.push(`${where}: span out of range`);
      return;
    }
    const got = fingerprint(source.text.slice(q.start, q.end));
    if (got !== q.check) problems.push(`${where}: expected "${q.check}", text has "${got}"`);
  });
  return problems;
}
