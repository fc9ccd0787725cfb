import { describe, expect, it } from "vitest";
import { LIMITS } from "../model/index.js";
import { extractTimes } from "./index.js";
import { loadSeed } from "./seed-fixtures.js";

function timesOf(id: string) {
  const doc = loadSeed(id);
  const r = extractTimes(doc, { referenceDate: "2025-05-04" });
  return { doc, ...r };
}
function find(id: string, text: string, nth = 0) {
  const { doc, times } = timesOf(id);
  const hits = times.filter((t) => t.text === text);
  const t = hits[nth];
  if (!t) throw new Error(`${id}: no "${text}" in ${times.map((x) => x.text).join(" | ")}`);
  expect(doc.text.slice(t.span.start, t.span.end)).toBe(text);
  return t;
}

describe("seed time expressions (acceptance 1)", () => {
  it("anchors weekdays on the publication date, in the past", () => {
    expect(find("000", "Saturday").value).toBe("2025-05-03");
    expect(find("001", "Friday").value).toBe("2025-05-02");
    expect(find("003", "Friday").value).toBe("2025-05-02");
  });
  it("anchors 'the day before' and 'a day earlier' on the event they are before", () => {
    const a = find("000", "the day before");
    expect(a.value).toBe("2025-05-02");
    expect(a.anchor).toMatch(/^narrative:/);
    const b = find("002", "a day earlier");
    expect(b.value).toBe("2025-05-02");
    expect(b.anchor).toMatch(/^narrative:/);
  });
  it("anchors 'Later that day' on the narrative's May 3 when there is no publication date", () => {
    const t = find("004", "Later that day");
    expect(t.value).toBe("2025-05-03");
    expect(t.anchor).toMatch(/^narrative:/);
  });
  it("gives months and days the year the tense points to, at their own granularity", () => {
    expect(find("000", "last month").value).toBe("2025-04");
    expect(find("003", "April 16").value).toBe("2025-04-16");
    expect(find("002", "April 16").value).toBe("2025-04-16");
    expect(find("000", "Feb. 19").value).toBe("2025-02-19");
    expect(find("000", "January").value).toBe("2025-01");
    expect(find("003", "February").value).toBe("2025-02");
    expect(find("001", "2015").value).toBe("2015");
    expect(find("001", "this week").value).toBe("2025-W18");
  });
  it("normalizes durations and references", () => {
    const d = find("003", "45-minute");
    expect(d).toMatchObject({ type: "DURATION", value: "PT45M" });
    expect(find("004", "45 minutes").value).toBe("PT45M");
    expect(find("000", "recent months")).toMatchObject({ type: "DATE", value: "PAST_REF" });
  });
  it("leaves leading prepositions out of extents", () => {
    const { doc, times } = timesOf("000");
    const feb = times.find((t) => t.value === "2025-02-19")!;
    expect(doc.text.slice(feb.span.start - 3, feb.span.start)).toBe("on ");
    expect(times.some((t) => /^(?:on|in|since) /i.test(t.text))).toBe(false);
  });
  it("says where it inferred a year", () => {
    const { messages } = timesOf("003");
    expect(messages.some((m) => m.ruleId === "time:inferred-year" && /April 16/.test(m.reason))).toBe(true);
  });
  it("scans only the paragraphs (000's Toronto clutter is left out)", () => {
    const { times, doc } = timesOf("000");
    const cut = doc.text.indexOf("Submit a Correction");
    expect(times.every((t) => t.span.end <= cut)).toBe(true);
  });
});

