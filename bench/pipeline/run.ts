/**
 * bench:pipeline — the whole pipeline on real HTML pages, as a user runs it:
 * the WCXB development articles and the AEB pages (../shared/bench-data,
 * read from there and unpacked into a temporary directory outside the repo)
 * queued with `rashomon ingest --queue` into a PostgreSQL library and taken
 * by 1 and 2 `rashomon worker --until-empty` processes (extraction, metadata,
 * time, quotes, claims, grouping, storing; story views off), and ingested into
 * a SQLite library by one `rashomon ingest` with 1 and 2 analysis threads.
 * Pages per second (wall, from the first worker's start to the last one's
 * exit) and per CPU-second (GNU time's user + system of the processes;
 * PostgreSQL's own CPU is not in it).
 *   npm run bench:pipeline -- [--pg postgres://127.0.0.1/test] [--limit N]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import Database from "better-sqlite3";

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const PG = arg("pg", "postgres://postgres@127.0.0.1:5432/test");
const LIMIT = Number(arg("limit", "100000"));
const data = fileURLToPath(new URL("../../../shared/bench-data/", import.meta.url));
const bin = fileURLToPath(new URL("../../bin/rashomon.js", import.meta.url));

interface Run { wall: number; cpu: number; peakMb: number; code: number; stderr: string }

/** Runs `rashomon` under GNU time: wall seconds, CPU seconds, peak RSS. */
function rashomon(args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn("/usr/bin/time", ["-f", "TIME %U %S %M", process.execPath, bin, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const m = /TIME ([\d.]+) ([\d.]+) (\d+)/.exec(err);
      resolve({ wall: (performance.now() - t0) / 1000, cpu: m ? Number(m[1]) + Number(m[2]) : NaN, peakMb: m ? Number(m[3]) / 1024 : NaN, code: code ?? -1, stderr: err });
    });
  });
}

async function query(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  await c.query(text);
  await c.end();
}

// The pages, unpacked once.
const pages = mkdtempSync(join(tmpdir(), "rashomon-pipeline-"));
let n = 0;
for (const [set, dir] of [["wcxb", "wcxb-articles/html"], ["aeb", "aeb/html"]] as const) {
  for (const f of readdirSync(join(data, dir)).filter((x) => x.endsWith(".html.gz")).sort()) {
    if (n >= LIMIT) break;
    writeFileSync(join(pages, `${set}-${f.replace(/\.gz$/, "")}`), gunzipSync(readFileSync(join(data, dir, f))));
    n++;
  }
}

const fmt = (x: number, d = 1) => x.toFixed(d).padStart(9);
console.log(`bench:pipeline — ${n} HTML pages (WCXB dev articles and AEB), whole pipeline (${new Date().toISOString().slice(0, 16)}Z, ${cpus().length} cores, node ${process.version})`);
console.log("library     processes              pages/s  pages/CPU-s   wall s    CPU s  peak MB/process  stored");
for (const workers of [1, 2]) {
  const schema = `rashomon_pipeline_${process.pid}_${workers}`;
  const db = `${PG}?schema=${schema}`;
  await query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  const queued = await rashomon(["ingest", "--queue", "-q", "--db", db, pages]);
  if (queued.code !== 0) throw new Error(`ingest --queue exited ${queued.code}: ${queued.stderr}`);
  const t0 = performance.now();
  const runs = await Promise.all(Array.from({ length: workers }, () => rashomon(["worker", "--db", db, "--until-empty", "--no-views", "-q"])));
  const wall = (performance.now() - t0) / 1000;
  if (runs.some((r) => r.code !== 0)) throw new Error(`a worker failed: ${runs.map((r) => r.stderr).join("\n")}`);
  const cpu = runs.reduce((s, r) => s + r.cpu, 0);
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  const stored = Number((await c.query(`SELECT COUNT(*) AS n FROM "${schema}".documents`)).rows[0].n);
  await c.end();
  console.log(`postgres    ${`${workers} worker${workers > 1 ? "s" : ""}`.padEnd(20)} ${fmt(n / wall)} ${fmt(n / cpu, 2).padStart(12)} ${fmt(wall)} ${fmt(cpu)} ${fmt(Math.max(...runs.map((r) => r.peakMb)), 0).padStart(16)} ${String(stored).padStart(7)}`);
  await query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}
for (const threads of [1, 2]) {
  const dir = mkdtempSync(join(tmpdir(), "rashomon-pipeline-db-"));
  const r = await rashomon(["ingest", "-q", "--threads", String(threads), "--db", join(dir, "lib.db"), pages]);
  if (r.code !== 0 && r.code !== 1) throw new Error(`ingest exited ${r.code}: ${r.stderr}`);
  const lib = new Database(join(dir, "lib.db"), { readonly: true });
  const stored = (lib.prepare("SELECT COUNT(*) AS n FROM documents").get() as { n: number }).n;
  lib.close();
  console.log(`sqlite      ${`ingest, ${threads} thread${threads > 1 ? "s" : ""}`.padEnd(20)} ${fmt(n / r.wall)} ${fmt(n / r.cpu, 2).padStart(12)} ${fmt(r.wall)} ${fmt(r.cpu)} ${fmt(r.peakMb, 0).padStart(16)} ${String(stored).padStart(7)}`);
  rmSync(dir, { recursive: true, force: true });
}
rmSync(pages, { recursive: true, force: true });
