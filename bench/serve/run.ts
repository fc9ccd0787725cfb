/**
 * bench:serve — `rashomon serve` under load, as a monitoring desk uses it: a
 * library of 10,000 analysed articles (the stream generator's stories, added
 * with `rashomon ingest`), 50 concurrent clients for 30 s on the story page
 * (the 20 most recent stories) and then 30 s on the story list, while a local
 * feed gains one article a second and the server's poller ingests it. Prints
 * requests per second, p50/p99/max latency, errors, the server's CPU seconds
 * and its memory (RSS at start, highest, at the end). The load generator runs
 * in this process, on the same machine.
 *   npm run bench:serve -- [--n 10000] [--seconds 30] [--clients 50] [--rebuild] [--heap-cap 320]
 */
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { articleText, generateSpecs } from "../stream/generate.js";
import { rss, startServer as startFeedServer } from "../../src/feeds/test-server.js";

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const N = Number(arg("n", "10000"));
const SECONDS = Number(arg("seconds", "30"));
const CLIENTS = Number(arg("clients", "50"));
/** With --heap-cap MiB, the server runs with that old-space limit: V8 then collects sooner, which shows whether memory is held or only not yet collected. */
const HEAP_CAP = arg("heap-cap", "");
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIR = join(ROOT, "scratch", "bench-serve");
const DB = join(DIR, `library-${N}.db`);
const BIN = join(ROOT, "bin", "rashomon.js");
const TOKEN = "bench-token";

/** The corpus as JSON Lines: N generated articles over N/3,300 days, and the feed's extra ones after them. */
function specs(n: number) {
  return generateSpecs(n, Math.max(3, Math.round(n / 3300)), 7);
}

