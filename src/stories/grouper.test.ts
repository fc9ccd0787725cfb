import { within } from "../../test/support/time-limit.js";
import { describe, it, expect } from "vitest";
import { StoryGrouper, groupStories } from "./index.js";
import { makeDocument } from "./seeds.fixture.js";

const quake = (place: string, mag: string, who: string) =>
  `An earthquake of magnitude ${mag} struck near ${place} on Tuesday, collapsing buildings and cutting power. ` +
  `Rescuers searched the rubble in ${place} through the night, and ${who} said the death toll was rising. ` +
  `Aftershocks rattled ${place} as residents slept outdoors.`;

describe("StoryGrouper", () => {
  it("keeps two events of the same kind apart (names, places and numbers discriminate)", () => {
    const g = new StoryGrouper();
    const a1 = g.add({ id: "a1", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai"), published: "2025-01-01T10:00" });
    const b1 = g.add({ id: "b1", text: quake("Antakya", "6.4", "Minister Ali Yerlikaya"), published: "2025-01-01T11:00" });
    const a2 = g.add({ id: "a2", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai").replace("Tuesday", "Tuesday morning"), published: "2025-01-01T12:00" });
    const b2 = g.add({ id: "b2", text: quake("Antakya", "6.4", "Minister Ali Yerlikaya") + " Hospitals were overwhelmed.", published: "2025-01-01T13:00" });
    expect(a1).not.toBe(b1);
    expect(a2).toBe(a1);
    expect(b2).toBe(b1);
  });

  it("ages stories out of the candidate window", () => {
    const g = new StoryGrouper({ windowDays: 3 });
    const s1 = g.add({ id: "x1", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai"), published: "2025-01-01T10:00" });
    const s2 = g.add({ id: "x2", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai"), published: "2025-01-09T10:00" });
    expect(s2).not.toBe(s1);
    expect(g.stories()).toHaveLength(2);
  });

  it("lets a batch arrive out of time order: a later document does not shut an earlier story", () => {
    const g = new StoryGrouper({ windowDays: 3 });
    const a1 = g.add({ id: "a1", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai"), published: "2025-01-01T10:00" });
    const late = g.add({ id: "late", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai"), published: "2025-01-20T10:00" });
    const a2 = g.add({ id: "a2", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai") + " Schools stayed shut.", published: "2025-01-02T10:00" });
    const undated = g.add({ id: "u", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai") + " Trains stopped." });
    expect(late).not.toBe(a1);
    expect(a2).toBe(a1);
    expect([a1, late]).toContain(undated);
  });

  it("gives the same stories whatever the input order, for documents with equal times", () => {
    const docs = ["Sendai", "Antakya", "Sendai", "Antakya", "Sendai"].map((p, i) =>
      makeDocument(`d${i}`, quake(p, p === "Sendai" ? "7.1" : "6.4", p === "Sendai" ? "Governor Yoshihiro Murai" : "Minister Ali Yerlikaya") + ` Report ${i}.`, 0, 10_000, { published: "2025-01-01" }),
    );
    const norm = (ss: { documents: string[] }[]) => ss.map((s) => [...s.documents].sort()).sort();
    const a = norm(groupStories(docs));
    expect(norm(groupStories([...docs].reverse()))).toEqual(a);
    expect(norm(groupStories([docs[2]!, docs[0]!, docs[4]!, docs[1]!, docs[3]!]))).toEqual(a);
    expect(a).toEqual([["d0", "d2", "d4"], ["d1", "d3"]]);
  });

  it("reports changes for incremental persistence, including stories merged away", () => {
    const g = new StoryGrouper();
    g.add({ id: "a", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai") });
    const first = g.takeChanges();
    expect(first.changed.map((s) => s.documents)).toEqual([["a"]]);
    expect(g.takeChanges()).toEqual({ changed: [], removed: [] });
  });

  it("handles empty and adversarial texts", () => {
    const g = new StoryGrouper();
    within(1000, "adding an empty text", () => g.add({ id: "e", text: "" }));
    within(1000, "adding 1 MB of one letter", () => g.add({ id: "big", text: "a".repeat(1_000_000) }));
    within(1000, "adding 900 KB of capitalized words", () => g.add({ id: "caps", text: "Ab ".repeat(300_000) }));
    expect(g.size).toBe(3);
  });
});
