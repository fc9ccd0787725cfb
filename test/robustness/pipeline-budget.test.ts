import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LIMITS, type Message } from "../../src/model/index.js";
import { analyze, analyzeInput, capMessages, CpuBudget, runDocumentStages, type DocumentStage } from "../../src/pipeline/index.js";

/**
 * Issue 16: one document can never stall the batch. Each document's analysis has
 * a CPU budget (`LIMITS.documentCpuMs`); past it the remaining stages are skipped,
 * the document is kept with what was done, and one message names the input and
 * the stage the budget ran out in. Messages of one rule are capped per document.
 */
const SEEDS = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort().map((f) => join(SEEDS, f));

/** Spends about `ms` of CPU time. */
function burn(ms: number): void {
  const start = process.cpuUsage();
  let x = 0;
  for (;;) {
    for (let i = 0; i < 10_000; i++) x += Math.sqrt(i);
    const u = process.cpuUsage(start);
    if ((u.user + u.system) / 1000 >= ms) break;
  }
  if (x < 0) throw new Error("unreachable");
}

describe("the CPU budget of one document", () => {
  it("a document over its budget keeps its extraction, skips the later stages with one message, and the batch goes on", async () => {
    const result = await analyze(seeds.slice(0, 2), { budgetMs: 0 });
    expect(result.failed).toBe(0);
    expect(result.documents).toHaveLength(2);
    for (const doc of result.documents) {
      expect(doc.paragraphs.length).toBeGreaterThan(0);
      expect(doc.body.length).toBeGreaterThan(100);
      expect(doc.times).toBeUndefined();
      expect(doc.quotes).toBeUndefined();
      const budget = doc.messages.filter((m) => m.ruleId === "analyze:budget");
      expect(budget).toHaveLength(1);
      expect(budget[0]!.input).toBe(doc.input);
      expect(budget[0]!.reason).toContain(doc.input);
      expect(budget[0]!.reason).toMatch(/by the end of the extract stage, over the 0 ms a document may take; skipped: metadata, time, quotes$/);
    }
    // The story stages still run on what the documents have.
    expect(result.stories.length).toBeGreaterThan(0);
    expect(result.stories.every((s) => Array.isArray(s.facts))).toBe(true);
  });

  it("stops between stages: the stage that ran out is named, the ones after it are skipped", () => {
    const raw = { id: "a", input: "a.txt", format: "text" as const, content: "Sheinbaum said on Saturday that she rejected the plan to send troops.\n", url: null, given: {}, messages: [] };
    const doc = analyzeInput(raw, { referenceDate: null, budgetMs: 60_000 });
    if (!("text" in doc)) throw new Error("no document");
    const ran: string[] = [];
    const stages: DocumentStage[] = [
      { name: "slow", run: () => (ran.push("slow"), burn(30), []) },
      { name: "after", run: () => (ran.push("after"), []) },
      { name: "last", run: () => (ran.push("last"), []) },
    ];
    runDocumentStages(doc, { referenceDate: null }, stages, new CpuBudget(10));
    expect(ran).toEqual(["slow"]);
    const m = doc.messages.find((x) => x.ruleId === "analyze:budget");
    expect(m?.reason).toMatch(/^a\.txt: analysis used \d+ ms of CPU by the end of the slow stage, over the 10 ms a document may take; skipped: after, last$/);

    ran.length = 0;
    runDocumentStages(doc, { referenceDate: null }, stages, new CpuBudget(60_000));
    expect(ran).toEqual(["slow", "after", "last"]);
  });

  it("is far above what a normal article costs: the seeds get every stage with the default budget", async () => {
    expect(LIMITS.documentCpuMs).toBeGreaterThanOrEqual(1000);
    const result = await analyze(seeds);
    for (const doc of result.documents) {
      expect(doc.messages.some((m) => m.ruleId === "analyze:budget")).toBe(false);
      expect(doc.times).toBeDefined();
      expect(doc.quotes).toBeDefined();
    }
  });
});

describe("messages of one rule on one document", () => {
  const msg = (ruleId: string, i: number): Message => ({ ruleId, severity: "info", reason: `${ruleId} ${i}`, input: "x.txt", span: { start: i, end: i + 1 } });

  it("keeps the first LIMITS.messagesPerRule of a rule and counts the rest in one message, in order", () => {
    const max = LIMITS.messagesPerRule;
    const many = Array.from({ length: max + 150 }, (_, i) => msg("time:inferred-year", i));
    const own = Array.from({ length: max + 1 }, (_, i) => msg("clean:unsure-block", i)); // a stage's own cap: max messages and its summary
    const few = [msg("time:bad-published", 0)];
    const out = capMessages([...few, ...many, ...own]);
    expect(out.filter((m) => m.ruleId === "clean:unsure-block")).toEqual(own);
    expect(out.filter((m) => m.ruleId === "time:bad-published")).toEqual(few);
    const kept = out.filter((m) => m.ruleId === "time:inferred-year");
    expect(kept).toHaveLength(max + 1);
    expect(kept.slice(0, max)).toEqual(many.slice(0, max));
    expect(kept[max]!.reason).toBe(`x.txt: 150 more time:inferred-year messages are not listed (${max + 150} in all; the first ${max} are)`);
    expect(kept[max]!.span).toBeNull();
    expect(out[0]).toBe(few[0]);
  });
});
