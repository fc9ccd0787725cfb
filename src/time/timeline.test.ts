import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RashomonDocument } from "../model/index.js";
import { buildTimeline, extractTimes } from "./index.js";
import { loadSeed } from "./seed-fixtures.js";
import { compatible, dateRange } from "./timeline.js";

function seedDocs(): RashomonDocument[] {
  return ["000", "001", "002", "003", "004"].map((id) => {
    const d = loadSeed(id);
    const r = extractTimes(d, { referenceDate: "2025-05-04" });
    return { ...d, times: r.times, events: r.events };
  });
}

describe("seed timeline (acceptance 2)", () => {
  const docs = seedDocs();
  const tl = buildTimeline(docs);
  const entry = (date: string, words: RegExp) => {
    const e = tl.find((x) => x.date === date && words.test(x.evidence.map((v) => docs.find((d) => d.id === v.document)!.text.slice(v.span.start, v.span.end)).join(" ")));
    if (!e) throw new Error(`no ${date} ${words}: ${tl.map((x) => `${x.date} ${x.text}`).join("\n")}`);
    return e;
  };
  const expected: [string, RegExp, string[]][] = [
    ["2015", /run for president/, ["001"]],
    ["2025-01", /order in January/, ["000"]],
    ["2025-02", /sending troops|National Guard/, ["001", "003"]],
    ["2025-02-19", /foreign terrorist organizations/, ["000"]],
    ["2025-04-16", /phone call/, ["002", "003", "004"]],
    ["2025-05-02", /Wall Street Journal/, ["000", "001", "002", "003"]],
    ["2025-05-03", /Sheinbaum (?:said|announced|revealed|spoke)/, ["000", "001", "002", "003", "004"]],
    ["2025-05-03", /White House/, ["000", "004"]],
  ];

  it("holds each event with its sources", () => {
    for (const [date, words, sources] of expected) {
      const e = entry(date, words);
      for (const s of sources) expect(e.documents, `${date} ${words}`).toContain(s);
      expect(e.conflict).toBe(false);
    }
    // Both the National Guard and the troops mentions are one entry.
    expect(entry("2025-02", /National Guard/)).toBe(entry("2025-02", /sending troops/));
    // Trump's January order is not merged with his return to the White House.
    expect(entry("2025-01", /order in January/).documents).toEqual(["000"]);
    // The White House statement stays apart from Sheinbaum's remarks.
    expect(entry("2025-05-03", /White House/)).not.toBe(entry("2025-05-03", /Sheinbaum said/));
  });

  it("orders entries in time", () => {
    // The expected entries are listed in time order; the two of May 3 may come either way round.
    const idx = expected.map(([date, words]) => tl.indexOf(entry(date, words)));
    for (let i = 1; i < 7; i++) expect(idx[i]!).toBeGreaterThan(idx[i - 1]!);
    expect(idx[7]!).toBeGreaterThan(idx[5]!);
    for (let i = 1; i < tl.length; i++) expect(dateRange(tl[i]!.date)!.start >= dateRange(tl[i - 1]!.date)!.start).toBe(true);
  });

  it("cites evidence spans that hold the entry's date text", () => {
    for (const e of tl) {
      expect(e.evidence.length).toBeGreaterThan(0);
      for (const ev of e.evidence) {
        const d = docs.find((x) => x.id === ev.document)!;
        expect(ev.span.end).toBeGreaterThan(ev.span.start);
        expect(d.events!.some((x) => x.span.start === ev.span.start && x.span.end === ev.span.end)).toBe(true);
      }
    }
  });

  it("computes times and events when a document lacks them", () => {
    const bare = ["000", "002"].map((id) => loadSeed(id));
    const t = buildTimeline(bare);
    expect(t.some((e) => e.date === "2025-05-02" && e.documents.join() === "000,002")).toBe(true);
  });
});

