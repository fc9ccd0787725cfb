/** Words the time rules read: months, weekdays, number words, units, seasons. */

/** Month names and abbreviations to month numbers (1–12). */
export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

/** Weekday names to JavaScript day numbers (Sunday = 0). */
export const WEEKDAYS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

/** Number words up to ninety, plus "a"/"an" and a few quantity words. */
export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, single: 1, half: 0.5,
};

/** Ordinal words to numbers. */
export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, last: 4, final: 4,
};

/** Unit words (singular) to their TIMEX3 duration letter, and whether the letter is a time unit (after T). */
export const UNITS: Record<string, { letter: string; time: boolean }> = {
  second: { letter: "S", time: true }, minute: { letter: "M", time: true }, hour: { letter: "H", time: true },
  day: { letter: "D", time: false }, week: { letter: "W", time: false }, month: { letter: "M", time: false },
  quarter: { letter: "Q", time: false }, year: { letter: "Y", time: false }, decade: { letter: "DE", time: false },
  century: { letter: "CE", time: false },
};

/** Seasons to TIMEX3 season codes. */
export const SEASONS: Record<string, string> = {
  spring: "SP", summer: "SU", autumn: "FA", fall: "FA", winter: "WI",
};

/** Parts of the day to TIMEX3 codes. */
export const PARTS_OF_DAY: Record<string, string> = {
  morning: "MO", afternoon: "AF", evening: "EV", night: "NI", tonight: "NI",
};

/** Reads "two", "2", "twenty-five", "a" as a number, or null. */
export function readNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/,/g, "");
  if (/^\d{1,6}(?:\.\d{1,3})?$/.test(w)) return Number(w);
  const half = /^(?:(\d{1,2})[ -])?1\/2$|^(\d{0,2})½$/.exec(w); // "3 1/2", "2-1/2", "3½", "1/2"
  if (half) return Number(half[1] ?? half[2] ?? 0) + 0.5;
  if (w in NUMBER_WORDS) return NUMBER_WORDS[w]!;
  const m = /^([a-z]{3,7})[- ]([a-z]{3,5})$/.exec(w);
  if (m && m[1]! in NUMBER_WORDS && m[2]! in NUMBER_WORDS) return NUMBER_WORDS[m[1]!]! + NUMBER_WORDS[m[2]!]!;
  return null;
}

/** Reads a unit word ("years", "month") to its singular key, or null. */
export function readUnit(word: string): string | null {
  let w = word.toLowerCase();
  if (w === "centuries") return "century";
  if (w.endsWith("s")) w = w.slice(0, -1);
  return w in UNITS ? w : null;
}
