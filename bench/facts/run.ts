/**
 * bench:facts — the dossier against the facts gold (docs/facts-annotation.md):
 * links between sentences of different documents that state one fact
 * (precision, recall, F1), contradictions found and the share of reported
 * conflicts that are real, summary citations that support their sentence and
 * summary sentences that read alone; with a plain word-overlap baseline in the
 * same run. Every story is analysed through the real pipeline and built the
 * way `analyze` builds a story (lineage, timeline, utterances, dossier).
 *
 *   npm run bench:facts                 # the dev set, story by story and in total
 *   npm run bench:facts -- --set blind  # a blind set: totals only
 */
import os from "node:os";
import { contentStems, supportShare, readsAlone } from "../../src/dossier/index.js";
import type { DocumentSpan, RashomonDocument } from "../../src/model/index.js";
import { extractClaims } from "../../src/claims/index.js";
import { loadSet } from "./gold.js";
import { buildStory } from "./run-lib.js";
import { add, groupLinks, goldLinks, prf, scoreStory, scoreUnique, storyUnits, zero, type Counts } from "./score.js";

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const set = arg("--set") ?? "dev";
const blind = set !== "dev";

/** Word-overlap baseline: sentences of different documents whose content-word Jaccard reaches `t` are linked. */
function baselineGroups(docs: RashomonDocument[], t: number): DocumentSpan[][] {
  const sents = docs.flatMap((d) => extractClaims(d).map((c) => ({ d: { document: d.id, span: c.span }, stems: new Set(contentStems(c.text)) })));
  const out: DocumentSpan[][] = [];
  for (let i = 0; i < sents.length; i++) {
    for (let j = i + 1; j < sents.length; j++) {
      const a = sents[i]!, b = sents[j]!;
      if (a.d.document === b.d.document) continue;
      let inter = 0;
      for (const w of a.stems) if (b.stems.has(w)) inter++;
      const union = a.stems.size + b.stems.size - inter;
      if (union && inter / union >= t) out.push([a.d, b.d]);
    }
  }
  return out;
}

const pct = (x: number) => (100 * x).toFixed(1);

console.log(`bench:facts  set ${set}  ${new Date().toISOString().slice(0, 10)}  ${os.cpus()[0]?.model ?? "cpu"} x${os.cpus().length}  node ${process.version}`);
const stories = await loadSet(set);
const total = zero();
/** The baseline's threshold: chosen on dev (best F1 there); other sets use dev's choice. */
const DEV_BASELINE_T = 0.1;
const thresholds = blind ? [DEV_BASELINE_T] : [0.1, 0.15, 0.2, 0.3, 0.4, 0.5];
const baseline = thresholds.map(() => ({ tp: 0, system: 0, gold: 0 }));
let citations = 0, supported = 0, sentences = 0, alone = 0, missing = 0, docsCount = 0, failed = 0;
for (const s of stories) {
  const t0 = performance.now();
  const story = buildStory(s);
  const ms = performance.now() - t0;
  const counts: Counts = scoreStory(s, (story.facts ?? []).map((f) => f.claims), story.discrepancies ?? []);
  const factById = new Map((story.facts ?? []).map((f) => [f.id, f]));
  counts.unique = scoreUnique(s, Object.values(story.uniqueFacts ?? {}).flat().map((id) => factById.get(id)!.claims));
  add(total, counts);
  const units = storyUnits(s);
  const gold = goldLinks(s, units);
  thresholds.forEach((t, i) => {
    const sys = groupLinks(baselineGroups(s.docs, t), units);
    let tp = 0;
    for (const k of sys) if (gold.has(k)) tp++;
    baseline[i]!.tp += tp;
    baseline[i]!.system += sys.size;
    baseline[i]!.gold += gold.size;
  });
  const byId = new Map(s.docs.map((d) => [d.id, d]));
  for (const x of story.summary ?? []) {
    sentences++;
    if (readsAlone(x.text)) alone++;
    for (const c of x.citations) {
      citations++;
      if (supportShare(x.text, byId.get(c.document)!.text.slice(c.span.start, c.span.end)) >= 0.5) supported++;
    }
  }
  missing += s.missing.length;
  docsCount += s.docs.length;
  failed += s.failed.length;
  if (!blind) {
    const l = prf(counts.links);
    const k = counts.contradictions;
    console.log(`${s.gold.story.padEnd(12)} docs ${String(s.docs.length).padStart(2)}  links P ${pct(l.p)} R ${pct(l.r)} F1 ${pct(l.f1)} (${counts.links.tp}/${counts.links.system} sys, ${counts.links.gold} gold)  contradictions found ${k.found}/${k.gold}, reported ${k.reported} real ${k.real}  unique listed ${counts.unique.listed} (stated elsewhere ${counts.unique.stated})  ${ms.toFixed(0)} ms`);
    for (const m of s.missing) console.log(`  unplaced mention ${m}`);
  }
}
const l = prf(total.links);
const k = total.contradictions;
console.log(`\nTOTAL ${stories.length} stories, ${docsCount} documents${failed ? ` (${failed} more refused by the pipeline: their links count as misses)` : ""}${missing ? `, ${missing} unplaced mentions` : ""}`);
console.log(`links: precision ${pct(l.p)}  recall ${pct(l.r)}  F1 ${pct(l.f1)}  (${total.links.tp} of ${total.links.system} system links; ${total.links.gold} gold links)`);
console.log(`contradictions: found ${k.found}/${k.gold} (${pct(k.gold ? k.found / k.gold : 1)}%); reported conflicts ${k.reported}, real ${k.real} (${pct(k.reported ? k.real / k.reported : 1)}%)`);
const u = total.unique;
console.log(`unique to one outlet: ${u.listed} facts listed, ${u.listed - u.stated} of them stated by no other document per the gold (${pct(u.listed ? (u.listed - u.stated) / u.listed : 1)}%)`);
console.log(`summary: ${sentences} sentences, ${pct(sentences ? alone / sentences : 1)}% read alone; ${citations} citations, ${pct(citations ? supported / citations : 1)}% carry at least half of their sentence's content words`);
const best = baseline.map((b, i) => ({ t: thresholds[i]!, ...prf(b) })).sort((a, b) => b.f1 - a.f1)[0]!;
console.log(`baseline (content-word Jaccard ≥ t between sentences of different documents; t ${blind ? "chosen on dev" : "best on this set"}): t=${best.t} precision ${pct(best.p)} recall ${pct(best.r)} F1 ${pct(best.f1)}`);
