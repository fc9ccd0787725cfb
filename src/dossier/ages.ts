import { ORG_WORDS, PLACE_WORDS } from "../entities/index.js";
import type { Claim, Discrepancy, DocumentSpan, Span } from "../model/index.js";
import { nameKey } from "./days.js";

/** Ages read from number words ("Sixty-year-old Sharron Smith"). */
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
/** A word that may open a sentence: its first letter either case (the patterns are case-sensitive, for names). */
const word = (w: string) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`;
const TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].map(word).join("|");
const SMALL = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const AGE = String.raw`\d{1,3}|(?:${TENS})(?:-(?:${SMALL.slice(0, 9).join("|")}))?|${SMALL.map(word).join("|")}`;
/** A person's name: two to five capitalized words (initials allowed), nothing lowercase inside. */
const NAME = String.raw`\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){1,4}`;

/**
 * Where a sentence gives a named person's age, in the shapes news writing uses,
 * in order: "61-year-old Sharron Smith" (up to two lowercase words between:
 * "60-year-old suspect Sharron Smith"), "Sharron Smith, 61," and
 * "Sharron Smith, age 61", "Sharron Smith (61)". Each pattern is linear.
 */
const RULES: { id: string; re: RegExp; age: number; name: number }[] = [
  { id: "year-old-before-name", re: new RegExp(String.raw`\b(${AGE})[- ]years?[- ]old\s+(?:[a-z]+\s+){0,2}?(${NAME})`, "dgu"), age: 1, name: 2 },
  { id: "name-comma-age", re: new RegExp(String.raw`(${NAME}),\s+(?:aged?\s+)?(\d{1,3})(?=\s*(?:,|;|\)|\.(?:\s|$)|$|\s+(?:of|from|who|was|is|has|had|and|were|said)\b))`, "dgu"), age: 2, name: 1 },
  { id: "name-parenthesis-age", re: new RegExp(String.raw`(${NAME})\s+\((\d{1,3})\)`, "dgu"), age: 2, name: 1 },
];

/** A named person's age as one sentence gives it. */
export interface AgeMention {
  /** The name as written ("Sharron Diane Crawford Smith"). */
  name: string;
  age: number;
  /** The age as written, in the document. */
  span: Span;
  document: string;
  rule: string;
}

/** Ages of named people in a claim (see {@link RULES}); a name that is an organisation's or a place's is skipped. */
export function findAges(claim: Claim): AgeMention[] {
  const out: AgeMention[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(claim.text); m; m = rule.re.exec(claim.text)) {
      const raw = m[rule.age]!;
      const age = /^\d/.test(raw) ? Number(raw) : wordsToNumber(raw);
      const name = m[rule.name]!.replace(/[’']s$/, "").replace(/\.$/, "");
      if (age === null || age < 1 || age > 120 || !personLike(name)) continue;
      const indices = (m as RegExpExecArray & { indices?: [number, number][] }).indices;
      const at = indices?.[rule.age] ?? [m.index + m[0].indexOf(raw), m.index + m[0].indexOf(raw) + raw.length];
      if (out.some((o) => o.span.start === claim.span.start + at[0])) continue;
      out.push({ name, age, span: { start: claim.span.start + at[0], end: claim.span.start + at[1] }, document: claim.document, rule: rule.id });
    }
  }
  return out;
}

/**
 * Ages one person is given by different documents that disagree: a conflict
 * ("60-year-old Sharron Smith" against "Sharron Smith, 61"). A person is one
 * surname with compatible first names. A document that gives one surname two
 * ages speaks of two people (a father and a son): that surname is left out.
 * Ages of documents published far enough apart for the person to have aged
 * (the difference in years, less half a year: "27" at the arrest, "29" at the
 * sentencing two years later) are a difference in detail.
 */
export function ageDiscrepancies(claims: Claim[], published: (document: string) => string | null = () => null): Discrepancy[] {
  const byPerson = new Map<string, AgeMention[]>();
  for (const c of claims) {
    for (const a of findAges(c)) {
      const key = nameKey(a.name);
      const list = byPerson.get(key) ?? [];
      list.push(a);
      byPerson.set(key, list);
    }
  }
  const out: Discrepancy[] = [];
  for (const list of byPerson.values()) {
    const perDoc = new Map<string, Set<number>>();
    for (const a of list) perDoc.set(a.document, (perDoc.get(a.document) ?? new Set()).add(a.age));
    if ([...perDoc.values()].some((s) => s.size > 1)) continue;
    if (!firstNamesAgree(list.map((a) => a.name))) continue;
    const values = new Map<number, { documents: Set<string>; evidence: DocumentSpan[] }>();
    for (const a of list) {
      const v = values.get(a.age) ?? { documents: new Set<string>(), evidence: [] };
      v.documents.add(a.document);
      v.evidence.push({ document: a.document, span: a.span });
      values.set(a.age, v);
    }
    if (values.size < 2) continue;
    const name = [...list].sort((x, y) => y.name.length - x.name.length)[0]!.name;
    const sides = [...values].sort((x, y) => x[0] - y[0]);
    const aged = sides.every(([a, va], i) => sides.slice(i + 1).every(([b, vb]) => apart(va.documents, vb.documents, published) >= b - a - 0.5));
    out.push({
      kind: "number",
      topic: `age of ${name}`,
      compatible: aged,
      ...(aged ? { reason: "ages given at different times" } : {}),
      sides: sides.map(([age, v]) => ({ text: `${age}`, documents: [...v.documents], evidence: v.evidence })),
    });
  }
  return out;
}

/** Years from the last publication of the younger age's documents to the first of the older's; -Infinity when a date is missing. */
function apart(younger: Set<string>, older: Set<string>, published: (document: string) => string | null): number {
  const years = (docs: Set<string>) => [...docs].map((d) => Date.parse(published(d) ?? ""));
  const a = years(younger), b = years(older);
  if ([...a, ...b].some((t) => Number.isNaN(t))) return -Infinity;
  return (Math.min(...b) - Math.max(...a)) / (365.25 * 86_400_000);
}

function wordsToNumber(raw: string): number | null {
  const [tens, unit] = raw.toLowerCase().split("-");
  const t = NUMBER_WORDS[tens!];
  if (t === undefined) return null;
  if (!unit) return t;
  const u = NUMBER_WORDS[unit];
  return u === undefined ? null : t + u;
}

/** A name that reads as a person's: no organisation or place word in it. */
function personLike(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length >= 2 && !words.some((w) => ORG_WORDS.has(w) || PLACE_WORDS.has(w));
}


/** Whether the names' first words agree where both are written out ("Sharron Smith" and "Sharron Diane Crawford Smith"; initials match their letter). */
function firstNamesAgree(names: string[]): boolean {
  const firsts = names.map((n) => n.split(/\s+/)[0]!.toLowerCase().replace(/\.$/, ""));
  return firsts.every((a) => firsts.every((b) => a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))));
}
