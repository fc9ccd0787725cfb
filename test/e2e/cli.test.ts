import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rashomon, SEEDS } from "./helpers.js";

describe("rashomon command line", () => {
  it("exits 2 on bad usage", () => {
    expect(rashomon(["analyze"]).code).toBe(2);
    expect(rashomon(["analyze", SEEDS, "--format", "pdf"]).code).toBe(2);
    expect(rashomon(["frobnicate"]).code).toBe(2);
    expect(rashomon(["analyze", SEEDS, "--reference-date", "yesterday"]).code).toBe(2);
  });

  it("with no arguments prints the help on stderr and exits 2", () => {
    const r = rashomon([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Usage: rashomon [options] [command]");
    expect(r.stderr).toContain("rashomon <command> --help");
  });

  it("shows each command's defaults and an example on --help", () => {
    const r = rashomon(["ingest", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--db <file>[^]*\(default:\s+"rashomon\.db"\)/);
    expect(r.stdout).toContain("Example:\n  $ rashomon ingest ");
  });

  it("stories, story and check on a library file that does not exist say so, exit 1 and create nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "rashomon-cli-"));
    const db = join(dir, "news.db");
    for (const args of [["stories"], ["story", "story-1"], ["check"]]) {
      const r = rashomon([...args, "--db", db]);
      expect(r.code, args[0]).toBe(1);
      expect(r.stdout, args[0]).toBe("");
      expect(r.stderr, args[0]).toContain(`library ${db}: no such file`);
      expect(r.stderr, args[0]).toContain(`rashomon ingest <inputs> --db ${db}`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("exits 1 when some inputs fail, names each and still reports the others", () => {
    const dir = mkdtempSync(join(tmpdir(), "rashomon-cli-"));
    writeFileSync(join(dir, "empty.txt"), "");
    const missing = join(dir, "no-such-file.txt");
    const r = rashomon(["analyze", `${SEEDS}000_4e495020b5c344bc.txt`, missing, join(dir, "empty.txt"), "--format", "json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.documents.map((d: { id: string }) => d.id)).toEqual(["000_4e495020b5c344bc"]);
    expect(r.stderr).toContain("no-such-file.txt");
    expect(r.stderr).toContain("empty.txt");
    const errors = out.messages.filter((m: { severity: string }) => m.severity === "error");
    expect(errors).toHaveLength(2);
  });

  it("reads stdin for -", () => {
    const r = rashomon(["analyze", "-", "--format", "json"], "A short note.\n\nIt has two paragraphs of plain prose, written for this test.\n");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout).documents[0];
    expect(doc.text).toBe("A short note.\n\nIt has two paragraphs of plain prose, written for this test.\n");
  });

  it("writes Markdown and HTML reports to a file", () => {
    const dir = mkdtempSync(join(tmpdir(), "rashomon-cli-"));
    for (const format of ["md", "html"]) {
      const file = join(dir, `report.${format}`);
      const r = rashomon(["analyze", SEEDS, "--format", format, "-o", file]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe("");
    }
  });

  it("stays quiet on stderr in a pipe when all inputs succeed", () => {
    const r = rashomon(["analyze", SEEDS, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });
});
