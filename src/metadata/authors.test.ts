import { within } from "../../test/support/time-limit.js";
import { describe, it, expect } from "vitest";
import { agencyOf, parseAuthors } from "./authors.js";
import { normalizeDate } from "./dates.js";

describe("parseAuthors", () => {
  it("splits 'X and Y', 'X, Y' and '&', stripping 'By' and roles", () => {
    expect(parseAuthors(["By Jane Doe and John Smith"]).authors).toEqual(["Jane Doe", "John Smith"]);
    expect(parseAuthors(["Ana López, Luis Pérez & Marta Ruiz"]).authors).toEqual(["Ana López", "Luis Pérez", "Marta Ruiz"]);
    expect(parseAuthors(["By Jo Bloggs, Senior Correspondent"]).authors).toEqual(["Jo Bloggs"]);
  });

  it("drops dates, URLs and e-mails from bylines", () => {
    expect(parseAuthors(["Jane Doe | March 3, 2025"]).authors).toEqual(["Jane Doe"]);
    expect(parseAuthors(["Written by Moses Kim April 8, 2024"]).authors).toEqual(["Moses Kim"]);
    expect(parseAuthors(["Jane Doe jane@example.com https://example.com/jane"]).authors).toEqual(["Jane Doe"]);
    expect(parseAuthors(["By Jane Doe Updated 4:00 PM EDT"]).authors).toEqual(["Jane Doe"]);
  });

  it("keeps post-nominal credentials with the name", () => {
    expect(parseAuthors(["Genevieve Carlton, Ph.D."]).authors).toEqual(["Genevieve Carlton, Ph.D."]);
    expect(parseAuthors(["Dylan Bailey, MS, RD"]).authors).toEqual(["Dylan Bailey, MS, RD"]);
  });

  it("detects agencies and keeps them out of authors", () => {
    const p = parseAuthors(["By María García, with AFP and The Associated Press"]);
    expect(p.authors).toEqual(["María García"]);
    expect(p.agencies).toEqual(["AFP", "AP"]);
    expect(parseAuthors(["Staff and agencies"]).agencies).toEqual(["Agencies"]);
    for (const a of ["EFE", "Reuters", "Xinhua", "dpa", "ANSA", "PA Media"]) expect(agencyOf(a)).not.toBeNull();
    expect(agencyOf("Paul")).toBeNull();
  });

  it("drops the outlet's own name", () => {
    const p = parseAuthors(["Jane Doe, The Daily Planet"], { outlets: ["The Daily Planet"] });
    expect(p.authors).toEqual(["Jane Doe"]);
    expect(p.dropped).toEqual(["The Daily Planet"]);
  });

  it("un-inverts citation-style names", () => {
    expect(parseAuthors(["Roy, Aniruddha", "Patel, Jyoti"], { structured: true, inverted: true }).authors)
      .toEqual(["Aniruddha Roy", "Jyoti Patel"]);
  });

  it("stays fast on adversarial input", () => {
    within(2000, "parseAuthors on 3 MB", () => parseAuthors(["a".repeat(1_000_000), "By " + "A ".repeat(500_000), ",".repeat(1_000_000)]));
  });
});

describe("normalizeDate", () => {
  it("keeps the zone when given and never invents one", () => {
    expect(normalizeDate("2025-05-03T14:05:00-0600")).toBe("2025-05-03T14:05:00-06:00");
    expect(normalizeDate("2025-05-03T14:05:00.123Z")).toBe("2025-05-03T14:05:00.123Z");
    expect(normalizeDate("2025-05-03 14:05")).toBe("2025-05-03T14:05:00");
    expect(normalizeDate("2025-05-03")).toBe("2025-05-03");
    expect(normalizeDate("20250503")).toBe("2025-05-03");
  });

  it("reads written dates through chrono", () => {
    expect(normalizeDate("May 3, 2025")).toBe("2025-05-03");
    expect(normalizeDate("3 May 2025 10:02 AM")).toBe("2025-05-03T10:02:00");
    expect(normalizeDate("Sat, 03 May 2025 16:02:00 GMT")).toBe("2025-05-03T16:02:00Z");
  });

  it("returns null for partial, impossible or garbage dates", () => {
    expect(normalizeDate("May 2025")).toBeNull();
    expect(normalizeDate("2025-02-30")).toBeNull();
    expect(normalizeDate("yesterday-ish")).toBeNull();
    expect(normalizeDate("9".repeat(1_000_000))).toBeNull();
    expect(normalizeDate(null)).toBeNull();
  });
});

describe("parseAuthors: collective bylines and structured names", () => {
  it("keeps a newsroom signing as a group", () => {
    expect(parseAuthors(["Podium Staff"]).authors).toEqual(["Podium Staff"]);
    expect(parseAuthors(["TOI Lifestyle Desk / etimes.in / Updated: Dec 17, 2025"]).authors).toEqual(["TOI Lifestyle Desk"]);
    expect(parseAuthors(["By Jo Bloggs, Staff Writer"]).authors).toEqual(["Jo Bloggs"]);
  });

  it("drops a structured value only when every word is a role", () => {
    expect(parseAuthors(["Staff Clinician"], { structured: true }).authors).toEqual(["Staff Clinician"]);
    expect(parseAuthors(["Senior Staff Writer"], { structured: true }).authors).toEqual([]);
  });
});
