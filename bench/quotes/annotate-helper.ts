/**
 * Annotation helper for the quote gold sets: turns the working notation of
 * `fresh-notes.txt` (kind, quote text or its first and last words, cue, speaker,
 * person) into exact offsets, re-slices every span, and writes the JSONL record
 * format of docs/quotes-annotation.md.
 *
 * Usage: `npx tsx bench/quotes/annotate-helper.ts [notes] [out.jsonl] [--review]`
 * (defaults: bench/quotes/fresh-notes.txt, data/quotes-gold/fresh.jsonl).
 * `--review` prints every quote with its cue and speaker in context.
 *
 * Notation, one quote a line in document order, after a `# corpus doc_id` line:
 *   kind | quote text, or "first words ~~ last words" | cue | speaker | person
 * `-` is null. A cue or speaker is the whole-word occurrence nearest the quote
 * within 300 characters, outside the quote first; a trailing `<` or `>` keeps
 * only occurrences before or after the quote, a leading `in:` only those inside it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { type CorpusName, loadSources } from "./corpus.js";
import { fingerprint, type GoldDoc, type GoldQuote, type GoldSpan } from "./gold.js";

/** One parsed line of the working notation. */
export interface NoteLine {
  kind: GoldQuote["kind"];
  quote: string;
  cue: string | null;
  speaker: string | null;
  person: string | null;
}

/** One document of the working notation. */
export interface NoteDoc {
  corpus: CorpusName;
  doc_id: string;
  lines: NoteLine[];
}

/** Parses the working notation; `#` lines that are not document headers are comments. */
export function parseNotes(src: string): NoteDoc[] {
  const docs: NoteDoc[] = [];
  for (const raw of src.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    const head = /^# (ecbplus|meantime) (\S+)$/.exec(line);
    if (head) {
      docs.push({ corpus: head[1] as CorpusName, doc_id: head[2]!, lines: [] });
      continue;
    }
    if (line.startsWith("#")) continue;
    const f = line.split(" | ").map((s) => s.trim());
    const doc = docs.at(-1);
    if (f.length !== 5 || !doc || !["direct", "indirect", "mixed"].includes(f[0]!)) throw new Error(`bad note line: ${line}`);
    const nul = (s: string) => (s === "-" ? null : s);
    doc.lines.push({ kind: f[0] as GoldQuote["kind"], quote: f[1]!, cue: nul(f[2]!), speaker: nul(f[3]!), person: nul(f[4]!) });
  }
  return docs;
}

/** Finds the quote span at or after `from`: the exact text, or "first ~~ last". */
export function findQuote(text: string, spec: string, from: number): GoldSpan {
  const [first, last] = spec.split(" ~~ ");
  const start = text.indexOf(first!, from);
  if (start < 0) throw new Error(`quote start not found: ${first}`);
  if (last === undefined) return { start, end: start + first!.length };
  const at = text.indexOf(last, start + first!.length);
  if (at < 0) throw new Error(`quote end not found: ${last}`);
  return { start, end: at + last.length };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Finds a cue or speaker mention near a quote span (see the module comment for the markers). */
export function findNear(text: string, spec: string, q: GoldSpan, window = 300): GoldSpan {
  let word = spec;
  let where: "any" | "before" | "after" | "inside" = "any";
  if (word.startsWith("in:")) [word, where] = [word.slice(3), "inside"];
  else if (word.endsWith("<")) [word, where] = [word.slice(0, -1), "before"];
  else if (word.endsWith(">")) [word, where] = [word.slice(0, -1), "after"];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, "gu");
  const lo = Math.max(0, q.start - window);
  const hi = Math.min(text.length, q.end + window);
  const outside: { span: GoldSpan; d: number }[] = [];
  const inside: GoldSpan[] = [];
  for (const m of text.slice(lo, hi).matchAll(re)) {
    const span = { start: lo + m.index, end: lo + m.index + word.length };
    if (span.start >= q.start && span.end <= q.end) inside.push(span);
    else if (span.end <= q.start && where !== "after") outside.push({ span, d: q.start - span.end });
    else if (span.start >= q.end && where !== "before") outside.push({ span, d: span.start - q.end });
  }
  outside.sort((a, b) => a.d - b.d);
  const pick = where === "inside" ? inside[0] : (outside[0]?.span ?? (where === "any" ? inside[0] : undefined));
  if (!pick) throw new Error(`"${spec}" not found near quote at ${q.start}`);
  return pick;
}

