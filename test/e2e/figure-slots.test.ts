import { describe, expect, it } from "vitest";
import { buildDossier } from "../../src/dossier/index.js";
import type { RashomonDocument, Story } from "../../src/model/index.js";
import { analyzeInput } from "../../src/pipeline/index.js";

const doc = (id: string, text: string): RashomonDocument => {
  const d = analyzeInput({ id, input: id, format: "text", content: text, url: null, given: {}, messages: [] });
  if (!("text" in d)) throw new Error(`${id} refused`);
  return d;
};

/** The dossier of a story made of the given documents. */
const dossierOf = (...docs: RashomonDocument[]) => {
  const story: Story = { id: "s", title: null, documents: docs.map((d) => d.id), firstSeen: null, lastSeen: null, outlets: [] };
  return buildDossier(story, docs);
};

/** The conflicting figures of a story made of the given documents. */
const figureConflicts = (...docs: RashomonDocument[]) => dossierOf(...docs).discrepancies.filter((d) => d.kind === "number" && !d.compatible);

describe("figures of one slot", () => {
  it("compares 'missed 10 games, including the finale' with 'missed nine games': a prepositional participle is not the predicate", () => {
    const a = doc("a", "Saints put Thomas on injured reserve\nThomas was hurt in the Saints' game against Atlanta in September and missed 10 games this season, including last Sunday's loss to Tampa Bay.\n");
    const b = doc("b", "Saints lose Thomas for the playoffs\nThomas missed nine games this season because of the ankle injury, including the regular-season finale.\n");
    const found = dossierOf(a, b).discrepancies.filter((d) => d.kind === "number" && /game/.test(d.topic));
    expect(found.map((d) => [d.compatible, d.sides.map((s) => s.documents.join()).sort()])).toEqual([[false, ["a", "b"]]]);
  });

  it("keeps a figure of another happening, dated months before the reports, out of the slot of their undated figures", () => {
    const given = { published: "2005-11-28" };
    const mk = (id: string, text: string) => {
      const d = analyzeInput({ id, input: id, format: "text", content: text, url: null, given, messages: [] });
      if (!("text" in d)) throw new Error(`${id} refused`);
      return d;
    };
    const a = mk("a", "Quake hits Qeshm island\nOfficials said the earthquake on Qeshm Island killed 10 people and destroyed seven villages.\n");
    const b = mk("b", "Deadly quake on Qeshm\nOfficials said the earthquake on Qeshm Island killed 12 people and destroyed seven villages.\n");
    const c = mk("c", "Iran's year of quakes\nOfficials said the earthquake on Zarand Island in February killed 612 people and destroyed seven villages.\n");
    const killed = dossierOf(a, b, c).discrepancies.filter((d) => d.kind === "number" && !d.compatible && /people/.test(d.topic));
    expect(killed.map((d) => d.sides.map((s) => s.text).sort())).toEqual([["10 people", "12 people"]]);
  });

  it("does not compare a rate with a total", () => {
    const a = doc("a", "Teixeira weighs offers\nTeixeira is seeking a contract worth $20 million per season, his agent told reporters on Monday.\n");
    const b = doc("b", "Teixeira and the offers\nTeixeira is seeking a contract worth $160 million, his agent told reporters on Monday.\n");
    expect(figureConflicts(a, b)).toEqual([]);
  });

  it("compares the figures of one player, not of two, nor of a pronoun", () => {
    const a = doc("a", "Colts beat Jaguars behind Peyton Manning\nManning threw for 364 yards and three touchdowns in the win over Jacksonville on Thursday night.\n");
    const b = doc("b", "Jaguars fall as David Garrard struggles\nGarrard threw for 329 yards and three touchdowns in the loss to Indianapolis on Thursday night.\n");
    const c = doc("c", "Peyton Manning leads Colts past Jaguars\nManning threw for 346 yards and three touchdowns in the win over Jacksonville on Thursday night.\n");
    // A sentence led by a pronoun says whose figure it is elsewhere: not compared with a named player's.
    const d = doc("d", "Colts clinch a playoff place\nHe threw for 300 yards and three touchdowns in the win over Jacksonville on Thursday night.\n");
    const yards = dossierOf(a, b, c, d).discrepancies.filter((d) => d.kind === "number" && !d.compatible && /yard/.test(d.topic));
    expect(yards.map((d) => d.sides.map((s) => `${s.text} ${s.documents.join()}`).sort())).toEqual([["346 yards c", "364 yards a"]]);
  });

  it("does not compare 'shot 11 times' with 'arrested four times': an irregular past is a predicate too", () => {
    const a = doc("a", "Vigil turns to protest in Vell Harbour\nThe vigil was held on Bridge Street in Vell Harbour, where the teenager was shot 11 times by police officers.\n");
    const b = doc("b", "Protest after a teenager dies in Vell Harbour\nThe vigil was held on Bridge Street in Vell Harbour, where the teenager had been arrested four times by police officers.\n");
    expect(figureConflicts(a, b)).toEqual([]);
  });

  it("finds a figure's owner in its sentence's subject, after role words ('Point guard Ty Lawson also chipped in')", () => {
    const a = doc("a", "Gulls beat Herons\nPoint guard Ty Lawson also chipped in 16 points for the Gulls in the win over the Herons on Thursday night.\n");
    const b = doc("b", "Herons fall to Gulls\nForward Deon Brook also chipped in 15 points for the Gulls in the win over the Herons on Thursday night.\n");
    expect(figureConflicts(a, b)).toEqual([]);
  });

  it("does not compare distances measured from different places", () => {
    const a = doc("a", "Pirates attack freighter\nThe warship was 150 nautical miles west of Aden when it answered the freighter's distress call on Saturday morning, officials said.\n");
    const b = doc("b", "Navy answers distress call\nThe warship was 13 nautical miles from the freighter when it answered the freighter's distress call on Saturday morning, officials said.\n");
    expect(figureConflicts(a, b)).toEqual([]);
  });
});

describe("one document is one account", () => {
  it("reports no difference inside a single document, whatever it states twice", () => {
    const a = doc("a", "Fire at harbour warehouse\nThe fire at the harbour warehouse killed three people, police said on Tuesday.\nBy the evening officials said four people had died in the fire at the harbour warehouse.\nMayor Ines Calloway called the response \"swift\"; the union called it \"slow\".\n");
    expect(dossierOf(a).discrepancies).toEqual([]);
    const b = doc("b", "Warehouse fire kills four\nThe fire at the harbour warehouse killed four people, officials said on Tuesday.\n");
    expect(dossierOf(a, b).discrepancies.length).toBeGreaterThan(0);
  });
});
