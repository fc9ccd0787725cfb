import { describe, expect, it } from "vitest";
import { buildDossier } from "../../src/dossier/index.js";
import type { RashomonDocument, Story } from "../../src/model/index.js";
import { analyzeInput } from "../../src/pipeline/index.js";

const doc = (id: string, text: string): RashomonDocument => {
  const d = analyzeInput({ id, input: id, format: "text", content: text, url: null, given: {}, messages: [] });
  if (!("text" in d)) throw new Error(`${id} refused`);
  return d;
};

describe("figures of one slot", () => {
  it("compares 'missed 10 games, including the finale' with 'missed nine games': a prepositional participle is not the predicate", () => {
    const a = doc("a", "Saints put Thomas on injured reserve\nThomas was hurt in the Saints' game against Atlanta in September and missed 10 games this season, including last Sunday's loss to Tampa Bay.\n");
    const b = doc("b", "Saints lose Thomas for the playoffs\nThomas missed nine games this season because of the ankle injury, including the regular-season finale.\n");
    const story: Story = { id: "s", title: null, documents: ["a", "b"], firstSeen: null, lastSeen: null, outlets: [] };
    const found = buildDossier(story, [a, b]).discrepancies.filter((d) => d.kind === "number" && /game/.test(d.topic));
    expect(found.map((d) => [d.compatible, d.sides.map((s) => s.documents.join()).sort()])).toEqual([[false, ["a", "b"]]]);
  });
});
