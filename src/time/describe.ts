/**
 * TIMEX3 values in plain English, for the people who read a report: the JSON keeps
 * the codes, the Markdown and HTML show "the evening of Tuesday 14 October 2025".
 *
 * Wording choices:
 * - A known day carries its weekday ("Thursday 16 October 2025"), also inside parts of
 *   the day and clock times: articles date things by weekday ("on Tuesday night"), and
 *   a fact-checker compares that weekday with the date we give it.
 * - Day before month, 24-hour clock ("at 21:30", "at 16:00 UTC").
 * - Weeks name the ISO week and, in brackets, the days it covers: "week 17 of 2010
 *   (26 April – 2 May 2010)"; "the weekend of week 17, 2010 (1–2 May 2010)".
 * - Parts of a value the text left open say so: "16 October, year unknown",
 *   "a Tuesday, date unknown", "an unknown day"; a duration of no stated length is
 *   "some weeks", a set of one "every few weeks".
 * - Anything else (a shape we do not emit, a malformed value) comes back unchanged.
 */
import { addDays, isoWeek, weekday, type Ymd } from "./calendar.js";
import type { TimexType } from "./spec.js";

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const PARTS: Record<string, string> = { MO: "morning", MI: "midday", AF: "afternoon", EV: "evening", NI: "night", DT: "daytime" };
const QUARTERS = ["first", "second", "third", "fourth"];
const SEASONS: Record<string, string> = { SP: "spring", SU: "summer", FA: "autumn", WI: "winter" };
const UNIT_NAMES: Record<string, string> = {
  Y: "year", M: "month", W: "week", D: "day", Q: "quarter", DE: "decade", CE: "century", H: "hour", TM: "minute", S: "second",
};
/** No value our stage emits is longer; anything longer is returned as it is. */
const MAX_LENGTH = 40;

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const plural = (unit: string): string => (unit === "century" ? "centuries" : `${unit}s`);
const article = (word: string): string => (/^[aeiou]/i.test(word) ? "an" : "a");
const ordinal = (n: number): string => `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th"}`;

