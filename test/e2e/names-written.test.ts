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

/** A story of fixture texts published on one day, built the way `analyze` builds one (lineage, timeline, quotes, dossier). */
function storyOf(id: string, published: string, texts: [string, string][]): { story: Story; docs: RashomonDocument[] } {
  const docs = texts.map(([doc, content]) => analyzeInput({ id: doc, input: doc, format: "text", content, url: null, given: { published }, messages: [] }) as RashomonDocument);
  const story: Story = { id, title: null, documents: docs.map((d) => d.id), firstSeen: null, lastSeen: null, outlets: [] };
  story.lineage = buildLineage(docs);
  enrichStory(story, docs);
  return { story, docs };
}

describe("names written two ways and title-case headlines (fixtures)", () => {
  it("reports two names as a conflict, an abbreviation as a detail, and nothing for a title-case headline", () => {
    const { story, docs } = storyOf("crash", "2013-09-14", [["crash-a", A], ["crash-b", B]]);
    const person = story.discrepancies!.filter((d) => d.kind === "person");
    const sides = (d: (typeof person)[number]) => d.sides.map((s) => s.text).sort().join(" / ");
    expect(person.map((d) => [sides(d), d.compatible, d.reason ?? null]).sort()).toEqual([
      ["Lieutenant / Lt", true, "abbreviation"],
      ["Webb / Webster", false, null],
    ]);
  });
});

// Two more reports of one arrest, written for these rules: a role named with initials, a title for a first
// name, an acronym, a name one letter longer, and a clock in tokenised text.
const C = [
  "Harbour Club Player Arrested",
  "\"We are aware of the incident involving Tomas,\" team general manager R.J. Okafor said in a statement on Sunday.",
  "Neighbours heard shouting at 3: 10 p. m. before the police arrived, said Luke Brandt, who lives next door to the club.",
  "The player was on probation for an earlier arrest, the CHP said in a short statement on Sunday.",
  "Officers said Tomas Raite had been driving a borrowed car when he was stopped on the coast road.",
  "The coach said at an emotional press conference that the club would wait for the courts to decide.",
  "The club's alarm went off at 2: 15 a. m. on Sunday, the security company told the police.",
].join("\n\n");
const D = [
  "Harbour Club Player Arrested",
  "\"We are aware of the incident involving Tomas,\" Harbour general manager R.J. Okoro said in a statement on Sunday.",
  "Neighbours heard shouting at 3: 40 p. m. before the police arrived, said Mr Brandt, who lives next door to the club.",
  "The player was on probation for an earlier arrest, the California Highway Patrol said in a short statement on Sunday.",
  "Officers said Tomas Rait had been driving a borrowed car when he was stopped on the coast road.",
  "The coach said at a news conference that the club would wait for the courts to decide.",
  "The club's alarm went off at 2: 45 a. m. on Sunday, the security company told the police.",
].join("\n\n");

describe("one name written two ways, and a name in two places (fixtures)", () => {
  it("reports the two surnames of one role and two clocks as conflicts, and a title, an acronym or one letter as details", () => {
    const { story, docs } = storyOf("arrest", "2009-01-12", [["arrest-c", C], ["arrest-d", D]]);
    const person = story.discrepancies!.filter((d) => d.kind === "person");
    const sides = (d: (typeof person)[number]) => d.sides.map((s) => s.text).sort().join(" / ");
    expect(person.map((d) => [sides(d), d.compatible, d.reason ?? null]).sort()).toEqual([
      ["CHP / California Highway Patrol", true, "abbreviation"],
      ["Luke / Mr", true, "a title for a first name"],
      ["Okafor / Okoro", false, null],
      ["Rait / Raite", true, "spelling"],
    ]);
    // "3: 10 p. m." is a clock, not the figures 3 and 10: two clocks for one moment are a conflict of time, shown whole.
    expect(story.discrepancies!.filter((d) => d.kind !== "person" && !d.compatible && d.sides.some((s) => /^\d+ p$/.test(s.text)))).toEqual([]);
    const clocks = story.discrepancies!.filter((d) => d.kind === "date");
    expect(clocks.map((d) => [d.compatible, d.sides.map((s) => s.text).sort()])).toEqual([[false, ["2: 15 a. m", "2: 45 a. m"]]]);
    for (const side of clocks[0]!.sides) {
      const e = side.evidence[0]!;
      expect(docs.find((x) => x.id === e.document)!.text.slice(e.span.start, e.span.end)).toBe(side.text);
    }
    // "At an emotional press conference" and "at a news conference" name an occasion, not two places.
    expect(story.discrepancies!.filter((d) => d.kind === "place")).toEqual([]);
  });
});

