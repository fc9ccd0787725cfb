/**
 * Workers on a PostgreSQL library: inputs queued by `rashomon ingest --queue`
 * are analysed and stored by `rashomon worker` processes; a worker killed with
 * SIGKILL mid-batch, twenty times over, loses and duplicates nothing, and the
 * run completes with every document in exactly one story.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openPostgresStore } from "../../src/store/index.js";
import { syntheticRecords } from "../../src/store/fixtures.js";
import { rashomonAsync } from "./library-helpers.js";

const PG = process.env.RASHOMON_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `rashomon_workers_${process.pid}`;
const url = `${PG}?schema=${schema}`;
const dir = mkdtempSync(join(tmpdir(), "rashomon-workers-"));
const N = 120;

describe("rashomon worker", { timeout: 240_000 }, () => {
  it("refuses a SQLite library, naming it", async () => {
    const r = await rashomonAsync(["worker", "--db", join(dir, "lib.db")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/workers take queued inputs from a PostgreSQL library; --db must be a postgres:\/\/ URL/);
  });

  it("killed twenty times mid-batch: every queued input stored once, in exactly one story", async () => {
    const { records, gold } = syntheticRecords(N);
    const file = join(dir, "records.jsonl");
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    const queued = await rashomonAsync(["ingest", file, "--db", url, "--queue"]);
    expect(queued.stderr).toContain(`${N} queued for workers`);
    // Each worker is killed once it has stored a few more documents (mid-run, between or inside batches),
    // or after 15 s whatever it did; the count is read from the library, so a slow start-up does not matter.
    const client = new pg.Client({ connectionString: PG });
    await client.connect();
    const stored = async () => Number((await client.query(`SELECT COUNT(*) AS n FROM "${schema}".documents`)).rows[0].n);
    let kills = 0;
    for (let i = 0; i < 20; i++) {
      const before = await stored();
      const r = await rashomonAsync(["worker", "--db", url, "--batch", "7", "--lease", "0.5", "--poll", "0.1", "-q"], {
        started: (child) => {
          const t0 = Date.now();
          const poll = async (): Promise<void> => {
            if (child.exitCode !== null) return;
            if ((await stored()) >= before + 1 + (i % 6) || Date.now() - t0 > 15_000 || (await stored()) >= N) child.kill("SIGKILL");
            else setTimeout(() => void poll(), 20);
          };
          void poll();
        },
      });
      if (r.code === -1) kills++;
    }
    const midway = await stored();
    await client.end();
    expect(kills).toBeGreaterThanOrEqual(15);
    expect(midway).toBeGreaterThan(0); // the killed workers did store work between kills
    // Two workers finish the run; leases of the killed ones have ended.
    const finish = await Promise.all([0, 1].map(() => rashomonAsync(["worker", "--db", url, "--until-empty", "--lease", "0.5", "--poll", "0.1"])));
    for (const r of finish) expect(r.code).toBe(0);
    const store = await openPostgresStore(url);
    try {
      expect(await store.countDocuments()).toBe(N);
      expect(await store.check()).toEqual([]);
      expect(await store.queue("ingest").status()).toMatchObject({ queued: 0, running: 0, failed: 0, done: N });
      const seen = new Map<string, number>();
      for (const s of await store.listStories()) {
        const members = await store.getDocuments(s.id);
        expect(new Set(members.map((d) => gold.get(d.id))).size).toBe(1);
        for (const d of members) seen.set(d.id, (seen.get(d.id) ?? 0) + 1);
      }
      expect(seen.size).toBe(N);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await store.close();
    }
  });
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await c.end();
});
