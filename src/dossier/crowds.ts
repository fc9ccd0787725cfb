import { ORG_WORDS, PLACES } from "../entities/index.js";
import type { Claim, ClaimNumber, Discrepancy, DocumentSpan, Span } from "../model/index.js";

/** Words that make a sentence about a gathering: a march, a rally, a protest, a strike. */
const GATHERING = /\b(?:march(?:ed|es|ers|ing)?|rall(?:y|ies|ied|ying)|protest(?:s|ed|ers|ors|ing)?|demonstrat(?:e|ed|es|ion|ions|ors|ing)|took to the streets|walkout|strik(?:e|es|ers|ing)|crowds?|turnout)\b/i;
/** Strikes that are attacks, not walkouts. */
const ATTACK = /\b(?:air|missile|drone|military|rocket|artillery|pre-emptive|preemptive)[ -]?strikes?\b/i;
/** What happened to people that makes a figure a toll or a count of victims, not a crowd ("200 people were killed"). */
const HARMED = /^\s*(?:[\p{L}-]+\s+){0,3}?(?:were\s+|have\s+been\s+|had\s+been\s+|are\s+)?(?:killed|dead|died|injured|wounded|hurt|arrested|detained|evacuated|missing|displaced|rescued|trapped|hospitali[sz]ed)\b/iu;
const HARMING = /\b(?:killed|killing|kills|injured|injuring|wounded|wounding|arrested|arresting|detained|evacuated|rescued)\s+(?:at\s+least\s+|about\s+|some\s+|more\s+than\s+|nearly\s+|up\s+to\s+)?$/i;
/** Nouns that count the people of a gathering. */
const CROWD_NOUNS = /^(?:people|persons|protesters|protestors|demonstrators|marchers|strikers|workers|participants|supporters|students|union members)\b/i;
/** Vague sizes, as the least and most they can mean. */
const VAGUE: [RegExp, number, number][] = [
  [/\bhundreds of thousands\b/i, 100_000, 999_999],
  [/\btens of thousands\b/i, 10_000, 99_999],
  [/\bthousands\b/i, 1_000, 9_999],
];
/** Who gives an estimate, when the sentence names them before a verb of saying or estimating. */
const WHO = /\b(police|witnesses|organi[sz]ers|unions?|officials|authorities|the government|the ministry|protesters|activists)\b[^.;]{0,40}?\b(?:said|say|says|put|estimated|estimate|counted|reported)\b/i;
/** Words before a place: the gathering's city ("the streets of Athens", "in Patras", "the city of Thessaloniki"). */
const PLACE_BEFORE = /\b(?:[Ii]n|[Oo]f|[Tt]hrough|[Aa]cross|[Aa]t)\s+((?:\p{Lu}[\p{L}-]+)(?:\s\p{Lu}[\p{L}-]+)?)/gu;
/** A place named right before the gathering ("The Athens protest march"). */
const PLACE_MODIFIER = /\b(\p{Lu}[\p{L}-]+)\s+(?:protest|march|rally|demonstration|strike)\b/gu;
/** Words that make a figure with no place of its own the whole country's, not one city's ("in a dozen Greek cities"). */
const NATIONWIDE = /\b(?:across the country|all over the country|(?:several|many|other|a dozen|dozens of|\d+) (?:[\p{L}-]+ )?(?:cities|towns))\b/iu;
/** A gathering of its own told with an indefinite article ("a crowd of about 1,000 attended a sit-down demonstration"): not the story's. */
const ANOTHER_GATHERING = /\b(?:a|another|one) (?:[\p{L}-]+ ){0,3}?(?:crowd|demonstration|rally|protest|march|gathering|vigil|sit-in)\b/iu;
/** Capitalised words that follow "in"/"of" without being places. */
const NOT_PLACES = /^(?:The|A|An|This|That|Greek|Greeks|Parliament|May|June|July|April|March|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|August|September|October|November|December)$/;

/** Countries the entities lexicon knows: the places it reaches from another word, a demonym ("greek" → greece). */
const COUNTRIES = new Set(Object.entries(PLACES).filter(([k, v]) => k !== v).map(([, v]) => v));

/** How many people a document says took part in a gathering at a place. */
export interface CrowdMention {
  document: string;
  /** The place, lower case; inherited from the document's lead when the sentence names none. */
  place: string;
  low: number;
  high: number;
  text: string;
  span: Span;
  according: string | null;
}

/**
 * Crowd sizes in a story's claims: in a sentence about a gathering, a figure
 * that counts its people ("20,000 people marched", "roughly 30,000 people",
 * "more than 50,000", "tens of thousands of protesters"), as the least and most
 * it can mean (a bound, an estimate, a vague size), with the place of the
 * gathering (named in the sentence, else the first place the document's
 * opening sentences name, a city before its country; "the whole country" for
 * a figure of many cities) and who gives it when the sentence says. A gathering
 * told with an indefinite article ("a sit-down demonstration") is one of its
 * own and is left out.
 */
