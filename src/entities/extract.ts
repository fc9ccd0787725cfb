import { MessageBag } from "../model/index.js";
import type { Paragraph, Span } from "../model/index.js";
import {
  firstNameGender, GENDERED_ROLES, KNOWN_ORGS, NAME_CONNECTORS, NAME_TAIL_CAPS, ORG_WORDS, PERSON_TITLES, PLACE_WORDS, PLACES, ROLE_NOUNS, STOP_CAPS,
} from "./lexicon.js";
import { sentenceIndexAt, sentenceSpans, tokenize, type Token } from "./tokens.js";
import type { Entity, EntityAnalysis, EntityKind, EntityMention } from "./types.js";

const PREFIX_WORDS = new Set(["State", "Defense", "Foreign", "Homeland", "Security", "Affairs", "Interior", "Finance",
  "Health", "Press", "White", "House", "National", "Council", "Deputy", "Vice", "Prime", "General", "Chief", "Staff",
  "Attorney", "Supreme", "Court", "Federal", "Reserve", "Trade", "Commerce", "Treasury", "Energy", "Education"]);

/** First words of place names that a first name may follow ("San Diego", "St. Paul"). */
const NAME_PREFIXES = new Set(["San", "Santa", "Los", "Las", "El", "St.", "St", "Saint", "Fort", "Port", "Mount", "New", "Lake", "Glen", "Palm"]);

const isCap = (t: string): boolean => /^\p{Lu}/u.test(t);
const isAcronym = (t: string): boolean => /^\p{Lu}[\p{Lu}.&]+$/u.test(t) && t.replace(/\./g, "").length >= 2;
const placeKey = (s: string): string | undefined => PLACES[s.toLowerCase()];

interface Run {
  tokens: Token[];
  /** Token index (in the region's token list) of the run's first token. */
  first: number;
}

/** Capitalised runs of a region: "U.S. President Donald Trump", "White House National Security Council". */
function capRuns(text: string, tokens: Token[], sentenceStarts: Set<number>): Run[] {
  const runs: Run[] = [];
  let cur: Run | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const tail = cur !== null && NAME_TAIL_CAPS.has(t.text);
    const usable = isCap(t.text) && (tail || !STOP_CAPS.has(t.text)) && !(sentenceStarts.has(t.start) && STOP_CAPS.has(t.text));
    const prev = tokens[i - 1];
    const joined = cur !== null && prev !== undefined && !prev.possessive && text.slice(prev.end, t.start) === " ";
    if (usable && joined && cur) {
      cur.tokens.push(t);
    } else if (joined && cur && NAME_CONNECTORS.has(t.text) && tokens[i + 1] && isCap(tokens[i + 1]!.text)
      && text.slice(t.end, tokens[i + 1]!.start) === " ") {
      cur.tokens.push(t);
    } else if (usable) {
      if (cur) runs.push(cur);
      cur = { tokens: [t], first: i };
    } else {
      if (cur) runs.push(cur);
      cur = null;
    }
    if (cur && t.possessive) {
      runs.push(cur);
      cur = null;
    }
  }
  if (cur) runs.push(cur);
  // A trailing connector is not part of a name.
  for (const r of runs) while (r.tokens.length > 1 && NAME_CONNECTORS.has(r.tokens[r.tokens.length - 1]!.text)) r.tokens.pop();
  return runs;
}

interface Found {
  name: string;
  kind: EntityKind;
  span: Span;
  role: string | null;
  gender: "female" | "male" | null;
  rule: string;
  single: boolean;
}

