/**
 * npm run bench:time — scores our time stage and chrono-node alone on MEANTIME
 * (TempEval-3 measures; the creation time is the reference date and is not scored).
 */
import os from "node:os";
import { fileURLToPath } from "node:url";
import * as chrono from "chrono-node";
import { extractTimes } from "../../src/time/index.js";
import { readMeantime, type MeantimeDoc } from "./meantime.js";
import { figures, scoreDoc, zeroCounts, type ScoredTimex } from "./score.js";

const DIR = fileURLToPath(new URL("../../../shared/bench-data/meantime/intra-doc_annotation/", import.meta.url));
const verbose = process.argv.includes("--verbose");
const errors = process.argv.includes("--errors");

type System = (doc: MeantimeDoc) => ScoredTimex[];

/** The reference date: the creation time's value, or, where the corpus left it empty, its text read by chrono. */
function referenceOf(doc: MeantimeDoc): string | null {
  if (doc.dct) return doc.dct;
  // Without a creation time, read the dateline (the line after the title).
  const line = doc.dctSpan ? doc.text.slice(doc.dctSpan.start, doc.dctSpan.end) : (doc.text.split("\n")[1] ?? "");
  const d = chrono.parseDate(line);
  return d ? d.toISOString().slice(0, 10) : null;
}

const ours: System = (doc) =>
  extractTimes({ id: doc.id, text: doc.text, paragraphs: [], published: doc.dct }, { referenceDate: referenceOf(doc) }).times.map((t) => ({
    start: t.span.start, end: t.span.end, value: t.value, type: t.type,
  }));

const pad2 = (n: number): string => String(n).padStart(2, "0");
const chronoOnly: System = (doc) => {
  const r = referenceOf(doc);
  const ref = r && /^\d{4}-\d{2}-\d{2}/.test(r) ? new Date(`${r.slice(0, 10)}T12:00:00Z`) : new Date();
  return chrono.casual.parse(doc.text, { instant: ref, timezone: 0 }).map((r) => {
    const s = r.start;
    let value = `${s.get("year")}-${pad2(s.get("month") ?? 1)}-${pad2(s.get("day") ?? 1)}`;
    const timed = s.isCertain("hour");
    if (timed) value += `T${pad2(s.get("hour") ?? 0)}:${pad2(s.get("minute") ?? 0)}`;
    return { start: r.index, end: r.index + r.text.length, value, type: timed ? "TIME" : "DATE" };
  });
};

function withoutDct(doc: MeantimeDoc, xs: ScoredTimex[]): ScoredTimex[] {
  const d = doc.dctSpan;
  // MEANTIME annotates only the first sentences of each article: score only there.
  const inRegion = xs.filter((x) => x.start < doc.annotatedEnd);
  return d ? inRegion.filter((x) => !(x.start < d.end && d.start < x.end)) : inRegion;
}

/**
 * Expressions per second for each system: rounds interleave the systems so that
 * load from other processes on the machine falls on both alike.
 */
function speeds(systems: [string, System][], docs: MeantimeDoc[], rounds = 7): Map<string, number> {
  const n = new Map<string, number>(), secs = new Map<string, number>();
  for (let r = 0; r < rounds; r++) {
    for (const [name, sys] of systems) {
      const t0 = process.hrtime.bigint();
      let found = 0;
      for (const doc of docs) found += sys(doc).length;
      secs.set(name, (secs.get(name) ?? 0) + Number(process.hrtime.bigint() - t0) / 1e9);
      n.set(name, (n.get(name) ?? 0) + found);
    }
  }
  return new Map(systems.map(([name]) => [name, n.get(name)! / secs.get(name)!]));
}

/** The sentence (line of the rebuilt text) around a span, for error listings. */
function sentenceAround(doc: MeantimeDoc, x: ScoredTimex): string {
  const a = doc.text.lastIndexOf("\n", x.start - 1) + 1;
  const b = doc.text.indexOf("\n", x.end);
  const line = doc.text.slice(a, b < 0 ? doc.text.length : b);
  return `${line.slice(0, x.start - a)}[[${line.slice(x.start - a, x.end - a)}]]${line.slice(x.end - a)}`;
}

