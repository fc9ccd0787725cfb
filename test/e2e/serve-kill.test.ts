import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { syntheticRecords } from "../../src/store/fixtures.js";
import { rashomon } from "./helpers.js";
import { postJson, startServe } from "./serve-helpers.js";

const PG = process.env.RASHOMON_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * Kills `rashomon serve` with SIGKILL while four clients add documents through
 * the API, restarts it, and checks that every acknowledged document is there
 * and the library passes its check.
 */
async function killDuringIngest(db: string): Promise<{ acked: string[]; found: number }> {
  const { records } = syntheticRecords(400);
  let serve = await startServe(db, ["--no-feeds"]);
  const acked: string[] = [];
  let next = 0;
  let stop = false;
  const client = async () => {
    while (!stop && next < records.length) {
      const batch = records.slice(next, next + 3);
      next += 3;
      try {
        const r = await postJson(`${serve.url}/api/v1/documents`, { records: batch });
        if (r.status === 201 || r.status === 200) for (const d of r.body.documents) acked.push(d.id);
      } catch {
        return; // the server died under this request: it was never acknowledged
      }
    }
  };
  const clients = [client(), client(), client(), client()];
  while (acked.length < 40) await new Promise((r) => setTimeout(r, 20));
  await serve.stop("SIGKILL");
  stop = true;
  await Promise.all(clients);
  serve = await startServe(db, ["--no-feeds"]);
  let found = 0;
  for (const id of acked) if ((await fetch(`${serve.url}/api/v1/documents/${id}`)).status === 200) found++;
  await serve.stop();
  return { acked, found };
}

describe("killing rashomon serve during an API ingest", () => {
  it("loses no acknowledged document of a SQLite library, which passes its check", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "rashomon-kill-")), "library.db");
    const { acked, found } = await killDuringIngest(db);
    expect(acked.length).toBeGreaterThanOrEqual(40);
    expect(found).toBe(acked.length);
    const check = rashomon(["check", "--db", db]);
    expect(check.stdout + check.stderr).toMatch(/consistent/);
    expect(check.code).toBe(0);
  }, 180_000);

  it("loses no acknowledged document of a PostgreSQL library, which passes its check", async () => {
    const db = `${PG}?schema=serve_kill_${process.pid}_${Date.now() % 100000}`;
    const { acked, found } = await killDuringIngest(db);
    expect(found).toBe(acked.length);
    const check = rashomon(["check", "--db", db]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const client = new pg.Client(PG);
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${new URL(db).searchParams.get("schema")} CASCADE`);
    await client.end();
  }, 180_000);
});
