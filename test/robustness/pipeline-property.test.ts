import fc from "fast-check";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../../src/pipeline/index.js";
import { renderReport } from "../../src/report/index.js";
import { withinAsync } from "../support/time-limit.js";
import { htmlArb, textArb } from "./adversarial.js";
import { reportBound, spanErrors } from "./pipeline-support.js";

/**
 * The whole pipeline on random inputs: two documents a run, read from files
 * through `analyze` (extraction or cleaning, metadata, time, quotes, story
 * grouping and lineage, timeline, utterances, claims and the dossier), then the
 * report in every format. Every span of the result lies inside its document's
 * text, no stage fails, and a run takes at most 3 s of CPU.
 */
const SEEDS = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));
const SEED_LINES = readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort()
  .flatMap((f) => readFileSync(join(SEEDS, f), "utf8").split("\n"))
  .filter((l) => l.trim().length > 0);

/** News-like text: lines of the seed articles, some cut or spliced with random pieces, so that quotes, times, claims and shared passages appear. */
const newsArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...SEED_LINES) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...SEED_LINES), fc.nat(), textArb).map(([l, n, t]) => l.slice(0, n % (l.length + 1)) + t.slice(0, 300)) },
    ),
    { minLength: 1, maxLength: 30 },
  )
  .chain((lines) => fc.constantFrom("\n", "\n\n", " ", "\r\n").map((sep) => lines.join(sep)));

/** One input file: news-like text, random text, or random HTML. */
const inputArb = fc.oneof(
  { weight: 3, arbitrary: newsArb.map((t) => ({ ext: "txt", content: t })) },
  { weight: 1, arbitrary: textArb.map((t) => ({ ext: "txt", content: t })) },
  { weight: 1, arbitrary: htmlArb.map((h) => ({ ext: "html", content: h })) },
  { weight: 1, arbitrary: newsArb.map((t) => ({ ext: "html", content: `<html><body><article>${t.split("\n").map((l) => `<p>${l}</p>`).join("")}</article></body></html>` })) },
);

let dir: string;
let run = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rashomon-pipeline-property-"));
  // The first run of a process loads the word vectors and language models; not part of any run's time.
  await analyze([join(SEEDS, readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort()[0]!)]);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the pipeline on random inputs", () => {
  it("runs every stage, keeps every span inside its document, never fails a stage, within 3 s of CPU", async () => {
    await fc.assert(
      fc.asyncProperty(inputArb, inputArb, fc.constantFrom(null, "2025-05-04"), async (a, b, referenceDate) => {
        const paths = [a, b].map((x, i) => {
          const path = join(dir, `run-${run}-${i}.${x.ext}`);
          writeFileSync(path, x.content);
          return path;
        });
        run++;
        const result = await withinAsync(3000, "analyze and report on two random inputs", async () => {
          const r = await analyze(paths, { referenceDate });
          for (const f of ["json", "md", "html"] as const) renderReport(r, f);
          return r;
        });
        expect(spanErrors(result)).toEqual([]);
        const failures = [...result.messages, ...result.documents.flatMap((d) => d.messages)].filter((m) => /:failed$/.test(m.ruleId));
        expect(failures.map((m) => m.reason)).toEqual([]);
        expect(result.documents.length + result.failed).toBe(2);
        for (const d of result.documents) {
          // Every document stage ran: times, events and quotes are set, and the dossier set the claims.
          expect(d.times, d.input).toBeDefined();
          expect(d.events, d.input).toBeDefined();
          expect(d.quotes, d.input).toBeDefined();
          expect(d.claims, d.input).toBeDefined();
        }
        for (const s of result.stories) {
          expect(s.lineage).toBeDefined();
          expect(s.timeline).toBeDefined();
          expect(s.utterances).toBeDefined();
          expect(s.facts).toBeDefined();
        }
      }),
      { numRuns: 60 },
    );
  });

  it("bounds a document made of one random unit repeated to hundreds of kilobytes: within 10 s of CPU, report within reportBound", async () => {
    const seed = join(SEEDS, readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort()[0]!);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...UNIT_PIECES), { minLength: 1, maxLength: 4 }).map((a) => a.join("")),
        fc.integer({ min: 256 * 1024, max: 1024 * 1024 }),
        async (unit, size) => {
          const content = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
          const path = join(dir, `repeat-${run++}.txt`);
          writeFileSync(path, content);
          const { result, over } = await withinAsync(10_000, `analyze and report on ${JSON.stringify(unit)} x ${size}`, async () => {
            const r = await analyze([path, seed], { referenceDate: "2025-05-04" });
            const over = (["json", "md", "html"] as const).filter((f) => renderReport(r, f).length > reportBound(content, f));
            return { result: r, over };
          });
          expect(over, "formats whose report is over the bound").toEqual([]);
          expect(spanErrors(result)).toEqual([]);
          for (const d of result.documents) expect(d.messages.length, d.input).toBeLessThanOrEqual(200);
        },
      ),
      { numRuns: 8 },
    );
  });
});

/** Units that make a document dense in what the stages look for: dates, times, figures, quote marks, names, sentence ends. */
const UNIT_PIECES = [
  "May 3, 2025 ", "on Saturday ", "6:17 p.m. ", "last week ", "12,345 ", "3.5 million ", "$110 billion ", "at least 12 people ",
  '"', "“", "”", "‘", "'", "«", "He said ", "“No,” she said. ", "Claudia Sheinbaum ", "the White House ", ". ", "\n", ", ", "— ",
];
