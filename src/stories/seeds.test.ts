import { describe, it, expect } from "vitest";
import { groupStories, groupInMemory } from "./index.js";
import { documentLineage } from "../lineage/index.js";
import { loadSeeds } from "./seeds.fixture.js";

const docs = loadSeeds();
const stories = await groupStories(docs);

describe("seeds", () => {
  const story = stories[0]!;
  const lin = (id: string) => documentLineage(id, story.lineage!);

  it("group into one story with a title, outlets and first/last seen", () => {
    expect(stories).toHaveLength(1);
    expect([...story.documents].sort()).toEqual(["000", "001", "002", "003", "004"]);
    expect(story.title).toMatch(/Mexican president|Mexico’s president/);
    expect(story.outlets).toEqual(["A News", "CityNews Toronto/AP wire", "DW"]);
    expect(story.firstSeen).toBe("2025-05-03");
    expect(story.lastSeen).toBe("2025-05-04T10:39");
  });

  it("000 credits AP; 001 credits AFP and EFE", () => {
    expect(lin("000").agencies).toContain("AP");
    expect(lin("001").agencies).toEqual(["AFP", "EFE"]);
  });

  it("002 cites US local media and the Los Angeles Times", () => {
    expect(lin("002").cites).toEqual(expect.arrayContaining(["US local media", "Los Angeles Times"]));
  });

  it("000, 001, 002 and 003 cite the Wall Street Journal report; 003 cites Fox News", () => {
    for (const id of ["000", "001", "002", "003"]) expect(lin(id).cites).toContain("Wall Street Journal");
    expect(lin("003").cites).toContain("Fox News");
    expect(lin("004").cites).not.toContain("Wall Street Journal");
  });

  it("cite and credit evidence spans point at the mention in the document's text", () => {
    const byId = new Map(docs.map((d) => [d.id, d]));
    const e = story.lineage!.edges.find((x) => x.from === "003" && x.to === "source:Wall Street Journal")!;
    const texts = e.evidence.map((ev) => byId.get(ev.document)!.text.slice(ev.span.start, ev.span.end));
    expect(texts).toEqual(expect.arrayContaining(["The Wall Street Journal", "WSJ"]));
    const ap = story.lineage!.edges.find((x) => x.from === "000" && x.kind === "credits" && x.to === "agency:AP")!;
    expect(byId.get("000")!.text.slice(ap.evidence[0]!.span.start, ap.evidence[0]!.span.end)).toBe("AP");
  });

  it("does not depend on input order", async () => {
    const a = await groupStories([...docs].reverse());
    expect(a.map((s) => [...s.documents].sort())).toEqual(stories.map((s) => [...s.documents].sort()));
    const b = await groupInMemory([docs[3]!, docs[1]!, docs[4]!, docs[0]!, docs[2]!]);
    expect(b.map((s) => s.documents)).toEqual(stories.map((s) => s.documents));
  });
});
