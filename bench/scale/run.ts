/**
 * bench:scale — the library at scale: N synthetic articles (the stream
 * generator: known stories, copies, rewrites; ~3,300 a day) stored and grouped
 * by 1, 2 and 4 worker processes into PostgreSQL, and by one process into
 * SQLite. Reports articles per second (wall) and per CPU-second (workers'
 * CPU plus PostgreSQL's own is not included: see BENCHMARKS.md), p99 batch
 * latency (a batch of 200 from submission to stories), peak RSS per worker,
 * the library's size, BCubed F1 against the known stories, and copy precision
 * and recall (lineage copy edges against the generator's copies). Grouping only:
 * documents are built from the generated text without the extraction stages,
 * as bench:stream counts it.
 * With --segment S (default N/10 from 100,000 articles) it also prints, as
 * the run goes, each segment of S articles: its articles/s, the workers' and
 * PostgreSQL's CPU ms per article, and the workers' RSS, so that the cost per
 * article can be read against the library's size.
 *   npm run bench:scale -- [--n 20000] [--workers 1,2,4] [--sqlite no] [--segment 100000] [--pg postgres://127.0.0.1/test]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { generateSpecs } from "../stream/generate.js";
import { openStore } from "../../src/store/index.js";
import { bcubed } from "../cluster/score.js";

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const N = Number(arg("n", "20000"));
const WORKERS = arg("workers", "1,2,4").split(",").map(Number).filter((w) => w > 0); // --workers 0: SQLite only
const PG = arg("pg", "postgres://postgres@127.0.0.1:5432/test");
const SQLITE = arg("sqlite", "yes") !== "no";
const SEGMENT = Number(arg("segment", String(N >= 100_000 ? N / 10 : 0)));
const worker = fileURLToPath(new URL("./worker.ts", import.meta.url));

interface WorkerReport { docs: number; wall: number; cpu: number; peakMb: number; latencies: number[] }

interface Progress { progress: number; docs: number; wall: number; cpu: number; rssMb: number }

function runWorker(db: string, k: number, of: number, onProgress: (p: Progress) => void): Promise<WorkerReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", worker, db, String(N), String(k), String(of), String(SEGMENT)], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
      let nl: number;
      while ((nl = err.indexOf("\n")) >= 0) {
        const line = err.slice(0, nl);
        err = err.slice(nl + 1);
        if (line.startsWith('{"progress"')) onProgress(JSON.parse(line) as Progress);
        else process.stderr.write(line + "\n");
      }
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out) as WorkerReport) : reject(new Error(`worker exited ${code}`))));
  });
}

/** Kinds the generator writes as copies of the story's wire text (as bench:stream counts them). */
const COPY_KINDS = new Set(["wire", "copy", "half", "extended"]);

/**
 * BCubed F1 against the generator's stories, and copy precision and recall:
 * predicted copy pairs are the pairs of documents joined by "copy" edges of
 * their story's lineage (as `rashomon story` builds it), gold pairs every pair
 * of copy-kind articles of one generated story.
 */
async function quality(db: string): Promise<{ f1: number; copyP: number; copyR: number }> {
  const specs = generateSpecs(N, Math.max(3, Math.round(N / 3300)), 5);
  const gold = new Map(specs.map((s) => [s.id, String(s.story)]));
  const kind = new Map(specs.map((s) => [s.id, s.kind]));
  const store = await openStore(db, { readonly: true });
  const pred = new Map<string, string>();
  let tp = 0;
  let predicted = 0;
  for (const s of await store.listStories()) {
    for (const d of await store.getDocuments(s.id)) pred.set(d.id, s.id);
    const story = await store.getStory(s.id);
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      while (parent.has(x) && parent.get(x) !== x) x = parent.get(x)!;
      return x;
    };
    for (const e of story?.lineage?.edges ?? []) if (e.kind === "copy") parent.set(find(e.from), find(e.to));
    const groups = new Map<string, string[]>();
    for (const id of new Set((story?.lineage?.edges ?? []).filter((e) => e.kind === "copy").flatMap((e) => [e.from, e.to]))) {
      groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
    }
    for (const g of groups.values()) {
      for (let i = 0; i < g.length; i++) {
        for (let j = i + 1; j < g.length; j++) {
          predicted++;
          if (gold.get(g[i]!) === gold.get(g[j]!) && COPY_KINDS.has(kind.get(g[i]!)!) && COPY_KINDS.has(kind.get(g[j]!)!)) tp++;
        }
      }
    }
  }
  await store.close();
  const perStory = new Map<string, number>();
  for (const sp of specs) if (COPY_KINDS.has(sp.kind)) perStory.set(String(sp.story), (perStory.get(String(sp.story)) ?? 0) + 1);
  const goldPairs = [...perStory.values()].reduce((n, k) => n + (k * (k - 1)) / 2, 0);
  return { f1: bcubed(pred, gold).f1, copyP: predicted ? tp / predicted : 1, copyR: goldPairs ? tp / goldPairs : 1 };
}

