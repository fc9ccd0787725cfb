import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS, type RashomonDocument } from "../../src/model/index.js";
import { analyze, type AnalyzeResult } from "../../src/pipeline/index.js";
import { renderReport } from "../../src/report/index.js";
import { withinAsync } from "../support/time-limit.js";
import { largestRule, reportBound, spanErrors } from "./pipeline-support.js";

/**
 * Issue 16: one bad input, beside a normal article, through the whole pipeline
 * (`analyze`, then the report in every format). Each run ends within 10 s of CPU
 * (test/support/time-limit.ts), its report stays within three times the input's
 * size (as escaped for the format) plus 2 MiB in every format (see reportBound),
 * its messages are bounded, and the normal article comes out exactly as it does
 * alone.
 */
const SEEDS = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));
const SEED = join(SEEDS, readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort()[0]!);
const MB = 1024 * 1024;
const CPU_LIMIT_MS = 10_000;
/** Most messages one bad document may carry: a few per rule that fired. */
const MAX_MESSAGES = 200;

const fill = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const BAD_INPUTS: [name: string, file: string, content: () => string][] = [
  ["a 16 MB single line", "line.txt", () => fill("Sheinbaum said “no” to troops (again) — ", 16 * MB)],
  ["1 MB of dates", "dates.txt", () => fill("May 3, 2025 ", MB)],
  ["1 MB of numbers", "numbers.txt", () => fill("12,345 ", MB)],
  ["1 MB of quote marks, each opening a quote", "quotes.txt", () => fill('"a ', MB)],
];

let dir: string;
let alone: RashomonDocument;

/** The seed's document, as JSON, with its id (the file name) the only thing tied to the run. */
const seedJson = (r: AnalyzeResult): string => JSON.stringify(r.documents.find((d) => d.input === SEED));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rashomon-pipeline-"));
  const r = await analyze([SEED]);
  alone = r.documents[0]!;
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the pipeline on one bad input beside a normal article", () => {
  for (const [name, file, content] of BAD_INPUTS) {
    it(`${name}: ends within ${CPU_LIMIT_MS / 1000} s of CPU, bounded report and messages, the article unchanged`, async () => {
      const text = content();
      const path = join(dir, file);
      writeFileSync(path, text);
      const { result, reports } = await withinAsync(CPU_LIMIT_MS, `analyze and report on ${name}`, async () => {
        const result = await analyze([path, SEED]);
        const reports = (["json", "md", "html"] as const).map((f) => [f, renderReport(result, f)] as const);
        return { result, reports };
      });
      expect(result.failed).toBe(0);
      expect(result.documents.map((d) => d.input).sort()).toEqual([path, SEED].sort());
      for (const [format, report] of reports) {
        expect(report.length, `${format} report of ${report.length} code units for an input of ${text.length}`).toBeLessThanOrEqual(reportBound(text, format));
      }
      const bad = result.documents.find((d) => d.input === path)!;
      expect(bad.text.length).toBe(text.length);
      expect(bad.messages.length).toBeLessThanOrEqual(MAX_MESSAGES);
      expect(largestRule(bad.messages).count).toBeLessThanOrEqual(LIMITS.messagesPerRule + 1);
      expect((bad.times ?? []).length).toBeLessThanOrEqual(LIMITS.timeExpressions);
      expect((bad.quotes ?? []).length).toBeLessThanOrEqual(LIMITS.quoteMarks);
      expect((bad.claims ?? []).length).toBeLessThanOrEqual(LIMITS.claims);
      expect(result.messages.length).toBeLessThanOrEqual(MAX_MESSAGES);
      expect(spanErrors(result)).toEqual([]);
      expect(seedJson(result)).toBe(JSON.stringify(alone));
    });
  }

  it("says once that a cap was reached, not once per dropped item", async () => {
    const path = join(dir, "dates-messages.txt");
    // Dates without a year: each would have its own "year inferred" message.
    writeFileSync(path, fill("On May 3 the bridge closed. ", 256 * 1024));
    const result = await withinAsync(CPU_LIMIT_MS, "analyze on 256 KB of year-less dates", () => analyze([path], { referenceDate: "2025-05-04" }));
    const doc = result.documents[0]!;
    expect(doc.times).toHaveLength(LIMITS.timeExpressions);
    const capped = doc.messages.filter((m) => m.ruleId === "time:too-many");
    expect(capped).toHaveLength(1);
    expect(capped[0]!.reason).toContain(`${LIMITS.timeExpressions} time expressions`);
    const inferred = doc.messages.filter((m) => m.ruleId === "time:inferred-year");
    expect(inferred).toHaveLength(LIMITS.messagesPerRule + 1);
    expect(inferred[LIMITS.messagesPerRule]!.reason).toMatch(/\d+ more time:inferred-year messages are not listed/);
  });
});
