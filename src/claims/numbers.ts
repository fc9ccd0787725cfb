import type { ClaimNumber, Span } from "../model/index.js";
import { IRREGULAR_PAST } from "./words.js";

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mm: 1e6, m: 1e6, k: 1e3 };
const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12, dozens: 24, hundreds: 200,
  thousands: 2000,
};
const UNITS = new Set([
  "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "percent", "%",
  "km", "kilometers", "kilometres", "miles", "mile", "meters", "metres", "tons", "tonnes", "dollars", "euros", "pesos",
  "pounds", "yuan", "yen", "rupees", "magnitude", "degrees", "feet", "foot", "acres", "seconds", "second",
]);
/** Currency words and signs, to ISO codes. */
const CURRENCY: Record<string, string> = {
  "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", dollars: "USD", dollar: "USD", euros: "EUR", euro: "EUR",
  pounds: "GBP", pesos: "MXN", yen: "JPY", yuan: "CNY", rupees: "INR",
};
/** Words before a figure that make it a bound or an estimate. */
const QUALIFIER = /(?:\b(at least|at most|more than|less than|fewer than|over|under|about|around|nearly|almost|some|roughly|approximately|up to|as many as|an estimated|estimated|close to)\s+)$/i;
/** A month name right before a number: a date, which the time stage has (not an identifier). */
const MONTH_BEFORE = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s$/;
/** Words that end the counted phrase after a number. */
const STOP = new Set([
  "have", "has", "had", "were", "was", "are", "is", "will", "would", "could", "in", "on", "at", "to", "that", "who",
  "which", "since", "from", "by", "for", "and", "or", "but", "as", "back", "after", "before", "during", "with",
  "between", "across", "through", "into", "onto", "over", "under", "around", "near", "along", "than", "against", "among",
  "within", "without", "toward", "towards", "beneath", "above", "below", "while", "when", "where",
]);

/**
 * Finds the figures of a claim with their unit, currency, qualifier and what they
 * count: "450,000 people", "at least three people", "€110 billion", "45-minute".
 * Numbers inside `skip` spans (dates and times) and ordinals ("13th") are left out:
 * an ordinal names a position, not a quantity outlets could disagree on. At most
 * `max` figures, the first ones.
 */
export function findNumbers(text: string, within: Span, skip: Span[] = [], max = Infinity): ClaimNumber[] {
  const out: ClaimNumber[] = [];
  const slice = text.slice(within.start, within.end);
  const re = /(?<![\p{L}\p{N}.,])([$€£¥]|US\$)?\s?(\d{1,3}(?:,\s?\d{3}(?!\d))+|\d{1,3}\.\s\d{1,2}(?!\d)|\d+(?:\.\d+)?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozens|dozen|hundreds|thousands)(?![\p{L}-]))(?:\s?(?:-\s)?(thousand|million|billion|trillion|bn|mm|m|k)(?![\p{L}]))?(?!\d|st\b|nd\b|rd\b|th\b)(?:(-|\s)([\p{L}%]+))?/dgiu;
  for (let m = re.exec(slice); m && out.length < max; m = re.exec(slice)) {
    const ix = m.indices!;
    const raw = m[2]!;
    const isWord = /^\p{L}/u.test(raw);
    // A capitalised number word inside a sentence opens a name ("Three Mile Island"); "one" is mostly a pronoun.
    if (isWord && (raw.toLowerCase() === "one" || (/^\p{Lu}/u.test(raw) && ix[2]![0] > 0 && !/[.!?"“]\s*$/.test(slice.slice(0, ix[2]![0]))))) continue;
    const start = within.start + (m[1] ? ix[1]![0] : ix[2]![0]);
    // A number joined to a name by a hyphen names a model, not a quantity: "AK-47", "F-16", "COVID-19".
    if (!isWord && /\p{L}\s?[-–]\s?$/u.test(text.slice(Math.max(within.start, start - 4), start))) continue;
    // So does a number right after a capitalised word inside a sentence: "AK 47", "Route 52", "Internet Explorer 11", "Week 16".
    if (!isWord && !m[1] && /[\p{Ll},;:]\s+\p{Lu}[\p{L}]*\s$/u.test(text.slice(Math.max(within.start, start - 40), start)) && !MONTH_BEFORE.test(text.slice(Math.max(within.start, start - 12), start))) continue;
    // Either side of a clock's colon ("3:10 p.m.", "3: 10 p. m." in tokenised text) is a time, read by the time stage.
    if (!isWord && (/\d\s?:\s?$/.test(text.slice(Math.max(within.start, start - 3), start)) || /^\s?:\s?\d{2}(?!\d)/.test(text.slice(within.start + ix[2]![1], within.start + ix[2]![1] + 5)))) continue;
    const numEnd = within.start + (m[3] ? ix[3]![1] : ix[2]![1]);
    if (skip.some((s) => s.start < numEnd && start < s.end && !isDurationOnly(text, s))) continue;
    // A fraction ("4 1/2 months", "41 / 2" in tokenised text) is not two counts: neither side is read.
    if (!isWord && (/\d\s?\/\s?$/.test(text.slice(Math.max(within.start, start - 4), start)) || /^\s?\/\s?\d/.test(text.slice(within.start + ix[2]![1], within.start + ix[2]![1] + 4)))) continue;
    let value = isWord ? WORDS[raw.toLowerCase()]! : Number(raw.replace(/,\s?/g, "").replace(/\.\s/, "."));
    // "$200MM" is 200 million dollars; "25mm" without a currency is millimetres, not a scale.
    if (m[3] && !(m[3].toLowerCase() === "mm" && !m[1])) value *= SCALE[m[3].toLowerCase()]!;
    const word = m[5]?.toLowerCase() ?? null;
    let unit: string | null = null;
    let end = numEnd;
    if (word && (UNITS.has(word) || m[4] === "-")) {
      unit = word === "%" ? "percent" : word.replace(/s$/, "");
      end = within.start + ix[5]![1];
    }
    const currency = m[1] ? CURRENCY[m[1].toLowerCase()]! : word && CURRENCY[word] ? CURRENCY[word]! : null;
    if (currency && unit && CURRENCY[word!] === currency) unit = null;
    const counts = unit || currency ? null : countedPhrase(text, numEnd, within.end);
    const q = QUALIFIER.exec(text.slice(Math.max(within.start, start - 24), start));
    // A figure in brackets right after another is its conversion ("about 58km (36 miles)"): as approximate as the first.
    const prev = out[out.length - 1];
    const inherited = !q && prev?.qualifier && /^\p{L}*\s*\(\s*$/u.test(text.slice(prev.span.end, start)) ? prev.qualifier : null;
    out.push({ text: text.slice(start, end), span: { start, end }, value, unit, counts, qualifier: q ? q[1]!.toLowerCase() : inherited, currency });
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
    // A verb after the counted noun ends the phrase: "seven bullets hit Mr. Gray" counts bullets.
    if (words.length && IRREGULAR_PAST.test(w)) break;
    words.push(w);
  }
  while (words.length && ["of", "the"].includes(words[words.length - 1]!.toLowerCase())) words.pop();
  return words.length ? words.join(" ") : null;
}
