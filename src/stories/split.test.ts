import { describe, it, expect } from "vitest";
import { bisect } from "./split.js";
import { MemoryGroupingState, StoryGrouper, groupInMemory } from "./index.js";
import { termCounts } from "./features.js";

// Two heists of the same kind in one city: shared vocabulary, different names, streets, sums and years.
const A = [
  "Armed robbers stormed the Maison Verlaine jewellery store on Rue Dufour in Paris on Thursday and escaped with gems worth 85 million euros, police said. Detective Claire Bonnard said four men were involved in the 2008 raid.",
  "Police in Paris are hunting four robbers who stole 85 million euros of jewels from Maison Verlaine on Rue Dufour. Claire Bonnard, who leads the inquiry, said the gang threatened staff with a handgun.",
  "The Maison Verlaine heist on Rue Dufour is one of the largest in French history, with 85 million euros in rings and necklaces taken, detective Claire Bonnard told reporters on Friday.",
  "Investigators led by Claire Bonnard examined footage from Rue Dufour after the Maison Verlaine robbery in Paris, in which four men took jewellery worth 85 million euros in December 2008.",
];
const B = [
  "Thieves rammed a car into the Kessler Freres boutique on Place Marbeuf in Paris on Monday and fled with watches and jewellery worth 2.6 million euros, prosecutor Henri Lamotte said in 2013.",
  "Prosecutor Henri Lamotte said the gang drove a stolen car through the window of Kessler Freres on Place Marbeuf before setting the vehicle on fire, taking jewellery worth 2.6 million euros.",
  "Paris police said the raid on Kessler Freres at Place Marbeuf netted 2.6 million euros in watches and jewels; Henri Lamotte, the prosecutor, said the car was found burnt out nearby.",
  "The smash-and-grab at Kessler Freres on Place Marbeuf in Paris, the third jewellery robbery in 2013, left the shop front wrecked, Henri Lamotte said, with 2.6 million euros of watches taken.",
];

describe("bisect", () => {
  it("cuts two blocks of similar members apart", () => {
    const groups = [0, 0, 1, 0, 1, 1];
    const sim = groups.map((g, i) => Float64Array.from(groups, (h, j) => (i === j ? 0 : g === h ? 0.6 : 0.1)));
    const b = bisect(sim)!;
    expect([...b.part]).toEqual(groups);
    expect(b.cross).toBeCloseTo(0.1);
    expect(b.within[0]).toBeCloseTo(0.6);
    expect(b.sizes).toEqual([3, 3]);
  });
});

describe("StoryGrouper splits", () => {
  it("splits a story that turns out to hold two events of the same kind (stories:split)", async () => {
    // A join threshold near 0 puts every document into one cluster; the split must undo it.
    const order = [A[0]!, B[0]!, A[1]!, B[1]!, A[2]!, B[2]!, A[3]!, B[3]!];
    const ids = ["a0", "b0", "a1", "b1", "a2", "b2", "a3", "b3"];
    const stories = await groupInMemory(order.map((text, i) => ({ id: ids[i]!, text, published: `2025-03-0${1 + (i >> 2)}T1${i}:00`, outlet: `O${i}` })), { threshold: 0.01, edgeFloor: 0.01 });
    expect(stories.map((s) => [...s.documents].sort()).sort()).toEqual([["a0", "a1", "a2", "a3"], ["b0", "b1", "b2", "b3"]]);
    const moved = stories.find((s) => s.documents.includes("b0"))!;
    expect(moved.outlets).toEqual(["O1", "O3", "O5", "O7"]);
    expect(moved.firstSeen).toBe("2025-03-01T11:00");
  });

  it("keeps the two heists apart with the default options, in interleaved arrival", async () => {
    const index = new MemoryGroupingState();
    const g = new StoryGrouper({}, index);
    const order = [A[0]!, B[0]!, A[1]!, B[1]!, A[2]!, B[2]!, A[3]!, B[3]!];
    for (const [i, text] of order.entries()) await g.add({ id: `${i % 2 ? "b" : "a"}${i >> 1}`, text });
    expect(index.storyOf("a0")).toBe(index.storyOf("a3"));
    expect(index.storyOf("b0")).toBe(index.storyOf("b3"));
    expect(index.storyOf("a0")).not.toBe(index.storyOf("b0"));
    expect(index.documentsOf(index.storyOf("a0")!)).toHaveLength(4);
  });
});

describe("termCounts", () => {
  it("keeps decimals whole, and puts years, dates and multiword names in their own kinds", () => {
    const c = termCounts("Quake of magnitude 7.1 hits. It killed 2,500 people on Tuesday, 12 May 2009, said Governor Ali Yerlikaya. It may rain.");
    expect(c.get("d:7.1")).toBe(1);
    expect(c.get("d:2,500")).toBe(1);
    expect(c.get("y:2009")).toBe(1);
    expect(c.get("t:tue")).toBe(1);
    expect(c.get("t:may")).toBe(1);
    expect(c.get("p:governor ali yerlikaya")).toBe(1);
    expect(c.get("n:yerlikaya")).toBe(1);
  });
});
