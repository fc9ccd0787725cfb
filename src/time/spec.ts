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
  /** Days counted from the time the narrative has set: the day before (-1), later that day (0). */
  | { k: "narr"; days: number }
  /** n units before (negative) or after the anchor: two years ago. */
  | { k: "ago"; n: number; unit: "D" | "W" | "M" | "Y" | "DE" }
  /** Quarter, half or season of a year given, or of the year `yOff` from the anchor's. */
  | { k: "part"; code: string; y?: number; yOff?: number; back?: boolean }
  /** A month with an explicit direction: last September (-1), next June (+1), this May (0). */
  | { k: "monthRel"; m: number; dir: -1 | 0 | 1 }
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
