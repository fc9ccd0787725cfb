/**
 * Trains the dossier's claim-link model (src/dossier/link-weights.ts) on the
 * facts gold's dev set (data/facts-gold/dev: ECB+ train/dev stories, the seeds
 * and the example; licences in ../shared/bench-data and the gold's README).
 *
 * Examples: every pair of claims of different documents of a story; label 1
 * when the gold links their sentences (they state a fact in common). Model:
 * logistic regression over the pair features (src/dossier/pair-features.ts),
 * L2-regularised, fitted by Newton's method. The decision threshold is chosen
 * on the whole pipeline's link score (clustering included): the threshold of a
 * grid with the best F1 among those with precision ≥ 0.95, else the most precise.
 *
 * Reported beside the whole-set fit: leave-one-story-out cross-validation, where
 * each story's links are scored with weights and a threshold chosen on the other
 * stories only.
 *
 *   npx tsx bench/facts/train.ts            # CV figures, then writes link-weights.ts
 *   npx tsx bench/facts/train.ts --dry-run  # CV figures only
 */
import { writeFileSync } from "node:fs";
import { buildDossier, claimViews, FEATURES, pairFeatures, wordVectors, type LinkModel } from "../../src/dossier/index.js";
import { buildLineage } from "../../src/lineage/index.js";
import type { Story } from "../../src/model/index.js";
import { enrichStory } from "../../src/pipeline/index.js";
import { loadSet, type LoadedStory } from "./gold.js";
import { add, goldLinks, prf, scoreStory, storyUnits, unitsOf, zero, type Counts } from "./score.js";

const TARGET_PRECISION = 0.95;
const GRID = [0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.96, 0.97, 0.98, 0.99];
const L2 = 1;

interface Example {
  x: number[];
  y: number;
}

/** Logistic regression by Newton's method (few features, so the Hessian is small). */
export function fitLogistic(examples: Example[], l2 = L2): { weights: number[]; bias: number } {
  const d = FEATURES.length + 1;
  const w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 25; iter++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const e of examples) {
      const x = [...e.x, 1];
      let z = 0;
      for (let i = 0; i < d; i++) z += w[i]! * x[i]!;
      const p = 1 / (1 + Math.exp(-z));
      const r = p * (1 - p);
      for (let i = 0; i < d; i++) {
        g[i]! += (p - e.y) * x[i]!;
        for (let j = 0; j < d; j++) h[i]![j]! += r * x[i]! * x[j]!;
      }
    }
    for (let i = 0; i < d - 1; i++) {
      g[i]! += l2 * w[i]!;
      h[i]![i]! += l2;
    }
    const step = solve(h, g);
    let change = 0;
    for (let i = 0; i < d; i++) {
      w[i]! -= step[i]!;
      change = Math.max(change, Math.abs(step[i]!));
    }
    if (change < 1e-6) break;
  }
  return { weights: w.slice(0, -1), bias: w[d - 1]! };
}

/** Solves a x = b by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    const div = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / div;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / (m[i]![i]! || 1e-12));
}

/** A gold story ready for the dossier: documents analysed, lineage, timeline and utterances built once. */
interface Prepared {
  s: LoadedStory;
  story: Story;
  examples: Example[];
}

function prepare(s: LoadedStory): Prepared {
  const story: Story = { id: s.gold.story, title: null, documents: s.docs.map((d) => d.id), firstSeen: null, lastSeen: null, outlets: [] };
  story.lineage = buildLineage(s.docs);
  enrichStory(story, s.docs);
  const vectors = wordVectors();
  const claims = s.docs.flatMap((d) => d.claims ?? []);
  const views = claimViews(claims, vectors);
  const units = storyUnits(s);
  const gold = goldLinks(s, units);
  const u = claims.map((c) => unitsOf(units, { document: c.document, span: c.span }));
  const cache = new Map<number, number>();
  const examples: Example[] = [];
  for (let i = 0; i < views.length; i++) {
    for (let j = i + 1; j < views.length; j++) {
      if (claims[i]!.document === claims[j]!.document) continue;
      let y = 0;
      for (const a of u[i]!) for (const b of u[j]!) if (gold.has(a < b ? `${a}|${b}` : `${b}|${a}`)) y = 1;
      examples.push({ x: pairFeatures(views[i]!, views[j]!, vectors, cache), y });
    }
  }
  return { s, story, examples };
}

function score(p: Prepared, model: LinkModel): Counts {
  const parts = buildDossier(p.story, p.s.docs, { model });
  return scoreStory(p.s, parts.facts.map((f) => f.claims), parts.discrepancies);
}

/** Fits on some stories and picks the threshold on their pipeline score. */
function train(stories: Prepared[]): LinkModel {
  const fit = fitLogistic(stories.flatMap((p) => p.examples));
  let best: { model: LinkModel; f1: number; p: number } | null = null;
  for (const threshold of GRID) {
    const model: LinkModel = { features: [...FEATURES], ...fit, threshold };
    const total = stories.reduce((c, p) => add(c, score(p, model)), zero());
    const r = prf(total.links);
    const better = !best || (r.p >= TARGET_PRECISION ? best.p < TARGET_PRECISION || r.f1 > best.f1 : best.p < TARGET_PRECISION && r.p > best.p);
    if (better) best = { model, f1: r.f1, p: r.p };
  }
  return best!.model;
}

const pct = (x: number) => (100 * x).toFixed(1);
const prepared = (await loadSet("dev")).map(prepare);
console.log(`training pairs: ${prepared.reduce((n, p) => n + p.examples.length, 0)} (${prepared.reduce((n, p) => n + p.examples.filter((e) => e.y).length, 0)} linked) over ${prepared.length} stories`);

const cv = zero();
for (const held of prepared) {
  const model = train(prepared.filter((p) => p !== held));
  const c = score(held, model);
  add(cv, c);
  const r = prf(c.links);
  console.log(`  fold ${held.s.gold.story.padEnd(12)} threshold ${model.threshold}  P ${pct(r.p)} R ${pct(r.r)} F1 ${pct(r.f1)}`);
}
const final = train(prepared);
const whole = prepared.reduce((c, p) => add(c, score(p, final)), zero());
const rc = prf(cv.links), rw = prf(whole.links);
console.log(`cross-validated (leave one story out): links P ${pct(rc.p)} R ${pct(rc.r)} F1 ${pct(rc.f1)}`);
console.log(`whole set (fit and threshold on all):   links P ${pct(rw.p)} R ${pct(rw.r)} F1 ${pct(rw.f1)}  threshold ${final.threshold}`);
if (!process.argv.includes("--dry-run")) {
  const file = new URL("../../src/dossier/link-weights.ts", import.meta.url);
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  writeFileSync(file, `/**
 * Weights of the claim-link model, written by \`npx tsx bench/facts/train.ts\`
 * (logistic regression over the pair features, fitted on the facts gold's dev
 * set: ${prepared.length} stories, ECB+ CC BY 3.0 texts with the project's own
 * annotations; threshold chosen on the pipeline's link score). Do not edit by hand.
 * Cross-validated link F1 when written: ${pct(rc.f1)} (P ${pct(rc.p)}, R ${pct(rc.r)}).
 */
import type { LinkModel } from "./link-model.js";

/** The link model's weights. */
export const LINK_WEIGHTS: LinkModel = {
  features: ${JSON.stringify([...FEATURES])},
  weights: ${JSON.stringify(final.weights.map(round))},
  bias: ${round(final.bias)},
  threshold: ${final.threshold},
};
`);
  console.log(`wrote ${file.pathname}`);
}
