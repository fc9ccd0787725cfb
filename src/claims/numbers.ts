import type { ClaimNumber, Span } from "../model/index.js";

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const UNITS = new Set([
  "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "percent", "%",
  "km", "kilometers", "kilometres", "miles", "mile", "meters", "metres", "tons", "tonnes", "dollars", "euros", "pesos",
]);
/** Words that end the counted phrase after a number. */
const STOP = new Set([
  "have", "has", "had", "were", "was", "are", "is", "will", "would", "could", "in", "on", "at", "to", "that", "who",
  "which", "since", "from", "by", "for", "and", "or", "but", "as", "back", "after", "before", "during", "with",
]);

/**
 * Finds the numbers of a claim with their unit and what they count:
 * "450,000 people", "10,000 members of Mexico's National Guard", "45-minute".
 * Numbers inside `skip` spans (dates and times) are left out.
 */
export function findNumbers(text: string, within: Span, skip: Span[] = []): ClaimNumber[] {
  const out: ClaimNumber[] = [];
  const slice = text.slice(within.start, within.end);
  const re = /(?<![\p{L}\p{N}.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(thousand|million|billion|trillion))?(?:(-|\s)([\p{L}%]+))?/gu;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const start = within.start + m.index;
    const numEnd = start + m[1]!.length + (m[2] ? m[2].length + 1 : 0);
    if (skip.some((s) => s.start < numEnd && start < s.end && !isDurationOnly(text, s))) continue;
    let value = Number(m[1]!.replace(/,/g, ""));
    if (m[2]) value *= SCALE[m[2]]!;
    const word = m[4]?.toLowerCase() ?? null;
    let unit: string | null = null;
    let end = numEnd;
    if (word && (UNITS.has(word) || m[3] === "-")) {
      unit = word === "%" ? "percent" : word.replace(/s$/, "");
      end = start + m[0].length;
    }
    const counts = unit ? null : countedPhrase(text, numEnd, within.end);
    out.push({ text: text.slice(start, end), span: { start, end }, value, unit, counts });
  }
  return out;
}

function isDurationOnly(text: string, s: Span): boolean {
  return /\d-(?:minute|hour|day|week|month|year)\b/.test(text.slice(s.start, s.end));
}

function countedPhrase(text: string, from: number, limit: number): string | null {
  const words: string[] = [];
  const re = /\s*([\p{L}’'-]+)/uy;
  re.lastIndex = from;
  for (let n = 0; n < 6; n++) {
    const m = re.exec(text);
    if (!m || re.lastIndex > limit) break;
    const w = m[1]!;
    if (STOP.has(w.toLowerCase())) break;
    words.push(w);
  }
  while (words.length && ["of", "the"].includes(words[words.length - 1]!.toLowerCase())) words.pop();
  return words.length ? words.join(" ") : null;
}
