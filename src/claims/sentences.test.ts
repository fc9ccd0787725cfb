import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences.js";

const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe("splitSentences", () => {
  it("keeps initials written together inside the sentence", () => {
    expect(split("Team general manager R.J. Okafor said in a statement that he was aware. The club said nothing more.")).toEqual([
      "Team general manager R.J. Okafor said in a statement that he was aware.",
      "The club said nothing more.",
    ]);
  });

  it("still ends a sentence at a full stop before a capital", () => {
    expect(split("The bridge closed on Tuesday. Divers examine it on Thursday!")).toEqual(["The bridge closed on Tuesday.", "Divers examine it on Thursday!"]);
  });

  it("keeps a clock cut at its point in tokenised text (at around 9. 35am) inside its sentence", () => {
    expect(split("Okafor, who was arrested at the pier at around 9. 35am, faces a charge. He denies it.")).toEqual([
      "Okafor, who was arrested at the pier at around 9. 35am, faces a charge.",
      "He denies it.",
    ]);
  });
});
