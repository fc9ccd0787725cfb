import type { Claim, ClaimNumber, Discrepancy, DocumentSpan } from "../model/index.js";
import { CALENDAR_NAME, contentStems, STOP_WORDS, stem } from "./lexicon.js";
import { IRREGULAR_PAST } from "../claims/index.js";
import { numberKey, relateFigures } from "./figures.js";
import { MIN_SHARED, shared, windowAround } from "./figure-facts.js";
import { contextSimilarity, type ClaimView } from "./pair-features.js";
import type { WordVectors } from "./vectors.js";
import { compatible, dateRange, type DateRange } from "../time/index.js";

/** Least similarity of two claims' words (figures and dates set aside) for their figures to fill one slot. */
const SAME_SLOT = 0.55;
/** Fewest words (figures and dates aside) two claims must share for their figures to fill one slot: a short "He had 269 yards" agrees with anything. */
const MIN_SHARED_WORDS = 3;
/** Most claims one kind of figure is compared across (a figure kind in thousands of claims is not one slot). */
const MAX_PER_KEY = 150;
/** Words that say a figure is one of a series over time ("rose to", "now"): figures of different moments. */
const UPDATE = /\b(?:rose|risen|climbed|increased|grew|jumped|up from|now|revised|updated|later|earlier|initially|first reported)\b/i;

interface Mention {
  view: number;
  n: ClaimNumber;
  key: string;
  what: string[];
}

/**
 * Figures given for one slot of one thing with different values, across
 * documents: claims of different documents whose figures count the same kind
 * of thing (the same unit, currency or counted noun, and the same words after
 * it where both have them) and whose words otherwise agree. Values that can
 * both be true (a conversion, a bound, a rounding, figures of different
 * moments) make a difference in detail; others a conflict. Two figures of one
 * document never conflict.
 */
