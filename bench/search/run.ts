/**
 * bench:search — full-text search as a reader pays it: a library of N articles
 * of the stream generator (stored and grouped through the library API, as
 * bench:scale does), served by the real `rashomon serve` process, asked
 * `GET /api/v1/search?q=word` for ten words from rare to in every article, one
 * request at a time. A first round builds the views of the stories the answers
 * name (the search answer lists their facts) and is not counted; the next
 * `--rounds` rounds are. Prints the median, p95 and max latency per library.
 *   npm run bench:search -- [--n 20000] [--rounds 5] [--pg postgres://127.0.0.1/test] [--sqlite]
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { articleText, generateSpecs } from "../stream/generate.js";
import { plainDocument } from "../../src/store/fixtures.js";
import { openStore } from "../../src/store/index.js";

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const N = Number(arg("n", "20000"));
const ROUNDS = Number(arg("rounds", "5"));
const PG = arg("pg", "postgres://postgres@127.0.0.1:5432/test");
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "bin", "rashomon.js");
const WORDS = ["said", "minister", "police", "report", "city", "government", "officials", "week", "people", "told"];

/** Stores the generator's N articles into the library, 500 at a time. */
async function build(db: string): Promise<number> {
  const t0 = performance.now();
  const store = await openStore(db);
  const specs = generateSpecs(N, Math.max(3, Math.round(N / 3300)), 5);
  for (let i = 0; i < specs.length; i += 500) {
    await store.ingest(specs.slice(i, i + 500).map((sp) => plainDocument(sp.id, articleText(sp), new Date(sp.time).toISOString(), null)), { batchSize: 200 });
  }
  await store.close();
  return (performance.now() - t0) / 1000;
}

/** Serves the library with `rashomon serve` and times the searches. */
async function time(db: string): Promise<number[]> {
  const child = spawn(process.execPath, [BIN, "serve", "--db", db, "--port", "0", "--no-feeds"], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.on("exit", (code) => reject(new Error(`rashomon serve exited ${code}`)));
      child.stdout!.on("data", (b: Buffer) => {
        out += b.toString();
        const m = /at (http:\/\/[^\s/]+)\//.exec(out);
        if (m) resolve(m[1]!);
      });
    });
    const times: number[] = [];
    for (let r = 0; r <= ROUNDS; r++) {
      for (const w of WORDS) {
        const t0 = performance.now();
        const res = await fetch(`${base}/api/v1/search?q=${encodeURIComponent(w)}`);
        if (res.status !== 200) throw new Error(`search ${w}: HTTP ${res.status}`);
        await res.text();
        if (r > 0) times.push(performance.now() - t0);
      }
    }
    return times.sort((a, b) => a - b);
  } finally {
    child.kill();
  }
}

const at = (t: number[], p: number) => t[Math.min(t.length - 1, Math.floor(p * t.length))]!;

spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
const schema = `bench_search_${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), "rashomon-search-"));
const libraries: [string, string][] = [["postgres", `${PG}?schema=${schema}`]];
if (process.argv.includes("--sqlite")) libraries.push(["sqlite", join(dir, "library.db")]);
console.log(`bench:search — ${N} articles, ${WORDS.length} words × ${ROUNDS} rounds after one warm-up round, through rashomon serve`);
try {
  for (const [name, db] of libraries) {
    const built = await build(db);
    const t = await time(db);
    console.log(`${name.padEnd(9)} built in ${built.toFixed(0)} s; search median ${at(t, 0.5).toFixed(1)} ms  p95 ${at(t, 0.95).toFixed(1)} ms  max ${t[t.length - 1]!.toFixed(1)} ms`);
  }
} finally {
  const client = new pg.Client(PG);
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
  rmSync(dir, { recursive: true, force: true });
}
