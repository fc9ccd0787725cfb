import { describe, it, expect } from "vitest";
import { groupStories } from "./index.js";
import { makeDocument } from "./seeds.fixture.js";

const WIRE = [
  "HALIFAX, Nova Scotia (AP) — A cargo ship carrying 3,400 tonnes of fertilizer ran aground off the coast of Nova Scotia early Tuesday, the Canadian Coast Guard said, and crews were working to keep fuel from leaking into the harbour.",
  "The vessel, the Marlin Star, struck a sandbar near Sambro Island at about 4:30 a.m. while heading to the port of Halifax, coast guard spokesperson Renee Tasker told reporters.",
  "All 19 crew members were safe and no injuries were reported, Tasker said, adding that a tug from Dartmouth had reached the ship within two hours.",
  "Environment officials said a thin sheen had been spotted near the stern, but there was no sign of a major spill and booms had been laid around the hull as a precaution.",
  "The Marlin Star, registered in Liberia, left Rotterdam on Nov. 2 and was due to unload its cargo on Wednesday before sailing on to Saint John, New Brunswick.",
  "Transport Canada said it had opened an investigation into the grounding and would interview the captain and the pilot who guided the ship into the approach channel.",
  "Salvage crews planned to try to refloat the vessel at high tide on Wednesday evening, weather permitting.",
  "Fishermen in Sambro said the sandbar has caught ships before and called for better markers in the channel.",
];

const ADDED = [
  "Residents of Ketch Harbour said they woke to the sound of the ship's horn sounding for nearly an hour before dawn.",
  "Local councillor Amir Haddad said the municipality would hold a public briefing on Thursday evening at the fire hall.",
];

const INDEPENDENT = [
  "A freighter loaded with fertilizer has grounded on a sandbar outside Halifax harbour, and salvage teams hope to pull it free when the tide rises on Wednesday night.",
  "The Liberian-flagged Marlin Star went aground before dawn on Tuesday near Sambro Island, according to the Canadian Coast Guard, which sent a tug and a helicopter.",
  "None of the nineteen sailors aboard was hurt. Investigators from Transport Canada are expected to question the master of the ship and the harbour pilot.",
  "A small sheen of oil near the back of the vessel was contained with floating barriers, environment officials said late Tuesday.",
];

function doc(id: string, paras: string[], published: string, outlet: string) {
  const header = `${outlet}\nMenu | Subscribe\n\n`;
  const body = paras.join("\n\n");
  const text = header + body + "\n\nRelated: more news from the region";
  return makeDocument(id, text, header.length, header.length + body.length, { published, outlet, title: paras[0]!.slice(0, 60) });
}

const wire = doc("wire", WIRE, "2025-11-11T09:00", "AP");
const added = doc("local-added", [...WIRE.slice(0, 4), ...ADDED, ...WIRE.slice(4)], "2025-11-11T10:00", "Halifax Daily");
const half = doc("local-half", WIRE.slice(0, 4), "2025-11-11T11:00", "Sambro Courier");
const indep = doc("independent", INDEPENDENT, "2025-11-11T12:00", "Harbour Herald");
const stories = await groupStories([indep, half, wire, added]);

describe("wire copies and an independent article", () => {

  it("is one story", () => {
    expect(stories).toHaveLength(1);
    expect([...stories[0]!.documents].sort()).toEqual(["independent", "local-added", "local-half", "wire"]);
  });

  it("the three copies are one independent group; the independent article is its own", () => {
    expect(stories[0]!.lineage!.independentGroups).toEqual([["independent"], ["local-added", "local-half", "wire"]]);
  });

  it("copy edges link each republication to the wire story, with the shared spans in both documents", () => {
    const lineage = stories[0]!.lineage!;
    const byId = new Map([wire, added, half, indep].map((d) => [d.id, d]));
    for (const from of ["local-added", "local-half"]) {
      const e = lineage.edges.find((x) => x.kind === "copy" && x.from === from && x.to === "wire");
      expect(e, from).toBeDefined();
      const spansFrom = e!.evidence.filter((ev) => ev.document === from);
      const spansWire = e!.evidence.filter((ev) => ev.document === "wire");
      expect(spansFrom.length).toBe(spansWire.length);
      for (let i = 0; i < spansFrom.length; i++) {
        const a = byId.get(from)!.text.slice(spansFrom[i]!.span.start, spansFrom[i]!.span.end);
        const b = wire.text.slice(spansWire[i]!.span.start, spansWire[i]!.span.end);
        expect(a).toBe(b);
      }
      // The whole first paragraph of the wire is shared.
      const first = wire.text.indexOf(WIRE[0]!);
      expect(spansWire.some((s) => s.span.start <= first && s.span.end >= first + WIRE[0]!.length)).toBe(true);
    }
    // The added paragraphs are not part of any shared span.
    const addedEdge = lineage.edges.find((x) => x.kind === "copy" && x.from === "local-added" && x.to === "wire")!;
    const extra = added.text.indexOf(ADDED[0]!);
    expect(addedEdge.evidence.some((ev) => ev.document === "local-added" && ev.span.start <= extra && ev.span.end > extra)).toBe(false);
    expect(lineage.edges.some((x) => (x.kind === "copy" || x.kind === "rewrite") && (x.from === "independent" || x.to === "independent"))).toBe(false);
  });

  it("the wire story credits AP", () => {
    expect(stories[0]!.lineage!.edges.some((e) => e.from === "wire" && e.kind === "credits" && e.to === "agency:AP")).toBe(true);
  });
});
