import * as chrono from "chrono-node";
import { writtenMonthDay } from "./date-words.js";

/**
 * Date normalization for metadata fields. Machine-readable forms (ISO 8601,
 * compact `YYYYMMDD`, epoch seconds) are read by small anchored patterns;
 * free text ("September 4, 2025 10:02 AM EDT") goes to chrono-node. The zone
 * is kept when the source gives one and never invented: a bare date stays
 * `YYYY-MM-DD`, a local time stays `YYYY-MM-DDTHH:MM:SS`.
 */

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

// Anchored, bounded quantifiers only: safe on any input length (input is also cut to 200 chars).
const ISO_RE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s{0,3}(Z|z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?$/;
const ISO_SLASH_RE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{4})?$/;
const EPOCH_RE = /^\d{9,13}$/;
const DOTTED_SHORT_RE = /(?:^|[^\d.])(\d{2})\.(\d{2})\.(\d{2})(?![\d.])/;
// "02-12-2025", "15/12/2025 at 19:00", "4/24/2000 12:00:00 AM": day and month order is read, not guessed by chrono.
const NUMERIC_RE = /(?:^|[^\d/.-])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2})(?![\d/.-])/;

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function zoneString(z: string | undefined): string {
  if (!z) return "";
  if (/^(Z|z|UTC|GMT)$/.test(z)) return "Z";
  const sign = z[0];
  const digits = z.slice(1).replace(":", "");
  const hh = digits.slice(0, 2);
  const mm = digits.length >= 4 ? digits.slice(2, 4) : "00";
  return `${sign}${hh}:${mm}`;
}

function build(y: number, m: number, d: number, h?: number, mi?: number, s?: number, zone = "", fraction = ""): string | null {
  if (!validYmd(y, m, d)) return null;
  const date = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  if (h === undefined || mi === undefined) return date;
  if (h > 23 || mi > 59 || (s ?? 0) > 59) return date;
  return `${date}T${pad(h)}:${pad(mi)}:${pad(s ?? 0)}${fraction ? `.${fraction}` : ""}${zone}`;
}

// chrono is the slow part of normalizeDate, and one page asks it about the same texts several times
// (the rules and the date model's rows read the same visible dates): its answers are remembered.
// They depend on the text alone (only fully written dates are kept, nothing relative to now).
const chronoMemo = new Map<string, string | null>();

function fromChrono(text: string): string | null {
  const known = chronoMemo.get(text);
  if (known !== undefined) return known;
  const out = fromChronoUncached(text);
  if (chronoMemo.size >= 4000) chronoMemo.clear();
  chronoMemo.set(text, out);
  return out;
}

