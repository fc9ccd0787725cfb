import { describe, expect, it } from "vitest";
import type { Claim } from "../model/index.js";
import { ageDiscrepancies, findAges } from "./ages.js";

/** A one-sentence claim of a document, spanning the sentence from `at`. */
function claim(document: string, text: string, at = 0): Claim {
  return { id: `${document}:${at}`, document, text, span: { start: at, end: at + text.length }, entities: [], numbers: [], dates: [], attribution: null };
}

describe("findAges", () => {
  it("reads the shapes news writing gives a named person's age, with the age's own span", () => {
    const c = claim("d", "Forty-two-year-old Marta Ilves was charged; her lawyer, Tomas Berg, 51, said police held Ana Ruiz (19).", 10);
    const ages = findAges(c);
    expect(ages.map((a) => [a.name, a.age])).toEqual([["Marta Ilves", 42], ["Tomas Berg", 51], ["Ana Ruiz", 19]]);
    for (const a of ages) expect(c.text.slice(a.span.start - 10, a.span.end - 10)).toMatch(/^(?:Forty-two|51|19)$/);
  });

  it("reads 'age 61' and a role word between the age and the name", () => {
    expect(findAges(claim("d", "Police charged Dora Vale, age 61, on Friday.")).map((a) => a.age)).toEqual([61]);
    expect(findAges(claim("d", "The 33-year-old driver Ivo Kral was unhurt.")).map((a) => [a.name, a.age])).toEqual([["Ivo Kral", 33]]);
  });

  it("gives no age to an unnamed person, a place or an organisation, nor to a figure that is not an age", () => {
    expect(findAges(claim("d", "A 60-year-old woman was arrested."))).toEqual([]);
    expect(findAges(claim("d", "In Port Elna, 30 people were hurt; Harbour Bank, 12, closed."))).toEqual([]);
    expect(findAges(claim("d", "The Vell Harbour Authority (2019) report said so."))).toEqual([]);
  });
});

describe("ageDiscrepancies", () => {
  it("reports one person given two ages by two documents as a conflict, with each side's documents and spans", () => {
    const a = claim("a", "Sixty-year-old Nora Quist was arrested on Friday.");
    const b = claim("b", "Police arrested Nora Quist, 61, on Friday.");
    const [d, ...rest] = ageDiscrepancies([a, b]);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ kind: "number", topic: "age of Nora Quist", compatible: false });
    expect(d!.sides.map((s) => [s.text, s.documents])).toEqual([["60", ["a"]], ["61", ["b"]]]);
    expect(b.text.slice(d!.sides[1]!.evidence[0]!.span.start, d!.sides[1]!.evidence[0]!.span.end)).toBe("61");
  });

  it("never reports a conflict within one document: a surname given two ages there is two people", () => {
    const a = claim("a", "Karl Mott, 60, and his son Karl Mott, 31, were hurt.");
    const b = claim("b", "Karl Mott, 58, was hurt.");
    expect(ageDiscrepancies([a, b])).toEqual([]);
  });

  it("does not take two people who share a surname for one", () => {
    expect(ageDiscrepancies([claim("a", "Lena Ortt, 40, spoke."), claim("b", "Pavel Ortt, 44, spoke.")])).toEqual([]);
  });

  it("calls ages given years apart a difference in detail, and the same ages days apart a conflict", () => {
    const a = claim("a", "Ruben Salas, 27, was found hiding nearby.");
    const b = claim("b", "The 29-year-old Ruben Salas was sentenced.");
    const yearsApart = (d: string) => (d === "a" ? "2005-06-25" : "2007-05-16");
    expect(ageDiscrepancies([a, b], yearsApart)[0]).toMatchObject({ compatible: true, reason: "ages given at different times" });
    const daysApart = (d: string) => (d === "a" ? "2007-05-10" : "2007-05-16");
    expect(ageDiscrepancies([a, b], daysApart)[0]?.compatible).toBe(false);
    expect(ageDiscrepancies([a, b])[0]?.compatible).toBe(false);
  });
});