async function pgSize(schema: string): Promise<number> {
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  const r = await c.query("SELECT SUM(pg_total_relation_size(quote_ident(schemaname) || '.' || quote_ident(tablename)))::bigint AS n FROM pg_tables WHERE schemaname = $1", [schema]);
  await c.end();
  return Number(r.rows[0].n);
}

async function dropSchema(schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await c.end();
}

/** CPU seconds of the PostgreSQL server so far: its live processes, and the backends it has reaped (Linux /proc). */
function pgServerCpu(): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const raw = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (!raw.includes("(postgres)")) continue;
      const f = raw.slice(raw.lastIndexOf(") ") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100;
}

/** Prints a segment's row once every worker has passed it (cost per article as the library grows). */
function segmentPrinter(workers: number, t0: number): (p: Progress) => void {
  const seen = new Map<number, Progress[]>();
  let last = { docs: 0, wall: 0, cpu: 0, pg: pgServerCpu() };
  return (p) => {
    const seg = Math.floor((p.docs * workers) / SEGMENT);
    const list = [...(seen.get(seg) ?? []), p];
    seen.set(seg, list);
    if (list.length < workers) return;
    seen.delete(seg);
    const docs = list.reduce((s, x) => s + x.docs, 0);
    const cpu = list.reduce((s, x) => s + x.cpu, 0);
    const wall = (performance.now() - t0) / 1000;
    const pgCpu = pgServerCpu();
    const n = docs - last.docs;
    console.log(
      `  segment to ${String(docs).padStart(8)}: ${(n / (wall - last.wall)).toFixed(0).padStart(5)} art/s, workers ${((1000 * (cpu - last.cpu)) / n).toFixed(2)} CPU ms/article, PostgreSQL ${((1000 * (pgCpu - last.pg)) / n).toFixed(2)}, RSS ${list.map((x) => x.rssMb.toFixed(0)).join("/")} MB (${new Date().toISOString().slice(11, 16)}Z)`,
    );
    last = { docs, wall, cpu, pg: pgCpu };
  };
}

const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;
console.log(`bench:scale — ${N} synthetic articles, grouping through the library (${new Date().toISOString().slice(0, 16)}Z)`);
console.log("library     workers  art/s (wall)  art/CPU-s  p99 batch ms  peak RSS MB/worker  size MB  BCubed F1  copies P  copies R");
const runs: [string, number][] = [...WORKERS.map((w) => ["postgres", w] as [string, number]), ...(SQLITE ? [["sqlite", 1] as [string, number]] : [])];
for (const [kind, w] of runs) {
  const dir = mkdtempSync(join(tmpdir(), "rashomon-scale-"));
  const schema = `rashomon_scale_${process.pid}_${w}`;
  const db = kind === "postgres" ? `${PG}?schema=${schema}` : join(dir, "lib.db");
  if (kind === "postgres") await dropSchema(schema);
  (await openStore(db)).close(); // create and migrate before the clock starts
  const t0 = performance.now();
  const progress = segmentPrinter(w, t0);
  const reports = await Promise.all(Array.from({ length: w }, (_, k) => runWorker(db, k, w, progress)));
  const wall = (performance.now() - t0) / 1000;
  const cpu = reports.reduce((s, r) => s + r.cpu, 0);
  const lat = reports.flatMap((r) => r.latencies);
  const size = kind === "postgres" ? await pgSize(schema) : statSync(db).size;
  const q = await quality(db);
  console.log(
    `${kind.padEnd(10)} ${String(w).padStart(8)}  ${(N / wall).toFixed(0).padStart(12)}  ${(N / cpu).toFixed(0).padStart(9)}  ${p99(lat).toFixed(0).padStart(12)}  ${Math.max(...reports.map((r) => r.peakMb)).toFixed(0).padStart(18)}  ${(size / 2 ** 20).toFixed(0).padStart(7)}  ${q.f1.toFixed(3).padStart(9)}  ${q.copyP.toFixed(3).padStart(8)}  ${q.copyR.toFixed(3).padStart(8)}`,
  );
  if (kind === "postgres") await dropSchema(schema);
  rmSync(dir, { recursive: true, force: true });
}