/** --errors: missed, spurious, wrong-value and wrong-type expressions with their sentence. */
function printErrors(doc: MeantimeDoc, res: ReturnType<typeof scoreDoc>, matchedTypeWrong: [ScoredTimex, ScoredTimex][]): void {
  const head = `${doc.topic}\t${doc.id.slice(0, 40)}\tdct=${doc.dct}`;
  for (const m of res.missed) console.log(`MISSED\t${head}\tgold=${m.type} ${m.value}\n    ${sentenceAround(doc, m)}`);
  for (const m of res.spurious) console.log(`SPURIOUS\t${head}\tsys=${m.type} ${m.value}\n    ${sentenceAround(doc, m)}`);
  for (const [s, g] of res.wrong) console.log(`VALUE\t${head}\tgold=${g.type} ${g.value}\tsys=${s.type} ${s.value}\n    ${sentenceAround(doc, g)}  sys:[[${doc.text.slice(s.start, s.end)}]]`);
  for (const [s, g] of matchedTypeWrong) console.log(`TYPE\t${head}\tgold=${g.type} ${g.value}\tsys=${s.type} ${s.value}\n    ${sentenceAround(doc, g)}`);
}

/** Counts per topic for our system, filled by run(). */
const topicCounts = new Map<string, ReturnType<typeof zeroCounts>>();

function run(name: string, sys: System, docs: MeantimeDoc[]): { fig: Record<string, number> } {
  const counts = zeroCounts();
  for (const doc of docs) {
    const sysOut = withoutDct(doc, sys(doc));
    if (name === "ours") {
      if (!topicCounts.has(doc.topic)) topicCounts.set(doc.topic, zeroCounts());
      const res = scoreDoc(topicCounts.get(doc.topic)!, sysOut, doc.gold);
      if (errors) {
        const typeWrong = res.all.filter(([s, g]) => s.type !== g.type && s.value === g.value);
        printErrors(doc, res, typeWrong);
      }
    }
    const res = scoreDoc(counts, sysOut, doc.gold);
    if (verbose && name === "ours") {
      for (const m of res.missed) console.log(`MISS\t${doc.dct}\t${m.type}\t${m.value}\t${doc.text.slice(m.start, m.end)}`);
      for (const m of res.spurious) console.log(`SPUR\t${doc.dct}\t${m.type}\t${m.value}\t${doc.text.slice(m.start, m.end)}`);
      for (const [s, g] of res.extent) console.log(`EXTENT\t${doc.text.slice(g.start, g.end)}\t${doc.text.slice(s.start, s.end)}`);
      for (const [s, g] of res.wrong) console.log(`WRONG\t${doc.dct}\t${g.value}\t${s.value}\t${doc.text.slice(g.start, g.end)}\t${doc.text.slice(s.start, s.end)}`);
    }
  }
  return { fig: figures(counts) };
}

const docs = readMeantime(DIR);
const gold = docs.reduce((a, d) => a + d.gold.length, 0);
console.log(`bench:time — MEANTIME English, ${docs.length} documents, ${gold} gold TIMEX3 (creation time left out; only the annotated first sentences are scored)`);
console.log(`date ${new Date().toISOString()}; machine ${os.cpus()[0]?.model ?? "?"} x${os.cpus().length}, node ${process.version}`);
const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
console.log("system       strictP strictR strictF1 relaxP relaxR relaxF1 valueAcc valueF1 typeAcc  expr/s");
const systems: [string, System][] = [["ours", ours], ["chrono-only", chronoOnly]];
const figs = systems.map(([name, sys]) => [name, run(name, sys, docs).fig] as const);
const perSec = speeds(systems, docs);
for (const [name, fig] of figs) {
  console.log(
    `${name.padEnd(12)} ${pct(fig.strictP!)}   ${pct(fig.strictR!)}   ${pct(fig.strictF1!)}   ${pct(fig.relaxedP!)}  ${pct(fig.relaxedR!)}  ${pct(fig.relaxedF1!)}   ${pct(fig.valueAcc!)}   ${pct(fig.valueF1!)}   ${pct(fig.typeAcc!)}  ${perSec.get(name)!.toFixed(0).padStart(6)}`,
  );
}
for (const [topic, c] of [...topicCounts].sort()) {
  const fig = figures(c);
  console.log(`  ours/${topic.padEnd(7)} gold ${String(c.gold).padStart(3)}  relaxF1 ${pct(fig.relaxedF1!)}  valueAcc ${pct(fig.valueAcc!)}  valueF1 ${pct(fig.valueF1!)}  typeAcc ${pct(fig.typeAcc!)}`);
}
const ratio = perSec.get("ours")! / perSec.get("chrono-only")!;
console.log(`speed ratio ours/chrono-only: ${ratio.toFixed(2)} (target >= 0.50)`);
console.log("published value F1 (TempEval-3 test set): HeidelTime 77.6, SUTime 67.4; chrono-node alone about 33.5");
