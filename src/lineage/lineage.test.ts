import { within } from "../../test/support/time-limit.js";
import { describe, it, expect } from "vitest";
import type { RashomonDocument } from "../model/index.js";
import { findCues, independentGroups, ownWordRanges } from "./index.js";

function doc(text: string, extra: Partial<RashomonDocument> = {}): RashomonDocument {
  return {
    id: "d", input: "d", format: "text", text, title: null, standfirst: null, section: null, byline: null, authors: [],
    agencies: [], outlet: null, dateline: null, published: null, updated: null, editor: null, language: "en", url: null,
    body: text, paragraphs: [], captions: [], removed: [], provenance: {}, messages: [], ...extra,
  };
}

const cues = (t: string, extra?: Partial<RashomonDocument>) => findCues(doc(t, extra)).map((c) => `${c.kind}:${c.source}`);

describe("own words", () => {
  it("leave direct quotes and their marks out of the body", () => {
    const text = "She said “we will never accept it” on Saturday. Later she added: “not for sale.”";
    const q = (a: string) => ({ start: text.indexOf(a), end: text.indexOf(a) + a.length });
    const d = doc(text, {
      paragraphs: [{ span: { start: 0, end: text.length }, kind: "paragraph" }],
      quotes: [
        { id: "q1", kind: "direct", text: "", span: q("we will never accept it"), cue: null, speaker: null, reportedBy: null },
        { id: "q2", kind: "indirect", text: "", span: q("on Saturday"), cue: null, speaker: null, reportedBy: null },
        { id: "q3", kind: "direct", text: "", span: q("not for sale."), cue: null, speaker: null, reportedBy: null },
      ],
    });
    expect(ownWordRanges(d).map((r) => text.slice(r.start, r.end))).toEqual(["She said ", " on Saturday. Later she added: "]);
  });
});

describe("lineage cues", () => {
  it("reads agency credits", () => {
    expect(cues("PARIS (AFP) — The minister resigned.")).toEqual(["credits:AFP"]);
    expect(cues("By The Associated Press\nThe minister resigned.")).toEqual(["credits:AP"]);
    expect(cues("Jane Roe with AFP, EFE\nThe minister resigned.")).toEqual(["credits:AFP", "credits:EFE"]);
    expect(cues("The minister resigned.\nAgencies")).toEqual(["credits:Agencies"]);
  });

  it("reads cited outlets and reports", () => {
    expect(cues("The deal collapsed, according to the WSJ report.")).toEqual(["cites:Wall Street Journal"]);
    expect(cues("The deal collapsed, the Los Angeles Times reported.")).toEqual(["cites:Los Angeles Times"]);
    expect(cues("The deal collapsed, according to US local media.")).toEqual(["cites:US local media"]);
    expect(cues("The deal collapsed, the minister told Reuters on Monday.")).toEqual(["cites:Reuters"]);
  });

  it("does not take photo credits or an outlet's own name as citations", () => {
    expect(cues("Image: Alfredo Estrella/AFP")).toEqual([]);
    expect(cues("Fox News has learned that the deal collapsed.", { outlet: "Fox News" })).toEqual([]);
  });

  it("credits agencies from metadata", () => {
    expect(cues("The minister resigned.", { agencies: ["Associated Press"] })).toEqual(["credits:AP"]);
  });

  it("is safe on adversarial input", () => {
    for (const text of ["according to " + "A ".repeat(500_000), "(".repeat(1_000_000), "a".repeat(1_000_000)]) {
      const d = doc(text);
      expect(within(1000, `findCues on ${text.slice(0, 12)}…`, () => findCues(d))).toEqual([]);
    }
  });
});

describe("independent groups", () => {
  it("joins documents linked by copies", () => {
    expect(independentGroups(["a", "b", "c", "d"], [{ from: "b", to: "a" }, { from: "c", to: "b" }])).toEqual([["a", "b", "c"], ["d"]]);
  });
});