/** Computes the gold records of a notation against the loaded source texts. */
export function buildGold(notes: NoteDoc[]): { docs: GoldDoc[]; texts: Map<string, string> } {
  const sources = loadSources(notes.map((n) => ({ corpus: n.corpus, doc_id: n.doc_id })));
  const texts = new Map<string, string>();
  const docs = notes.map((n) => {
    const text = sources.get(`${n.corpus}:${n.doc_id}`)!.text;
    texts.set(`${n.corpus}:${n.doc_id}`, text);
    let cursor = 0;
    const quotes = n.lines.map((l): GoldQuote => {
      let q: GoldSpan;
      try {
        q = findQuote(text, l.quote, cursor);
        cursor = q.start;
        const cue = l.cue ? findNear(text, l.cue, q) : null;
        const speaker = l.speaker ? findNear(text, l.speaker, q) : null;
        return { ...q, kind: l.kind, cue, speaker, person: l.person, check: fingerprint(text.slice(q.start, q.end)) };
      } catch (e) {
        throw new Error(`${n.corpus}:${n.doc_id}: ${(e as Error).message}`);
      }
    });
    return { corpus: n.corpus, doc_id: n.doc_id, quotes };
  });
  return { docs, texts };
}

/** Warns about direct quotes not sitting between quotation marks (or running to a line end). */
export function directQuoteWarnings(text: string, q: GoldQuote): string[] {
  if (q.kind !== "direct") return [];
  const before = text.slice(0, q.start).trimEnd().slice(-1);
  const after = text.slice(q.end).replace(/^ +/, "").slice(0, 1);
  const out: string[] = [];
  if (!/["“]/.test(before)) out.push(`no opening mark before "${text.slice(q.start, q.start + 30)}"`);
  if (!/["”\n]/.test(after) && after !== "") out.push(`no closing mark after "${text.slice(q.end - 30, q.end)}"`);
  return out;
}

function main(): void {
  const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const notesPath = args[0] ?? new URL("./fresh-notes.txt", import.meta.url);
  const outPath = args[1] ?? new URL("../../data/quotes-gold/fresh.jsonl", import.meta.url);
  const { docs, texts } = buildGold(parseNotes(readFileSync(notesPath, "utf8")));
  const review = process.argv.includes("--review");
  for (const d of docs) {
    const text = texts.get(`${d.corpus}:${d.doc_id}`)!;
    for (const q of d.quotes) {
      for (const w of directQuoteWarnings(text, q)) console.log(`WARN ${d.doc_id}: ${w}`);
      if (!review) continue;
      const show = (s: GoldSpan | null) => (s ? `${text.slice(s.start, s.end)}@${s.start}` : "-");
      const ctx = (s: GoldSpan | null) => (s ? text.slice(Math.max(0, s.start - 25), s.end + 25).replace(/\n/g, "⏎") : "");
      console.log(`${d.doc_id} [${q.kind}] ${JSON.stringify(text.slice(q.start, q.end))}`);
      console.log(`    cue ${show(q.cue)}  «${ctx(q.cue)}»\n    speaker ${show(q.speaker)}  «${ctx(q.speaker)}»  person ${q.person}`);
    }
  }
  writeFileSync(outPath, docs.map((d) => JSON.stringify(d)).join("\n") + "\n");
  const n = docs.flatMap((d) => d.quotes);
  console.log(`wrote ${docs.length} documents, ${n.length} quotes to ${String(outPath)}`);
}

if (process.argv[1]?.endsWith("annotate-helper.ts")) main();
