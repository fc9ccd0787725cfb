/**
 * bench:faults — PostgreSQL restarted in the middle of a worker run (needs the
 * right to run `pg_ctlcluster`, as root on the project's machines; not part of
 * `npm test`, since a restart would cut the other test files' connections).
 * Queues 1,500 generated articles, starts two `rashomon worker --until-empty`
 * processes, restarts the server once some documents are stored, and checks
 * that the run completes with every input stored once and the library consistent.
 *   npm run bench:faults
 */
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { articleText, generateSpecs } from "../stream/generate.js";

const PG = "postgres://postgres@127.0.0.1:5432/test";
const schema = `rashomon_faults_${process.pid}`;
const url = `${PG}?schema=${schema}`;
const bin = fileURLToPath(new URL("../../bin/rashomon.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "rashomon-faults-"));
const N = 1500;
const file = join(dir, "records.jsonl");
const records = generateSpecs(N, 10, 13).map((sp) => ({ id: sp.id, text: articleText(sp), published: new Date(sp.time).toISOString() }));
writeFileSync(file, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
// Verbatim copies with the same header are one document (same content): the library holds each text once.
const distinct = new Set(records.map((r) => r.text)).size;

const run = (args: string[]) => new Promise<number>((resolve) => spawn(process.execPath, [bin, ...args], { stdio: "inherit" }).on("close", (c) => resolve(c ?? -1)));
const count = async (): Promise<number> => {
  const c = new pg.Client({ connectionString: PG });
  c.on("error", () => {});
  try {
    await c.connect();
    return Number((await c.query(`SELECT COUNT(*) AS n FROM "${schema}".documents`)).rows[0].n);
  } catch {
    return -1;
  } finally {
    await c.end().catch(() => {});
  }
};

await run(["ingest", file, "--db", url, "--queue", "-q"]);
const workers = [0, 1].map(() => run(["worker", "--db", url, "--until-empty", "--batch", "20", "--lease", "5", "--poll", "0.5", "-q"]));
let before = 0;
while ((before = await count()) < N / 3) await new Promise((r) => setTimeout(r, 200));
const cluster = readdirSync("/etc/postgresql")[0]!;
const t0 = Date.now();
const restart = spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", cluster, "main", "restart"], { encoding: "utf8" });
console.log(`restarted PostgreSQL ${cluster} with ${before} of ${N} documents stored (${Date.now() - t0} ms; exit ${restart.status})`);
const codes = await Promise.all(workers);
const check = spawnSync(process.execPath, [bin, "check", "--db", url], { encoding: "utf8" });
const c = new pg.Client({ connectionString: PG });
await c.connect();
const docs = (await c.query(`SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS d FROM "${schema}".documents`)).rows[0];
const jobs = (await c.query(`SELECT state, COUNT(*) AS n FROM "${schema}".jobs GROUP BY 1 ORDER BY 1`)).rows;
await c.query(`DROP SCHEMA "${schema}" CASCADE`);
await c.end();
rmSync(dir, { recursive: true, force: true });
console.log(`workers exited ${codes.join(", ")}; documents ${docs.n} (${docs.d} distinct ids) for ${distinct} distinct texts in ${N} inputs; jobs ${jobs.map((j) => `${j.state} ${j.n}`).join(", ")}`);
console.log(`check: ${check.stdout.trim() || check.stderr.trim()}`);
const ok = codes.every((x) => x === 0) && Number(docs.n) === distinct && Number(docs.d) === distinct && check.status === 0 && jobs.every((j) => j.state === "done");
console.log(ok ? "PASS: the run completed; nothing lost or stored twice" : "FAIL");
process.exitCode = ok ? 0 : 1;
