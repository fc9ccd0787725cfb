/**
 * `npm run bench:quotes`: runs the quotes stage on the development gold set
 * (data/quotes-gold/gold.jsonl, ECB+ and MEANTIME texts read from
 * ../shared/bench-data) and prints precision, recall, F1, speaker and person
 * accuracy (Gender Gap Tracker matching, see score.ts) and documents per second.
 * Flags: `--per-doc` prints one line per document; `--misses` lists unmatched gold quotes;
 * `--speaker-misses` lists matched quotes whose speaker mention is not the gold one;
 * `--person-misses` lists matched quotes whose resolved person fails even the surname rule;
 * `--false-positives` lists unmatched predictions with their kind and rule (counts by kind and rule at the end);
 * `--baseline` scores the quotation-marks-only floor (baseline.ts) instead of the quotes stage;
 * `--set fresh` (or `--set=fresh`) scores the held-out set data/quotes-gold/fresh.jsonl instead of gold.jsonl.
 */
import { cpus, hostname, platform, release } from "node:os";
import { performance } from "node:perf_hooks";
import type { Paragraph } from "../../src/model/index.js";
import { quoteMarkBaseline } from "./baseline.js";
import { benchDataPresent, loadSources } from "./corpus.js";
import { goldSetPath, loadGold, verifyGoldDoc } from "./gold.js";
import { addCounts, emptyCounts, matchQuotes, personMatch, scoreDocument, summarize, type PredictedQuote } from "./score.js";

const argv = process.argv.slice(2);
const args = new Set(argv);
/** The set to score: `--set <name>` or `--set=<name>`, default `gold`. */
const setName = argv.find((a) => a.startsWith("--set="))?.slice(6) ?? (argv.includes("--set") ? argv[argv.indexOf("--set") + 1] : undefined) ?? "gold";
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

