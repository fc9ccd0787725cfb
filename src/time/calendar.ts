/**
 * Small calendar helpers on plain year/month/day triples (UTC, no zones).
 * Our own code: the only date library installed is chrono-node, which parses
 * but does not do ISO-week or month arithmetic on partial dates; these few
 * lines on `Date.UTC` avoid a dependency.
 */

/** A calendar day. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const pad = (n: number, w = 2): string => String(Math.trunc(n)).padStart(w, "0");

/** Formats as YYYY, YYYY-MM or YYYY-MM-DD depending on what is given. */
export function fmt(y: number, m?: number, d?: number): string {
  let s = pad(y, 4);
  if (m !== undefined) s += `-${pad(m)}`;
  if (m !== undefined && d !== undefined) s += `-${pad(d)}`;
  return s;
}

/** Formats a time of day suffix, with seconds when given: T03:07 or T03:07:35. */
export function fmtTime(hh: number, mi: number, se?: number): string {
  return `T${pad(hh)}:${pad(mi)}` + (se !== undefined ? `:${pad(se)}` : "");
}

/** Adds days to a date. */
export function addDays(a: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(a.y, a.m - 1, a.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Adds months, returning year and month only. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + n;
  return { y: Math.floor(idx / 12), m: (idx % 12 + 12) % 12 + 1 };
}

/** Day of the week, Sunday = 0. */
export function weekday(a: Ymd): number {
  return new Date(Date.UTC(a.y, a.m - 1, a.d)).getUTCDay();
}

/** ISO 8601 week-numbering year and week. */
export function isoWeek(a: Ymd): { y: number; w: number } {
  const t = new Date(Date.UTC(a.y, a.m - 1, a.d));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return { y: t.getUTCFullYear(), w: Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7) };
}

/** Formats an ISO week value, 2025-W18. */
export function fmtWeek(a: Ymd): string {
  const { y, w } = isoWeek(a);
  return `${pad(y, 4)}-W${pad(w)}`;
}

/** Reads the date part of an ISO 8601 string, or null. */
export function parseYmd(s: string | null | undefined): Ymd | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  const r = { y: +m[1]!, m: +m[2]!, d: +m[3]! };
  if (r.m < 1 || r.m > 12 || r.d < 1 || r.d > 31) return null;
  return r;
}

/** Compares two (month, day) pairs. */
export function cmpMd(m1: number, d1: number, m2: number, d2: number): number {
  return m1 - m2 || d1 - d2;
}
