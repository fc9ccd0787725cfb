import { describe, expect, it } from "vitest";
import type { Claim } from "../model/index.js";
import { deathMannerDiscrepancies } from "./death-manner.js";

/** A one-sentence claim of a document. */
function claim(document: string, text: string): Claim {
  return { id: `${document}:0`, document, text, span: { start: 0, end: text.length }, entities: [], numbers: [], dates: [], attribution: null };
}

describe("deathMannerDiscrepancies", () => {
  it("reports documents that say the same victims died differently, with who says which", () => {
    const ds = deathMannerDiscrepancies([
      claim("a", "Radio Vell reports that two warehouse guards were burned to death."),
      claim("b", "Two warehouse guards suffocated after the roof caught fire."),
    ]);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ kind: "characterisation", topic: "how the victims died", compatible: false });
    expect(ds[0]!.sides.map((s) => [s.text, s.documents, s.according])).toEqual([["burned to death", ["a"], "Radio Vell"], ["suffocated", ["b"], null]]);
  });

  it("reports nothing when one document tells of deaths of two kinds, or when the sentences share nothing of what the deaths are of", () => {
    expect(deathMannerDiscrepancies([
      claim("a", "One guard was shot dead and another was stabbed to death at the depot."),
      claim("b", "A guard was shot dead at the depot."),
      claim("c", "A guard was stabbed to death at the depot."),
    ])).toEqual([]);
    expect(deathMannerDiscrepancies([claim("a", "A fisherman drowned off Port Elna."), claim("b", "Two miners suffocated underground in Kesk.")])).toEqual([]);
  });

  it("reports nothing when every document agrees", () => {
    expect(deathMannerDiscrepancies([claim("a", "The guards were burned to death in the warehouse."), claim("b", "Two guards burned to death in the warehouse fire.")])).toEqual([]);
  });
});
