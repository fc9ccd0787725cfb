/**
 * The bundled example (examples/harbour-bridge) checked against the truth it was
 * written to (examples/harbour-bridge-truth.md): a fictional event, so every
 * expected value here is known, not guessed from our own output.
 */
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Story } from "../../src/model/index.js";
import { analyze, type AnalyzeResult } from "../../src/pipeline/index.js";
import { renderReport } from "../../src/report/index.js";

const EXAMPLE = fileURLToPath(new URL("../../examples/harbour-bridge/", import.meta.url));
const CAST = ["Ines Calloway", "Rafael Lindqvist", "Tomas Reyna", "Paula Serrat", "Grete Solvang", "Henrik Aas"];

describe("the bundled example against its truth", () => {
  let result: AnalyzeResult;
  let story: Story;
  const doc = (prefix: string) => result.documents.find((d) => d.id.startsWith(prefix))!;
  beforeAll(async () => {
    result = await analyze([EXAMPLE]);
    story = result.stories[0]!;
  });

  it("is one story of five articles", () => {
    expect(result.stories).toHaveLength(1);
    expect(story.documents).toHaveLength(5);
  });

  it("takes the Courier's headline as its title and its site name as its outlet", () => {
    expect(doc("02").title).toBe("Vell Harbour shuts its century-old harbour bridge after inspectors find cracks");
    expect(doc("03").title).toBe("Vell Harbour closes landmark bridge over safety fears");
    expect(doc("02").outlet).toBe("Vell Harbour Courier");
    expect(doc("01").outlet).toBe("Coastal Press Agency");
  });

  it("finds the Courier's copy of the wire and four independent sources", () => {
    const copy = story.lineage!.edges.find((e) => e.kind === "copy");
    expect([copy?.from.slice(0, 2), copy?.to.slice(0, 2)]).toEqual(["02", "01"]);
    expect(story.lineage!.independentGroups.map((g) => g.map((id) => id.slice(0, 2)))).toEqual([["01", "02"], ["03"], ["04"], ["05"]]);
  });

  it("attributes every quote to someone of the cast or to an unnamed source, never to a place", () => {
    const named = result.documents.flatMap((d) => d.quotes ?? []).filter((q) => q.speaker?.named).map((q) => q.speaker!.name);
    expect(named.length).toBeGreaterThan(30);
    expect([...new Set(named)].filter((n) => !CAST.includes(n))).toEqual([]);
  });

  it("groups the mayor's 'no gamble' words across their translations", () => {
    const u = story.utterances!.find((x) => x.speaker?.name === "Ines Calloway" && x.variants.some((v) => /gamble/.test(v.text)));
    const docs = new Set(u!.variants.map((v) => v.document.slice(0, 2)));
    for (const d of ["01", "02", "03"]) expect(docs.has(d)).toBe(true);
  });

  it("dates the divers' inspection on Thursday 16 October in every outlet, with no conflict", () => {
    const divers = story.timeline!.filter((t) => /divers/i.test(t.text));
    expect(divers.map((t) => t.date)).toEqual(["2025-10-16"]);
    expect(divers[0]!.documents).toHaveLength(5);
    expect(story.timeline!.filter((t) => t.conflict)).toEqual([]);
  });

  it("counts the Courier's own school note as the Courier's alone, and the ferry timetable as three independent sources", () => {
    const byId = new Map(result.documents.map((d) => [d.id, d]));
    const said = (f: { claims: { document: string; span: { start: number; end: number } }[] }, re: RegExp) =>
      f.claims.some((c) => re.test(byId.get(c.document)!.text.slice(c.span.start, c.span.end)));
    for (const f of story.facts!.filter((x) => said(x, /Keel Street School/))) expect(f.documents.map((d) => d.slice(0, 2))).toEqual(["02"]);
    const ferry = story.facts!.filter((x) => said(x, /harbour ferry/));
    expect(Math.max(...ferry.map((f) => f.independentSources))).toBe(3);
    expect(ferry.every((f) => f.claims.every((c) => /ferry/.test(byId.get(c.document)!.text.slice(c.span.start, c.span.end))))).toBe(true);
  });

  it("flags Halcyon's 14,000 a day against 40,000 elsewhere", () => {
    const d = story.discrepancies!.find((x) => x.kind === "number" && x.sides.some((s) => s.text.startsWith("14,000")));
    expect(d!.sides.find((s) => s.text.startsWith("14,000"))!.documents.map((id) => id.slice(0, 2))).toEqual(["04"]);
    expect(d!.sides.some((s) => s.text.startsWith("40,000"))).toBe(true);
  });

  it("opens the summary with the lead: the mayor closed the bridge on Tuesday", () => {
    expect(story.summary![0]!.text).toMatch(/closed .*bridge.*Tuesday/i);
  });

  it("dates the Lantern Post's 'Tuesday night' on the day before it was published, and says so in words", () => {
    const lantern = doc("05");
    const t = lantern.times!.find((x) => x.text === "Tuesday night")!;
    expect(t.value).toBe("2025-10-14TNI");
    expect(lantern.published!.slice(0, 10)).toBe("2025-10-15");
    const md = renderReport(result, "md");
    expect(md).not.toMatch(/\| 2025-10-\d\dT?[A-Z]* /);
    expect(md).toMatch(/\| [A-Z][a-z]+day \d{1,2} October 2025/);
  });
});
