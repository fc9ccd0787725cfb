/**
 * bench:dossier — time to build a story's dossier (claims, alignment, facts,
 * discrepancies, summary) from analysed documents, for stories of 50 and 500
 * documents, and the growth exponent of that time in the number of claims.
 *
 * Stories are made from ECB+ articles (../shared/bench-data/ecbplus): the
 * articles of one topic, then rewrites of them (sentences reordered, words
 * swapped for synonyms) so that a large story holds many near-paraphrases, as
 * wire-heavy coverage does.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { extractClaims } from "../../src/claims/index.js";
import { buildDossier } from "../../src/dossier/index.js";
import type { RashomonDocument, Story } from "../../src/model/index.js";

interface EcbDoc { doc_id: string; topic: number; text: string }

const SWAPS: [RegExp, string][] = [
  [/\bsaid\b/g, "stated"], [/\bpolice\b/g, "officers"], [/\bkilled\b/g, "left dead"], [/\barrested\b/g, "detained"],
  [/\bannounced\b/g, "declared"], [/\bTuesday\b/g, "Tuesday"], [/\bbig\b/g, "large"], [/\bquake\b/g, "earthquake"],
];

function loadDocs(): EcbDoc[] {
  const raw = readFileSync(new URL("../../../shared/bench-data/ecbplus/docs.jsonl", import.meta.url), "utf8");
  return raw.split("\n").filter(Boolean).map((l) => JSON.parse(l) as EcbDoc);
}

function toDocument(id: string, text: string): RashomonDocument {
  const paragraphs = [];
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf("\n", at);
    const end = nl < 0 ? text.length : nl;
    if (end > at) paragraphs.push({ span: { start: at, end }, kind: "paragraph" as const });
    at = end + 1;
  }
  return {
    id, input: id, format: "text", text, title: null, standfirst: null, section: null, byline: null, authors: [], agencies: [],
    outlet: null, dateline: null, published: null, updated: null, editor: null, language: "en", url: null,
    body: text, paragraphs, captions: [], removed: [], provenance: {}, messages: [],
  };
}

/** A deterministic rewrite of an article: sentences rotated, a few words swapped. */
function rewrite(text: string, k: number): string {
  const lines = text.split("\n");
  const r = k % Math.max(1, lines.length);
  let out = [...lines.slice(r), ...lines.slice(0, r)].join("\n");
  for (const [re, to] of SWAPS.slice(0, 1 + (k % SWAPS.length))) out = out.replace(re, to);
  return out;
}

function storyOf(n: number, pool: EcbDoc[]): RashomonDocument[] {
  const docs: RashomonDocument[] = [];
  for (let i = 0; docs.length < n; i++) {
    const base = pool[i % pool.length]!;
    const round = Math.floor(i / pool.length);
    docs.push(toDocument(`${base.doc_id}~${round}`, round === 0 ? base.text : rewrite(base.text, round)));
  }
  return docs;
}

function time(docs: RashomonDocument[]): { ms: number; claims: number; facts: number } {
  const story: Story = { id: "bench", title: null, documents: docs.map((d) => d.id), firstSeen: null, lastSeen: null, outlets: [] };
  const claims = docs.reduce((n, d) => n + extractClaims(d).length, 0);
  buildDossier(story, docs.slice(0, Math.min(docs.length, 20))); // warm-up
  const runs: number[] = [];
  let facts = 0;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    facts = buildDossier(story, docs).facts.length;
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  return { ms: runs[1]!, claims, facts };
}

const all = loadDocs();
const byTopic = new Map<number, EcbDoc[]>();
for (const d of all) byTopic.set(d.topic, [...(byTopic.get(d.topic) ?? []), d]);
const pool = [...byTopic.values()].sort((a, b) => b.length - a.length)[0]!;

console.log(`bench:dossier  ${new Date().toISOString().slice(0, 10)}  ${os.cpus()[0]?.model ?? "cpu"} x${os.cpus().length}  node ${process.version}`);
console.log(`story pool: ECB+ topic ${pool[0]!.topic} (${pool.length} articles), larger stories add deterministic rewrites`);
console.log("documents  claims   facts   median ms (3 runs)");
const points: { claims: number; ms: number }[] = [];
for (const n of [50, 100, 200, 500]) {
  const r = time(storyOf(n, pool));
  points.push({ claims: r.claims, ms: r.ms });
  console.log(`${String(n).padStart(9)}  ${String(r.claims).padStart(6)}  ${String(r.facts).padStart(6)}  ${r.ms.toFixed(1).padStart(10)}`);
}
const xs = points.map((p) => Math.log(p.claims)), ys = points.map((p) => Math.log(p.ms));
const mx = xs.reduce((a, b) => a + b) / xs.length, my = ys.reduce((a, b) => a + b) / ys.length;
const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
console.log(`growth exponent of time in claims (log-log least squares, 50..500 docs): ${slope.toFixed(2)}  (n log n over this range ≈ 1.1)`);
console.log(`targets: 50 docs < 1000 ms: ${points[0]!.ms < 1000 ? "met" : "NOT met"}; 500 docs < 10000 ms: ${points[3]!.ms < 10000 ? "met" : "NOT met"}`);