function buildLibrary(): void {
  mkdirSync(DIR, { recursive: true });
  if (existsSync(DB) && !process.argv.includes("--rebuild")) return;
  rmSync(DB, { force: true });
  const file = join(DIR, `corpus-${N}.jsonl`);
  writeFileSync(file, specs(N).map((s) => JSON.stringify({ id: s.id, published: new Date(s.time).toISOString(), text: articleText(s) })).join("\n") + "\n");
  const t0 = performance.now();
  // Exit 1 only says that some generated article held no article text (it is reported and skipped).
  const r = spawnSync(process.execPath, [BIN, "ingest", file, "--db", DB, "-q"], { stdio: "inherit" });
  if (r.status !== 0 && r.status !== 1) throw new Error(`rashomon ingest failed (${r.status})`);
  console.log(`library: ${N} articles ingested with rashomon ingest in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

/** The server's RSS (MiB) and CPU seconds, from /proc. */
function usage(pid: number): { rssMb: number; cpu: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return { rssMb: rss, cpu: (Number(stat[11]) + Number(stat[12])) / 100 };
}

interface Phase { name: string; requests: number; errors: number; latencies: number[]; seconds: number; bytes: number }

/** `clients` loops requesting `pick()` paths for `seconds`. */
async function load(base: string, name: string, pick: () => string, seconds: number, clients: number): Promise<Phase> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const u = new URL(base);
  const phase: Phase = { name, requests: 0, errors: 0, latencies: [], seconds, bytes: 0 };
  const end = performance.now() + seconds * 1000;
  const one = (path: string) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      // As a browser asks: HTML, gzip accepted (the bytes counted are those sent).
      const req = request({ host: u.hostname, port: u.port, path, agent, headers: { accept: "text/html", "accept-encoding": "gzip" } }, (res) => {
        let n = 0;
        res.on("data", (b: Buffer) => (n += b.length));
        res.on("end", () => {
          phase.latencies.push(performance.now() - t0);
          phase.requests++;
          phase.bytes += n;
          if (res.statusCode !== 200) phase.errors++;
          resolve();
        });
      });
      req.on("error", () => {
        phase.errors++;
        resolve();
      });
      req.end();
    });
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < end) await one(pick());
  }));
  agent.destroy();
  return phase;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

function report(p: Phase): string {
  return `${p.name.padEnd(12)} ${(p.requests / p.seconds).toFixed(0).padStart(6)} req/s  p50 ${pct(p.latencies, 50).toFixed(1).padStart(6)} ms  p99 ${pct(p.latencies, 99).toFixed(1).padStart(6)} ms  max ${p.latencies.reduce((a, b) => Math.max(a, b), 0).toFixed(0).padStart(5)} ms  errors ${p.errors}  ${(p.bytes / p.requests / 1024).toFixed(0)} KiB/answer`;
}

async function main(): Promise<void> {
  spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
  buildLibrary();
  // The feed: one new article a second, from stories after the library's (the newest 20 in the feed).
  // Half the feed's articles start new stories, half follow up stories of the library (their facts, new wording).
  const extra = generateSpecs(300, 1, 99).map((s, i) => ({ ...s, id: `feed-${i}`, story: i % 2 === 0 ? s.story + 100_000 : s.story }));
  const feed = await startFeedServer(0);
  let shown = 0;
  const route = () => feed.route("/feed.xml", { headers: { "content-type": "application/rss+xml" }, body: rss("Bench wire", extra.slice(Math.max(0, shown - 20), shown).reverse().map((s) => ({ title: s.id, link: `${feed.base}/a/${s.id}`, description: articleText(s).split("\n\n").map((p) => `<p>${p}</p>`).join("") }))) });
  shown = 1;
  route();
  // Each run serves a copy: the feed's articles must be new to the library every time.
  const db = join(DIR, "serving.db");
  rmSync(`${db}-wal`, { force: true });
  rmSync(`${db}-shm`, { force: true });
  copyFileSync(DB, db);
  const child = spawn(process.execPath, [...(HEAP_CAP ? [`--max-old-space-size=${HEAP_CAP}`] : []), BIN, "serve", "--db", db, "--port", "0", "--allow-private", "--feed-check", "1"], { env: { ...process.env, RASHOMON_TOKEN: TOKEN }, stdio: ["ignore", "pipe", "inherit"] });
  const base = await new Promise<string>((resolve) => {
    let out = "";
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /at (http:\/\/[^\s/]+)\//.exec(out);
      if (m) resolve(m[1]!);
    });
  });
  const started = usage(child.pid!);
  console.log(`server: ${base}, RSS ${started.rssMb.toFixed(0)} MiB after start`);
  const sub = await fetch(`${base}/api/v1/feeds`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: JSON.stringify({ url: `${feed.base}/feed.xml`, intervalSeconds: 1 }) });
  if (sub.status !== 201) throw new Error(`feed subscription failed: ${sub.status}`);
  const ticker = setInterval(() => {
    if (shown < extra.length) {
      shown++;
      route();
    }
  }, 1000);
  const stories = (await (await fetch(`${base}/api/v1/stories?limit=20`)).json()) as { stories: { id: string; size: number }[] };
  const ids = stories.stories.map((s) => s.id);
  // First opens: what the first reader of each story waits for (the dossier is built then).
  const cold: number[] = [];
  for (const id of ids) {
    const t0 = performance.now();
    const r = await fetch(`${base}/stories/${id}`);
    await r.text();
    if (r.status !== 200) throw new Error(`story ${id}: ${r.status}`);
    cold.push(performance.now() - t0);
  }
  console.log(`first open of the 20 newest stories (sizes ${Math.min(...stories.stories.map((s) => s.size))}–${Math.max(...stories.stories.map((s) => s.size))}): p50 ${pct(cold, 50).toFixed(0)} ms, max ${Math.max(...cold).toFixed(0)} ms`);
  const memory: number[] = [];
  const heap: number[] = [];
  const sampler = setInterval(() => {
    memory.push(usage(child.pid!).rssMb);
    void fetch(`${base}/api/v1/metrics`).then((r) => r.text()).then((t) => heap.push(Number(/^nodejs_heap_used_bytes (\d+)/m.exec(t)?.[1] ?? 0) / 2 ** 20));
  }, 1000);
  const docsBefore = ((await (await fetch(`${base}/api/v1/health`)).json()) as { documents: number }).documents;
  const cpu0 = usage(child.pid!).cpu;
  const storyPhase = await load(base, "story page", () => `/stories/${ids[Math.floor(Math.random() * ids.length)]}`, SECONDS, CLIENTS);
  const listPhase = await load(base, "story list", () => "/", SECONDS, CLIENTS);
  const cpu1 = usage(child.pid!).cpu;
  clearInterval(sampler);
  clearInterval(ticker);
  const docsAfter = ((await (await fetch(`${base}/api/v1/health`)).json()) as { documents: number }).documents;
  console.log(report(storyPhase));
  console.log(report(listPhase));
  const third = Math.max(1, Math.floor(memory.length / 3));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`feed: ${docsAfter - docsBefore} documents added during the ${2 * SECONDS} s of load`);
  console.log(`server CPU: ${(cpu1 - cpu0).toFixed(1)} s over ${2 * SECONDS} s; RSS MiB: start ${started.rssMb.toFixed(0)}, first third mean ${mean(memory.slice(0, third)).toFixed(0)}, last third mean ${mean(memory.slice(-third)).toFixed(0)}, max ${Math.max(...memory).toFixed(0)}; server thread's heap MiB: first third mean ${mean(heap.slice(0, third)).toFixed(0)}, last third mean ${mean(heap.slice(-third)).toFixed(0)}, max ${Math.max(...heap).toFixed(0)}`);
  child.kill("SIGTERM");
  await feed.close();
}

await main();