export function figureDiscrepancies(views: ClaimView[], vectors: WordVectors | null, published: (document: string) => string | null = () => null): Discrepancy[] {
  const byKey = new Map<string, Mention[]>();
  views.forEach((v, i) => {
    for (const n of v.claim.numbers) {
      const key = numberKey(n);
      if (!key || n.value < 2 && !n.unit && !n.currency) continue;
      // An age ("60-year-old") is a person's, compared by ages.ts.
      if (/^[- ]old\b/.test(v.claim.text.slice(n.span.end - v.claim.span.start, n.span.end - v.claim.span.start + 5))) continue;
      const list = byKey.get(key) ?? [];
      if (list.length < MAX_PER_KEY) list.push({ view: i, n, key, what: contentStems(n.counts ?? "").slice(1, 3) });
      byKey.set(key, list);
    }
  });
  const names = storyNames(views);
  const cache = new Map<number, number>();
  const out: Discrepancy[] = [];
  for (const [key, list] of byKey) {
    // A sentence that gives two values of this kind lists several things ("seven years ... eight years"): no slot of its own.
    const listed = new Set(list.filter((m) => list.some((o) => o.view === m.view && o.n.value !== m.n.value)).map((m) => m.view));
    // Pairs of one slot across documents; slots are groups in which every such pair is of one slot (complete linkage).
    const same = new Set<number>();
    const relations: { a: number; b: number; rel: ReturnType<typeof relateFigures>; sim: number }[] = [];
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const x = list[a]!, y = list[b]!;
        const vx = views[x.view]!, vy = views[y.view]!;
        if (vx.claim.document === vy.claim.document) continue;
        if (x.what.length && y.what.length && !x.what.some((w) => y.what.includes(w))) continue;
        if (!samePredicate(vx.claim, x.n, vy.claim, y.n, vectors)) continue;
        if (differentScope(vx, vy) || listed.has(x.view) || listed.has(y.view)) continue;
        if (otherTimes(vx.claim, vy.claim, published)) continue;
        if (rateOf(vx.claim, x.n) !== rateOf(vy.claim, y.n)) continue;
        if (otherOwners(ownerOf(vx.claim, x.n, names), ownerOf(vy.claim, y.n, names))) continue;
        if (otherReference(referenceOf(vx.claim, x.n), referenceOf(vy.claim, y.n))) continue;
        // One slot: the sentences agree around their figures, or the words right around the two figures agree.
        const sim = contextSimilarity(vx, vy, vectors, cache);
        const near = shared(windowAround(vx.claim, x.n, vectors).window, windowAround(vy.claim, y.n, vectors).window, vectors) >= MIN_SHARED;
        if (!near && (sim < SAME_SLOT || sharedContext(vx, vy) < MIN_SHARED_WORDS)) continue;
        same.add(a * list.length + b);
        relations.push({ a, b, rel: relateFigures(x.n, y.n), sim });
      }
    }
    const isSame = (a: number, b: number) => list[a]!.view === list[b]!.view || same.has(Math.min(a, b) * list.length + Math.max(a, b));
    const group = list.map((_, i) => i);
    const members = list.map((_, i) => [i]);
    for (const r of [...relations].sort((x, y) => y.sim - x.sim)) {
      const ga = group[r.a]!, gb = group[r.b]!;
      if (ga === gb || !members[ga]!.every((x) => members[gb]!.every((y) => isSame(x, y)))) continue;
      for (const x of members[gb]!) group[x] = ga;
      members[ga]!.push(...members[gb]!);
      members[gb] = [];
    }
    const find = (i: number) => group[i]!;
    const slots = new Map<number, number[]>();
    list.forEach((_, i) => slots.set(find(i), [...(slots.get(find(i)) ?? []), i]));
    for (const members of slots.values()) {
      if (members.length < 2) continue;
      const values = new Map<string, { text: string; documents: Set<string>; evidence: DocumentSpan[]; according: Set<string> }>();
      for (const i of members) {
        const m = list[i]!;
        const view = views[m.view]!;
        const doc = view.claim.document;
        const label = valueLabel(m.n);
        const side = values.get(label) ?? { text: `${m.n.text}${m.n.counts ? ` ${m.n.counts}` : ""}`, documents: new Set<string>(), evidence: [], according: new Set<string>() };
        side.documents.add(doc);
        side.evidence.push({ document: doc, span: m.n.span });
        // Who gives the figure, when the sentence says: a report it cites, or the speaker of reported
        // speech ("Police said 12 people were injured"); in a sentence that is partly a direct quote the
        // figure may be the outlet's own words, so the speaker is not named there.
        const who = view.claim.attribution?.source ?? ((view.claim.quoted ?? 0) < 0.2 ? view.speaker : null) ?? null;
        if (who) side.according.add(who);
        values.set(label, side);
      }
      if (values.size < 2) continue;
      const inSlot = new Set(members);
      const rels = relations.filter((r) => inSlot.has(r.a) && inSlot.has(r.b) && r.rel.kind !== "same");
      if (rels.length === 0) continue;
      const timed = members.some((i) => UPDATE.test(views[list[i]!.view]!.claim.text));
      const conflict = rels.some((r) => r.rel.kind === "conflict") && !timed;
      // A document that gives both values states the conversion or the bound itself: nothing differs.
      if (!conflict && [...values.values()].some((x, i, all) => all.some((y, j) => j !== i && [...x.documents].some((d) => y.documents.has(d))))) continue;
      const reason = conflict ? undefined : timed ? "figures of different moments" : reasonOf(rels);
      const rep = views[list[members[0]!]!.view]!.claim;
      out.push({
        kind: "number",
        topic: `${key}: ${rep.text.length > 140 ? `${rep.text.slice(0, 137)}…` : rep.text}`,
        compatible: !conflict,
        ...(reason ? { reason } : {}),
        sides: [...values.values()].map((s) => ({ text: s.text, documents: [...s.documents], evidence: s.evidence, according: s.according.size ? [...s.according].join("; ") : null })),
      });
    }
  }
  return out;
}

/** A figure's value as a comparable label (currency and unit kept, so a conversion is its own side). */
function valueLabel(n: ClaimNumber): string {
  return `${n.qualifier ?? ""}|${n.currency ?? ""}|${n.unit ?? ""}|${n.value}`;
}

/** Least cosine for two predicates to be one ("killed" and "injured" are 0.74 apart: not one). */
const SAME_PREDICATE = 0.8;

/**
 * What happened to what a figure counts, when a participle says it: after the
 * counted noun ("12 people were *injured*", "20,000 people *marched*"), else
 * right before the figure ("*killed* three people"). Two figures of one slot
 * have the same predicate, or one of them has none.
 */
function samePredicate(a: Claim, x: ClaimNumber, b: Claim, y: ClaimNumber, vectors: WordVectors | null): boolean {
  const pa = predicate(a, x), pb = predicate(b, y);
  if (!pa || !pb || pa === pb || stem(pa) === stem(pb)) return true;
  if (!vectors) return false;
  const ra = vectors.index(pa), rb = vectors.index(pb);
  return ra >= 0 && rb >= 0 && vectors.cosine(ra, rb) >= SAME_PREDICATE;
}

