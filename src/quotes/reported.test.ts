import { describe, expect, it } from "vitest";
import { lineDoc } from "../../test/support/line-doc.js";
import { extractQuotes, type ExtractedQuote } from "./index.js";

const run = (...ls: string[]): ExtractedQuote[] => extractQuotes(lineDoc(...ls)).quotes;
const find = (qs: ExtractedQuote[], start: string) => qs.find((q) => q.text.startsWith(start));

describe("reported speech and tokenised quotation marks (fixtures written for these rules)", () => {
  it("reads no speech in a base-form cue taking a noun and its preposition", () => {
    const qs = run("The plan would have the Department of Defense claim jurisdiction over a strip of land along the border, known as the Roosevelt Reservation.");
    expect(qs).toEqual([]);
    expect(run("Police say the man fled on foot.").map((q) => q.text)).toEqual(["the man fled on foot"]);
  });
  it("reads a counted subject after the cue as the reported clause, and 'said as' / 'said about' as none", () => {
    expect(run("Police said as many as 20,000 people took to the streets of Athens.").map((q) => [q.text, q.speaker?.name]))
      .toEqual([["as many as 20,000 people took to the streets of Athens", "Police"]]);
    expect(run("Witnesses said more than 50 people were hurt in the crush.").map((q) => q.text)).toEqual(["more than 50 people were hurt in the crush"]);
    expect(run("The mayor said about 1,000 residents had left.").map((q) => q.text)).toEqual(["about 1,000 residents had left"]);
    expect(run("The mayor waved and said as he left the hall.")).toEqual([]);
    expect(run("The mayor said more about the plan on Friday.")).toEqual([]);
  });
  it("takes the name, not the body, in 'X of the Y Church said'", () => {
    const qs = run("Larry Kroon of the Wasilla Bible Church said on Saturday that the fire was arson.");
    expect(qs.map((q) => [q.text, q.speaker?.name])).toEqual([["the fire was arson", "Larry Kroon"]]);
  });
  it("pairs marks with space on both sides and attributes after the close", () => {
    const qs = run("The shop was quiet on Tuesday.", "“ You try to put it out of your mind, ” said Crystal Davis, a neighbour.");
    const q = find(qs, "You try to put")!;
    expect(q.kind).toBe("direct");
    expect(q.speaker?.name).toBe("Crystal Davis");
  });
  it("keeps a quote open across lines until its closing mark", () => {
    const qs = run("Fanning Ali runs a shop.", "\"We saw the guy,\" Mr. Ali said.", "\"He was just going back and forth.", "After the shots, he put the lights off.", "\"It is terrifying.\"");
    const q = find(qs, "He was just going")!;
    expect(q.text.endsWith("It is terrifying.")).toBe(true);
  });
  it("finds '..., X said.' with the content before the comma", () => {
    const qs = run("Pastor Larry Kroon leads the church.", "A ladies' craft group was in the building when the fire broke out, Kroon said.");
    const q = find(qs, "A ladies' craft group")!;
    expect(q.kind).toBe("indirect");
    expect(q.text.endsWith("broke out")).toBe(true);
    expect(q.speaker?.name).toBe("Larry Kroon");
  });
  it("finds an inverted attribution with an appositive ('..., said Faud Ali, owner of ...')", () => {
    const qs = run("A woman ran screaming from the office, said Faud Ali, owner of a repair shop.");
    expect(find(qs, "A woman ran")?.speaker?.name).toBe("Faud Ali");
  });
  it("covers the whole sentence when the attribution interrupts it", () => {
    const qs = run("His barber, Julian Clark, agreed.", "Two years before, he said, an officer stopped him in front of the shop.");
    const q = find(qs, "Two years before")!;
    expect(q.text.endsWith("front of the shop")).toBe(true);
    expect(q.speaker?.name).toBe("Julian Clark");
  });
  it("takes the subject across an appositive ('Luke Pigeon, who lives next door, said ...')", () => {
    const qs = run("Luke Pigeon, who lives in an apartment next door, said he didn't hear a gunshot.");
    const q = find(qs, "he didn't hear")!;
    expect(q.speaker?.name).toBe("Luke Pigeon");
  });
  it("gives 'police said' to the police force the document names", () => {
    const qs = run("Vancouver Police spokesman Tim Fanning spoke on Saturday.", "The suspect was arrested after two hours, police said.");
    expect(find(qs, "The suspect was arrested")?.speaker?.name).toBe("Vancouver Police");
  });
  it("makes one mixed quote of reported speech with a quoted fragment", () => {
    const qs = run("TallGrass Distribution issued a statement.", "The statement said the company was \"deeply saddened by the death of our president.\"");
    const mixed = qs.filter((q) => q.kind === "mixed");
    expect(mixed).toHaveLength(1);
    expect(mixed[0]!.text.startsWith("the company was")).toBe(true);
    expect(qs.some((q) => q.kind === "direct")).toBe(false);
  });
  it("reads 'X described Y as \"...\"' as reported speech", () => {
    const qs = run("Assistant chief fire officer Peter Guest described the building as a \"total loss\".");
    const q = find(qs, "the building as")!;
    expect(q.kind).toBe("mixed");
    expect(q.speaker?.name).toBe("Peter Guest");
  });
  it("reads a headline that names its source after a colon", () => {
    const qs = run("Suspended Worker Kills 2 Women in Kraft Factory Shooting: Police", "The woman had just been escorted from the building.");
    const q = find(qs, "Suspended Worker")!;
    expect(q.text.endsWith("Shooting")).toBe(true);
    expect(q.speaker?.mention?.text).toBe("Police");
  });
  it("gives a quote hung on 'someone say' to no earlier speaker", () => {
    const qs = run("Armstead said she heard someone say, \"He has a gun,\" prompting her to go inside.");
    expect(find(qs, "He has a gun")?.speaker?.name).not.toBe("Armstead");
    expect(find(qs, "she heard someone say")?.speaker?.name).toBe("Armstead");
  });
  it("leaves scare quotes, titles and nominal objects alone", () => {
    expect(run("Police are treating the fire as \"potentially suspicious\".")).toHaveLength(0);
    expect(run("She starred in \"American Pie\" and \"Scrubs\".")).toHaveLength(0);
    expect(run("Neighbours reported a strong smell of gas.")).toHaveLength(0);
  });
});

