import { describe, expect, it } from "vitest";
import { readsAlone, supportShare, SUPPORT_THRESHOLD } from "../../src/dossier/index.js";
import { ecbStory } from "./ecb-story.js";

// Key quotes in the summary come as "Name said: “…”". Two ECB+ stories where the quote's speaker is
// named by a role (23_ecbplus: "A Foreign Office spokeswoman said: …") and where the quoted
// sentence leans on what the speaker said before (3_ecb: "In his own words, he said …").
describe("quotes in the summary read alone", () => {
  it("names a speaker known by a role with the whole role and an article, never a lower-case fragment", () => {
    const { story } = ecbStory("mount-cook", (d) => d.subtopic === "23_ecbplus");
    const quotes = (story.summary ?? []).filter((s) => /said: “/.test(s.text));
    expect(quotes.length).toBeGreaterThan(0);
    for (const s of quotes) expect(s.text, s.text).toMatch(/^\p{Lu}/u);
    expect(quotes.some((s) => /^A Foreign Office spokeswoman said: “We are aware/.test(s.text))).toBe(true);
  });

  it("skips a quoted sentence that points back to what the speaker said before; every sentence reads alone and is supported", () => {
    const { story, docs } = ecbStory("nichols", (d) => d.subtopic === "3_ecb");
    const byId = new Map(docs.map((d) => [d.id, d]));
    const summary = story.summary ?? [];
    expect(summary.length).toBeGreaterThanOrEqual(5);
    expect(summary.some((s) => /In his own words, he said/.test(s.text))).toBe(false);
    for (const s of summary) {
      expect(readsAlone(s.text), s.text).toBe(true);
      for (const c of s.citations) {
        const cited = byId.get(c.document)!.text.slice(c.span.start, c.span.end);
        expect(supportShare(s.text, cited), `${s.text} <= ${cited}`).toBeGreaterThanOrEqual(SUPPORT_THRESHOLD);
      }
    }
  });
});
