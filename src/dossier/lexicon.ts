/**
 * Word normalization for aligning claims across outlets: stop words out, a light
 * suffix stemmer, and a small hand-written table of news paraphrases mapping to
 * one concept ("turned down" / "rejected" / "rebuffed" → reject). Written here
 * rather than taken from `natural` (which prints on import) and kept small on
 * purpose: every entry is a paraphrase seen in wire copy.
 */
const STOP_WORDS = new Set(
  ("a an the and or but if of to in on at by for with from into onto over under about as than that this these those " +
    "is are was were be been being has have had do does did will would could should may might can must shall " +
    "it its he she they them his her their him we us our you your i me my who whom which what when where why how " +
    "not no nor so too very also just only even still yet then there here some any all each both more most other " +
    "such own same said says say told tell according while after before during since until up down out off again " +
    "further once one two").split(/\s+/),
);

/** Multi-word paraphrases, replaced before tokenizing. */
const PHRASES: [RegExp, string][] = [
  [/\bturn(?:ed|s|ing)? down\b/gi, "reject"],
  [/\bshot down\b/gi, "reject"],
  [/\bdr(?:ew|aws|aw) the line\b/gi, "reject"],
  [/\bphone call\b/gi, "call"],
  [/\bwall street journal\b/gi, "wsj"],
  [/\bunited states\b/gi, "us"],
  [/\bu\.s\.(?=\s|$)/gi, "us"],
  [/\bu\.s\b/gi, "us"],
  [/\bnational guard\b/gi, "nationalguard"],
  [/\bforeign terrorist organi[sz]ations?\b/gi, "fto"],
];

/** Single-word synonyms to one concept. */
const SYNONYMS: Record<string, string> = {
  rejected: "reject", rejects: "reject", rejecting: "reject", rebuff: "reject", rebuffed: "reject", refused: "reject",
  refuse: "reject", declined: "reject", decline: "reject", dismissed: "reject",
  offer: "offer", offered: "offer", proposal: "offer", proposed: "offer", propose: "offer", plan: "offer", suggestion: "offer",
  troops: "troop", soldiers: "troop", soldier: "troop", military: "troop", army: "troop", forces: "troop",
  deploy: "send", deploying: "send", sending: "send", sent: "send", sends: "send",
  article: "report", story: "report", reported: "report", reports: "report",
  conversation: "call", calls: "call",
  cartels: "cartel", gangs: "cartel", gang: "cartel",
  mexican: "mexico", american: "us", america: "us",
  president: "president", leader: "president", counterpart: "president",
  inviolable: "inviolable", inalienable: "inviolable", sacrosanct: "inviolable",
  killed: "kill", deaths: "kill", died: "kill", dead: "kill",
};

/** Concept tokens of a text, for similarity. */
export function conceptTokens(text: string): string[] {
  let t = text;
  for (const [re, to] of PHRASES) t = t.replace(re, ` ${to} `);
  const out: string[] = [];
  for (const raw of t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (STOP_WORDS.has(raw) || raw.length < 2) continue;
    out.push(SYNONYMS[raw] ?? stem(raw));
  }
  return out;
}

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
