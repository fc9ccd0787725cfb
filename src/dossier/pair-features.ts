import { sourceKey } from "../claims/index.js";
import type { Claim } from "../model/index.js";
import { numberKey, valuesAgree } from "./figures.js";
import { coverage, vectorCosine, type Profile } from "./terms.js";
import type { WordVectors } from "./vectors.js";

/** How many documents of the story use each word: words most outlets use name the story's main facts. */
export interface StoryStats {
  documents: number;
  df: Map<string, number>;
}

/** What the aligner knows of one claim. */
export interface ClaimView {
  claim: Claim;
  profile: Profile;
  story: StoryStats;
  /** Content words with numbers and dates masked: what the claim says about its slot. */
  context: Profile;
  cited: Set<string>;
  speaker: string | null;
  /** Whether the claim opens its document: the headline, the standfirst or one of the first two body sentences. */
  lead: boolean;
}

/** Names of the pair features, in the order of {@link pairFeatures}' vector. */
export const FEATURES = [
  "exactMin", "exactMax", "softMin", "softMax", "vectorCosine", "sharedNames", "sameFigure", "otherFigure",
  "sameDay", "otherDay", "sameSpeaker", "otherSpeaker", "sameSource", "bothQuoted", "headline", "lengthRatio",
  "sharedWords", "sharedSalient", "salientShareMax", "bothHeadlines", "bothLeads",
] as const;

/** Share of a story's documents from which a word is salient (used by most outlets). */
const SALIENT = 0.4;

/** The features of a pair of claims, each in [0, 1]. */
export function pairFeatures(a: ClaimView, b: ClaimView, vectors: WordVectors | null, cache?: Map<number, number>): number[] {
  const ab = coverage(a.profile, b.profile, vectors, cache);
  const ba = coverage(b.profile, a.profile, vectors, cache);
  const names = sharedNames(a.profile, b.profile);
  const fig = figures(a.claim, b.claim);
  const day = days(a.claim, b.claim);
  const speakers = a.speaker && b.speaker ? (sameSpeaker(a.speaker, b.speaker) ? 1 : -1) : 0;
  const ta = a.profile.terms.length, tb = b.profile.terms.length;
  return [
    Math.min(ab.exact, ba.exact),
    Math.max(ab.exact, ba.exact),
    Math.min(ab.soft, ba.soft),
    Math.max(ab.soft, ba.soft),
    Math.max(0, vectorCosine(a.profile.vector, b.profile.vector)),
    Math.min(3, names) / 3,
    fig === 1 ? 1 : 0,
    fig === -1 ? 1 : 0,
    day === 1 ? 1 : 0,
    day === -1 ? 1 : 0,
    speakers === 1 ? 1 : 0,
    speakers === -1 ? 1 : 0,
    [...a.cited].some((k) => b.cited.has(k)) ? 1 : 0,
    Math.min(a.claim.quoted ?? 0, b.claim.quoted ?? 0),
    a.claim.role === "headline" || b.claim.role === "headline" ? 1 : 0,
    Math.min(ta, tb) / Math.max(1, ta, tb),
    ...salience(a, b),
    a.claim.role === "headline" && b.claim.role === "headline" ? 1 : 0,
    a.lead && b.lead ? 1 : 0,
  ];
}

/** Words the two claims share, the salient ones among them, and the salient shared share of the richer claim. */
function salience(a: ClaimView, b: ClaimView): number[] {
  const salient = (k: string) => (a.story.df.get(k) ?? 0) / Math.max(1, a.story.documents) >= SALIENT;
  let shared = 0, sharedSalient = 0, salA = 0, salB = 0;
  for (const t of a.profile.terms) {
    const s = salient(t.key);
    if (s) salA++;
    if (b.profile.keys.has(t.key)) {
      shared++;
      if (s) sharedSalient++;
    }
  }
  for (const t of b.profile.terms) if (salient(t.key)) salB++;
  return [Math.min(shared, 6) / 6, Math.min(sharedSalient, 4) / 4, sharedSalient / Math.max(1, salA, salB)];
}

/** How similar two claims are once their figures and dates are set aside (for finding one slot with two values). */
export function contextSimilarity(a: ClaimView, b: ClaimView, vectors: WordVectors | null, cache?: Map<number, number>): number {
  const ab = coverage(a.context, b.context, vectors, cache);
  const ba = coverage(b.context, a.context, vectors, cache);
  return Math.min(ab.soft, ba.soft);
}

function sharedNames(a: Profile, b: Profile): number {
  let n = 0;
  for (const t of a.terms) if (t.exact && !/\d/.test(t.key) && b.keys.has(t.key)) n++;
  return n;
}

/** 1 when the claims share a figure of the same kind, -1 when they give the same kind of figure with no value in common, else 0. */
function figures(a: Claim, b: Claim): number {
  let sameKind = false;
  for (const x of a.numbers) {
    const kx = numberKey(x);
    if (!kx) continue;
    for (const y of b.numbers) {
      if (numberKey(y) !== kx) continue;
      sameKind = true;
      if (valuesAgree(x, y)) return 1;
    }
  }
  return sameKind ? -1 : 0;
}

/** 1 when the claims share a day, -1 when both name days and none agree, else 0. */
function days(a: Claim, b: Claim): number {
  const da = a.dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  const db = b.dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  if (!da.length || !db.length) return 0;
  return da.some((d) => db.includes(d)) ? 1 : -1;
}

/** Whether two speaker names are one person: the same name or the same surname ("Sheinbaum", "Claudia Sheinbaum"). */
export function sameSpeaker(a: string, b: string): boolean {
  const la = a.toLowerCase(), lb = b.toLowerCase();
  if (la === lb) return true;
  const sa = la.split(/\s+/).pop()!, sb = lb.split(/\s+/).pop()!;
  return sa === sb && sa.length > 2;
}

/** The sources a claim cites, as comparable keys (its attribution and a quote's speaker when that is a report). */
export function citedKeys(claim: Claim, cited: Set<string>): Set<string> {
  const out = new Set(cited);
  if (claim.attribution) out.add(sourceKey(claim.attribution.source));
  return out;
}
