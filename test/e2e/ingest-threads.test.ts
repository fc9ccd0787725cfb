/**
 * `rashomon ingest` analyses on every core (worker threads) once an ingest is
 * large enough; the library it makes is the one a single thread makes.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { syntheticRecords } from "../../src/store/fixtures.js";
import { rashomonAsync } from "./library-helpers.js";

describe("rashomon ingest --threads", { timeout: 240_000 }, () => {
  it("stores the same documents in the same stories with 2 analysis threads as with one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rashomon-threads-"));
    const { records } = syntheticRecords(260);
    const file = join(dir, "records.jsonl");
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    const one = await rashomonAsync(["ingest", file, "--db", join(dir, "one.db"), "--threads", "1"]);
    const two = await rashomonAsync(["ingest", file, "--db", join(dir, "two.db"), "--threads", "2"]);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stderr).toContain("260 added");
    const list = async (db: string) => (await rashomonAsync(["stories", "--db", db, "--format", "json"])).stdout;
    expect(await list(join(dir, "two.db"))).toBe(await list(join(dir, "one.db")));
    const doc = async (db: string) => (await rashomonAsync(["story", "story-1", "--db", db, "--format", "json"])).stdout;
    expect(await doc(join(dir, "two.db"))).toBe(await doc(join(dir, "one.db")));
  });
});
