import { describe, expect, it } from "vitest";
import { extractClaims } from "../claims/index.js";
import type { Claim } from "../model/index.js";
import { crowdDiscrepancies, crowdMentions } from "./crowds.js";

/** The claims of a document whose paragraphs are the given sentences. */
function claims(id: string, ...paragraphs: string[]): Claim[] {
  let text = "";
  const spans = paragraphs.map((p) => {
    const start = text.length;
    text += p + "\n\n";
    return { kind: "paragraph" as const, span: { start, end: start + p.length } };
  });
  return extractClaims({ id, text, paragraphs: spans, times: [], quotes: [] });
}

describe("crowdMentions", () => {
  it("reads crowd sizes of a gathering as ranges, with the place from the sentence or the document's lead, and who gives them", () => {
    const ms = crowdMentions([
      ...claims("a", "Riot police fired tear gas in Lund on Friday.", "Police said as many as 20,000 people marched through the streets of Lund."),
      ...claims("b", "Workers struck across the port city of Lund on Friday.", "Police put the march at roughly 30,000 people."),
    ]);
    expect(ms.map((m) => [m.document, m.place, m.low, m.high, m.according])).toEqual([
      ["a", "lund", 0, 20_000, "police"],
      ["b", "lund", 24_000, 36_000, "police"],
    ]);
  });

  it("reads a vague size, and leaves out a gathering told as one of its own and figures that count no crowd", () => {
    const ms = crowdMentions([
      ...claims("a", "Tens of thousands of protesters took to the streets of Lund.", "A crowd of about 1,000 people held a sit-down protest in Lund.", "The strike cost the port 4,000 euros an hour in Lund."),
    ]);
    expect(ms.map((m) => [m.text, m.low, m.high])).toEqual([["Tens of thousands", 10_000, 99_999]]);
  });

  it("takes no toll, no count of arrests and no air strike for a crowd", () => {
    expect(crowdMentions([
      ...claims("a", "At least 200 people were killed during the protests in Lund.", "Police arrested 150 protesters at the march in Lund.", "Air strikes on Lund left 300 people homeless."),
    ])).toEqual([]);
  });
});

describe("crowdDiscrepancies", () => {
  it("reports crowd sizes of one place that cannot all be true, every estimate a side", () => {
    const ds = crowdDiscrepancies([
      ...claims("a", "Police said as many as 20,000 people marched through Lund."),
      ...claims("b", "Tens of thousands marched through Lund, the city's biggest protest in years."),
      ...claims("c", "The Lund protest march was attended by an estimated 200,000 people."),
    ]);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ kind: "number", topic: "crowd size in Lund", compatible: false });
    expect(ds[0]!.sides.map((s) => [s.documents, s.according])).toEqual([[["a"], "police"], [["b"], null], [["c"], null]]);
  });

  it("calls overlapping estimates a difference in detail, and never compares two places or one document with itself", () => {
    const near = crowdDiscrepancies([...claims("a", "About 20,000 people marched through Lund."), ...claims("b", "Some 22,000 people marched through Lund.")]);
    expect(near).toHaveLength(1);
    expect(near[0]).toMatchObject({ compatible: true, reason: "estimates that overlap" });
    expect(crowdDiscrepancies([...claims("a", "About 20,000 people marched through Lund."), ...claims("b", "About 50,000 people marched in Malmo.")])).toEqual([]);
    expect(crowdDiscrepancies(claims("a", "About 20,000 people marched through Lund.", "Organisers said 60,000 people marched through Lund."))).toEqual([]);
  });
});
