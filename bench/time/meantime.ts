/**
 * Reads MEANTIME CAT XML files into plain text with token offsets and gold TIMEX3s.
 * The CAT format lists tokens and then markables that point at token ids; we rebuild
 * the text by joining tokens with single spaces (no space before punctuation that
 * attaches left), keeping each token's offsets so gold extents become spans.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";

/** A gold time expression: its token span in the rebuilt text, value and type. */
export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  value: string;
  type: string;
}

/** One MEANTIME document rebuilt as text. */
export interface MeantimeDoc {
  id: string;
  /** The corpus folder's topic (airbus, apple, gm, stock). */
  topic: string;
  text: string;
  /** Token offsets, in order. */
  tokens: { start: number; end: number }[];
  /** The creation time's value (the reference date). */
  dct: string | null;
  /** The creation time's extent, left out of scoring. */
  dctSpan: { start: number; end: number } | null;
  gold: GoldTimex[];
  /** End of the annotated region: MEANTIME annotates only each article's first sentences. */
  annotatedEnd: number;
}

const NO_SPACE_BEFORE = new Set([",", ".", ":", ";", "!", "?", ")", "'s", "%", "'", "n't", "’s"]);

function asArray<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

/** Creation-time values as given, with the corpus's one DD-MM-YYYY slip turned around. */
function normalizeDct(v: unknown): string | null {
  if (v === undefined || v === null || v === "") return null;
  const s = String(v);
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(s);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : s;
}

/** Parses one CAT XML file. */
export function readMeantimeFile(path: string): MeantimeDoc {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", textNodeName: "#text", parseTagValue: false });
  const xml = parser.parse(readFileSync(path, "utf8"));
  const d = xml.Document;
  const toks = asArray(d.token) as Record<string, string>[];
  let text = "";
  let prevSentence = "";
  const byId = new Map<string, { start: number; end: number }>();
  const sentenceOf = new Map<string, number>();
  const sentenceEnd = new Map<number, number>();
  const tokens: { start: number; end: number }[] = [];
  for (const t of toks) {
    const word = String(t["#text"] ?? "");
    const sentence = String(t.sentence);
    if (text.length > 0) {
      if (sentence !== prevSentence) text += "\n";
      else if (!NO_SPACE_BEFORE.has(word)) text += " ";
    }
    prevSentence = sentence;
    const start = text.length;
    text += word;
    const sp = { start, end: text.length };
    byId.set(String(t.t_id), sp);
    sentenceOf.set(String(t.t_id), Number(sentence));
    sentenceEnd.set(Number(sentence), sp.end);
    tokens.push(sp);
  }
  const gold: GoldTimex[] = [];
  let dct: string | null = null;
  let dctSpan: { start: number; end: number } | null = null;
  const markables = d.Markables ?? {};
  for (const tx of asArray(markables.TIMEX3) as Record<string, unknown>[]) {
    const anchors = asArray(tx.token_anchor as Record<string, string> | Record<string, string>[]);
    const spans = anchors.map((a) => byId.get(String(a.t_id))).filter((s): s is { start: number; end: number } => !!s);
    if (tx.functionInDocument === "CREATION_TIME") {
      dct = normalizeDct(tx.value);
      if (spans.length) dctSpan = { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
      continue;
    }
    if (spans.length === 0) continue; // empty (non-consuming) TIMEX3s have no extent to score
    const start = Math.min(...spans.map((s) => s.start));
    const end = Math.max(...spans.map((s) => s.end));
    gold.push({ start, end, text: text.slice(start, end), value: String(tx.value ?? ""), type: String(tx.type ?? "") });
  }
  gold.sort((a, b) => a.start - b.start);
  // The annotated region: up to the last sentence holding any markable (events, entities, times).
  let lastSentence = 0;
  for (const kind of Object.keys(markables)) {
    for (const mk of asArray(markables[kind]) as Record<string, unknown>[]) {
      for (const a of asArray(mk?.token_anchor as Record<string, string> | Record<string, string>[])) {
        lastSentence = Math.max(lastSentence, sentenceOf.get(String(a.t_id)) ?? 0);
      }
    }
  }
  const annotatedEnd = sentenceEnd.get(lastSentence) ?? text.length;
  const topic = /corpus_([a-z]+)/.exec(path)?.[1] ?? "other";
  return { id: String(d.doc_name ?? path), topic, text, tokens, dct, dctSpan, gold, annotatedEnd };
}

/** Reads every XML file under a MEANTIME folder (recursively). */
export function readMeantime(dir: string): MeantimeDoc[] {
  const out: MeantimeDoc[] = [];
  const walk = (p: string): void => {
    for (const name of readdirSync(p).sort()) {
      const q = join(p, name);
      if (statSync(q).isDirectory()) walk(q);
      else if (name.endsWith(".xml")) out.push(readMeantimeFile(q));
    }
  };
  walk(dir);
  return out;
}