export function crowdMentions(claims: Claim[]): CrowdMention[] {
  const home = new Map<string, string>();
  const byDoc = new Map<string, Claim[]>();
  for (const c of claims) {
    const list = byDoc.get(c.document);
    if (list) list.push(c);
    else byDoc.set(c.document, [c]);
  }
  for (const [doc, list] of byDoc) {
    for (const c of list.slice(0, 4)) {
      const p = placesIn(c.text)[0];
      if (p) {
        home.set(doc, p);
        break;
      }
    }
  }
  const out: CrowdMention[] = [];
  for (const c of claims) {
    if (!GATHERING.test(c.text.replace(ATTACK, "")) || ANOTHER_GATHERING.test(c.text)) continue;
    const place = placesIn(c.text)[0] ?? (NATIONWIDE.test(c.text) ? "the whole country" : home.get(c.document));
    if (!place) continue;
    const according = WHO.exec(c.text)?.[1]?.toLowerCase() ?? null;
    const sized: { low: number; high: number; text: string; span: Span }[] = [];
    for (const n of c.numbers) {
      const r = crowdRange(c, n);
      if (r) sized.push({ ...r, text: n.text, span: n.span });
    }
    if (sized.length === 0) {
      for (const [re, low, high] of VAGUE) {
        const m = re.exec(c.text);
        if (!m) continue;
        sized.push({ low, high, text: m[0], span: { start: c.span.start + m.index, end: c.span.start + m.index + m[0].length } });
        break;
      }
    }
    for (const s of sized) out.push({ document: c.document, place, ...s, according });
  }
  return out;
}

/**
 * Crowd sizes of one place that documents give and that cannot all be true:
 * two ranges of different documents that do not overlap ("as many as 20,000"
 * against "roughly 30,000"; "tens of thousands" against "about 200,000"). One
 * discrepancy per place, every estimate a side with who gives it; estimates
 * that overlap are a difference in detail.
 */
export function crowdDiscrepancies(claims: Claim[]): Discrepancy[] {
  const byPlace = new Map<string, CrowdMention[]>();
  for (const m of crowdMentions(claims)) {
    const list = byPlace.get(m.place);
    if (list) list.push(m);
    else byPlace.set(m.place, [m]);
  }
  const out: Discrepancy[] = [];
  for (const [place, list] of [...byPlace].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const docs = new Set(list.map((m) => m.document));
    if (docs.size < 2) continue;
    let conflict = false, differ = false;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!, b = list[j]!;
        if (a.document === b.document) continue;
        if (a.low !== b.low || a.high !== b.high) differ = true;
        if (a.high < b.low || b.high < a.low) conflict = true;
      }
    }
    if (!differ) continue;
    const sides = new Map<string, { text: string; documents: string[]; evidence: DocumentSpan[]; according: Set<string> }>();
    for (const m of list) {
      const key = m.text.toLowerCase().replace(/\s+/g, "");
      const side = sides.get(key) ?? { text: m.text, documents: [], evidence: [], according: new Set<string>() };
      if (!side.documents.includes(m.document)) side.documents.push(m.document);
      side.evidence.push({ document: m.document, span: m.span });
      if (m.according) side.according.add(m.according);
      sides.set(key, side);
    }
    out.push({
      kind: "number",
      topic: `crowd size in ${place.replace(/\b\p{L}/gu, (ch) => ch.toUpperCase())}`,
      compatible: !conflict,
      ...(conflict ? {} : { reason: "estimates that overlap" }),
      sides: [...sides.values()].map((s) => ({ text: s.text, documents: s.documents, evidence: s.evidence, according: s.according.size ? [...s.according].join("; ") : null })),
    });
  }
  return out;
}

/** Whether a figure counts the people of a gathering, and the least and most it can mean. */
export function crowdRange(c: Claim, n: ClaimNumber): { low: number; high: number } | null {
  if (n.currency || n.unit || n.value < 100) return null;
  const counts = n.counts ?? "";
  const after = c.text.slice(n.span.end - c.span.start, n.span.end - c.span.start + 24);
  // A toll or a count of victims ("200 people were killed", "arrested 150 protesters") is not a crowd.
  if (HARMED.test(c.text.slice(n.span.end - c.span.start, n.span.end - c.span.start + 60)) || HARMING.test(c.text.slice(Math.max(0, n.span.start - c.span.start - 40), n.span.start - c.span.start))) return null;
  const counted = CROWD_NOUNS.test(counts) || CROWD_NOUNS.test(after.trim());
  // "more than 50,000 -- easily the biggest protest": a bare figure of thousands in a sentence about a gathering.
  const bare = !/\p{L}/u.test(counts.slice(0, 1)) && n.value >= 1000 && n.value <= 5_000_000 && !/million|billion|bn/i.test(n.text)
    && !/^\s*(?:%|percent|per ?cent|years?|kilomet|km|miles|euros?|dollars?)/i.test(after);
  if (!counted && !bare) return null;
  const q = (n.qualifier ?? "").toLowerCase();
  const v = n.value;
  // "thousands of Greeks": any number of thousands.
  if (/^(?:thousands|hundreds)$/i.test(n.text)) return counted ? { low: /^t/i.test(n.text) ? 1_000 : 100, high: 999_999 } : null;
  if (/^(?:as many as|up to|at most|fewer than|less than|under)$/.test(q)) return { low: 0, high: v };
  if (/^(?:more than|over|at least)$/.test(q)) return { low: v, high: Infinity };
  if (q) return { low: 0.8 * v, high: 1.2 * v };
  return { low: 0.95 * v, high: 1.05 * v };
}

/** Places a sentence names for a gathering, first first. */
function placesIn(text: string): string[] {
  const out: { at: number; name: string }[] = [];
  for (const re of [PLACE_BEFORE, PLACE_MODIFIER]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [name, next] = m[1]!.split(/\s+/) as [string, string | undefined];
      // "Marfin Bank", "Athens University": an organisation's name, not the gathering's place.
      if (NOT_PLACES.test(name) || name.length < 3 || (next && ORG_WORDS.has(next))) continue;
      out.push({ at: m.index, name: name.toLowerCase() });
    }
  }
  // A city before its country: "rioters in Greece set fire to a bank in Athens" is about Athens.
  const country = (name: string) => COUNTRIES.has(name);
  return out.sort((a, b) => Number(country(a.name)) - Number(country(b.name)) || a.at - b.at).map((p) => p.name);
}
