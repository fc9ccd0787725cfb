import { mkdtempSync, writeFileSync } from "node:fs";
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
