import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { sourceKey } from "../../src/claims/index.js";
import { contentStems, supportShare } from "../../src/dossier/index.js";
import type { Fact, RashomonDocument, Story } from "../../src/model/index.js";
import { analyze, type AnalyzeResult } from "../../src/pipeline/index.js";
import { SEEDS } from "./helpers.js";

const WIRE = fileURLToPath(new URL("../fixtures/wire-copies/", import.meta.url));
const ID: Record<string, string> = { "000": "000_4e495020b5c344bc", "001": "001_b5f02f746b628a14", "002": "002_1963f2aa61433c20", "003": "003_93455575c53b0e54", "004": "004_6ff7339e114991e9" };
const id = (n: string) => ID[n]!;
const short = (ids: string[]) => ids.map((d) => d.slice(0, 3)).sort();
const CONTEXT_BOUND = /^(?:She|He|It|They|Her|His|Their|This|That|These|Those|But|And|However|Also|Later|Meanwhile|The (?:statement|move|decision|remarks|call|offer|report))\b/;

describe("the dossier of the seeds", () => {
  let result: AnalyzeResult;
  let story: Story;
  let byId: Map<string, RashomonDocument>;
  const said = (f: Fact, re: RegExp) => f.claims.some((c) => re.test(byId.get(c.document)!.text.slice(c.span.start, c.span.end)));
  beforeAll(async () => {
    result = await analyze([SEEDS]);
    story = result.stories[0]!;
    byId = new Map(result.documents.map((d) => [d.id, d]));
  });

  it("groups the seeds into one story, five independent sources: quoting the same words is not copying", () => {
    expect(result.stories).toHaveLength(1);
    expect(story.lineage!.edges.filter((e) => e.kind === "copy" || e.kind === "rewrite")).toEqual([]);
    expect(story.lineage!.independentGroups).toHaveLength(5);
  });

  it("states the rejection of US troops in all five documents, five independent sources", () => {
    const f = story.facts!.find((x) => x.kind === "event" && x.documents.length === 5 && said(x, /reject|turned down|rebuff/i));
    expect(f?.independentSources).toBe(5);
    expect(f?.sources.every((s) => s.kind === "documents")).toBe(true);
  });

  it("credits Hewitt's statement to 000 and 004 only", () => {
    const hewitt = story.facts!.filter((f) => said(f, /Hewitt|most secure southwest border/));
    expect(hewitt.some((f) => f.documents.length === 2)).toBe(true);
    for (const f of hewitt) for (const d of f.documents) expect(["000", "004"]).toContain(d.slice(0, 3));
  });

  it("counts the Wall Street Journal report as the Journal's claim in 000 to 003, the same way in every row", () => {
    const wsj = story.facts!.find((f) => f.attributedTo === "Wall Street Journal");
    expect(short(wsj!.documents)).toEqual(["000", "001", "002", "003"]);
    expect(wsj!.independentSources).toBe(1);
    expect(wsj!.sources).toEqual([{ kind: "report", name: "Wall Street Journal", documents: wsj!.documents }]);
    for (const f of story.facts!) {
      for (const d of f.documents) {
        const claims = f.claims.filter((c) => c.document === d).map((c) => byId.get(d)!.claims!.find((x) => x.span.start === c.span.start));
        const allWsj = claims.every((c) => c?.attribution && sourceKey(c.attribution.source) === "wall street journal");
        if (!allWsj) continue;
        const source = f.sources.find((s) => s.documents.includes(d))!;
        expect({ fact: f.text, source: source.name }).toEqual({ fact: f.text, source: "Wall Street Journal" });
      }
    }
  });

  it("keeps DW's Friday order to stop weapons as its own fact, unique to 001", () => {
    const order = story.facts!.filter((f) => said(f, /issued an order on Friday/));
    expect(order.map((f) => short(f.documents))).toEqual([["001"]]);
    expect(story.uniqueFacts![id("001")]).toContain(order[0]!.id);
  });

  it("lists as unique to one outlet only what no other outlet comes near stating, and names the nearest sentence", () => {
    const unique = new Set(Object.values(story.uniqueFacts!).flat());
    const fact = (re: RegExp) => story.facts!.find((f) => f.documents.length === 1 && said(f, re))!;
    // 003's "would not accept a direct military presence" is 002's "foreign military presence ... is unacceptable" in other words.
    const presence = fact(/would not accept a direct military presence/);
    expect(unique.has(presence.id)).toBe(false);
    expect(presence.nearest!.probability).toBeGreaterThanOrEqual(0.25);
    // 004's wording of Trump's proposal is the quote the other outlets carry.
    expect(unique.has(fact(/I propose that the US Army come in/).id)).toBe(false);
    for (const f of story.facts!.filter((x) => x.documents.length === 1 && x.nearest)) {
      expect(f.nearest!.document).not.toBe(f.documents[0]);
      expect(byId.get(f.nearest!.document)!.claims!.some((c) => c.span.start === f.nearest!.span.start && c.span.end === f.nearest!.span.end)).toBe(true);
      if (unique.has(f.id)) expect(f.nearest!.probability).toBeLessThan(0.25);
    }
  });

  it("lists every outlet that carries 'No, President Trump' and 'sovereignty is not for sale'", () => {
    const carriers = (re: RegExp) => result.documents.filter((d) => d.paragraphs.some((p) => re.test(d.text.slice(p.span.start, p.span.end)))).map((d) => d.id.slice(0, 3)).sort();
    for (const re of [/No, President Trump/, /sovereignty is not for sale/i]) {
      const f = story.facts!.find((x) => x.kind === "said" && x.value && re.test(x.value));
      expect(short(f!.documents)).toEqual(carriers(re));
    }
    expect(carriers(/No, President Trump/)).toEqual(["000", "001", "002", "003", "004"]);
  });

  it("has one row per fact: no repeated text, no fact both corroborated and unique", () => {
    const texts = story.facts!.map((f) => f.text);
    expect(new Set(texts).size).toBe(texts.length);
    const shared = new Set(story.facts!.filter((f) => f.documents.length > 1).flatMap((f) => f.claims.map((c) => `${c.document}:${c.span.start}`)));
    for (const ids of Object.values(story.uniqueFacts!)) {
      for (const fid of ids) {
        const f = story.facts!.find((x) => x.id === fid)!;
        expect(f.documents).toHaveLength(1);
        for (const c of f.claims) expect(shared.has(`${c.document}:${c.span.start}`)).toBe(false);
      }
    }
    for (const f of story.facts!) expect(f.independentSources).toBe(f.sources.length);
    // A figure inside a quote that is already a row ("our two countries" in Hewitt's statement) is not a row of its own.
    const within = (f: Fact, q: Fact) => f.claims.every((c) => q.claims.some((x) => x.document === c.document && x.span.start <= c.span.start && c.span.end <= x.span.end));
    for (const f of story.facts!.filter((x) => x.kind === "number")) {
      expect(story.facts!.some((q) => q.kind === "said" && q.documents.join() === f.documents.join() && within(f, q)), f.text).toBe(false);
    }
  });

  it("reports 'tense' against 'very positive' with who says which, and the place of the remarks as a difference in detail", () => {
    const call = story.discrepancies!.find((d) => d.kind === "characterisation")!;
    expect(call.compatible).toBe(false);
    const side = (re: RegExp) => call.sides.find((s) => re.test(s.text))!;
    expect(short(side(/tense/).documents)).toEqual(["000", "003"]);
    expect(side(/tense/).according).toMatch(/Wall Street Journal/);
    // One source named two ways is listed once.
    expect(side(/tense/).according!.match(/Wall Street Journal/g)).toHaveLength(1);
    expect(short(side(/very positive/).documents)).toEqual(["004"]);
    expect(side(/very positive/).according).toMatch(/Sheinbaum/);
    const place = story.discrepancies!.find((d) => d.kind === "place")!;
    expect(place.compatible).toBe(true);
    expect(place.sides.find((s) => /Texcoco/.test(s.text))?.documents).toEqual([id("001")]);
  });

  it("never reports a conflict within one document", () => {
    for (const d of story.discrepancies!.filter((x) => !x.compatible)) expect(new Set(d.sides.flatMap((s) => s.documents)).size).toBeGreaterThan(1);
  });

  it("holds no fragment in a quote group", () => {
    for (const u of story.utterances!) {
      for (const v of u.variants) {
        expect(v.text, v.text).toMatch(/^[\p{L}\p{N}]/u);
        expect(v.text, v.text).not.toMatch(/[,:‘“]$/u);
        expect(v.text.split(/\s+/).length, v.text).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("writes a 5 to 8 sentence summary: the rejection first, a key quote, nothing context-bound or repeated, every citation supporting its sentence", () => {
    const summary = story.summary!;
    expect(summary.length).toBeGreaterThanOrEqual(5);
    expect(summary.length).toBeLessThanOrEqual(8);
    expect(summary[0]!.text).toMatch(/reject|turned down|rebuff/i);
    expect(summary.some((s) => /never accept the presence of the United States military in our territory|sovereignty is not for sale/i.test(s.text))).toBe(true);
    for (const s of summary) {
      expect(s.text, s.text).not.toMatch(CONTEXT_BOUND);
      expect(s.citations.length).toBeGreaterThan(0);
      for (const c of s.citations) expect(supportShare(s.text, byId.get(c.document)!.text.slice(c.span.start, c.span.end)), s.text).toBeGreaterThanOrEqual(0.6);
    }
    for (let i = 0; i < summary.length; i++) {
      for (let j = i + 1; j < summary.length; j++) {
        const a = new Set(contentStems(summary[i]!.text)), b = new Set(contentStems(summary[j]!.text));
        const shared = [...a].filter((w) => b.has(w)).length;
        expect(shared / Math.min(a.size, b.size), `${summary[i]!.text} / ${summary[j]!.text}`).toBeLessThanOrEqual(0.5);
      }
    }
  });

  it("gives every claim its names, numbers, dates and attribution", () => {
    const d003 = byId.get(id("003"))!;
    const claim = d003.claims!.find((c) => /10,000 members/.test(c.text))!;
    expect(claim.numbers.map((n) => [n.value, n.counts])).toContainEqual([10000, "members of Mexico’s National Guard"]);
    expect(claim.entities).toContain("Sheinbaum");
    const wsj = d003.claims!.find((c) => /45-minute/.test(c.text))!;
    expect(wsj.attribution?.source).toBe("the WSJ report");
    expect(wsj.dates).toContain("2025-04-16");
    expect(wsj.numbers.map((n) => [n.value, n.unit])).toContainEqual([45, "minute"]);
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
    expect(fact!.sources.map((s) => s.documents.length).sort()).toEqual([1, 3]);
  });
});
