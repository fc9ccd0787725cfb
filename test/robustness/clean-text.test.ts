import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText, type TextCleaning } from "../../src/clean/index.js";
import { within } from "../support/time-limit.js";
import { adversarialTexts, spansInBounds, textArb } from "./adversarial.js";

/** Runs cleanText, failing if it throws or takes longer than `limitMs` (CPU time; see test/support/time-limit.ts). */
function timedClean(text: string, limitMs: number): TextCleaning {
  return within(limitMs, `cleanText on ${text.length} chars`, () => cleanText(text, "robustness"));
}

describe("cleanText robustness", () => {
  it("never throws on random text, keeps text exact and spans in bounds, within 1 s", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const out = timedClean(text, 1000);
        expect(out.layout.text).toBe(text);
        expect(spansInBounds(out.layout)).toBe(true);
        expect(Array.isArray(out.messages)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  for (const [name, text] of adversarialTexts()) {
    it(`handles ${name} (${text.length} chars) within 1 s`, () => {
      const out = timedClean(text, 1000);
      expect(out.layout.text).toBe(text);
      expect(spansInBounds(out.layout)).toBe(true);
    });
  }

  it("survives one 5 MB single line", () => {
    const line = "Sheinbaum said “no” to troops (again) — ".repeat(128 * 1024).slice(0, 5 * 1024 * 1024);
    const out = timedClean(line, 10_000);
    expect(out.layout.text.length).toBe(line.length);
  });
});