describe("TIMEX3 values", () => {
  const run = (text: string, published: string | null = "2025-05-04", referenceDate?: string) =>
    extractTimes({ id: "t", text, paragraphs: [], published }, { referenceDate }).times.map((t) => [t.text, t.type, t.value]);

  it("keeps the granularity the text gives", () => {
    expect(run("Sales rose in the second quarter of 2025, in summer 2025, in 2025-W18 and in April 2025.")).toEqual([
      ["the second quarter of 2025", "DATE", "2025-Q2"],
      ["summer 2025", "DATE", "2025-SU"],
      ["2025-W18", "DATE", "2025-W18"],
      ["April 2025", "DATE", "2025-04"],
    ]);
  });
  it("never passes chrono's filled-in parts for known ones", () => {
    // chrono fills noon and the current year; the value carries neither.
    expect(run("She spoke on May 3.")).toEqual([["May 3", "DATE", "2025-05-03"]]);
    expect(run("She spoke on Saturday.")).toEqual([["Saturday", "DATE", "2025-05-03"]]);
    expect(run("It happened in December.")).toEqual([["December", "DATE", "2024-12"]]);
  });
  it("reads times, durations and sets", () => {
    expect(run("She spoke at 6:17 p.m. on Saturday. He spent two years there. They meet every week.")).toEqual([
      ["6:17 p.m. on Saturday", "TIME", "2025-05-03T18:17"],
      ["two years", "DURATION", "P2Y"],
      ["every week", "SET", "P1W"],
    ]);
  });
  it("reads the three references", () => {
    expect(run("Now the talks, stalled in recent months, will resume in the coming weeks.").map((x) => x[2])).toEqual([
      "PRESENT_REF", "PAST_REF", "FUTURE_REF",
    ]);
  });
  it("reads 'would' + verb in reported speech as the future of the report", () => {
    // Published on Tuesday 14 October 2025 (the bundled example): the divers go on Thursday the 16th.
    expect(run("He said divers would examine the foundations on Thursday.", "2025-10-14")[0]![2]).toBe("2025-10-16");
    expect(run("He said divers had examined the foundations on Thursday.", "2025-10-14")[0]![2]).toBe("2025-10-09");
  });
  it("reads no date in 'not one day earlier'", () => {
    expect(run("It stays closed until it is safe, not one day earlier, the mayor said.").filter((x) => x[1] === "DATE")).toEqual([]);
  });
  it("points a yearless month the way the tense points", () => {
    expect(run("The deal will close in February.")[0]![2]).toBe("2026-02");
    expect(run("The deal closed in February.")[0]![2]).toBe("2025-02");
  });
  it("uses the reference date when there is no publication date, and says so when there is neither", () => {
    expect(run("It ended last month.", null, "2025-01-10")[0]![2]).toBe("2024-12");
    const r = extractTimes({ id: "x", text: "It ended last month.", paragraphs: [], published: null });
    expect(r.times[0]!.value).toBe("XXXX-XX-XX");
    expect(r.messages.map((m) => m.ruleId)).toContain("time:unanchored");
  });
  it("warns about a publication date it cannot read", () => {
    const r = extractTimes({ id: "x", text: "Yesterday.", paragraphs: [], published: "soon" }, { referenceDate: "2025-05-04" });
    expect(r.messages.map((m) => m.ruleId)).toContain("time:bad-published");
    expect(r.times[0]!.value).toBe("2025-05-03");
  });
});

describe("adversarial input", () => {
  it("handles 1 MB of one character, and long runs of date-like tokens, without hanging", () => {
    for (const ch of ["a", "1", " ", "-", ":", "'", "."]) {
      const r = extractTimes({ id: "adv", text: ch.repeat(1_000_000), paragraphs: [], published: "2025-05-04" });
      expect(Array.isArray(r.times)).toBe(true);
    }
    const r = extractTimes({ id: "adv", text: "May 3 2025 ".repeat(20_000), paragraphs: [], published: "2025-05-04" });
    // 20,000 dates: the first LIMITS.timeExpressions are kept, and one message says so.
    expect(r.times.length).toBe(LIMITS.timeExpressions);
    expect(r.messages.filter((m) => m.ruleId === "time:too-many")).toHaveLength(1);
    for (const unit of ["the past ", "Friday ", "12:30 ", "two-year ", "every week "]) {
      const t = extractTimes({ id: "adv", text: unit.repeat(10_000), paragraphs: [], published: "2025-05-04" });
      expect(t.times.length).toBeGreaterThan(0);
    }
  });
});
