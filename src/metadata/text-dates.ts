/**
 * Dates as news pages print them, to ISO 8601 without inventing a zone:
 * "Posted May 3, 2025 6:17 pm." → "2025-05-03T18:17", "May 3, 2025" →
 * "2025-05-03", "Published Date: 10:39 | 04 May 2025" → "2025-05-04T10:39",
 * "date 2025-05-04" → "2025-05-04". Own parser rather than chrono-node because
 * chrono always yields a full Date (implying a time and a zone), while a
 * metadata line must keep exactly the precision it states.
 */
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;
const MDY = new RegExp(`\\b${MONTH}\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?,?\\s{1,3}(\\d{4})\\b`, "i");
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s{1,3}${MONTH}\\.?,?\\s{1,3}(\\d{4})\\b`, "i");
const NUMERIC = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/;
const TIME12 = /\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s?([ap])\.?\s?m\b/i;
const TIME24 = /\b([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?\b/;

const pad = (n: number) => String(n).padStart(2, "0");

function valid(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** Parses the first date in a short text; null when there is none. Only the first 200 characters are read. */
export function parseTextDate(input: string): string | null {
  const s = input.slice(0, 200);
  let y = 0, m = 0, d = 0, date: RegExpExecArray | null;
  const iso = ISO.exec(s);
  if (iso) {
    y = +iso[1]!; m = +iso[2]!; d = +iso[3]!;
    if (!valid(y, m, d)) return null;
    const base = `${y}-${pad(m)}-${pad(d)}`;
    return iso[4] ? `${base}T${iso[4]}:${iso[5]}${iso[6] ? `:${iso[6]}` : ""}` : base;
  }
  if ((date = MDY.exec(s))) { m = MONTHS[date[1]!.toLowerCase()] ?? 0; d = +date[2]!; y = +date[3]!; }
  else if ((date = DMY.exec(s))) { d = +date[1]!; m = MONTHS[date[2]!.toLowerCase()] ?? 0; y = +date[3]!; }
  else if ((date = NUMERIC.exec(s))) {
    const a = +date[1]!, b = +date[2]!;
    y = +date[3]!;
    // Day first unless that is impossible (a European default; US pages usually spell the month).
    if (b > 12) { m = a; d = b; } else { d = a; m = b; }
  }
  if (!date || !valid(y, m, d)) return null;
  const base = `${y}-${pad(m)}-${pad(d)}`;
  const rest = s.slice(0, date.index) + " " + s.slice(date.index + date[0].length);
  const t12 = TIME12.exec(rest);
  if (t12) {
    let h = +t12[1]!;
    if (h < 1 || h > 12) return base;
    if (t12[4]!.toLowerCase() === "p" && h < 12) h += 12;
    if (t12[4]!.toLowerCase() === "a" && h === 12) h = 0;
    return `${base}T${pad(h)}:${t12[2]}${t12[3] ? `:${t12[3]}` : ""}`;
  }
  const t24 = TIME24.exec(rest);
  if (t24) return `${base}T${pad(+t24[1]!)}:${t24[2]}${t24[3] ? `:${t24[3]}` : ""}`;
  return base;
}
