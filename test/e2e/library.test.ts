import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
  });

  it("exits 1 for an unknown story and names it", () => {
    const db = join(mkdtempSync(join(tmpdir(), "rashomon-lib-")), "library.db");
    const r = rashomon(["story", "no-such-story", "--db", db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no-such-story");
  });
});
