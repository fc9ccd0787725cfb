/**
 * ECB+ topic 8 (the Athens bank fire, 8_ecbplus): 11 real articles, read from
 * ../shared/bench-data. Amounts and their currency conversions are one figure
 * told two ways, and a document never disagrees with itself.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { RashomonDocument, Story } from "../../src/model/index.js";
import { ecbStory } from "./ecb-story.js";


describe("the Athens bank story (ECB+ 8_ecbplus)", () => {
  let story: Story;
  let docs: RashomonDocument[];
  beforeAll(() => {
    ({ story, docs } = ecbStory("athens", (d) => d.subtopic === "8_ecbplus"));
  });

  it("reads all 11 articles", () => {
    expect(docs).toHaveLength(11);
  });

  it("never reports a conflict between an amount and its currency conversion", () => {
    for (const d of story.discrepancies!.filter((x) => x.kind === "number" && !x.compatible)) {
      const currencies = new Set(d.sides.flatMap((s) => (/[$€£]|euros?|dollars?/i.exec(s.text)?.[0] ?? "").toLowerCase().replace(/s$/, "")));
      expect(currencies.size, JSON.stringify(d.sides.map((s) => s.text))).toBeLessThanOrEqual(1);
    }
  });

  it("never reports a conflict within one document, nor between the parts of one phrase", () => {
    for (const d of story.discrepancies!.filter((x) => !x.compatible)) {
      expect(new Set(d.sides.flatMap((s) => s.documents)).size).toBeGreaterThan(1);
      for (const s of d.sides) expect(s.text).not.toMatch(/^\d+(?:st|nd|rd|th)\b/);
    }
  });

  it("says who gives each figure of a conflict when the sentence says it: the police's 12 and 18 injured", () => {
    const injured = story.discrepancies!.find((d) => d.kind === "number" && !d.compatible && d.sides.some((s) => /^12 people/.test(s.text)) && d.sides.some((s) => /^18 people/.test(s.text)))!;
    expect(injured).toBeDefined();
    for (const side of injured.sides) expect(side.according).toBe("Police");
  });

  it("reports the crowd in Athens as one discrepancy of estimates, with who gives each: police 20,000 and 30,000, witnesses more than 50,000, 200,000", () => {
    const crowd = story.discrepancies!.find((d) => d.topic === "crowd size in Athens")!;
    expect(crowd.compatible).toBe(false);
    const side = (re: RegExp) => crowd.sides.find((s) => re.test(s.text.replace(/\s/g, "")));
    expect(side(/^20,000$/)?.according).toBe("police");
    expect(side(/^30,000$/)?.according).toBe("police");
    expect(side(/^50,000$/)?.according).toBe("witnesses");
    expect(side(/^200,000$/)).toBeDefined();
    // The crowd is one row: no figure slot repeats its estimates.
    const crowdSpans = new Set(crowd.sides.flatMap((s) => s.evidence.map((e) => `${e.document}:${e.span.start}`)));
    for (const d of story.discrepancies!.filter((x) => x !== crowd && x.kind === "number")) {
      expect(d.sides.every((s) => s.evidence.every((e) => crowdSpans.has(`${e.document}:${e.span.start}`))), d.topic).toBe(false);
    }
  });

  it("compares the wording of quotes only between documents", () => {
    for (const d of story.discrepancies!.filter((x) => x.kind === "wording")) {
      const docsOf = d.sides.map((s) => s.documents[0]);
      expect(new Set(docsOf).size).toBe(docsOf.length);
    }
  });

  it("writes a summary of whole sentences that read alone", () => {
    expect(story.summary!.length).toBeGreaterThanOrEqual(5);
    for (const s of story.summary!) expect(s.text, s.text).toMatch(/^[“"‘]?\p{Lu}.*[.!?]["”’]?$/u);
  });
});