describe("dated events (issue part 3)", () => {
  it("dates a clause by the written day when a word of the publication day stands beside it", () => {
    const events = (text: string) => extractTimes({ id: "x", text, published: "2011-08-18", paragraphs: [] } as unknown as RashomonDocument).events.map((e) => e.date);
    expect(events("The operator said its partner network had a fibre cut near Suez this morning 16th August, before dawn.")).toEqual(["2011-08-16TMO"]);
    expect(events("It happened yesterday, May 3, in a town near the capital, the mayor said.")).toEqual(["2011-05-03"]);
    // A written day in parentheses after "today" is that day, and the clause runs on past the parenthesis.
    const paren = extractTimes({ id: "x", text: "The operator announced on its website today (14 October 2011) that all business customers were back online.", published: "2011-10-15", paragraphs: [] } as unknown as RashomonDocument);
    expect(paren.events.map((e) => [e.date, e.text])).toEqual([["2011-10-14", "The operator announced on its website today (14 October 2011) that all business customers were back online"]]);
    // "the day after he lost his job" counts from a happening no date is given for: no dated event; after a dated one, from it.
    expect(events("A fired accountant bought a shotgun the day after he lost his job, then returned to the office the following week, police said.")).toEqual([]);
    expect(events("The rally was held on Monday, and the day after, police made arrests across the city.")).toEqual(["2011-08-15", "2011-08-16"]);
    // A clock time's colon does not cut the clause.
    const r = extractTimes({ id: "x", text: "The outage began at 07:30 on Tuesday and was resolved at approximately 09:15, the company said.", published: "2011-08-18", paragraphs: [] } as unknown as RashomonDocument);
    expect(r.events.map((e) => e.text)).toContain("The outage began at 07:30 on Tuesday and was resolved at approximately 09:15");
    // Apart, they are two times: the report this morning of a cut on the 16th.
    expect(events("Officials said this morning that the cable had been cut on 16 August near the port.")).toEqual(["2011-08-18TMO", "2011-08-16"]);
  });

  it("ties each date to its clause", () => {
    const [d0, , d2] = seedDocs();
    const ev = (d: RashomonDocument, date: string, re: RegExp) => d.events!.find((e) => e.date === date && re.test(e.text));
    expect(ev(d2!, "2025-04-16", /phone call/)).toBeTruthy();
    expect(ev(d0!, "2025-05-02", /Wall Street Journal article published the day before/)).toBeTruthy();
    expect(ev(d0!, "2025-02-19", /^Trump designated .* foreign terrorist organizations on Feb\. 19$/)).toBeTruthy();
    for (const e of d0!.events!) expect(d0!.text.slice(e.span.start, e.span.end)).toBe(e.text);
  });
});

describe("conflicting dates", () => {
  const doc = (id: string, text: string): RashomonDocument => ({
    ...loadSeed("003"), id, text, paragraphs: [{ span: { start: 0, end: text.length }, kind: "paragraph" }], published: "2025-05-04", times: undefined, events: undefined,
  });
  it("keeps two dates for one event side by side and marks them", () => {
    const tl = buildTimeline([
      doc("a", "The foreign ministers signed the Geneva water treaty on March 3, officials in Bern confirmed."),
      doc("b", "The foreign ministers signed the Geneva water treaty on March 4, officials in Bern confirmed."),
      doc("c", "Separately, the central bank raised interest rates on March 4 to fight inflation."),
    ]);
    const treaty = tl.filter((e) => /treaty/.test(e.text));
    expect(treaty.map((e) => [e.date, e.conflict, e.documents.join()])).toEqual([
      ["2025-03-03", true, "a"],
      ["2025-03-04", true, "b"],
    ]);
    expect(tl.find((e) => /central bank/.test(e.text))!.conflict).toBe(false);
  });
});

describe("date ranges", () => {
  it("knows which values contain which", () => {
    expect(compatible(dateRange("2025-04")!, dateRange("2025-04-16")!)).toBe(true);
    expect(compatible(dateRange("2025-W18")!, dateRange("2025-05-02")!)).toBe(true);
    expect(compatible(dateRange("2025-W18")!, dateRange("2025-05-05")!)).toBe(false);
    expect(compatible(dateRange("2025-Q2")!, dateRange("2025-05")!)).toBe(true);
    expect(dateRange("PAST_REF")).toBeNull();
  });
  it("never throws on arbitrary text, and keeps spans inside it", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = extractTimes({ id: "p", text, paragraphs: [], published: "2025-05-04" });
        for (const t of r.times) expect(text.slice(t.span.start, t.span.end)).toBe(t.text);
        for (const e of r.events) expect(e.span.start >= 0 && e.span.end <= text.length).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
