import { describe, expect, it } from "vitest";
import { findNumbers } from "./numbers.js";

const read = (t: string) => findNumbers(t, { start: 0, end: t.length }).map((n) => [n.text, n.value, n.qualifier]);

// Shapes of figures met in tokenised news text (spaces around punctuation), written for this test.
describe("findNumbers in tokenised text", () => {
  it("reads a decimal with a space after its point, and MM as millions of a currency", () => {
    expect(read("a three - year, $37. 5 million contract")).toEqual([["three", 3, null], ["$37. 5 million", 37_500_000, null]]);
    expect(read("an eight - year, $200MM deal")).toEqual([["eight", 8, null], ["$200MM", 200_000_000, null]]);
    expect(read("a 6. 4 quake")).toEqual([["6. 4", 6.4, null]]);
  });

  it("does not join a year to the next sentence's number", () => {
    expect(read("It happened in 2005. 3 people were hurt")).toEqual([["2005", 2005, null], ["3", 3, null]]);
  });

  it("reads neither side of a clock's colon nor of a fraction", () => {
    expect(read("the shooting at 3: 10 p. m. on Friday")).toEqual([]);
    expect(read("he served 41 / 2 months in prison")).toEqual([]);
  });

  it("gives a conversion in brackets the approximation of the figure it converts", () => {
    expect(read("about 58km (36 miles) south - west of the port")).toEqual([["58", 58, "about"], ["36 miles", 36, "about"]]);
  });

  it("ends the counted phrase at its verb", () => {
    const t = "Seven bullets hit Mr. Okafor, and 20,000 people marched through the old town.";
    expect(findNumbers(t, { start: 0, end: t.length }).map((n) => [n.text, n.counts])).toEqual([["Seven", "bullets"], ["20,000", "people marched"]]);
  });
});
