import { describe, expect, it } from "vitest";
import type { Claim, TimeExpression } from "../model/index.js";
import { dayDiscrepancies, dayMentions } from "./days.js";

/** One document of one sentence, with its weekday expressions found by hand. */
function doc(id: string, text: string) {
  const claim: Claim = { id: `${id}#0`, document: id, text, span: { start: 0, end: text.length }, entities: [], numbers: [], dates: [], attribution: null };
  const times: TimeExpression[] = [];
  for (const m of text.matchAll(/\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g)) {
    times.push({ text: m[0], span: { start: m.index!, end: m.index! + m[0].length }, value: "2030-01-01", type: "DATE", anchor: "publication" });
  }
  return dayMentions([claim], times, null);
}

describe("dayDiscrepancies", () => {
  it("reports two documents that give one happening different days", () => {
    const ms = [...doc("a", "The club signed striker Marta Okonjo on Monday."), ...doc("b", "Rovers signed striker Marta Okonjo on Tuesday to cover the injuries.")];
    const ds = dayDiscrepancies(ms, null);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.compatible).toBe(false);
    expect(ds[0]!.sides.map((s) => [s.text, s.documents])).toEqual([["Monday", ["a"]], ["Tuesday", ["b"]]]);
  });

  it("makes no conflict when one document gives both days", () => {
    const ms = [
      ...doc("a", "The club signed striker Marta Okonjo on Monday."),
      ...doc("b", "Rovers signed striker Marta Okonjo on Tuesday to cover the injuries."),
      ...doc("b", "Some reports said the club signed striker Marta Okonjo on Monday."),
    ];
    expect(dayDiscrepancies(ms, null)).toEqual([]);
  });

  it("keeps different happenings on different days apart", () => {
    const ms = [...doc("a", "The club signed striker Marta Okonjo on Monday."), ...doc("b", "The club signed defender Lena Vasquez on Tuesday."), ...doc("c", "Marta Okonjo scored twice on Saturday.")];
    expect(dayDiscrepancies(ms, null)).toEqual([]);
  });

  it("does not depend on the order of the documents", () => {
    const a = doc("a", "The club signed striker Marta Okonjo on Monday.");
    const b = doc("b", "Rovers signed striker Marta Okonjo on Tuesday to cover the injuries.");
    const c = doc("c", "They signed Marta Okonjo on Tuesday.");
    expect(dayDiscrepancies([...c, ...b, ...a], null)).toEqual(dayDiscrepancies([...a, ...b, ...c], null));
  });
});

describe("dayMentions", () => {
  it("leaves out days of a statement, relative days and a day that modifies a noun", () => {
    const ms = [
      ...doc("a", "Officials said Friday that the ferry Maria Lund sank near the harbour."),
      ...doc("b", "The ferry Maria Lund sank last Tuesday near the harbour."),
      ...doc("c", "Crews searched after Sunday's sinking of the ferry Maria Lund."),
    ];
    expect(ms.map((m) => m.day)).toEqual([]);
  });

  it("keeps apart a name that is the winner in one clause and the loser in another", () => {
    const ms = [...doc("a", "Creighton defeated Drake on Friday in the quarterfinals."), ...doc("b", "Drake defeated Bradley on Thursday in the opening round.")];
    expect(dayDiscrepancies(ms, null)).toEqual([]);
  });
});
