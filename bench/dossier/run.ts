/**
 * bench:dossier — time to build a story from its analysed documents, as a user
 * pays it after ingest: the source lineage (`buildLineage`: cues and copy
 * links) and `enrichStory` (timeline, utterances, dossier), for stories of 50,
 * 100, 200 and 500 documents; each part's share, the total, and the growth
 * exponent of the total in the number of documents.
 *
 * Stories are made from ECB+ articles (../shared/bench-data/ecbplus): the
 * articles of the largest topic, then rewrites of them (sentences reordered,
 * words swapped for synonyms) so that a large story holds many near-copies, as
 * wire-heavy coverage does. Every document goes through the real document
 * pipeline (`analyzeInput` on a plain-text input: cleaning, metadata, time
 * expressions, quotes) before the clock starts; that is per-document ingest
 * work and is reported apart.
 *
 * Usage: npm run bench:dossier [-- --no-reference]  (--no-reference skips the
 * one-off all-pairs lineage runs at 200 and 500 documents)
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import type { RawInput } from "../../src/ingest/index.js";
import { buildDossier } from "../../src/dossier/index.js";
import { buildLineage, findCopyLinks, findCopyLinksAllPairs } from "../../src/lineage/index.js";
import { InputError, type Message, type RashomonDocument, type Story } from "../../src/model/index.js";
import { analyzeInput, enrichStory } from "../../src/pipeline/index.js";
import { alignUtterances } from "../../src/quotes/index.js";
import { buildTimeline } from "../../src/time/index.js";

interface EcbDoc { doc_id: string; topic: number; text: string }

const SIZES = [50, 100, 200, 500];
const RUNS = 3;
const TARGET_MS = 10_000;

const SWAPS: [RegExp, string][] = [
  [/\bsaid\b/g, "stated"], [/\bpolice\b/g, "officers"], [/\bkilled\b/g, "left dead"], [/\barrested\b/g, "detained"],
  [/\bannounced\b/g, "declared"], [/\bTuesday\b/g, "Tuesday"], [/\bbig\b/g, "large"], [/\bquake\b/g, "earthquake"],
];

function loadDocs(): EcbDoc[] {
  const raw = readFileSync(new URL("../../../shared/bench-data/ecbplus/docs.jsonl", import.meta.url), "utf8");
  return raw.split("\n").filter(Boolean).map((l) => JSON.parse(l) as EcbDoc);
}

/** A plain-text input, as ingest makes one from a .txt file. */
function rawInput(id: string, text: string): RawInput {
  return { id, input: `${id}.txt`, format: "text", content: text, url: null, given: {}, messages: [], encoding: "utf-8" };
}

/** A deterministic rewrite of an article: sentences rotated, a few words swapped. */
function rewrite(text: string, k: number): string {
  const lines = text.split("\n");
  const r = k % Math.max(1, lines.length);
  let out = [...lines.slice(r), ...lines.slice(0, r)].join("\n");
  for (const [re, to] of SWAPS.slice(0, 1 + (k % SWAPS.length))) out = out.replace(re, to);
  return out;
}

/** The first `n` inputs of the story: the pool's articles, then rounds of rewrites. */
function storyInputs(n: number, pool: EcbDoc[]): RawInput[] {
  const out: RawInput[] = [];
  for (let i = 0; out.length < n; i++) {
    const base = pool[i % pool.length]!;
    const round = Math.floor(i / pool.length);
    out.push(rawInput(`${base.doc_id}~${round}`, round === 0 ? base.text : rewrite(base.text, round)));
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Least-squares slope of log y on log x. */
function exponent(xs: number[], ys: number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b) / lx.length;
  const my = ly.reduce((a, b) => a + b) / ly.length;
  return lx.reduce((s, x, i) => s + (x - mx) * (ly[i]! - my), 0) / lx.reduce((s, x) => s + (x - mx) ** 2, 0);
}

function storyFor(docs: RashomonDocument[]): Story {
  return { id: "bench", title: null, documents: docs.map((d) => d.id), firstSeen: null, lastSeen: null, outlets: [] };
}

function clock<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const v = fn();
  return [v, performance.now() - t];
}

interface Row {
  n: number;
  links: number;
  facts: number;
  lineage: number;
  timeline: number;
  utterances: number;
  dossier: number;
  total: number;
  failures: string[];
}

/**
 * Median of RUNS runs of the story build. Each run works on a fresh copy of the
 * analysed documents (enrichStory may re-anchor undated documents' times).
 * The total is `buildLineage` + `enrichStory` as the pipeline runs them; the
 * parts are timed in a second pass on their own (buildLineage, buildTimeline,
 * alignUtterances, buildDossier) to give each one's share.
 */
