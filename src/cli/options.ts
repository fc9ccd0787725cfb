/**
 * Parsers for option values. Each throws commander's InvalidArgumentError, so
 * a bad value is bad usage (exit 2) with a message that says what is wrong.
 */
import { InvalidArgumentError } from "commander";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A positive whole number. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("expected a positive whole number");
  return n;
}

/** A number of seconds, zero or more (fractions allowed), returned in milliseconds. */
export function secondsToMs(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(value) || !Number.isFinite(n)) throw new InvalidArgumentError("expected a number of seconds such as 60 or 0.5");
  return Math.round(n * 1000);
}

/** Days in a month (1-12) of a year of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A calendar date, `YYYY-MM-DD`, optionally with a time `THH:MM` or `THH:MM:SS`.
 * Refuses malformed values and impossible dates and times (2025-02-30, 2025-13-01, T24:00).
 */
export function isoDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (!m) throw new InvalidArgumentError("expected an ISO date such as 2025-05-03 (YYYY-MM-DD, optionally with a time such as T14:30)");
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) throw new InvalidArgumentError(`there is no month ${m[2]} (months run from 01 to 12)`);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) throw new InvalidArgumentError(`${MONTHS[month - 1]} ${year} has no day ${m[3]} (it has ${days} days)`);
  if (m[4] !== undefined) {
    const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
    if (h > 23 || min > 59 || s > 59) throw new InvalidArgumentError(`${value.slice(11)} is not a time of day (00:00 to 23:59:59)`);
  }
  return value;
}