describe("'..., said X' and '..., X said' guards (fixtures written in session 5)", () => {
  it("does not read an adjective, a clause's subject or a following 'that' as the inverted subject", () => {
    expect(run("Police said Dorn, alleged head of a smuggling ring in the port, hanged himself in his cell.").map((q) => [q.kind, q.speaker?.mention?.text ?? null]))
      .toEqual([["indirect", "Police"]]);
    expect(run("Relatives, including a brother who was a priest, insisted Dorn suffered from dementia.").map((q) => [q.text, q.speaker?.name ?? null]))
      .toEqual([["Dorn suffered from dementia", "Relatives"]]);
    const qs = run("Customs agents, who watched the quay from a rooftop, said that soon after arriving, Mr. Dorn would change his clothes.");
    expect(qs.map((q) => q.text)).toEqual(["soon after arriving, Mr. Dorn would change his clothes"]);
  });
  it("reads no speech in a passive with no source or after 'so'", () => {
    expect(run("Ada Vell, a former aide, was found dead in a motel, it was reported Wednesday.")).toEqual([]);
    expect(run("Since then, a new flaw has been attacked in the wild, so Harbour Soft has responded with an update.")).toEqual([]);
  });
  it("still reads a headline's bare role after 'says'", () => {
    expect(run("Teen shot by police did not have a gun, says witness").map((q) => q.speaker?.mention?.text ?? null)).toEqual(["witness"]);
  });
  it("takes the name after an owner's role words in 'said the company's threat researcher Name'", () => {
    const qs = run("\"The flaw is being exploited every day,\" said the company's advanced threat researcher Pavel Fergus.");
    expect(qs[0]?.speaker?.mention?.text).toBe("Pavel Fergus");
  });
});

describe("'CLAUSE, Name, description, told X.' (fixtures written in session 5)", () => {
  it("takes the name set off by commas before the cue, past a description, a relative clause or a region", () => {
    const cases = [
      "Dorn agreed to a six-year deal with the Rovers on Saturday, his agent Milo Kerr, told the Gazette.",
      "Thieves have found a new twist on this, Ada Vell, research director at Harbour Labs, told the Gazette.",
      "The plant will close next year, Ada Vell, who runs it, said.",
      "A suspected smuggler hanged himself overnight, police in Palermo, Sicily, said on Wednesday.",
      "His heart failed while he was reading a book, his son, Ike Dorn III, said.",
    ];
    const got = cases.map((c) => run(c).map((q) => [q.text.slice(0, 20), q.speaker?.mention?.text ?? null]));
    expect(got).toEqual([
      [["Dorn agreed to a six", "Milo Kerr"]],
      [["Thieves have found a", "Ada Vell"]],
      [["The plant will close", "Ada Vell"]],
      [["A suspected smuggler", "police"]],
      [["His heart failed whi", "Ike Dorn III"]],
    ]);
    expect(run(cases[4]!)[0]!.text).toBe("His heart failed while he was reading a book");
  });
  it("does not take the listener of 'told' for the speaker, nor the cue of a quote across lines twice", () => {
    expect(run("The deal was done, told the Gazette.").every((q) => q.speaker?.mention?.text !== "the Gazette")).toBe(true);
    const qs = run("\"We heard shots.", "We're on the third floor,\" Ada Vell, who works in the building, told CNN affiliate WKTV as the search went on.");
    expect(qs.map((q) => [q.kind, q.speaker?.name ?? null])).toEqual([["direct", "Ada Vell"]]);
  });
});
