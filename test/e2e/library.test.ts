import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/index.js";
import { syntheticDocuments } from "../../src/store/fixtures.js";
import { rashomon, schemaErrors, SEEDS } from "./helpers.js";

describe("rashomon ingest / stories / story", () => {
  it("ingests the seeds into one story, idempotently, and prints its dossier", () => {
    const db = join(mkdtempSync(join(tmpdir(), "rashomon-lib-")), "library.db");
    const first = rashomon(["ingest", SEEDS, "--db", db]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("5 added");
    const again = rashomon(["ingest", SEEDS, "--db", db]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("0 added, 5 already in the library");

    const list = JSON.parse(rashomon(["stories", "--db", db, "--format", "json"]).stdout);
    expect(list).toHaveLength(1);
    expect(list[0].size).toBe(5);

    const story = rashomon(["story", list[0].id, "--db", db, "--format", "json"]);
    expect(story.code).toBe(0);
    const out = JSON.parse(story.stdout);
    expect(schemaErrors(out)).toBe("");
    expect(out.documents).toHaveLength(5);
    expect(out.stories[0].facts.length).toBeGreaterThan(0);
    expect(out.stories[0].lineage.edges.length).toBeGreaterThan(0);

    const check = rashomon(["check", "--db", db]);
    expect(check.code).toBe(0);
    expect(check.stdout).toBe(`${db}: consistent (5 documents in 1 story)\n`);
  });

  it("exits 1 for an unknown story and names it", () => {
    const db = join(mkdtempSync(join(tmpdir(), "rashomon-lib-")), "library.db");
    const r = rashomon(["story", "no-such-story", "--db", db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no-such-story");
  });

  it("check exits 1 and prints the problems of an inconsistent library", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "rashomon-lib-")), "library.db");
    const store = openSqliteStore(db);
    await store.ingest(syntheticDocuments(20).docs);
    await store.close();
    expect(rashomon(["check", "--db", db]).code).toBe(0);
    // What two writers that did not see each other used to leave: a document in the wrong story, a size that is off.
    const conn = new Database(db);
    conn.prepare("UPDATE documents SET story_id = (SELECT story_id FROM documents WHERE id = 'doc-00001') WHERE id = 'doc-00000'").run();
    conn.close();
    const r = rashomon(["check", "--db", db]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line.startsWith(`${db}: `)).toBe(true);
    expect(r.stdout).toMatch(/story story-1: size 4 but 3 documents/);
    expect(r.stdout).toMatch(/1 document is not in the story that a replay of the library in arrival order gives \(doc-00000 in story-2, replay story-1\)/);
  });
});
