import { describe, expect, it } from "vitest";
import { buildLineage } from "../../src/lineage/index.js";
import type { RashomonDocument, Story } from "../../src/model/index.js";
import { analyzeInput, enrichStory } from "../../src/pipeline/index.js";

// Fixtures written for these rules: two reports of one crash, worded alike sentence by sentence.
const A = [
  "Woman Killed In Queens Crash, Driver Charged By Police",
  "A woman was killed by a hit-and-run driver in Queens on Friday night, police said.",
  "The driver, Marcus Webb, was arrested two blocks away and charged with leaving the scene of a fatal crash.",
  "Police Lt. Dana Ortiz said the driver had been drinking at a bar on Liberty Avenue before the crash.",
  "The woman was taken to Jamaica Hospital, where she was pronounced dead.",
].join("\n\n");
const B = [
  "Woman Killed In Queens Accident, Driver Charged By Police",
  "A woman was killed by a hit-and-run driver in Queens on Friday night, police said.",
  "The driver, Marcus Webster, was arrested two blocks away and charged with leaving the scene of a fatal crash.",
  "Police Lieutenant Dana Ortiz said the driver had been drinking at a bar on Liberty Avenue before the crash.",
  "The woman was taken to Jamaica Hospital, where she was pronounced dead.",
].join("\n\n");

describe("names written two ways and title-case headlines (fixtures)", () => {
  it("reports two names as a conflict, an abbreviation as a detail, and nothing for a title-case headline", () => {
    const docs = [["crash-a", A], ["crash-b", B]].map(([id, text]) => analyzeInput({ id: id!, input: id!, format: "text", content: text!, url: null, given: { published: "2013-09-14" }, messages: [] }) as RashomonDocument);
    const story: Story = { id: "crash", title: null, documents: docs.map((d) => d.id), firstSeen: null, lastSeen: null, outlets: [] };
    story.lineage = buildLineage(docs);
    enrichStory(story, docs);
    const person = story.discrepancies!.filter((d) => d.kind === "person");
    const sides = (d: (typeof person)[number]) => d.sides.map((s) => s.text).sort().join(" / ");
    expect(person.map((d) => [sides(d), d.compatible, d.reason ?? null]).sort()).toEqual([
      ["Lieutenant / Lt", true, "abbreviation"],
      ["Webb / Webster", false, null],
    ]);
  });
});
