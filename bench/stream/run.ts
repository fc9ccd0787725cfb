/**
 * bench:stream — 100,000 synthetic articles over 30 simulated days, fed in time
 * order to the StoryGrouper and the CopyDetector (tokenizing, signatures,
 * indexes, assignment; no HTML, quotes or time extraction). Prints the rate
 * (processing time only, text generation excluded), peak RSS, BCubed F1 of the
 * story grouping at 10k, 50k and 100k articles, and copy detection precision
 * and recall over document pairs.
 * Usage: npm run bench:stream [-- --n 100000 --days 30]
 */
import { MemoryGroupingState, StoryGrouper } from "../../src/stories/index.js";
import { CopyDetector } from "../../src/dedup/index.js";
import { bcubed } from "../cluster/score.js";
import { articleText, generateSpecs, type Kind } from "./generate.js";

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const N = arg("n", 100_000);
const DAYS = arg("days", 30);
const CHECKPOINTS = [10_000, 50_000, 100_000].filter((c) => c <= N);
if (!CHECKPOINTS.includes(N)) CHECKPOINTS.push(N);

const specs = generateSpecs(N, DAYS);
const index = new MemoryGroupingState();
const grouper = new StoryGrouper({}, index);
const detector = new CopyDetector({ keep: 40_000 });
const COPY_KINDS = new Set<Kind>(["wire", "copy", "half", "extended"]);
const kindOf = new Map<string, Kind>();
const storyOf = new Map<string, number>();

let busy = 0;
let peak = 0;
let tp = 0;
let fp = 0;
let rewrites = 0;
let windowStart = 0;
let windowDocs = 0;
const rows: string[] = [];
const sample = () => {
  const m = process.memoryUsage().rss;
  if (m > peak) peak = m;
};

console.log(`bench:stream — ${N} synthetic articles over ${DAYS} days (${new Set(specs.map((s) => s.story)).size} stories)`);
for (let i = 0; i < specs.length; i++) {
  const sp = specs[i]!;
  const text = articleText(sp);
  const published = new Date(sp.time).toISOString();
  kindOf.set(sp.id, sp.kind);
  storyOf.set(sp.id, sp.story);
  const t0 = performance.now();
  await grouper.add({ id: sp.id, text, published });
  const matches = detector.add(sp.id, text);
  const dt = performance.now() - t0;
  busy += dt;
  windowDocs++;
  for (const m of matches) {
    const gold = storyOf.get(m.other) === sp.story && COPY_KINDS.has(sp.kind) && COPY_KINDS.has(kindOf.get(m.other)!);
    if (m.kind === "copy") gold ? tp++ : fp++;
    else rewrites++;
  }
  if ((i + 1) % 1000 === 0) sample();
  if (CHECKPOINTS.includes(i + 1)) {
    sample();
    const pred = new Map<string, string>();
    const gold = new Map<string, string>();
    for (let j = 0; j <= i; j++) {
      const id = specs[j]!.id;
      pred.set(id, index.storyOf(id)!);
      gold.set(id, String(specs[j]!.story));
    }
    const b = bcubed(pred, gold);
    const windowRate = windowDocs / ((busy - windowStart) / 1000);
    const row =
      `${String(i + 1).padStart(7)}  ${((i + 1) / (busy / 1000)).toFixed(0).padStart(10)}  ${windowRate.toFixed(0).padStart(11)}  ${(peak / 2 ** 20).toFixed(0).padStart(11)}  ${b.p.toFixed(3)}  ${b.r.toFixed(3)}  ${b.f1.toFixed(3)}  ${String(new Set(pred.values()).size).padStart(7)}`;
    if (rows.length === 0) console.log("   docs  cum.art/s  window art/s  peak RSS MB  B3-P   B3-R   B3-F1  stories");
    rows.push(row);
    console.log(row);
    windowStart = busy;
    windowDocs = 0;
  }
}

// Gold copy pairs: every pair of copy-kind articles of one story.
const perStory = new Map<number, number>();
for (const sp of specs) if (COPY_KINDS.has(sp.kind)) perStory.set(sp.story, (perStory.get(sp.story) ?? 0) + 1);
let goldPairs = 0;
for (const c of perStory.values()) goldPairs += (c * (c - 1)) / 2;

const p = tp / (tp + fp || 1);
const r = tp / (goldPairs || 1);
console.log(`copies: predicted ${tp + fp} copy pairs, gold ${goldPairs}; precision ${p.toFixed(4)} recall ${r.toFixed(4)} (rewrite links reported: ${rewrites})`);
console.log(`overall: ${(N / (busy / 1000)).toFixed(0)} articles/s over ${(busy / 1000).toFixed(1)} s of processing; peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`);
