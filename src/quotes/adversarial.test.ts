import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { within } from "../../test/support/time-limit.js";
import { extractQuotes } from "./index.js";

type QuoteInput = Parameters<typeof extractQuotes>[0];

/** The quote stage on `doc`, failing past a second of CPU time (issue 3, acceptance 5). */
const quotesWithin = (doc: QuoteInput) => within(1000, `extractQuotes on ${doc.text.length} chars`, () => extractQuotes(doc));

describe("quotes on bad input", () => {
  it("reports thousands of unbalanced marks instead of failing", () => {
    const r = quotesWithin({ id: "adv", text: "“ ".repeat(5000) + "”x ”".repeat(3000), paragraphs: [] });
    expect(r.messages.length).toBeGreaterThan(0);
  });
  it("closes a 1 MB paragraph without a closing quote, with a message", () => {
    const text = "She said: “" + "word ".repeat(200_000);
    const r = quotesWithin({ id: "adv", text, paragraphs: [{ span: { start: 0, end: text.length }, kind: "paragraph" }] });
    expect(r.messages.some((m) => m.ruleId === "quotes:unclosed")).toBe(true);
    expect(r.quotes.length).toBe(1);
  });
  it("keeps at most twice the text read as quoted text: 256 KB of one opening mark and a phrase", () => {
    const text = '"last week '.repeat(23_832).slice(0, 262_144);
    const r = quotesWithin({ id: "adv", text, paragraphs: [{ span: { start: 0, end: text.length }, kind: "paragraph" }] });
    expect(r.quotes.reduce((n, q) => n + q.text.length, 0)).toBeLessThanOrEqual(2 * text.length);
    expect(r.messages.some((m) => m.ruleId === "quotes:too-much-quoted")).toBe(true);
  });
  it("handles 1 MB of one quote character", () => {
    for (const c of ['"', "'", "“", "’"]) expect(quotesWithin({ id: "adv", text: c.repeat(1_000_000), paragraphs: [] }).quotes).toBeDefined();
  });
  it("ends within a second on 1 MB of quote-heavy prose shapes", () => {
    const shapes = ["“a” ", "He said “", "“x,” she said. ", "' '' ", "Sheinbaum said that “", "«a» „b“ "];
    for (const unit of shapes) {
      const text = unit.repeat(Math.floor(1_000_000 / unit.length));
      quotesWithin({ id: "adv", text, paragraphs: [{ span: { start: 0, end: text.length }, kind: "paragraph" }] });
    }
  });
  it("returns well-formed spans on random quote soup", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom("“", "”", '"', "'", "‘", "’", "«", "»", "„", "a", " ", "\n", "He said, ", ".", "Sheinbaum said "), { maxLength: 200 }), (parts) => {
      const text = parts.join("");
      const r = extractQuotes({ id: "p", text, paragraphs: [] });
      for (const q of r.quotes) {
        expect(q.span.start).toBeLessThanOrEqual(q.span.end);
        expect(q.span.end).toBeLessThanOrEqual(text.length);
      }
    }), { numRuns: 300 });
  });
  it("pairs broken forms: a closing “ (003), a doubled '' opener (001), a ' closing ‘ (000)", () => {
    const t1 = "“We can work together, but you in your territory and us in ours,“ said Sheinbaum.";
    expect(extractQuotes({ id: "a", text: t1, paragraphs: [] }).quotes[0]!.speaker?.name).toBe("Sheinbaum");
    const t2 = `"I told him, ''No, President Trump, our territory is inviolable,'" Sheinbaum said.`;
    const q2 = extractQuotes({ id: "b", text: t2, paragraphs: [] }).quotes;
    expect(q2.map((q) => q.text)).toContain("No, President Trump, our territory is inviolable");
    const t3 = "“He said, ‘How can we help?’ And you know what I said to him? ‘No, President Trump.'” Sheinbaum said.";
    const q3 = extractQuotes({ id: "c", text: t3, paragraphs: [] }).quotes;
    expect(q3.map((q) => q.text)).toContain("No, President Trump.");
  });
  it("continues a quote into the next paragraph that opens with a quote mark (004)", () => {
    const text = "She said: “In one of the calls, Trump said, ‘How can we help you?’.\n“And you know what I told him? ‘No, President Trump’.”";
    const nl = text.indexOf("\n");
    const r = extractQuotes({ id: "d", text, paragraphs: [{ span: { start: 0, end: nl }, kind: "paragraph" }, { span: { start: nl + 1, end: text.length }, kind: "paragraph" }] });
    const outer = r.quotes.find((q) => q.text.startsWith("In one of the calls"))!;
    expect(outer.span.end).toBeGreaterThan(nl);
    expect(r.messages.filter((m) => m.ruleId === "quotes:unclosed")).toHaveLength(0);
  });
});