/** "Thursday 16 October 2025" (weekday only when the year is known). */
function dayName(y: number | null, m: number, d: number): string {
  if (y === null) return `${d} ${MONTH_NAMES[m - 1]}`;
  return `${DAY_NAMES[weekday({ y, m, d })]} ${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** "26 April – 2 May 2010", "1–2 May 2010", "29 December 2025 – 4 January 2026". */
function dayRange(a: Ymd, b: Ymd): string {
  if (a.y !== b.y) return `${a.d} ${MONTH_NAMES[a.m - 1]} ${a.y} – ${b.d} ${MONTH_NAMES[b.m - 1]} ${b.y}`;
  if (a.m !== b.m) return `${a.d} ${MONTH_NAMES[a.m - 1]} – ${b.d} ${MONTH_NAMES[b.m - 1]} ${b.y}`;
  return `${a.d}–${b.d} ${MONTH_NAMES[b.m - 1]} ${b.y}`;
}

/** The Monday of ISO week `w` of year `y`, or null when that year has no such week. */
function mondayOf(y: number, w: number): Ymd | null {
  const jan4 = { y, m: 1, d: 4 };
  const monday = addDays(jan4, 1 - (weekday(jan4) || 7) + 7 * (w - 1));
  const back = isoWeek(monday);
  return back.y === y && back.w === w ? monday : null;
}

/** A time-of-day suffix (after the T): "at 21:30", "at 16:00 UTC", or a part of the day; null if unreadable. */
function clock(t: string): { at: string } | { pod: string } | null {
  if (t in PARTS) return { pod: t };
  const m = /^([01]\d|2[0-4]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/.exec(t);
  if (!m) return null;
  const zone = !m[4] ? "" : m[4] === "Z" ? " UTC" : ` (UTC${m[4].length === 5 ? `${m[4].slice(0, 3)}:${m[4].slice(3)}` : m[4]})`;
  return { at: `at ${m[1]}:${m[2]}${m[3] && m[3] !== "00" ? `:${m[3]}` : ""}${zone}` };
}

/** Puts a time of day on a described day: "the evening of …", "… at 21:30". */
function withTime(day: string, t: string | undefined, known: boolean): string | null {
  if (t === undefined) return day;
  const c = clock(t);
  if (!c) return null;
  if ("at" in c) return known ? `${day} ${c.at}` : `${c.at.slice(3)}, ${day}`;
  const word = PARTS[c.pod]!;
  if (!known) return `${article(word)} ${word}, ${day}`;
  return c.pod === "MI" ? `midday on ${day}` : `the ${word} of ${day}`;
}

/** YYYY, YYYY-MM, YYYY-MM-DD (X placeholders allowed), with an optional time. */
function calendar(value: string, set: boolean): string | null {
  const m = /^(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?(?:T(.{2,14}))?$/.exec(value);
  if (!m) return null;
  const y = m[1] === "XXXX" ? null : +m[1]!;
  const mo = m[2] === undefined || m[2] === "XX" ? null : +m[2];
  const d = m[3] === undefined || m[3] === "XX" ? null : +m[3];
  if (mo !== null && (mo < 1 || mo > 12)) return null;
  if (d !== null && (mo === null || d < 1 || d > daysIn(y ?? 2000, mo))) return null;
  if (m[4] !== undefined && m[3] === undefined) return null; // a time needs a day
  if (set && y === null && mo !== null) return withTime(`every ${d !== null ? `${d} ` : ""}${MONTH_NAMES[mo - 1]}`, m[4], true);
  if (mo !== null && d !== null) return withTime(`${dayName(y, mo, d)}${y === null ? ", year unknown" : ""}`, m[4], true);
  if (m[3] !== undefined) {
    if (y !== null) return withTime(`an unknown day in ${mo !== null ? `${MONTH_NAMES[mo - 1]} ` : ""}${y}`, m[4], true);
    if (mo !== null) return withTime(`a day in ${MONTH_NAMES[mo - 1]}, year unknown`, m[4], true);
    return m[4] === undefined ? "an unknown day" : withTime("day unknown", m[4], false);
  }
  if (mo !== null) return y !== null ? `${MONTH_NAMES[mo - 1]} ${y}` : `${MONTH_NAMES[mo - 1]}, year unknown`;
  if (m[2] !== undefined) return y !== null ? `an unknown month of ${y}` : "an unknown month";
  return y !== null ? String(y) : "an unknown year";
}

/** YYYY-Www, YYYY-Www-WE, YYYY-Www-D, XXXX-WXX-D (every or some weekday), with an optional time. */
function week(value: string, set: boolean): string | null {
  const m = /^(\d{4}|XXXX)-W(\d{2}|XX)(?:-(WE|[1-7]))?(?:T(.{2,14}))?$/.exec(value);
  if (!m) return null;
  const dayWord = m[3] === undefined ? "week" : m[3] === "WE" ? "weekend" : DAY_NAMES[+m[3] % 7]!;
  if (m[1] === "XXXX" || m[2] === "XX") {
    // "every Tuesday night", "a Tuesday at 21:30, date unknown"
    let name = dayWord, at = "";
    if (m[4] !== undefined) {
      const c = clock(m[4]);
      if (!c) return null;
      if ("pod" in c) name = `${dayWord} ${PARTS[c.pod]}`;
      else at = ` ${c.at}`;
    }
    return set ? `every ${name}${at}` : `${article(name)} ${name}${at}, date unknown`;
  }
  const y = +m[1]!, w = +m[2]!;
  const monday = w >= 1 ? mondayOf(y, w) : null;
  if (!monday) return null;
  const sunday = addDays(monday, 6);
  if (m[3] === undefined) return m[4] === undefined ? `week ${w} of ${y} (${dayRange(monday, sunday)})` : null;
  if (m[3] === "WE") return m[4] === undefined ? `the weekend of week ${w}, ${y} (${dayRange(addDays(monday, 5), sunday)})` : null;
  const day = addDays(monday, +m[3] - 1);
  return withTime(dayName(day.y, day.m, day.d), m[4], true);
}

/** Quarters, halves and seasons: 2025-Q3, 2025-H1, 2010-SU, XXXX-WI. */
function part(value: string): string | null {
  const m = /^(\d{4}|XXXX)-(Q[1-4]|H[12]|SP|SU|FA|WI)$/.exec(value);
  if (!m) return null;
  const year = m[1] === "XXXX" ? null : String(+m[1]!);
  const code = m[2]!;
  if (code[0] === "Q" || code[0] === "H") {
    const name = `the ${QUARTERS[+code[1]! - 1]} ${code[0] === "Q" ? "quarter" : "half"}`;
    return year ? `${name} of ${year}` : `${name}, year unknown`;
  }
  return year ? `${SEASONS[code]} ${year}` : `${SEASONS[code]}, year unknown`;
}

/** "3 days", "half a day", "1.5 years", "some weeks". */
function amount(n: string, unit: string): string {
  if (n === "X") return `some ${plural(unit)}`;
  const v = Number(n);
  if (v === 0.5) return `half ${/^h/.test(unit) ? "an" : "a"} ${unit}`;
  return `${n.replace(/^0+(?=\d)/, "")} ${v === 1 ? unit : plural(unit)}`;
}

/** Durations and sets of them: P3D, PT45M, P1Y2M, PT0.5H, PXW. */
function duration(value: string, set: boolean): string | null {
  const m = /^P((?:(?:\d{1,9}(?:\.\d{1,3})?|X)(?:DE|CE|[YMWDQ])){0,6})(?:T((?:(?:\d{1,9}(?:\.\d{1,3})?|X)[HMS]){1,3}))?$/.exec(value);
  if (!m || (!m[1] && !m[2])) return null;
  const parts: [string, string][] = [];
  for (const [, n, u] of m[1]!.matchAll(/(\d{1,9}(?:\.\d{1,3})?|X)(DE|CE|[YMWDQ])/g)) parts.push([n!, UNIT_NAMES[u!]!]);
  for (const [, n, u] of (m[2] ?? "").matchAll(/(\d{1,9}(?:\.\d{1,3})?|X)([HMS])/g)) {
    // A fraction of an hour in minutes: PT0.5H is "30 minutes" ("every 30 minutes").
    if (u === "H" && n !== "X" && !Number.isInteger(Number(n)) && Number.isInteger(Number(n) * 60)) parts.push([String(Number(n) * 60), "minute"]);
    else parts.push([n!, UNIT_NAMES[u === "M" ? "TM" : u!]!]);
  }
  if (set && parts.length === 1) {
    const [n, unit] = parts[0]!;
    if (n === "X") return `every few ${plural(unit)}`;
    if (Number(n) === 1) return `every ${unit}`;
  }
  const words = parts.map(([n, unit]) => amount(n, unit));
  const text = words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : words[0]!;
  return set ? `every ${text}` : text;
}

/**
 * Plain English for a TIMEX3 value of our time stage: "Thursday 16 October 2025",
 * "the evening of Tuesday 14 October 2025", "Tuesday 14 October 2025 at 21:30",
 * "October 2025", "the 2010s", "summer 2010", "the third quarter of 2025",
 * "week 17 of 2010 (26 April – 2 May 2010)", "now", "16 October, year unknown",
 * "3 days", "every week". `type` tells a set ("every Tuesday") from a date
 * ("a Tuesday, date unknown") where the value alone does not. Never throws; a value
 * it cannot read is returned unchanged.
 */
export function describeTime(value: string, type?: TimexType): string {
  try {
    if (typeof value !== "string") return String(value);
    if (value.length === 0 || value.length > MAX_LENGTH) return value;
    const set = type === "SET";
    if (value === "PRESENT_REF") return "now";
    if (value === "PAST_REF") return "the past";
    if (value === "FUTURE_REF") return "the future";
    if (/^\d{3}$/.test(value)) return `the ${+value * 10}s`;
    if (/^\d{2}$/.test(value)) return `the ${ordinal(+value + 1)} century`;
    const pod = /^TXX(MO|MI|AF|EV|NI|DT)$/.exec(value);
    if (pod) {
      const word = PARTS[pod[1]!]!;
      return type === undefined || set ? `every ${word}` : `${article(word)} ${word}`;
    }
    const out = value[0] === "P" ? duration(value, set) : (week(value, set) ?? part(value) ?? calendar(value, set));
    return out ?? value;
  } catch {
    return typeof value === "string" ? value : "";
  }
}