async function main(): Promise<void> {
  if (!benchDataPresent()) {
    console.error("bench:quotes: ../shared/bench-data not found (expected next to the repository); nothing to score.");
    process.exitCode = 1;
    return;
  }
  // Loaded lazily so that `--baseline` runs even while the quotes stage is being rebuilt.
  const extractQuotes = args.has("--baseline") ? null : (await import("../../src/quotes/index.js")).extractQuotes;
  const gold = loadGold(goldSetPath(setName));
  const sources = loadSources(gold.map((g) => ({ corpus: g.corpus, doc_id: g.doc_id })));
  const total = emptyCounts();
  let elapsed = 0;
  let failures = 0;
  const problems: string[] = [];
  const fpCounts = new Map<string, number>();
  for (const g of gold) {
    const src = sources.get(`${g.corpus}:${g.doc_id}`)!;
    problems.push(...verifyGoldDoc(g, src));
    const paragraphs: Paragraph[] = src.paragraphs.map((span) => ({ span, kind: "paragraph" }));
    let predicted: PredictedQuote[] = [];
    const t0 = performance.now();
    try {
      predicted = !extractQuotes
        ? quoteMarkBaseline(src.text)
        : extractQuotes({ id: `${g.corpus}:${g.doc_id}`, text: src.text, paragraphs }).quotes;
    } catch (e) {
      failures++;
      console.error(`${g.corpus}:${g.doc_id}: extractQuotes threw: ${(e as Error).message}`);
    }
    elapsed += performance.now() - t0;
    const c = scoreDocument(g.quotes, predicted);
    addCounts(total, c);
    if (args.has("--per-doc")) {
      const s = summarize(c);
      console.log(`${g.corpus}:${g.doc_id}\tgold ${c.gold}\tpred ${c.predicted}\tP ${pct(s.precision)}\tR ${pct(s.recall)}`);
    }
    if (args.has("--misses")) {
      const pairs = matchQuotes(g.quotes, predicted);
      g.quotes.forEach((q, i) => {
        if (!pairs.has(i)) console.log(`  miss ${g.doc_id} [${q.kind}] ${JSON.stringify(src.text.slice(q.start, q.end).slice(0, 100))}`);
      });
    }
    if (args.has("--speaker-misses")) {
      for (const [gi, pi] of matchQuotes(g.quotes, predicted)) {
        const q = g.quotes[gi]!, p = predicted[pi]!;
        const m = p.speaker?.mention?.span;
        if (!q.speaker || (m && m.start < q.speaker.end && q.speaker.start < m.end)) continue;
        const ctx = src.text.slice(Math.max(0, Math.min(q.start, q.speaker.start) - 20), Math.max(q.end, q.speaker.end) + 20).replace(/\s+/g, " ");
        console.log(`  speaker ${g.doc_id} gold=${JSON.stringify(src.text.slice(q.speaker.start, q.speaker.end))} ours=${JSON.stringify(m ? src.text.slice(m.start, m.end) : p.speaker?.name ?? null)}\n      ${ctx.slice(0, 300)}`);
      }
    }
    if (args.has("--person-misses")) {
      for (const [gi, pi] of matchQuotes(g.quotes, predicted)) {
        const q = g.quotes[gi]!, p = predicted[pi]!;
        if (!q.person || personMatch(p.speaker?.name, q.person)) continue;
        const mention = q.speaker ? JSON.stringify(src.text.slice(q.speaker.start, q.speaker.end)) : "-";
        console.log(`  person ${g.doc_id} gold=${JSON.stringify(q.person)} (mention ${mention}) ours=${JSON.stringify(p.speaker?.name ?? null)}`);
      }
    }
    if (args.has("--false-positives")) {
      const used = new Set(matchQuotes(g.quotes, predicted).values());
      predicted.forEach((p, i) => {
        if (used.has(i)) return;
        const rule = (p as { rule?: string }).rule ?? "?";
        const key = `${p.kind ?? "?"} ${rule}`;
        fpCounts.set(key, (fpCounts.get(key) ?? 0) + 1);
        console.log(`  false positive ${g.doc_id} [${p.kind}] ${rule} ${JSON.stringify(src.text.slice(p.span.start, p.span.end).slice(0, 100))}`);
      });
    }
  }
  if (problems.length > 0) {
    console.error(`gold set does not match the source texts (${problems.length} problems), first ones:\n${problems.slice(0, 5).join("\n")}`);
    process.exitCode = 1;
  }
  if (fpCounts.size > 0) {
    console.log("false positives by kind and rule:");
    for (const [k, n] of [...fpCounts].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${k}`);
  }
  const s = summarize(total);
  const cpu = cpus();
  console.log(`bench:quotes${args.has("--baseline") ? " (quotation-marks baseline)" : ""}  set ${setName}  ${new Date().toISOString()}`);
  console.log(`machine: ${hostname()} ${platform()} ${release()}, ${cpu.length} x ${cpu[0]?.model ?? "?"}, node ${process.version}`);
  console.log(`documents: ${gold.length} (ecbplus ${gold.filter((g) => g.corpus === "ecbplus").length}, meantime ${gold.filter((g) => g.corpus === "meantime").length})${failures ? `, ${failures} failed` : ""}`);
  console.log(`gold quotes: ${total.gold}  predicted: ${total.predicted}  matched: ${total.matched}`);
  console.log(`precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}`);
  for (const [kind, v] of Object.entries(total.byKind).sort()) {
    console.log(`  recall ${kind.padEnd(8)} ${pct(v.gold ? v.matched / v.gold : 0)} (${v.matched}/${v.gold})`);
  }
  console.log(`speaker mention accuracy (matched, gold speaker given): ${pct(s.speakerAccuracy)} (${total.speakerHit}/${total.speakerGold})`);
  console.log(`speaker mention accuracy (all matched, no mention = no mention counts as a hit): ${pct(s.speakerAllAccuracy)} (${total.speakerAllHit}/${total.matched})`);
  console.log(`person accuracy (matched, gold person given): exact ${pct(s.personExact)} (${total.personExact}/${total.personGold}), with surname rule ${pct(s.personLenient)} (${total.personLenient}/${total.personGold})`);
  const seconds = elapsed / 1000;
  console.log(`speed: ${(gold.length / Math.max(seconds, 1e-9)).toFixed(1)} documents/s (${seconds.toFixed(3)} s in extractQuotes)`);
}

main().catch((e: unknown) => {
  console.error(`bench:quotes failed: ${(e as Error).message}`);
  process.exitCode = 1;
});
