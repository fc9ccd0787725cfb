/**
 * Word normalization for comparing claims across outlets: stop words and a light
 * suffix stemmer. Paraphrase ("turned down" / "rejected" / "rebuffed") is left to
 * the word vectors (terms.ts), not to a hand-written synonym table. Written here
 * rather than taken from `natural` (which prints on import).
 */
export const STOP_WORDS = new Set(
  ("a an the and or but if of to in on at by for with from into onto over under about as than that this these those " +
    "is are was were be been being has have had do does did will would could should may might can must shall " +
    "it its he she they them his her their him we us our you your i me my who whom which what when where why how " +
    "not no nor so too very also just only even still yet then there here some any all each both more most other " +
    "such own same said says say saying told tell telling according while after before during since until up down out off again " +
    "further once one two mr mrs ms").split(/\s+/),
);

/** Days and months as written inside a sentence: capitalized, but no name of a person, body or place. */
export const CALENDAR_NAME = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** A light English suffix stemmer: enough to match "pressured" with "pressuring". */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  for (const suffix of ["ations", "ation", "ingly", "ings", "ing", "edly", "ies", "ied", "ed", "es", "s"]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) {
      const base = word.slice(0, -suffix.length);
      return suffix === "ies" || suffix === "ied" ? `${base}y` : base;
    }
  }
  return word;
}

/** Content words of a text, stemmed (for overlap checks that must not lean on vectors: citation support, repetition). */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  const t = text.replace(/\bU\.S\.?/g, "US").replace(/\bUnited States\b/g, "US");
  for (const raw of t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (STOP_WORDS.has(raw) || raw.length < 2) continue;
    out.push(stem(raw));
  }
  return out;
}
