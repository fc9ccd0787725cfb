import { beforeAll, describe, expect, it } from "vitest";
import type { RashomonDocument, Story } from "../../src/model/index.js";
import { ecbStory } from "./ecb-story.js";


// ECB+ 18_ecbplus: the April 2007 office shooting in Troy, Michigan, told by eleven texts, some dated
// (April 9-12, 2007, and one follow-up on the verdict, April 30, 2008) and some not.
describe("the Troy office shooting (ECB+ 18_ecbplus)", () => {
  let story: Story;
  let docs: RashomonDocument[];
  beforeAll(() => {
    ({ story, docs } = ecbStory("troy", (d) => d.subtopic === "18_ecbplus"));
  });

  it("anchors them on a document they share text with, else on the story's median date, never on a follow-up a year later", () => {
    const byId = new Map(docs.map((d) => [d.id, d]));
    expect(byId.get("18_6ecbplus")!.published?.slice(0, 10)).toBe("2008-04-30");
    const anchored = docs.filter((d) => d.messages.some((m) => m.ruleId === "time:story-anchor"));
    expect(anchored.length).toBeGreaterThan(2);
    for (const d of anchored) {
      const reason = d.messages.find((m) => m.ruleId === "time:story-anchor")!.reason;
      expect(reason).toMatch(/2007-04-(09|1[0-2])$/);
    }
    // The shooting (Monday 9 April 2007) as the undated 18_5ecbplus tells it.
    const monday = story.timeline!.find((e) => e.documents.includes("18_5ecbplus") && /shootings/.test(e.text));
    expect(monday?.date.slice(0, 10)).toBe("2007-04-09");
    expect(story.timeline!.filter((e) => e.documents.includes("18_5ecbplus")).every((e) => !e.date.startsWith("2008"))).toBe(true);
    // Entries told only by such documents, with days read from the date they were given, say that their date is inferred.
    const names = new Set(anchored.map((d) => d.id));
    const inferred = story.timeline!.filter((e) => e.inferred);
    expect(inferred.length).toBeGreaterThan(0);
    for (const e of inferred) expect(e.documents.every((d) => names.has(d)), e.text).toBe(true);
    expect(monday?.inferred).toBeUndefined();
  });

  it("reports no conflict between spellings of one name nor between figures of two shootings months apart", () => {
    const conflicts = story.discrepancies!.filter((d) => !d.compatible);
    const words = (d: { sides: { text: string }[] }) => d.sides.map((s) => s.text.toLowerCase());
    // "Lt" / "Lieutenant", "Advisors" / "Advisers": one name written two ways, a difference in detail.
    const written = story.discrepancies!.filter((d) => d.kind === "person" && ["lt", "advisers"].some((w) => words(d).includes(w)));
    expect(written.length).toBe(2);
    for (const d of written) expect(d.compatible).toBe(true);
    // "In February, a gunman killed five people ... in Salt Lake City" is another shooting than "three people" in Troy.
    expect(conflicts.filter((d) => d.kind === "number" && words(d).some((t) => t.includes("five people")))).toEqual([]);
  });
});
