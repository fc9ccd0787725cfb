/**
 * Body benchmark on the WCXB development article pages
 * (../shared/bench-data/wcxb-articles): our extracted body against the gold
 * `main_content`, scored with the AEB shingle metric (bench/lib/shingle-metric.ts),
 * plus the share of gold `with` snippets found and `without` snippets avoided.
 * Flags: --readability (score Readability.js alongside), --lows N (list the N
 * worst pages), --save / --diff (per-page F1 against a saved run in /tmp),
 * --json FILE (per-page counts with host, for cross-validation scripts).
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { extractHtml } from "../../src/html/index.js";
import { pageCounts, score, type PageCounts } from "../lib/shingle-metric.js";

import { littleArg } from "./little-arg.js";

/** --little BELOW/RATIO: html:readability-little's setting to try (default: the shipped 2000/16). */
const LITTLE = littleArg();

const root = new URL("../../../shared/bench-data/wcxb-articles/", import.meta.url);
interface Gold { url: string; main: string; with: string[]; without: string[] }

/** Reads one page's gold record. */
function gold(id: string): Gold | null {
  const raw = JSON.parse(readFileSync(new URL(`ground-truth/${id}.json`, root), "utf8")) as { url?: string; ground_truth?: { main_content?: string; with?: string[]; without?: string[] } };
  const g = raw.ground_truth;
  if (!g?.main_content) return null;
  return { url: raw.url ?? "", main: g.main_content, with: g.with ?? [], without: g.without ?? [] };
}

/** Our body: paragraphs joined by blank lines, as in bench/extract/run.ts. */
function oursBody(html: string, id: string, url: string): string {
  const { layout } = extractHtml(html, { input: id, url, littleArticle: LITTLE });
  return layout.paragraphs.map((p) => layout.text.slice(p.span.start, p.span.end)).join("\n\n");
}

function readabilityBody(html: string): string {
  const { document } = parseHTML(html);
  return new Readability(document as unknown as Document).parse()?.textContent ?? "";
}

const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
const arg = (name: string): string | undefined => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : undefined; };
const f = (x: number): string => x.toFixed(3);
const host = (u: string): string => { try { return new URL(u).hostname.replace(/^www\./, ""); } catch { return u; } };

const ids = readdirSync(new URL("html/", root)).filter((n) => n.endsWith(".html.gz")).map((n) => n.slice(0, -8)).sort();
const rows: { id: string; host: string; c: PageCounts; withHit: number; withN: number; withoutHit: number; withoutN: number }[] = [];
const rc: PageCounts[] = [];
let ms = 0;
for (const id of ids) {
  const g = gold(id);
  if (!g) continue;
  const html = gunzipSync(readFileSync(new URL(`html/${id}.html.gz`, root))).toString("utf8");
  const t0 = performance.now();
  const body = oursBody(html, id, g.url);
  ms += performance.now() - t0;
  const sb = squash(body);
  rows.push({
    id, host: host(g.url), c: pageCounts(body, g.main),
    withHit: g.with.filter((s) => sb.includes(squash(s))).length, withN: g.with.length,
    withoutHit: g.without.filter((s) => squash(s) && !sb.includes(squash(s))).length, withoutN: g.without.length,
  });
  if (process.argv.includes("--readability")) rc.push(pageCounts(readabilityBody(html), g.main));
}
const s = score(rows.map((r) => r.c));
const sum = (k: "withHit" | "withN" | "withoutHit" | "withoutN"): number => rows.reduce((n, r) => n + r[k], 0);
console.log(`WCXB dev articles, ${rows.length} pages with gold body; ${new Date().toISOString()}`);
console.log(`ours (extractHtml)            F1 ${f(s.f1)}  P ${f(s.precision)}  R ${f(s.recall)}  ${(rows.length / (ms / 1000)).toFixed(1)} pages/s`);
console.log(`  snippets: with found ${f(sum("withHit") / Math.max(1, sum("withN")))}, without avoided ${f(sum("withoutHit") / Math.max(1, sum("withoutN")))}`);
if (rc.length) { const r = score(rc); console.log(`Readability.js 0.6 + linkedom  F1 ${f(r.f1)}  P ${f(r.precision)}  R ${f(r.recall)}`); }

const pr = (c: PageCounts) => ({ p: c.tp / Math.max(1, c.tp + c.fp), r: c.tp / Math.max(1, c.tp + c.fn) });
const f1 = (c: PageCounts): number => (2 * c.tp) / Math.max(1, 2 * c.tp + c.fp + c.fn);
const lows = Number(arg("--lows") ?? 25);
console.log(`per-page lows (recall < 0.5 or precision < 0.5), worst ${lows}:`);
const bad = rows.filter((r) => { const x = pr(r.c); return x.p < 0.5 || x.r < 0.5; }).sort((a, b) => f1(a.c) - f1(b.c));
console.log(`  ${bad.filter((r) => pr(r.c).r < 0.5).length} pages with recall < 0.5, ${bad.filter((r) => pr(r.c).p < 0.5).length} with precision < 0.5`);
for (const r of bad.slice(0, lows)) { const x = pr(r.c); console.log(`  ${r.id}  P ${f(x.p)} R ${f(x.r)}  fp ${r.c.fp} fn ${r.c.fn}  ${r.host}`); }

const prevPath = "/tmp/wcxb-prev.json";
if (process.argv.includes("--diff") && existsSync(prevPath)) {
  const prev = JSON.parse(readFileSync(prevPath, "utf8")) as Record<string, number>;
  for (const r of rows) { const d = f1(r.c) - (prev[r.id] ?? 0); if (Math.abs(d) > 0.01) console.log(`${d > 0 ? "+" : ""}${d.toFixed(3)} ${r.id} now ${f(f1(r.c))} ${r.host}`); }
}
if (process.argv.includes("--save")) writeFileSync(prevPath, JSON.stringify(Object.fromEntries(rows.map((r) => [r.id, f1(r.c)]))));
const json = arg("--json");
if (json) writeFileSync(json, JSON.stringify(rows.map((r) => ({ id: r.id, host: r.host, ...r.c }))));
