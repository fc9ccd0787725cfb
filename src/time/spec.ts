/**
 * What a recognized expression means before it is anchored: a small tagged union
 * that the resolver turns into a TIMEX3 value. Parsers only say what the text
 * says; everything the text leaves out (the year of "April 16", the day of
 * "Saturday") is filled in by the resolver from an anchor, never invented.
 */
export type TimexType = "DATE" | "TIME" | "DURATION" | "SET";

/** The meaning of one expression, to be anchored. */
export type Spec =
  /** Calendar parts given by the text; a missing year is inferred from the anchor and tense. */
  | { k: "cal"; y?: number; m?: number; d?: number; hh?: number; mi?: number; se?: number; utc?: boolean; pod?: string }
  /** A weekday, optionally with a part of day; `shift` is -1 for "last", +1 for "next", null to follow tense. */
  | { k: "weekday"; dow: number; shift: -1 | 0 | 1 | null; pod?: string; hh?: number; mi?: number; se?: number; utc?: boolean }
  /** A unit counted from the publication anchor: today (D,0), last month (M,-1), this week (W,0). */
  | { k: "rel"; unit: "D" | "W" | "M" | "Y" | "Q" | "WE"; n: number; pod?: string; hh?: number; mi?: number; se?: number; utc?: boolean }
  /** A time of day counted from the narrative/publication day; `se` when the text gives seconds. */
  | { k: "clock"; hh: number; mi: number; se?: number; utc: boolean }
  /** Days counted from the time the narrative has set: the day before (-1), later that day (0); `pod` a part of that day. */
  | { k: "narr"; days: number; pod?: string }
  /** n units before (negative) or after the anchor: two years ago. */
  | { k: "ago"; n: number; unit: "D" | "W" | "M" | "Y" | "DE" }
  /** Quarter, half or season of a year given, or of the year `yOff` from the anchor's. */
  | { k: "part"; code: string; y?: number; yOff?: number; back?: boolean }
  /** The nth (or last, -1) week of a month, as ISO weeks: the weeks whose Thursday falls in the month. */
  | { k: "monthWeek"; m: number; n: number; y?: number }
  /** A month with an explicit direction: last September (-1), next June (+1), this May (0). */
  | { k: "monthRel"; m: number; dir: -1 | 0 | 1 }
  /**
   * The period a year before the one the text last named: "the same month a year ago",
   * "the year-earlier quarter". `unit` says which granularity it keeps: a month, a
   * quarter, or (P) whatever the named period was.
   */
  | { k: "yearBefore"; unit: "M" | "Q" | "P" }
  /**
   * A year, quarter or month counted from the one the text last named (TIDES: anaphoric):
   * "the previous year" (-1), "the following month" (+1), "that year" (0). With `keep`, a year
   * step keeps the named period's quarter or month: "Q3 profit ... from a year earlier" is last year's Q3.
   * `code` is a month within the year ("September of that year").
   */
  | { k: "anaph"; unit: "Y" | "Q" | "M"; n: number; keep?: boolean; code?: string }
  /** The year, quarter or month that ends on a given day: "the year ended Dec. 31", "the quarter ending June 30". */
  | { k: "endingOn"; unit: "Y" | "Q" | "M"; m: number; d: number; y?: number }
  /** A holiday whose day moves with the year: Easter (and Good Friday), US Thanksgiving, Memorial and Labor Day. */
  | { k: "holiday"; name: "easter" | "goodfriday" | "thanksgiving" | "memorial" | "labor"; y?: number }
  /** A value the text fully gives: 2015, P2Y, PAST_REF, 198 (the 1980s). */
  | { k: "lit"; value: string };

/** One candidate expression found by a rule. */
export interface Candidate {
  start: number;
  end: number;
  type: TimexType;
  spec: Spec;
  rule: string;
}
