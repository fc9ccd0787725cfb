import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import { isoDate, secondsToMs } from "./options.js";

describe("isoDate", () => {
  it("accepts real dates and times", () => {
    for (const d of ["2025-05-03", "2024-02-29", "2000-02-29", "2025-12-31", "2025-05-03T00:00", "2025-05-03T23:59:59"]) expect(isoDate(d)).toBe(d);
  });

  it("refuses impossible dates and times, saying why", () => {
    const why = (d: string) => {
      try {
        isoDate(d);
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidArgumentError);
        return (e as Error).message;
      }
      return "accepted";
    };
    expect(why("2025-02-30")).toBe("February 2025 has no day 30 (it has 28 days)");
    expect(why("2025-02-29")).toMatch(/February 2025 has no day 29/);
    expect(why("1900-02-29")).toMatch(/February 1900 has no day 29/);
    expect(why("2025-04-31")).toMatch(/April 2025 has no day 31 \(it has 30 days\)/);
    expect(why("2025-01-00")).toMatch(/has no day 00/);
    expect(why("2025-13-01")).toMatch(/no month 13/);
    expect(why("2025-00-10")).toMatch(/no month 00/);
    expect(why("2025-05-03T24:00")).toMatch(/not a time of day/);
    expect(why("2025-05-03T12:60")).toMatch(/not a time of day/);
    for (const bad of ["yesterday", "2025-5-3", "03/05/2025", "2025-05-03 12:00", "20250503", ""]) expect(why(bad)).toMatch(/expected an ISO date/);
  });
});

describe("secondsToMs", () => {
  it("reads seconds, fractions allowed", () => {
    expect(secondsToMs("60")).toBe(60_000);
    expect(secondsToMs("0.25")).toBe(250);
    expect(secondsToMs("0")).toBe(0);
    for (const bad of ["-1", "soon", "", "1e3"]) expect(() => secondsToMs(bad)).toThrow(InvalidArgumentError);
  });
});