/** Reads one capitalised run as a titled person, an organisation, a place or a name. */
function classify(text: string, run: Run, tokens: Token[]): Found | null {
  const ts = run.tokens;
  const whole = { start: ts[0]!.start, end: ts[ts.length - 1]!.end };
  const str = (a: number, b: number): string => text.slice(ts[a]!.start, ts[b]!.end).replace(/[’'‘]s$/, "");
  // Title prefix: "U.S. President", "Mexican President", "Secretary of State".
  let lastTitle = -1;
  for (let i = 0; i < ts.length - 1; i++) {
    const w = ts[i]!.text;
    if (PERSON_TITLES.has(w)) lastTitle = i;
    else if (!(placeKey(w) || PREFIX_WORDS.has(w) || NAME_CONNECTORS.has(w) || isAcronym(w)) && lastTitle >= 0) break;
  }
  // entities:titled-name needs a name after the title, not an organisation ("Justice Department").
  if (lastTitle >= 0 && (ts.slice(lastTitle + 1).some((t) => ORG_WORDS.has(t.text) || STOP_CAPS.has(t.text) || isAcronym(t.text))
    || NAME_CONNECTORS.has(ts[lastTitle + 1]!.text))) lastTitle = -1;
  // entities:role-then-name: a known first name inside the run ("WCCO TV Managing Editor Angela Benson").
  if (lastTitle < 0) {
    for (let i = 1; i < ts.length - 1; i++) {
      if (firstNameGender(ts[i]!.text) === undefined) continue;
      // Not inside a name that starts with a first name or an initial ("Mark Jay Heller", "Hugh W. Sloan"), nor after
      // a place's first word ("San Diego").
      const prev = ts[i - 1]!.text;
      if (firstNameGender(ts[0]!.text) !== undefined || /^\p{Lu}\.$/u.test(prev) || NAME_PREFIXES.has(prev)) continue;
      const rest = ts.slice(i);
      // A later first name may start the person's name ("Fort Ash Capital Group Charlie Pell").
      if (rest.length > 3) continue;
      if (rest.every((t) => /^\p{Lu}[\p{Ll}.]/u.test(t.text) && !ORG_WORDS.has(t.text))) lastTitle = i - 1;
      break;
    }
  }
  let roleFromBefore: string | null = null;
  let gender: "female" | "male" | null = null;
  // A lower-case role noun right before the run ("spokesman James Hewitt"), with its own modifiers.
  const before = tokens[run.first - 1];
  if (lastTitle < 0 && before && ROLE_NOUNS.has(before.text.toLowerCase()) && /^[ ,]+$/.test(text.slice(before.end, ts[0]!.start))
    && text.slice(before.end, ts[0]!.start).length <= 2) {
    let k = run.first - 1;
    while (k > 0 && tokens[k - 1]!.end + 1 === tokens[k]!.start && (isCap(tokens[k - 1]!.text) || isAcronym(tokens[k - 1]!.text))
      && !STOP_CAPS.has(tokens[k - 1]!.text) && !tokens[k - 1]!.possessive) k--;
    roleFromBefore = text.slice(tokens[k]!.start, before.end);
    gender = GENDERED_ROLES[before.text.toLowerCase()] ?? null;
  }
  if (lastTitle >= 0) {
    const name = str(lastTitle + 1, ts.length - 1);
    const tw = ts[lastTitle]!.text.toLowerCase();
    const first = ts[lastTitle + 1]!.text;
    // "Mexico’s President Claudia Sheinbaum": the possessive place before the run belongs to the role.
    const owner = tokens[run.first - 1];
    const roleStart = owner && owner.possessive && placeKey(owner.text) && owner.end + 1 === ts[0]!.start ? owner.start : ts[0]!.start;
    return {
      name, kind: "person", span: { start: ts[lastTitle + 1]!.start, end: whole.end }, role: text.slice(roleStart, ts[lastTitle]!.end),
      gender: firstNameGender(first) ?? GENDERED_ROLES[tw] ?? null, rule: "entities:titled-name", single: ts.length - lastTitle - 1 === 1,
    };
  }
  const full = str(0, ts.length - 1);
  const words = ts.map((t) => t.text);
  if (KNOWN_ORGS.has(full) || words.some((w) => ORG_WORDS.has(w))) {
    return { name: full.replace(/^The /, ""), kind: "organization", span: whole, role: null, gender: null, rule: "entities:org-word", single: ts.length === 1 };
  }
  if (placeKey(full)) return { name: full, kind: "place", span: whole, role: null, gender: null, rule: "entities:place", single: ts.length === 1 };
  if (ts.length > 1 && PLACE_WORDS.has(words[words.length - 1]!)) {
    return { name: full, kind: "place", span: whole, role: null, gender: null, rule: "entities:place-word", single: false };
  }
  if (ts.length === 1 && isAcronym(full)) return { name: full, kind: "organization", span: whole, role: null, gender: null, rule: "entities:acronym", single: true };
  const fg = firstNameGender(words[0]!);
  if (fg !== undefined && ts.length > 1 && !words.slice(1).some(countryNotName)) return { name: full, kind: "person", span: whole, role: roleFromBefore, gender: fg, rule: "entities:first-name", single: false };
  if (roleFromBefore) return { name: full, kind: "person", span: whole, role: roleFromBefore, gender, rule: "entities:role-noun", single: ts.length === 1 };
  if (ts.length >= 2 && ts.length <= 4 && words.every((w) => /^\p{Lu}(?:\p{Ll}|\.$)/u.test(w) || NAME_CONNECTORS.has(w))) {
    return { name: full, kind: "unknown", span: whole, role: null, gender: null, rule: "entities:cap-run", single: false };
  }
  return { name: full, kind: "unknown", span: whole, role: null, gender: null, rule: "entities:cap-word", single: ts.length === 1 };
}

/** Body regions: the paragraphs, or the whole text when there are none. */
export function bodyRegions(doc: { text: string; paragraphs: Paragraph[] }): Span[] {
  if (!doc.paragraphs || doc.paragraphs.length === 0) return [{ start: 0, end: doc.text.length }];
  return [...doc.paragraphs].map((p) => p.span).sort((a, b) => a.start - b.start);
}

const lastWord = (n: string): string => n.split(/\s+/).pop() ?? n;
const initials = (n: string): string => n.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && w !== "The").map((w) => w[0]).join("");

/**
 * Finds the people, organisations and places of a document's body: full names
 * with the titles and role nouns around them, surnames and acronyms linked to
 * the full name, gender from first names, titles and he/she that follow.
 */
export function extractEntities(doc: { id: string; text: string; paragraphs: Paragraph[] }): EntityAnalysis {
  const bag = new MessageBag(doc.id);
  const text = doc.text;
  const regions = bodyRegions(doc);
  const sentences: Span[] = [];
  const found: Found[] = [];
  const pronouns: Token[] = [];
  const allTokens: Token[] = [];
  for (const region of regions) {
    if (region.end > text.length || region.start < 0) {
      bag.warn("entities:bad-region", `paragraph span [${region.start}, ${region.end}) lies outside the text`);
      continue;
    }
    const ss = sentenceSpans(text, region);
    sentences.push(...ss);
    const tokens = tokenize(text, region);
    for (const t of tokens) allTokens.push(t);
    const starts = new Set<number>();
    let si = 0;
    for (const t of tokens) {
      while (si < ss.length && ss[si]!.end <= t.start) si++;
      if (si < ss.length && !starts.has(ss[si]!.start) && t.start >= ss[si]!.start) starts.add(t.start), starts.add(ss[si]!.start);
      const low = t.text.toLowerCase();
      if (low === "he" || low === "she") pronouns.push(t);
    }
    for (const run of capRuns(text, tokens, starts)) {
      const f = classify(text, run, tokens);
      if (f && f.name.length > 1) found.push(f);
      // entities:role-organization: "Bloomington Police Sgt. Marty Earley" also names Bloomington Police.
      if (f?.rule === "entities:titled-name") {
        const ts = run.tokens;
        let last = -1;
        for (let i = 0; i < ts.length && ts[i]!.start < f.span.start; i++) if (ORG_WORDS.has(ts[i]!.text)) last = i;
        if (last >= 1) {
          const span = { start: ts[0]!.start, end: ts[last]!.end };
          found.push({ name: text.slice(span.start, span.end), kind: "organization", span, role: null, gender: null, rule: "entities:role-organization", single: false });
        }
      }
    }
  }
  // Pass 1: multi-word names make entities; pass 2: single words join them as surnames or acronyms.
  const entities: Entity[] = [];
  const byName = new Map<string, Entity>();
  const add = (f: Found, kind: EntityMention["kind"], e?: Entity): Entity => {
    let ent = e ?? byName.get(f.name.toLowerCase());
    if (!ent) {
      ent = { id: `${doc.id}#e${entities.length + 1}`, name: f.name, kind: f.kind, aliases: [], roles: [], mentions: [], gender: f.gender };
      entities.push(ent);
      byName.set(f.name.toLowerCase(), ent);
    }
    if (ent.kind === "unknown" && f.kind !== "unknown") ent.kind = f.kind;
    if (!ent.gender && f.gender) ent.gender = f.gender;
    if (f.role && !ent.roles.includes(f.role)) ent.roles.push(f.role);
    const mt = text.slice(f.span.start, f.span.end);
    if (mt !== ent.name && !ent.aliases.includes(mt)) ent.aliases.push(mt);
    ent.mentions.push({ text: mt, span: f.span, kind, rule: f.rule });
    return ent;
  };
  for (const f of found) if (!f.single) add(f, "name");
  for (const f of found) {
    if (!f.single) continue;
    const w = f.name;
    if (placeKey(w)) {
      add({ ...f, kind: "place" }, "name");
      continue;
    }
    const person = entities.find((e) => e.name.includes(" ") && lastWord(e.name) === w
      && (e.kind === "person" || (e.kind === "unknown" && e.name.split(" ").every((x) => /^\p{Lu}(?:\p{Ll}|\.$)/u.test(x)))));
    if (person) {
      if (person.kind === "unknown") person.kind = "person";
      add({ ...f, kind: "person", rule: "entities:surname" }, "surname", person);
      continue;
    }
    const org = isAcronym(w) ? entities.find((e) => e.kind === "organization" && initials(e.name) === w.replace(/\./g, "")) : undefined;
    if (org) {
      add({ ...f, kind: "organization", rule: "entities:acronym-alias" }, "alias", org);
      continue;
    }
    // entities:first-word: "Doug" for Doug McDermott, "Kraft" for Kraft Foods (one candidate only).
    const firsts = f.rule === "entities:titled-name" ? [] : entities.filter((e) => e.name.includes(" ") && e.name.split(" ")[0] === w
      && e.kind !== "place" && !/^(?:New|North|South|East|West|United|National|General|Royal|First)$/.test(w));
    // Several ("Kraft Foods", "Kraft Foods plant"): the one named most often.
    const first = firsts.sort((x, y) => y.mentions.length - x.mentions.length || x.name.length - y.name.length)[0];
    if (first && (firsts.length === 1 || first.kind !== "person")) add({ ...f, kind: first.kind, rule: "entities:first-word" }, "alias", first);
    else add(f, "name");
  }
  assignGender(entities, pronouns, sentences);
  for (const e of entities) e.mentions.sort((a, b) => a.span.start - b.span.start);
  return { entities, messages: bag.messages, regions, sentences, tokens: allTokens };
}

/** Gender for the people no first name or title told: the he/she that follows them as subject. */
function assignGender(entities: Entity[], pronouns: Token[], sentences: Span[]): void {
  const votes = new Map<Entity, { female: number; male: number }>();
  const persons = entities.filter((e) => e.kind === "person" || e.kind === "unknown");
  for (const p of pronouns.slice(0, 200)) {
    const si = sentenceIndexAt(sentences, p.start);
    if (si < 0) continue;
    // The first person named in the pronoun's own sentence ("X said he ..."), else in the sentence before.
    const firstFrom = (from: number): { e: Entity; at: number } | null => {
      let b: { e: Entity; at: number } | null = null;
      for (const e of persons) {
        for (const m of e.mentions) if (m.span.start >= from && m.span.end <= p.start && (!b || m.span.start < b.at)) b = { e, at: m.span.start };
      }
      return b;
    };
    const best = firstFrom(sentences[si]!.start) ?? firstFrom(sentences[Math.max(0, si - 1)]!.start);
    if (!best || best.e.gender || !personShaped(best.e.name)) continue;
    const v = votes.get(best.e) ?? { female: 0, male: 0 };
    if (p.text.toLowerCase() === "she") v.female++;
    else v.male++;
    votes.set(best.e, v);
  }
  for (const [e, v] of votes) {
    if (v.female > v.male) e.gender = "female";
    else if (v.male > v.female) e.gender = "male";
    if (e.kind === "unknown" && e.gender && e.name.includes(" ")) e.kind = "person";
    else if (e.kind !== "person") e.gender = null;
  }
}

/**
 * Whether a name can be a person's: no acronym ("New GM"), organisation or compass word ("United Auto Workers",
 * "Middle East"), no place first, and no later place that is not also a first name ("Ford Australia").
 */
export function personShaped(name: string): boolean {
  const ws = name.split(/\s+/);
  return !ws.some((w) => isAcronym(w) || ORG_WORDS.has(w) || PLACE_WORDS.has(w) || /^(?:East|West|North|South|Middle|Central|Auto|New)$/.test(w))
    && !NAME_CONNECTORS.has(ws[0] ?? "") && !(ws.length > 1 && (placeKey(ws[0]!) || ws.slice(1).some(countryNotName)));
}

/** A place that is no first name ("Australia" in "Ford Australia"; not "Jordan" in "Michael Jordan"). */
const countryNotName = (w: string): boolean => !!placeKey(w) && firstNameGender(w) === undefined;
