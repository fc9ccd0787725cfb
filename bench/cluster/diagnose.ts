/**
 * Diagnosis of bench:cluster: for each gold story split over several predicted
 * stories (and each predicted story mixing gold stories), the documents off the
 * majority and why: candidate pairs (shared index terms), similarities to the
 * rest of their gold story, name-gate hits, components.
 * Run: npx tsx bench/cluster/diagnose.ts [train|dev]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MemoryGroupingState, StoryGrouper } from "../../src/stories/index.js";
import { DEFAULT_GROUPER_OPTIONS } from "../../src/stories/options.js";
import { TermWeights, heaviest, pruneVec, similarity, type Vec } from "../../src/stories/vectors.js";
import { fnv1a } from "./score.js";

interface EcbDoc { doc_id: string; topic: number; subtopic: string; split: string; text: string }
const file = fileURLToPath(new URL("../../../shared/bench-data/ecbplus/docs.jsonl", import.meta.url));
const all: EcbDoc[] = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as EcbDoc);
const split = process.argv[2] ?? "train";
const docs = all.filter((d) => d.split === split).sort((a, b) => fnv1a(a.doc_id) - fnv1a(b.doc_id) || (a.doc_id < b.doc_id ? -1 : 1));
const o = { ...DEFAULT_GROUPER_OPTIONS, ...(JSON.parse(process.env.OPTS ?? "{}") as object) };
const state = new MemoryGroupingState();
const g = new StoryGrouper(o, state);
for (const d of docs) await g.add({ id: d.doc_id, text: d.text, published: null });
const pred = new Map(docs.map((d) => [d.doc_id, state.storyOf(d.doc_id)!]));

const tw = new TermWeights();
const common = tw.commonTerms(o.indexMaxShare);
const info = new Map<string, { vec: Vec; terms: Set<number> }>();
for (const d of docs) {
  const full = tw.vectorize(d.text, o.weights);
  const order = heaviest(full);
  info.set(d.doc_id, {
    vec: pruneVec(full, order, o.memberTerms),
    terms: new Set(order.map((i) => full.ids[i]!).filter((t) => !common.has(t)).slice(0, o.indexTerms)),
  });
}
const shared = (a: string, b: string) => [...info.get(a)!.terms].filter((t) => info.get(b)!.terms.has(t)).length;
const sim = (a: string, b: string) => similarity(info.get(a)!.vec, info.get(b)!.vec, o.shares, o.nameGate, o.namePenalty);
const rawSim = (a: string, b: string) => similarity(info.get(a)!.vec, info.get(b)!.vec, o.shares, 0, 1);
const edge = (a: string, b: string) => (shared(a, b) >= o.minSharedTerms ? sim(a, b) : 0);

// components by join edges
const parent = new Map(docs.map((d) => [d.doc_id, d.doc_id]));
const find = (x: string): string => (parent.get(x) === x ? x : (parent.set(x, find(parent.get(x)!)), parent.get(x)!));
for (let i = 0; i < docs.length; i++) for (let j = i + 1; j < docs.length; j++) {
  const a = docs[i]!.doc_id, b = docs[j]!.doc_id;
  if (edge(a, b) >= o.joinThreshold) parent.set(find(a), find(b));
}

const byGold = new Map<string, string[]>();
for (const d of docs) byGold.set(d.subtopic, [...(byGold.get(d.subtopic) ?? []), d.doc_id]);
const goldOf = new Map(docs.map((d) => [d.doc_id, d.subtopic]));
let lost = 0;
const rows: string[] = [];
for (const [gs, ids] of [...byGold].sort()) {
  const parts = new Map<string, string[]>();
  for (const id of ids) parts.set(pred.get(id)!, [...(parts.get(pred.get(id)!) ?? []), id]);
  if (parts.size === 1) continue;
  const sorted = [...parts].sort((a, b) => b[1].length - a[1].length);
  const main = sorted[0]![1];
  // BCubed recall lost by this gold story
  const r = ids.reduce((k, id) => k + parts.get(pred.get(id)!)!.length / ids.length, 0);
  lost += ids.length - r;
  rows.push(`\n== gold ${gs} (${ids.length} docs) split ${sorted.map((p) => p[1].length).join("+")} recall-loss ${(ids.length - r).toFixed(2)} docs`);
  for (const [story, part] of sorted.slice(1)) {
    const others = [...pred].filter(([, s]) => s === story).map(([d]) => d);
    const mixed = others.filter((d) => goldOf.get(d) !== gs);
    rows.push(` part story ${story}: ${part.length} docs; story also holds ${mixed.length} of other gold (${[...new Set(mixed.map((d) => goldOf.get(d)))].join(",")})`);
    for (const id of part) {
      const s = main.map((m) => ({ m, sh: shared(id, m), s: sim(id, m), raw: rawSim(id, m) }));
      const cand = s.filter((x) => x.sh >= o.minSharedTerms);
      const avg = s.reduce((k, x) => k + (x.sh >= o.minSharedTerms && x.s >= o.edgeFloor ? x.s : 0), 0) / main.length;
      const best = [...s].sort((a, b) => b.s - a.s)[0]!;
      const gated = s.filter((x) => x.raw !== x.s).length;
      rows.push(`  ${id.padEnd(14)} comp ${find(id) === find(main[0]!) ? "same" : "OTHER"} cand ${cand.length}/${main.length} avg-link ${avg.toFixed(3)} best ${best.s.toFixed(3)} (raw ${best.raw.toFixed(3)}, shared ${best.sh}) gated ${gated} words ${docs.find((d) => d.doc_id === id)!.text.split(/\s+/).length}`);
    }
  }
}
console.log(rows.join("\n"));
console.log(`\nrecall loss in docs: ${lost.toFixed(1)} of ${docs.length}`);
// Per topic: predicted stories as counts of gold stories (e = ECB part, + = ECB+ part).
if (process.env.TOPICS) {
  const topics = [...new Set(docs.map((d) => d.topic))].sort((a, b) => a - b);
  for (const t of topics) {
    const stories = new Map<string, string[]>();
    for (const d of docs.filter((x) => x.topic === t)) stories.set(pred.get(d.doc_id)!, [...(stories.get(pred.get(d.doc_id)!) ?? []), d.subtopic.endsWith("plus") ? "+" : "e"]);
    const row = [...stories.values()].map((v) => `${v.filter((x) => x === "e").length}e${v.filter((x) => x === "+").length}+`).sort().join(" ");
    console.log(`topic ${t}: ${row}`);
  }
}
// Small stories: their best average link to another story, and whether it is their gold story's main part.
if (process.env.SMALL) {
  const stories = new Map<string, string[]>();
  for (const [d, s] of pred) stories.set(s, [...(stories.get(s) ?? []), d]);
  const link = (a: string, b: string) => { const s = edge(a, b); return s >= o.edgeFloor ? s : 0; };
  for (const [s, ids] of stories) {
    if (ids.length > Number(process.env.SMALL)) continue;
    const scored = [...stories].filter(([t]) => t !== s).map(([t, m]) => {
      let sum = 0; let mx = 0;
      for (const a of ids) for (const b of m) { const l = link(a, b); sum += l; mx = Math.max(mx, l); }
      return { t, m, avg: sum / (ids.length * m.length), mx };
    }).sort((x, y) => y.avg - x.avg);
    const best = scored[0]!;
    const gs = goldOf.get(ids[0]!)!;
    const goodShare = best.m.filter((d) => goldOf.get(d) === gs).length / best.m.length;
    const mainGold = [...stories.values()].sort((x, y) => y.filter((d) => goldOf.get(d) === gs).length - x.filter((d) => goldOf.get(d) === gs).length)[0]!;
    console.log(`small ${ids.join(",")} best avg ${best.avg.toFixed(3)} max ${best.mx.toFixed(3)} size ${best.m.length} gold-share ${goodShare.toFixed(2)} 2nd ${scored[1]?.avg.toFixed(3)} ${mainGold === best.m ? "RIGHT" : mainGold === ids ? "alone-is-main" : "WRONG"}`);
  }
}
// Gold bisection of each topic: cross link between its two stories and the within links.
if (process.env.GOLDCUT) {
  const link = (a: string, b: string) => { const s = edge(a, b); return s >= o.edgeFloor ? s : 0; };
  const topics = [...new Set(docs.map((d) => d.topic))].sort((a, b) => a - b);
  for (const t of topics) {
    const e = docs.filter((d) => d.topic === t && !d.subtopic.endsWith("plus")).map((d) => d.doc_id);
    const p = docs.filter((d) => d.topic === t && d.subtopic.endsWith("plus")).map((d) => d.doc_id);
    const avg = (x: string[], y: string[], self: boolean) => { let s = 0; let n = 0; for (let i = 0; i < x.length; i++) for (let j = self ? i + 1 : 0; j < y.length; j++) { s += link(x[i]!, y[j]!); n++; } return n ? s / n : 0; };
    const c = avg(e, p, false); const we = avg(e, e, true); const wp = avg(p, p, true);
    const ok = c < o.splitThreshold && c < o.splitRatio * Math.min(we, wp);
    console.log(`goldcut topic ${t} cross ${c.toFixed(3)} within ${we.toFixed(3)} ${wp.toFixed(3)} ratio ${(c / Math.min(we, wp)).toFixed(2)} ${ok ? "passes" : "FAILS"}`);
  }
}
