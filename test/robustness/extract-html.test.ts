import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractHtml, type HtmlExtraction } from "../../src/html/index.js";
import { within } from "../support/time-limit.js";
import { adversarialHtml, adversarialTexts, htmlArb, spansInBounds } from "./adversarial.js";

/** Runs extractHtml, failing if it throws or takes longer than `limitMs` (CPU time; see test/support/time-limit.ts). */
function timedExtract(html: string, limitMs: number): HtmlExtraction {
  return within(limitMs, `extractHtml on ${html.length} chars`, () =>
    extractHtml(html, { input: "robustness", url: "https://example.com/news/story.html" }));
}

describe("extractHtml robustness", () => {
  it("never throws on random HTML, spans in bounds, within 1 s", () => {
    fc.assert(
      fc.property(htmlArb, (html) => {
        const out = timedExtract(html, 1000);
        expect(typeof out.layout.text).toBe("string");
        expect(spansInBounds(out.layout)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  for (const [name, html] of adversarialHtml()) {
    it(`handles ${name} (${html.length} chars) within 1 s`, () => {
      const out = timedExtract(html, 1000);
      expect(spansInBounds(out.layout)).toBe(true);
    });
  }

  // Text that is not HTML at all still reaches the extractor when a page is mislabelled.
  for (const [name, text] of adversarialTexts().slice(0, 6)) {
    it(`handles plain ${name} given as HTML within 1 s`, () => {
      expect(spansInBounds(timedExtract(text, 1000).layout)).toBe(true);
    });
  }
});
