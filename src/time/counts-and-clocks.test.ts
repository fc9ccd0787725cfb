import { describe, expect, it } from "vitest";
import { extractTimes } from "./index.js";

/** [text, type, value] of every expression in `text`, for a report published on Saturday 3 May 2025. */
const run = (text: string, published = "2025-05-03") =>
  extractTimes({ id: "t", text, paragraphs: [], published }).times.map((t) => [t.text, t.type, t.value]);

describe("fractions and scores are not dates", () => {
  it("drops a yearless 'd/d' that is a fraction, a measure or a score, and keeps it after a word that introduces a day", () => {
    expect(run("The Greens won 1/2 of the seats on the council.")).toEqual([]);
    expect(run("The cyclists rode a 1/2 mile loop around the park.")).toEqual([]);
    expect(run("Hull led 2/1 at the break.")).toEqual([]);
    expect(run("The toll rises on 4/7, the port said.")).toEqual([["4/7", "DATE", "2025-04-07"]]);
  });

  it("reads a mixed or bare half as a number of units", () => {
    expect(run("The works took 3 1/2 years.")).toEqual([["3 1/2 years", "DURATION", "P3.5Y"]]);
    expect(run("He was given a 2-1/2 year sentence.")).toEqual([["2-1/2 year", "DURATION", "P2.5Y"]]);
    expect(run("The talk lasted a 1/2 hour.")).toEqual([["1/2 hour", "DURATION", "PT0.5H"]]);
  });
});

describe("clock times with seconds, and race times", () => {
  it("keeps the seconds of a time of day", () => {
    expect(run("The tremor struck at 3:07:35 a.m.")).toEqual([["3:07:35 a.m.", "TIME", "2025-05-03T03:07:35"]]);
    expect(run("The lights failed at 21:14:09 on Friday.")).toEqual([["21:14:09 on Friday", "TIME", "2025-05-02T21:14:09"]]);
    expect(run("The log entry reads 2025-04-30T06:00:12.")).toEqual([["2025-04-30T06:00:12", "TIME", "2025-04-30T06:00:12"]]);
  });

  it("reads a finishing time as a duration", () => {
    expect(run("The winner finished in 2:07:35.")).toEqual([["2:07:35", "DURATION", "PT2H7M35S"]]);
    expect(run("She set a time of 1:05:00 in the half marathon.")).toEqual([["1:05:00", "DURATION", "PT1H5M"]]);
    expect(run("He clocked 2:19:04 in Berlin.")).toEqual([["2:19:04", "DURATION", "PT2H19M4S"]]);
  });
});

describe("counted and bare units from now, ago and later", () => {
  it("dates 'N units from now / from today / hence' from the publication day, at the unit's granularity", () => {
    expect(run("The tunnel will open eight years from now.")).toEqual([["eight years from now", "DATE", "2033"]]);
    expect(run("The law applies two weeks from today.")).toEqual([["two weeks from today", "DATE", "2025-05-17"]]);
    expect(run("The reactor closes ten years hence.")).toEqual([["ten years hence", "DATE", "2035"]]);
    // A repetition counted from today is a set, not a day ahead.
    expect(run("The shuttle runs every 20 minutes from today.")).toEqual([["every 20 minutes", "SET", "PT20M"], ["today", "DATE", "2025-05-03"]]);
  });

  it("gives a bare plural unit no count: PTXM, PAST_REF before 'ago', FUTURE_REF before 'from now'", () => {
    expect(run("The roof fell in within minutes.")).toEqual([["minutes", "DURATION", "PTXM"]]);
    expect(run("Firemen arrived minutes later.")).toEqual([["minutes", "DURATION", "PTXM"]]);
    expect(run("The mill closed years ago.")).toEqual([["years ago", "DATE", "PAST_REF"]]);
    expect(run("She moved here a few months ago.")).toEqual([["a few months ago", "DATE", "PAST_REF"]]);
    expect(run("Decades from now the coast will look different.")).toEqual([["Decades from now", "DATE", "FUTURE_REF"]]);
  });
});