function timeStory(analysed: RashomonDocument[]): Row {
  const totals: number[] = [];
  const parts = { lineage: [] as number[], timeline: [] as number[], utterances: [] as number[], dossier: [] as number[] };
  let links = 0;
  let facts = 0;
  const failures = new Set<string>();
  for (let r = 0; r < RUNS; r++) {
    let docs = structuredClone(analysed);
    let story = storyFor(docs);
    const messages: Message[] = [];
    const t0 = performance.now();
    story.lineage = buildLineage(docs);
    enrichStory(story, docs, messages);
    totals.push(performance.now() - t0);
    for (const m of messages) failures.add(m.ruleId);
    links = story.lineage.edges.filter((e) => e.kind === "copy" || e.kind === "rewrite").length;
    facts = story.facts?.length ?? 0;

    docs = structuredClone(analysed);
    story = storyFor(docs);
    let ms: number;
    [story.lineage, ms] = clock(() => buildLineage(docs));
    parts.lineage.push(ms);
    [story.timeline, ms] = clock(() => buildTimeline(docs));
    parts.timeline.push(ms);
    [story.utterances, ms] = clock(() => alignUtterances(docs));
    parts.utterances.push(ms);
    [, ms] = clock(() => buildDossier(story, docs));
    parts.dossier.push(ms);
  }
  return {
    n: analysed.length, links, facts, total: median(totals), failures: [...failures],
    lineage: median(parts.lineage), timeline: median(parts.timeline), utterances: median(parts.utterances), dossier: median(parts.dossier),
  };
}

const all = loadDocs();
const byTopic = new Map<number, EcbDoc[]>();
for (const d of all) byTopic.set(d.topic, [...(byTopic.get(d.topic) ?? []), d]);
const pool = [...byTopic.values()].sort((a, b) => b.length - a.length || a[0]!.topic - b[0]!.topic)[0]!;
const largest = Math.max(...SIZES);

console.log(`bench:dossier  ${new Date().toISOString().slice(0, 10)}  ${os.cpus()[0]?.model ?? "cpu"} x${os.cpus().length}  node ${process.version}`);
console.log(`story pool: ECB+ topic ${pool[0]!.topic} (${pool.length} articles), larger stories add deterministic rewrites`);

// Ingest: every document analysed once (the stories of 50..500 are prefixes of the largest one).
const t0 = performance.now();
const analysed: RashomonDocument[] = [];
for (const raw of storyInputs(largest, pool)) {
  const doc = analyzeInput(raw);
  if (doc instanceof InputError) throw new Error(`${raw.input}: ${doc.message}`);
  analysed.push(doc);
}
const ingestMs = performance.now() - t0;
const quotes = analysed.reduce((s, d) => s + (d.quotes?.length ?? 0), 0);
const times = analysed.reduce((s, d) => s + (d.times?.length ?? 0), 0);
console.log(
  `document analysis (analyzeInput on plain text: cleaning, metadata, time, quotes) of ${largest} documents: ${(ingestMs / 1000).toFixed(1)} s ` +
    `(${(ingestMs / largest).toFixed(0)} ms/document; ${times} time expressions, ${quotes} quotes). ` +
    "Per-document ingest work: NOT in the timed story build below.",
);

timeStory(analysed.slice(0, SIZES[0])); // warm-up (JIT, lazily built tables), not reported
console.log(`story build = buildLineage + enrichStory (timeline, utterances, dossier); median of ${RUNS} runs; parts timed on their own, share of their sum`);
console.log("documents  copy links  facts  lineage ms      timeline ms     utterances ms   dossier ms      total ms");
const rows: Row[] = [];
const cell = (ms: number, sum: number) => `${ms.toFixed(0).padStart(6)} (${((100 * ms) / sum).toFixed(0).padStart(2)}%)`;
for (const n of SIZES) {
  const r = timeStory(analysed.slice(0, n));
  rows.push(r);
  const sum = r.lineage + r.timeline + r.utterances + r.dossier;
  console.log(
    `${String(n).padStart(9)}  ${String(r.links).padStart(10)}  ${String(r.facts).padStart(5)}  ${cell(r.lineage, sum)}   ${cell(r.timeline, sum)}   ` +
      `${cell(r.utterances, sum)}   ${cell(r.dossier, sum)}   ${r.total.toFixed(0).padStart(8)}` +
      (r.failures.length ? `   stage failures: ${r.failures.join(", ")}` : ""),
  );
}
const ns = rows.map((r) => r.n);
console.log(`growth exponent of the total in documents (log-log least squares, ${ns[0]}..${ns[ns.length - 1]}): ${exponent(ns, rows.map((r) => r.total)).toFixed(2)}`);
for (const part of ["lineage", "timeline", "utterances", "dossier"] as const) {
  console.log(`  ${part}: ${exponent(ns, rows.map((r) => Math.max(r[part], 0.01))).toFixed(2)}`);
}
const last = rows[rows.length - 1]!;
console.log(`${last.n} documents under ${TARGET_MS / 1000} s: ${last.total < TARGET_MS ? "yes" : "NO"} (${(last.total / 1000).toFixed(2)} s)`);

if (!process.argv.includes("--no-reference")) {
  // The all-pairs lineage of before (findCopyLinksAllPairs, the reference), once per size, against findCopyLinks.
  for (const n of [200, 500].filter((x) => x <= largest)) {
    const docs = analysed.slice(0, n);
    const [ref, refMs] = clock(() => findCopyLinksAllPairs(docs));
    const [got, ms] = clock(() => findCopyLinks(docs));
    const same = JSON.stringify(ref) === JSON.stringify(got);
    console.log(
      `copy links at ${n} documents: all pairs ${refMs.toFixed(0)} ms, shingle index ${ms.toFixed(0)} ms (one run each); ` +
        `${got.length} links, identical: ${same ? "yes" : "NO"}`,
    );
  }
}
