import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { within } from "../../test/support/time-limit.js";
import { describeTime, extractTimes } from "./index.js";

describe("describeTime: calendar values", () => {
  it("names a day with its weekday, a month, a year", () => {
    expect(describeTime("2025-10-16")).toBe("Thursday 16 October 2025");
    expect(describeTime("2025-10")).toBe("October 2025");
    expect(describeTime("2015")).toBe("2015");
  });
  it("names decades and centuries", () => {
    expect(describeTime("201")).toBe("the 2010s");
    expect(describeTime("198")).toBe("the 1980s");
    expect(describeTime("19")).toBe("the 20th century");
  });
  it("names seasons, quarters and halves", () => {
    expect(describeTime("2010-SU")).toBe("summer 2010");
    expect(describeTime("2010-FA")).toBe("autumn 2010");
    expect(describeTime("2025-Q3")).toBe("the third quarter of 2025");
    expect(describeTime("2025-H1")).toBe("the first half of 2025");
  });
  it("names weeks and weekends with the days they cover", () => {
    expect(describeTime("2010-W17")).toBe("week 17 of 2010 (26 April – 2 May 2010)");
    expect(describeTime("2010-W17-WE")).toBe("the weekend of week 17, 2010 (1–2 May 2010)");
    expect(describeTime("2026-W01")).toBe("week 1 of 2026 (29 December 2025 – 4 January 2026)");
    expect(describeTime("2010-W17-2")).toBe("Tuesday 27 April 2010");
  });
  it("names parts of the day and clock times on their day", () => {
    expect(describeTime("2025-10-14TMO", "TIME")).toBe("the morning of Tuesday 14 October 2025");
    expect(describeTime("2025-10-14TAF", "TIME")).toBe("the afternoon of Tuesday 14 October 2025");
    expect(describeTime("2025-10-14TEV", "TIME")).toBe("the evening of Tuesday 14 October 2025");
    expect(describeTime("2025-10-14TNI", "TIME")).toBe("the night of Tuesday 14 October 2025");
    expect(describeTime("2025-10-14T21:30", "TIME")).toBe("Tuesday 14 October 2025 at 21:30");
    expect(describeTime("2025-10-14T16:00Z", "TIME")).toBe("Tuesday 14 October 2025 at 16:00 UTC");
  });
  it("names the three references", () => {
    expect(describeTime("PRESENT_REF", "DATE")).toBe("now");
    expect(describeTime("PAST_REF", "DATE")).toBe("the past");
    expect(describeTime("FUTURE_REF", "DATE")).toBe("the future");
  });
  it("says which part of a value is unknown", () => {
    expect(describeTime("XXXX-10-16")).toBe("16 October, year unknown");
    expect(describeTime("XXXX-10")).toBe("October, year unknown");
    expect(describeTime("XXXX-Q2")).toBe("the second quarter, year unknown");
    expect(describeTime("XXXX-SU")).toBe("summer, year unknown");
    expect(describeTime("XXXX-WXX-2", "DATE")).toBe("a Tuesday, date unknown");
    expect(describeTime("XXXX-XX-XX")).toBe("an unknown day");
    expect(describeTime("XXXX-XX-XXT21:30", "TIME")).toBe("21:30, day unknown");
    expect(describeTime("XXXX")).toBe("an unknown year");
  });
});

describe("describeTime: durations and sets", () => {
  it("names durations", () => {
    expect(describeTime("P3D", "DURATION")).toBe("3 days");
    expect(describeTime("PT45M", "DURATION")).toBe("45 minutes");
    expect(describeTime("P2Y", "DURATION")).toBe("2 years");
    expect(describeTime("P1D", "DURATION")).toBe("1 day");
    expect(describeTime("PT0.5H", "DURATION")).toBe("30 minutes");
    expect(describeTime("P0.5D", "DURATION")).toBe("half a day");
    expect(describeTime("P1Y2M3D", "DURATION")).toBe("1 year, 2 months and 3 days");
    expect(describeTime("PXW", "DURATION")).toBe("some weeks");
    expect(describeTime("PTXH", "DURATION")).toBe("some hours");
  });
  it("names sets", () => {
    expect(describeTime("P1W", "SET")).toBe("every week");
    expect(describeTime("P1D", "SET")).toBe("every day");
    expect(describeTime("PT15M", "SET")).toBe("every 15 minutes");
    expect(describeTime("PT0.5H", "SET")).toBe("every 30 minutes");
    expect(describeTime("P2W", "SET")).toBe("every 2 weeks");
    expect(describeTime("XXXX-WXX-7", "SET")).toBe("every Sunday");
    expect(describeTime("TXXMO", "SET")).toBe("every morning");
  });
});

describe("describeTime: anything else", () => {
  it("returns what it cannot read unchanged", () => {
    for (const v of ["", "garbage", "P", "PT", "2025-02-30", "2025-13", "2025-W53", "2025-10-16T25:00", "XXXX-WXX-9"]) {
      expect(describeTime(v)).toBe(v);
    }
  });
  it("never throws and always returns a string, in bounded time", () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), fc.constantFrom(undefined, "DATE", "TIME", "DURATION", "SET" as const), (v, t) => {
      expect(typeof describeTime(v, t)).toBe("string");
    }));
    const long = "P1Y".repeat(300_000) + "2025-10-16T".repeat(100_000);
    expect(within(1000, "a megabyte value", () => describeTime(long))).toBe(long);
    expect(describeTime(null as unknown as string)).toBe("null");
  });
  it("describes every value the time stage gives the bundled example's sentences", () => {
    const text = "Divers will go down on Thursday. She spoke on Tuesday night, at 21:30 on Tuesday and every 15 minutes for two weeks, "
      + "in summer 2010, in the third quarter, in the 1980s, last weekend, this week, on April 16, recently, now and in the future.";
    const { times } = extractTimes({ id: "d", text, paragraphs: [], published: "2025-10-15" });
    expect(times.length).toBeGreaterThan(12);
    for (const t of times) expect(describeTime(t.value, t.type), t.value).not.toBe(t.value);
  });
});