function fromChronoUncached(text: string): string | null {
  let results: chrono.ParsedResult[];
  try {
    results = chrono.parse(text, undefined, { forwardDate: false });
  } catch {
    return null;
  }
  for (const r of results) {
    const c = r.start;
    if (!/\d/.test(r.text)) continue; // "yesterday" is relative to now, not a written date
    if (!c.isCertain("year") || !c.isCertain("month") || !c.isCertain("day")) continue;
    const y = c.get("year")!, m = c.get("month")!, d = c.get("day")!;
    if (!c.isCertain("hour")) return build(y, m, d);
    let zone = "";
    if (c.isCertain("timezoneOffset")) {
      const off = c.get("timezoneOffset")!;
      const sign = off < 0 ? "-" : "+";
      const a = Math.abs(off);
      zone = off === 0 ? "Z" : `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
    }
    return build(y, m, d, c.get("hour")!, c.get("minute") ?? 0, c.get("second") ?? 0, zone);
  }
  return null;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH_FIRST_RE = /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s)?([a-z]{3,9})\.?\s(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})$/i;
const DAY_FIRST_RE = /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s)?(\d{1,2})(?:st|nd|rd|th)?\s([a-z]{3,9})\.?,?\s(\d{4})$/i;

/**
 * `metadata:written-date`: "March 3, 2024", "Tue, Dec. 9, 2025", "16 December 2025" (English
 * month names, no time) read directly, which spares chrono-node on the commonest visible dates.
 */
function writtenDay(text: string): string | null {
  let m = MONTH_FIRST_RE.exec(text);
  if (m) { const mo = MONTHS[m[1]!.toLowerCase()]; return mo ? build(+m[3]!, mo, +m[2]!) : null; }
  m = DAY_FIRST_RE.exec(text);
  if (m) { const mo = MONTHS[m[2]!.toLowerCase()]; return mo ? build(+m[3]!, mo, +m[1]!) : null; }
  return null;
}

/** Options of {@link normalizeDate}. */
export interface NormalizeDateOptions {
  /**
   * How to read an ambiguous numeric date such as "02-12-2025": day first
   * (true), month first (false). Unambiguous ones ("15/12/2025") are read
   * either way. Unset: month first, as chrono-node does.
   */
  dayFirst?: boolean;
}

/**
 * `metadata:numeric-date`: a written numeric date (`DD/MM/YYYY` or
 * `MM/DD/YYYY`, any of `/ . -`) as `YYYY-MM-DD`; a field above 12 decides the
 * order, otherwise `metadata:dotted-day-first`: dots are written day first
 * ("03.05.2025", as in German, Ukrainian, Russian…; no locale writes month
 * first with dots), otherwise `dayFirst` does. Returns null when the text holds none,
 * or when a time follows (chrono reads those, with the same order rule).
 */
function numericDay(text: string, dayFirst: boolean): string | null {
  const m = NUMERIC_RE.exec(text);
  if (!m) return null;
  const a = +m[1]!, b = +m[3]!, y = +m[4]!;
  const df = a > 12 ? true : b > 12 ? false : m[2] === "." ? true : dayFirst;
  return df ? build(y, b, a) : build(y, a, b);
}

/** Whether a numeric date in the text can only be read day first ("15/12/2025"). */
export function isDayFirstEvidence(text: string): boolean | null {
  const m = NUMERIC_RE.exec(text);
  if (!m) return null;
  const a = +m[1]!, b = +m[3]!;
  if (a > 12 && b <= 12) return true;
  if (b > 12 && a <= 12) return false;
  return null;
}

/**
 * Normalizes a date string found in metadata to ISO 8601, keeping the zone
 * if one is given and never inventing one. Returns null when no full date
 * (year, month and day) can be read.
 */
export function normalizeDate(raw: string | number | null | undefined, opts: NormalizeDateOptions = {}): string | null {
  if (raw === null || raw === undefined) return null;
  let text = String(raw).trim().slice(0, 200);
  if (!text) return null;
  let m = ISO_RE.exec(text);
  if (m) {
    const [, y, mo, d, h, mi, s, fraction, z] = m;
    return build(+y!, +mo!, +d!, h === undefined ? undefined : +h, mi === undefined ? undefined : +mi,
      s === undefined ? undefined : +s, zoneString(z), fraction ?? "");
  }
  m = ISO_SLASH_RE.exec(text);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!);
  m = COMPACT_RE.exec(text);
  if (m) {
    const [, y, mo, d, h, mi, s, z] = m;
    return build(+y!, +mo!, +d!, h === undefined ? undefined : +h, mi === undefined ? undefined : +mi,
      s === undefined ? undefined : +s, zoneString(z));
  }
  if (EPOCH_RE.test(text)) {
    const n = Number(text);
    const ms = text.length >= 12 ? n : n * 1000;
    const dt = new Date(ms);
    if (!Number.isNaN(dt.getTime())) {
      // An epoch instant is absolute, so writing it in UTC adds no information.
      return build(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate(),
        dt.getUTCHours(), dt.getUTCMinutes(), dt.getUTCSeconds(), "Z");
    }
    return null;
  }
  // ISO date followed by junk ("2025-09-04T10:00:00.000000+0000 (edited)"): keep the leading part.
  const lead = /^(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?)?)/.exec(text);
  if (lead && lead[1] !== text) return normalizeDate(lead[1]);
  text = text.replace(/\s+/g, " ");
  const written = text.length <= 40 ? writtenDay(text) : null;
  if (written) return written;
  const numeric = NUMERIC_RE.exec(text);
  if (numeric && (opts.dayFirst !== undefined || numeric[2] === ".")) {
    const day = numericDay(text, opts.dayFirst ?? false);
    if (!day) return null;
    // Keep chrono's time of day when it read the same day.
    const c = fromChrono(text);
    return c && c.startsWith(day) ? c : day;
  }
  // `metadata:dotted-short-year`: "28.01.22" (day first, as dotted dates are; years 00-69 are 20xx).
  const short = text.length <= 60 ? DOTTED_SHORT_RE.exec(text) : null;
  if (short) {
    const yy = +short[3]!;
    const day = build(yy < 70 ? 2000 + yy : 1900 + yy, +short[2]!, +short[1]!);
    if (day) return day;
  }
  // Month names in other languages ("3. Mai 2025", "27 juin 2019", "3 травня 2025"), which chrono's English parser misses.
  return fromChrono(text) ?? writtenMonthDay(text);
}

/** The calendar day (`YYYY-MM-DD`) of a normalized date, as written (no zone conversion). */
export function dayOf(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso);
  return m ? m[1]! : null;
}
