import { describe, expect, it } from "vitest";
import { readsAlone, supportShare } from "./support.js";

// Sentences written for this test in the shapes the summary met on real stories.
describe("readsAlone", () => {
  it("accepts a sentence that names who and where", () => {
    expect(readsAlone("Harbour officials in Vell Harbour closed the Old Harbour Bridge on Tuesday after inspectors found cracks.")).toBe(true);
    expect(readsAlone("Okonkwo was in custody after being charged with two counts of arson.")).toBe(true);
    expect(readsAlone("Mayor Reyna said: “We will not reopen the bridge until the divers have finished.”")).toBe(true);
  });

  it("refuses a sentence that names nothing: its subject is in another sentence", () => {
    expect(readsAlone("The changes, which take effect in about thirty days, were drafted in four months.")).toBe(false);
    expect(readsAlone("Sixty residents were moved from their homes while nearby shops lost their windows.")).toBe(false);
    expect(readsAlone("The problems began at around 08:30 on Tuesday and were resolved an hour later.")).toBe(false);
  });

  it("refuses the writer's own voice outside quotation marks", () => {
    expect(readsAlone("After reading about his other offers, it seems clear that we are not going to be a factor for Teixeira.")).toBe(false);
    expect(readsAlone("Like you, I watched the Harbour Bridge footage twice before Reyna spoke.")).toBe(false);
  });

  it("refuses a heading run into the sentence and a pronoun subject after a clause that names no one", () => {
    expect(readsAlone("THREE MORE BRIDGES SHUT Vell Harbour closed two more crossings on Wednesday evening.")).toBe(false);
    expect(readsAlone("When he was arrested, he was on probation for an earlier offence in Vell Harbour.")).toBe(false);
    expect(readsAlone("When Okonkwo was arrested, he was on probation for an earlier offence in Vell Harbour.")).toBe(true);
  });
});

describe("readsAlone: subjects", () => {
  it("refuses a subject that only points back, but not one with a name or a restrictive phrase", () => {
    expect(readsAlone("The mayor said the bridge would stay shut until the divers reported on Thursday.")).toBe(false);
    expect(readsAlone("The deputy, who joined the force in 2004, is survived by his wife and two sons in Vell Harbour.")).toBe(false);
    expect(readsAlone("The Vell Harbour council said the bridge would stay shut until the divers reported.")).toBe(true);
    expect(readsAlone("The closure of the Old Harbour Bridge cut the old town off from the container port.")).toBe(true);
    expect(readsAlone("The woman who crossed the Old Harbour Bridge last was interviewed by Reyna's office.")).toBe(true);
  });

  it("refuses a sentence with no subject and a blog's note", () => {
    expect(readsAlone("Got it up on the Vell Harbour Post's site at 2:36 p.m., moments after filing.")).toBe(false);
    expect(readsAlone("Picked apart the Vell Harbour defence and led the Gulls to their eighth straight win.")).toBe(false);
    expect(readsAlone("Update: As readers noted in the comments, the Old Harbour Bridge reopens to cyclists.")).toBe(false);
    expect(readsAlone("Armed officers closed the Old Harbour Bridge to traffic on Tuesday evening.")).toBe(true);
  });
});

describe("supportShare", () => {
  it("is the share of the sentence's content words the cited span carries", () => {
    expect(supportShare("Reyna closed the bridge on Tuesday.", "On Tuesday the mayor, Reyna, closed the bridge to all traffic.")).toBe(1);
    expect(supportShare("Reyna closed the bridge on Tuesday.", "The ferry ran late.")).toBe(0);
  });
});
