import { beforeAll, describe, expect, it } from "vitest";
import type { RashomonDocument, Story } from "../../src/model/index.js";
import { ecbStory } from "./ecb-story.js";

// The October 2011 SEACOM outage (ECB+ 30_ecbplus): three outlets carry SEACOM's statement, and two of them
// also give its figure in their own words ("SEACOM said today ... around twelve days").
describe("the SEACOM outage story (ECB+ 30_ecbplus, October)", () => {
  let story: Story;
  let docs: RashomonDocument[];
  beforeAll(() => {
    ({ story, docs } = ecbStory("seacom", (d) => ["30_8ecbplus", "30_9ecbplus", "30_10ecbplus", "30_11ecbplus", "30_12ecbplus"].includes(d.doc_id)));
  });

  it("gives a figure one row: never again beside the row of its own sentences, nor beside the quote that gives it", () => {
    expect(docs).toHaveLength(5);
    const facts = story.facts!;
    expect(facts.some((f) => f.kind === "said" && /twelve days/.test(f.text))).toBe(true);
    expect(facts.filter((f) => f.kind === "number" && f.value === "twelve days")).toEqual([]);
    for (const f of facts.filter((x) => x.kind === "number")) {
      const docsOf = new Set(f.documents);
      for (const q of facts.filter((x) => x !== f && x.kind !== "number")) {
        const covers = [...docsOf].every((d) => q.documents.includes(d));
        const same = f.claims.every((c) => q.claims.some((x) => x.document === c.document && x.span.start === c.span.start && x.span.end === c.span.end));
        expect(covers && same, `${f.text} repeats ${q.text}`).toBe(false);
      }
    }
  });
});
