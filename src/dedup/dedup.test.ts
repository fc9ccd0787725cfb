import { within } from "../../test/support/time-limit.js";
import { describe, it, expect } from "vitest";
import { CopyDetector, compareTexts, containmentPairs, estimateJaccard, minhash, sharedPassages, shingle } from "./index.js";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SEEDS = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));
const seed = (p: string) => readFileSync(SEEDS + readdirSync(SEEDS).find((f) => f.startsWith(p))!, "utf8");

describe("shared passages", () => {
  it("finds the statement 004 shares verbatim with the AP story 000, with spans in both", () => {
    const a = seed("004");
    const b = seed("000");
    const o = compareTexts(a, b);
    const hewitt = "continue to threaten our shared security and the drugs and crime they spread threaten American communities";
    const p = o.passages.find((x) => a.slice(x.a.start, x.a.end).includes(hewitt));
    expect(p).toBeDefined();
    expect(b.slice(p!.b.start, p!.b.end)).toContain(hewitt);
  });

  it("reports containment of a half copy as 1 for the half", () => {
    const wire = seed("000").slice(0, 3000);
    const half = wire.slice(0, 1500);
    const o = compareTexts(half, wire);
    expect(o.containmentA).toBeGreaterThan(0.99);
    expect(o.containmentB).toBeLessThan(0.6);
  });
});

describe("MinHash", () => {
  it("estimates high similarity for a near-verbatim copy and low for an unrelated text", () => {
    const a = seed("000").slice(0, 4000);
    const copy = a.replace("Saturday", "Sunday");
    const other = seed("001").slice(0, 4000);
    expect(estimateJaccard(minhash(shingle(a)), minhash(shingle(copy)))).toBeGreaterThan(0.8);
    expect(estimateJaccard(minhash(shingle(a)), minhash(shingle(other)))).toBeLessThan(0.1);
  });
});

describe("CopyDetector", () => {
  it("flags a verbatim copy and a partial copy, not an unrelated article", () => {
    const d = new CopyDetector();
    const wire = seed("000").slice(0, 4000);
    expect(d.add("wire", wire)).toEqual([]);
    expect(d.add("other", seed("001"))).toEqual([]);
    const copy = d.add("copy", "Local news. " + wire);
    expect(copy.map((m) => [m.other, m.kind])).toEqual([["wire", "copy"]]);
    const part = d.add("part", wire.slice(0, 2000) + "\n\nOur reporter adds that the city council met on Monday to discuss snow removal budgets.");
    expect(part.map((m) => m.other).sort()).toEqual(["copy", "wire"]);
    expect(part.every((m) => m.kind === "copy")).toBe(true);
  });

  it("handles adversarial input quickly", () => {
    const d = new CopyDetector();
    expect(within(1000, "CopyDetector on 1 MB", () => d.add("a", "a".repeat(1_000_000)))).toEqual([]);
    expect(within(1000, "CopyDetector on 1 MB of one word", () => Array.isArray(d.add("b", "word ".repeat(200_000))))).toBe(true);
  });
});

describe("containment pairs", () => {
  it("are exactly the pairs whose containment, as sharedPassages counts it, reaches the threshold", () => {
    const ecb = readFileSync(fileURLToPath(new URL("../../../shared/bench-data/ecbplus/docs.jsonl", import.meta.url)), "utf8")
      .split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { topic: number; text: string }))
      .filter((d) => d.topic === 1).map((d) => d.text);
    const footer = "This material may not be published, broadcast, rewritten or redistributed.";
    const texts = ecb.map((t, k) => (k % 2 ? `${t}\n${footer}` : t));
    // Partial copies: a share of one article, repeated or not, before or after another article.
    for (let k = 0; k < 30; k++) {
      const base = ecb[(k * 3) % ecb.length]!;
      const part = base.slice(0, Math.round(base.length * (0.05 + (k % 10) / 10)));
      texts.push(`${k % 4 ? part : `${part}\n${part}`}\n${ecb[(k * 7 + 1) % ecb.length]!}\n${k % 3 ? footer : ""}`);
    }
    const sh = texts.map((t) => shingle(t));
    const all: { i: number; j: number; containmentI: number; containmentJ: number }[] = [];
    for (let i = 0; i < sh.length; i++) {
      for (let j = i + 1; j < sh.length; j++) {
        const o = sharedPassages(sh[i]!, sh[j]!);
        all.push({ i, j, containmentI: o.containmentA, containmentJ: o.containmentB });
      }
    }
    for (const t of [0, 0.01, 0.05, 0.15, 0.3, 0.5, 0.9, 1]) {
      const expected = all.filter((p) => Math.max(p.containmentI, p.containmentJ) >= t && (t > 0 || p.containmentI > 0));
      expect(containmentPairs(sh, t)).toEqual(expected);
    }
    expect(all.filter((p) => Math.max(p.containmentI, p.containmentJ) >= 0.15).length).toBeGreaterThan(30);
  });
});
