/**
 * Our own recognition rules (chrono-style: an ordered list of small parsers, each
 * result tagged with its rule id). chrono-node handles calendar dates and clock
 * times well but has no notion of TIMEX3 durations, sets, the PAST/PRESENT/FUTURE
 * references, quarters, seasons or the narrative "the day before", and fills in
 * parts the text leaves out; these rules cover what it lacks.
 *
 * Every pattern is linear: alternations of fixed words, bounded repetition,
 * and no quantifier nested over an overlapping class.
 */
import { CALENDAR_RULES } from "./rules-calendar.js";
import type { TimeRule } from "./rules-common.js";
import { SPAN_RULES } from "./rules-span.js";
import type { Candidate } from "./spec.js";

export type { TimeRule } from "./rules-common.js";

/** The rules, in priority order. */
export const TIME_RULES: TimeRule[] = [...CALENDAR_RULES, ...SPAN_RULES];

/** Runs every rule over `text[from, to)` and returns all candidates (overlaps included). */
export function runRules(text: string, from: number, to: number): Candidate[] {
  const out: Candidate[] = [];
  const slice = text.slice(from, to);
  for (const rule of TIME_RULES) {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(slice)) !== null) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const built = rule.build(m, slice);
      if (!built) continue;
      const start = from + (built.start ?? m.index);
      const end = from + (built.end ?? m.index + m[0].length);
      out.push({ start, end, type: built.type, spec: built.spec, rule: rule.id });
    }
  }
  return out;
}
