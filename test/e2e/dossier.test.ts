import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Fact, Story } from "../../src/model/index.js";
import { analyze, type AnalyzeResult } from "../../src/pipeline/index.js";
import { SEEDS } from "./helpers.js";

const WIRE = fileURLToPath(new URL("../fixtures/wire-copies/", import.meta.url));
const id = (n: string) => ({ "000": "000_4e495020b5c344bc", "001": "001_b5f02f746b628a14", "002": "002_1963f2aa61433c20", "003": "003_93455575c53b0e54", "004": "004_6ff7339e114991e9" })[n]!;

function factWith(story: Story, test: (f: Fact) => boolean): Fact | undefined {
  return story.facts!.find(test);
}

describe("the dossier of the seeds", () => {
  let result: AnalyzeResult;
  let story: Story;
  beforeAll(async () => {
    result = await analyze([SEEDS]);
    story = result.stories[0]!;
  });

  it("groups the seeds into one story with facts", () => {
    expect(result.stories).toHaveLength(1);
    expect(story.facts!.length).toBeGreaterThan(10);
  });

  it("counts the five seeds as five independent sources: quoting the same words is not copying", () => {
    // 004 and the AP story 000 quote Sheinbaum and the White House at length, word for word.
    expect(story.lineage!.edges.filter((e) => e.kind === "copy" || e.kind === "rewrite")).toEqual([]);
    expect(story.lineage!.independentGroups).toHaveLength(5);
  });

  it("finds the rejection of US troops in all five documents", () => {
    const f = factWith(story, (f) => f.documents.length === 5 && /reject|turned down|rebuff/i.test(f.text + JSON.stringify(f.claims)));
    expect(f?.documents.sort()).toEqual(["000", "001", "002", "003", "004"].map(id));
  });

  it("finds the April 16 call in 002, 003 and 004, and its 45-minute length in 003 and 004", () => {
    const call = factWith(story, (f) => f.anchor === "date:2025-04-16");
    expect(call?.documents).toEqual(expect.arrayContaining([id("002"), id("003"), id("004")]));
    const length = factWith(story, (f) => f.anchor === "number:45 minute");
    expect(length?.documents.sort()).toEqual([id("003"), id("004")]);
  });

  it("finds the Wall Street Journal report in 000, 001, 002 and 003", () => {
    const wsj = factWith(story, (f) => f.anchor === "source:wall street journal");
    expect(wsj?.documents.sort()).toEqual(["000", "001", "002", "003"].map(id));
  });

  it("keeps apart claims that share words but not facts (the Friday weapons order is not the Friday report)", () => {
    const order = factWith(story, (f) => !f.anchor && /issued an order on Friday/.test(f.text));
    expect(order?.documents).toEqual([id("001")]);
    for (const f of story.facts!.filter((f) => !f.anchor && f.documents.length > 1)) {
      const texts = f.claims.map((c) => result.documents.find((d) => d.id === c.document)!.text.slice(c.span.start, c.span.end));
      expect(texts.some((t) => /weapons/.test(t)) && texts.some((t) => /Wall Street Journal|WSJ/.test(t)), f.text).toBe(false);
    }
  });

  it("gives every claim its names, numbers, dates and attribution", () => {
    const d003 = result.documents.find((d) => d.id === id("003"))!;
    const claim = d003.claims!.find((c) => /10,000 members/.test(c.text))!;
    expect(claim.numbers.map((n) => [n.value, n.counts])).toContainEqual([10000, "members of Mexico’s National Guard"]);
    expect(claim.entities).toContain("Sheinbaum");
    const wsj = d003.claims!.find((c) => /45-minute/.test(c.text))!;
    expect(wsj.attribution?.source).toBe("the WSJ report");
    expect(wsj.dates).toContain("2025-04-16");
    expect(wsj.numbers.map((n) => [n.value, n.unit])).toContainEqual([45, "minute"]);
  });

  it("lists facts unique to one outlet", () => {
    const unique = (doc: string, re: RegExp) =>
      (story.uniqueFacts![id(doc)] ?? []).some((fid) => re.test(story.facts!.find((f) => f.id === fid)!.text));
    expect(unique("001", /450,000 people have been killed/)).toBe(true);
    expect(unique("003", /10,000 members of Mexico’s National Guard/)).toBe(true);
    expect(unique("000", /on Feb\. 19/)).toBe(true);
    expect(unique("004", /rename the Gulf of Mexico/)).toBe(true);
  });

  it("reports where Sheinbaum spoke as a difference in detail, with its sources", () => {
    const place = story.discrepancies!.find((d) => d.kind === "place")!;
    expect(place.compatible).toBe(true);
    const side = (re: RegExp) => place.sides.find((s) => re.test(s.text));
    expect(side(/eastern Mexico/)?.documents.sort()).toEqual([id("000"), id("003")]);
    expect(side(/Texcoco/)?.documents).toEqual([id("001")]);
    expect(side(/university event near the capital/)?.documents).toEqual([id("004")]);
    for (const s of place.sides) {
      expect(s.evidence.map((e) => e.document).sort()).toEqual([...s.documents].sort());
      for (const e of s.evidence) {
        const doc = result.documents.find((d) => d.id === e.document)!;
        expect(doc.text.slice(e.span.start, e.span.end)).toMatch(/eastern Mexico|Texcoco|capital|event/);
      }
    }
  });

  it("writes a 5 to 8 sentence summary, each sentence cited and taken from the span it cites", () => {
    expect(story.summary!.length).toBeGreaterThanOrEqual(5);
    expect(story.summary!.length).toBeLessThanOrEqual(8);
    for (const s of story.summary!) {
      expect(s.citations.length).toBeGreaterThan(0);
      const first = s.citations[0]!;
      const doc = result.documents.find((d) => d.id === first.document)!;
      expect(doc.text.slice(first.span.start, first.span.end)).toContain(s.text);
    }
  });
});

describe("corroboration counts independent sources", () => {
  it("a fact in a wire story, two republications and one independent article counts 2 sources, not 4", async () => {
    const result = await analyze([WIRE]);
    expect(result.stories).toHaveLength(1);
    const story = result.stories[0]!;
    const fact = story.facts!.find((f) => f.documents.length === 4 && /night (?:crossings|ferries)/.test(f.text));
    expect(fact).toBeDefined();
    expect(fact!.independentSources).toBe(2);
  });
});