/** Participles that work as prepositions ("missed 10 games, including the finale"): they say nothing of what happened. */
const PREPOSITIONAL = /^(?:including|according|following|regarding|concerning|excluding|considering|notwithstanding|pending)$/;
/** A word that says what happened: a regular past or participle, or an irregular past ("shot 11 times" is not "arrested four times"). */
const VERB_LIKE = (w: string) => ((/(?:ed|ing)$/.test(w) && w.length > 4) || IRREGULAR_PAST.test(w)) && !PREPOSITIONAL.test(w);
const QUALIFYING = /^(?:least|most|more|less|than|about|around|nearly|some|over|under|another|further|only|just|estimated|approximately|roughly)$/;
const AUXILIARY = /^(?:had|have|has|been|being|be|were|was|are|is|today|yesterday|tonight|now|reportedly|also|all)$/;

function predicate(c: Claim, n: ClaimNumber): string | null {
  // The words after the counted noun (its own phrase may hold the verb: "people marched") and before the figure.
  const after = c.text.slice(n.span.end - c.span.start).split(/[^\p{L}’'-]+/u).filter(Boolean).slice(n.counts ? 1 : 0, 4)
    .map((w) => w.toLowerCase()).filter((w) => !STOP_WORDS.has(w) && !AUXILIARY.test(w));
  const before = c.text.slice(0, n.span.start - c.span.start).split(/[^\p{L}’'-]+/u).filter(Boolean).reverse().slice(0, 4)
    .map((w) => w.toLowerCase()).filter((w) => !STOP_WORDS.has(w) && !AUXILIARY.test(w) && !QUALIFYING.test(w));
  // A verb-like word (a participle) says what happened: after the figure first ("people were injured"), else before ("killed three").
  return after.find(VERB_LIKE) ?? before.slice(0, 2).find(VERB_LIKE) ?? null;
}

/** Words two claims share once figures and dates are set aside. */
function sharedContext(a: ClaimView, b: ClaimView): number {
  let n = 0;
  for (const t of a.context.terms) if (b.context.keys.has(t.key)) n++;
  return n;
}

/**
 * Two sentences that give the same kinds of figure two or more times and agree
 * on none ("13 homers and 43 RBIs in 54 games" against "33 homers and 121 RBIs")
 * count over different scopes (a part of a season and the whole of it): their
 * figures do not fill one slot.
 */
function differentScope(a: ClaimView, b: ClaimView): boolean {
  const keys = new Map<string, number[]>();
  for (const n of a.claim.numbers) {
    const k = numberKey(n);
    if (k) keys.set(k, [...(keys.get(k) ?? []), n.value]);
  }
  let shared = 0, agree = 0;
  const seen = new Set<string>();
  for (const n of b.claim.numbers) {
    const k = numberKey(n);
    if (!k || !keys.has(k) || seen.has(k)) continue;
    seen.add(k);
    shared++;
    if (keys.get(k)!.includes(n.value)) agree++;
  }
  return shared >= 2 && agree === 0;
}

/**
 * Two sentences dated at times that cannot be one ("In February, a gunman
 * killed five people at a shopping mall" against "A gunman shot three people
 * at a suburban Detroit office building Monday morning", in April) tell of
 * different happenings, or of one at different moments: their figures fill no
 * one slot. A date that contains the other ("April" and "Monday 9 April") is
 * one time.
 */
function otherTimes(a: Claim, b: Claim, published: (document: string) => string | null): boolean {
  const ranges = (c: Claim) => c.dates.map(dateRange).filter((r): r is DateRange => r !== null);
  const ra = ranges(a), rb = ranges(b);
  if (ra.length && rb.length) return !ra.some((x) => rb.some((y) => compatible(x, y)));
  // A sentence with no date tells its document's news: the days up to the document's publication. A dated
  // sentence none of whose dates comes near them ("In February, a quake … killed 612 people" in a November
  // report) tells of another happening.
  const [dated, undated] = ra.length ? [ra, b] : rb.length ? [rb, a] : [null, null];
  if (!dated) return false;
  const day = published(undated!.document)?.slice(0, 10);
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const from = new Date(Date.parse(`${day}T00:00:00Z`) - NEWS_DAYS * 86_400_000).toISOString().slice(0, 10);
  // Only a happening's date counts: a year ("the bridge, built in 1931, carries …") dates a detail, not the figure.
  if (dated.some((r) => !HAPPENING.has(r.granularity))) return false;
  return !dated.some((r) => r.start <= day && r.end >= from);
}

/** Granularities of a date that place a happening. */
const HAPPENING = new Set<DateRange["granularity"]>(["time", "day", "week", "month"]);

/**
 * The period a figure is a rate over ("$20 million per season" → "season",
 * "40,000 crossings a day" → "day"), or "" for a total: a rate and a total,
 * or rates over different periods, are not one slot.
 */
function rateOf(c: Claim, n: ClaimNumber): string {
  const after = c.text.slice(n.span.end - c.span.start, n.span.end - c.span.start + 40);
  const m = /^\s*(?:[\p{L}-]+\s+){0,2}?(?:per|a|an|each|every)\s+(year|season|month|week|day|hour|minute|game|night)\b/u.exec(after);
  return m ? m[1]! : "";
}

/**
 * Whose figure it is: the first name in its sentence's subject, the words
 * before the figure up to the first verb ("Manning threw for 364 yards" →
 * "Manning"; "Point guard Ty Lawson also chipped in 16 points" → "Lawson";
 * "The Nationals' offer is …" → "Nationals"), or null when the subject names
 * no one ("About 20,000 people marched in Thessaloniki"; "Violence also broke
 * out in … Thessaloniki, where 20,000 people marched": the place comes after
 * the verb), or {@link PRONOUN} when it opens with a pronoun. A name is a word
 * the story writes with a capital inside sentences and never in lower case.
 */
function ownerOf(c: Claim, n: ClaimNumber, names: Set<string>): string | null {
  const before = c.text.slice(0, n.span.start - c.span.start);
  const words = before.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  // "He has 53 catches for 605 yards": whose figure it is was said in another sentence.
  if (/^(?:He|She|They|It|His|Her|Their|Its)$/.test(words[0] ?? "")) return PRONOUN;
  let owner: string | null = null;
  for (const word of words) {
    const w = word.replace(/[’']s?$/u, "");
    if (/^\p{Ll}/u.test(w) && (VERB_LIKE(w) || SUBJECT_END.test(w))) break;
    if (names.has(w)) owner = w;
    else if (owner) break;
  }
  return owner;
}

/**
 * What a distance is measured from ("150 nautical miles west of Aden" → "aden";
 * "13 nautical miles (about 24km) from the cargo ship" → "cargo ship"), or null.
 * Distances from different places are different slots.
 */
function referenceOf(c: Claim, n: ClaimNumber): string | null {
  const after = c.text.slice(n.span.end - c.span.start, n.span.end - c.span.start + 80);
  const m = /^\s*(?:nautical\s+)?(?:miles?|kilomet(?:er|re)s?|km|metres?|meters?|feet|ft)?\s*(?:\([^)]{0,30}\)\s*)?(?:(?:north|south|east|west)(?:[\s-]*(?:north|south|east|west))?\s+)?(?:of|from|off)\s+(?:the\s+)?([\p{L}-]+(?:\s+[\p{L}-]+)?)/iu.exec(after);
  return m ? m[1]!.toLowerCase() : null;
}

/** Two distances measured from places that share no word. */
function otherReference(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const content = (x: string) => x.split(/\s+/).filter((w) => !STOP_WORDS.has(w));
  const wa = content(a), wb = new Set(content(b));
  return wa.length > 0 && wb.size > 0 && !wa.some((w) => wb.has(w));
}

/** Lower-case words that end a sentence's subject: auxiliaries and verbs of saying. */
const SUBJECT_END = /^(?:is|was|were|are|has|had|have|will|would|can|could|did|does|do|said|says|told|tells|may|might|must|should)$/;

/** Words the story's sentences write with a capital inside a sentence and never in lower case, days and months aside: names. */
function storyNames(views: ClaimView[]): Set<string> {
  const upper = new Set<string>(), lower = new Set<string>();
  for (const v of views) {
    const words = v.claim.text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
    words.forEach((w, i) => {
      const bare = w.replace(/[’']s?$/u, "");
      if (/^\p{Ll}/u.test(bare)) lower.add(bare);
      else if (i > 0 && /^\p{Lu}\p{Ll}/u.test(bare) && !CALENDAR_NAME.test(bare)) upper.add(bare);
    });
  }
  return new Set([...upper].filter((w) => !lower.has(w.toLowerCase())));
}

/** Two owners that are two people or teams: both named and not one name written two ways. */
function otherOwners(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  // Two sentences whose owner is a pronoun, or one a pronoun and one a name: no sign they are one person's.
  if (a === PRONOUN || b === PRONOUN) return true;
  const x = a.toLowerCase(), y = b.toLowerCase();
  return x !== y && !x.startsWith(y) && !y.startsWith(x);
}

/** The owner of a figure in a sentence led by a pronoun. */
const PRONOUN = "\u0000pronoun";

/** Days before its publication that a document's undated sentences may tell of. */
const NEWS_DAYS = 10;

function reasonOf(rels: { rel: ReturnType<typeof relateFigures> }[]): string {
  const reasons = [...new Set(rels.map((r) => (r.rel.kind === "compatible" ? r.rel.reason : "")).filter(Boolean))];
  return reasons.join("; ") || "a difference in detail";
}
