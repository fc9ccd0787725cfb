import { within } from "../../test/support/time-limit.js";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cleanText } from "./index.js";
import { extractTextMetadata } from "../metadata/index.js";

/** Cleans and reads metadata from `text`, failing past `limitMs` of CPU time. */
function cleanWithin(limitMs: number, text: string): void {
  const layout = within(limitMs, `cleanText on ${text.length} chars`, () => {
    const { layout } = cleanText(text, "adversarial");
    extractTextMetadata(layout);
    return layout;
  });
  expect(layout.text).toBe(text);
}

describe("cleanText robustness", () => {
  it("handles 1 MB of one character quickly", () => {
    for (const ch of ["a", " ", "\n", ".", "(", "-", "A", "1", ":"]) {
      // Generous bound against catastrophic backtracking; typical runs take a few ms.
      cleanWithin(1000, ch.repeat(1_000_000));
    }
  });

  it("reads 1 MB of one-character lines together, with a message", () => {
    // Found by a sweep over repeated pairs of pieces: 500,000 lines took 2 s of CPU one rule at a time.
    for (const unit of ["\nA", "\n“", "\n\ud800", "02:53\n", "- A\n"]) cleanWithin(1000, unit.repeat(Math.floor(1_000_000 / unit.length)));
    const { messages } = cleanText("\nA".repeat(500_000), "lines.txt");
    expect(messages.some((m) => m.ruleId === "clean:too-many-lines" && m.input === "lines.txt")).toBe(true);
  });

  it("handles a 5 MB single line", () => {
    cleanWithin(4000, "word (Photo ".repeat(420_000));
  });

  it("handles thousands of bullets and short lines", () => {
    cleanWithin(1000, "- Top story headline here\n".repeat(20_000));
    cleanWithin(1000, "By Jane Doe\nMay 3, 2025\n3h ago\n02:53\n".repeat(5_000));
  });

  it("cleans 1 MB of article-like text in under a second", () => {
    const para = "Mexican President Claudia Sheinbaum said on Saturday that she rejected the offer, and the statement was clear about it.\n\nTop Stories\n\n";
    const text = para.repeat(Math.ceil(1_000_000 / para.length));
    cleanWithin(1000, text);
  });

  it("never throws and keeps every span inside the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), fc.array(fc.constantFrom("\n", "\n\n", " (AP Photo/X)", "Image: Y/AFP", "By ", "May 3, 2025", "3h ago", "- "), { maxLength: 30 }), (s, bits) => {
        const text = bits.reduce((acc, b, i) => acc + b + s.slice(i * 7, i * 7 + 7), s);
        const { layout } = cleanText(text);
        const spans = [...layout.paragraphs, ...layout.captions, ...layout.removed, ...layout.fields].map((x) => x.span);
        return spans.every((sp) => sp.start >= 0 && sp.start <= sp.end && sp.end <= text.length);
      }),
      { numRuns: 200 },
    );
  });

  it("reports empty input instead of failing", () => {
    const { layout, messages } = cleanText("", "empty.txt");
    expect(layout.paragraphs).toEqual([]);
    expect(messages[0]?.ruleId).toBe("clean:empty");
    expect(messages[0]?.input).toBe("empty.txt");
  });
});
