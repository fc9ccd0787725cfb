import { splitSentences } from "../claims/index.js";
import type { Discrepancy, DocumentSpan, RashomonDocument, Story } from "../model/index.js";
import { ageDiscrepancies } from "./ages.js";
import { characterisationDiscrepancies } from "./characterisation.js";
import { crowdDiscrepancies } from "./crowds.js";
import { deathMannerDiscrepancies } from "./death-manner.js";
import { dayDiscrepancies, dayMentions } from "./days.js";
import { figureDiscrepancies } from "./figure-discrepancies.js";
import { substitutionDiscrepancies } from "./substitutions.js";
import type { ClaimView } from "./pair-features.js";
import type { WordVectors } from "./vectors.js";

/** Words that make a place description vague enough to be compatible with a more precise one. */
const VAGUE = /\b(?:near|outskirts|eastern|western|northern|southern|central|region|area|outside|around|public|event)\b/i;

/**
 * Where the story's main statement was made, as each document places it.
 * Rules, in order: "at/during an event ... in X", then "remarks/supporters/spoke ... in X".
 * Each pattern bounds its repetition, so it is linear on any input.
 */
const VENUE_RULES: RegExp[] = [
  /\b(?:[Aa]t|[Dd]uring)\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,2}?(?:event|rally|conference|meeting|ceremony|gathering|forum|summit)\b(?:\s+(?:in|at|near)\s+(?:the\s+)?[\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+)?)?(?:,\s+on the outskirts of (?:the\s+)?[\p{L}]+)?/u,
  /\b(?:remarks|spoke|speech|supporters|crowd|audience)(?:\s+(?:to\s+supporters|gathered))?\s+(?:in|at|near)\s+(?:(?:eastern|western|northern|southern|central)\s+)?[\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+)?/u,
];
const SPEECH = /\b(?:said|says|told|spoke|remarks|speech|addressed|announced|confirmed|revealed|stated)\b/;

/**
 * Finds where accounts differ in a story, never within one document: figures
 * given for one slot with different values (conflicts, or differences in detail
 * when both can be true), opposed characterisations of one thing ("tense"
 * against "very positive", with who says which), the places documents give for
 * the main statement, the ages documents give one named person, names and days
 * one outlet's sentence gives differently from another's otherwise identical
 * sentence, the weekdays documents give one happening, and the wording of one
 * utterance as different outlets quote it.
 */
export function findDiscrepancies(story: Story, docs: RashomonDocument[], views: ClaimView[], vectors: WordVectors | null): Discrepancy[] {
  // Accounts differ between documents: one document is one account, and two values it states are never a
  // conflict (docs/facts-annotation.md). A desk's many one-article stories skip the work.
  if (new Set(docs.map((d) => d.id)).size < 2) return [];
  const claims = views.map((v) => v.claim);
  const published = new Map(docs.map((d) => [d.id, d.published]));
  const crowds = crowdDiscrepancies(claims);
  // A crowd size is compared once, as the place's crowd: a figure slot all of whose values are crowd estimates is left out.
  const inCrowd = new Set(crowds.flatMap((d) => d.sides.flatMap((s) => s.evidence.map((e) => `${e.document}\u0000${e.span.start}`))));
  const figures = figureDiscrepancies(views, vectors, (id) => published.get(id) ?? null).filter((d) => !d.sides.every((s) => s.evidence.every((e) => inCrowd.has(`${e.document}\u0000${e.span.start}`))));
  return [
    ...figures,
    ...crowds,
    ...ageDiscrepancies(claims, (id) => published.get(id) ?? null),
    ...characterisationDiscrepancies(views),
    ...deathMannerDiscrepancies(claims),
    ...substitutionDiscrepancies(views),
    ...dayDiscrepancies(docs.flatMap((d) => dayMentions(views.filter((v) => v.claim.document === d.id).map((v) => v.claim), d.times ?? [], vectors)), vectors),
    ...venueDiscrepancy(docs),
    ...wordingDiscrepancies(story),
  ];
}

function venueDiscrepancy(docs: RashomonDocument[]): Discrepancy[] {
  const sides = new Map<string, { text: string; documents: string[]; evidence: DocumentSpan[] }>();
  for (const doc of docs) {
    const venue = findVenue(doc);
    if (!venue) continue;
    const normalized = placeKey(venue.text);
    const side = sides.get(normalized) ?? { text: venue.text, documents: [], evidence: [] };
    side.documents.push(doc.id);
    side.evidence.push({ document: doc.id, span: venue.span });
    sides.set(normalized, side);
  }
  // "At an emotional press conference" and "at a news conference" name an occasion, not a place: only sides that name one are compared.
  const all = [...sides.values()].filter((s) => /\p{Lu}/u.test(s.text.slice(1)));
  if (all.length < 2) return [];
  const compatible = all.filter((s) => VAGUE.test(s.text)).length >= all.length - 1;
  return [{ kind: "place", topic: "where the main statement was made", compatible, ...(compatible ? { reason: "a precise place and a broader description of it" } : {}), sides: all }];
}

/** The place a venue phrase names, as a comparable key: "supporters gathered in eastern Mexico" → "eastern mexico". */
function placeKey(venue: string): string {
  const lower = venue.toLowerCase();
  const m = /\b(?:in|near)\s+(.+)$/.exec(lower);
  return (m ? m[1]! : lower.replace(/^(?:at|during)\s+/, "")).trim();
}

/** The first place a document gives for a speech or statement, searched sentence by sentence. */
export function findVenue(doc: Pick<RashomonDocument, "text" | "paragraphs">): { text: string; span: { start: number; end: number } } | null {
  for (const p of doc.paragraphs) {
    if (p.kind !== "paragraph") continue;
    for (const s of splitSentences(doc.text, p.span)) {
      const sentence = doc.text.slice(s.start, s.end);
      if (!SPEECH.test(sentence) && !/\bremarks\b/.test(sentence)) continue;
      for (const rule of VENUE_RULES) {
        const m = rule.exec(sentence);
        if (m) return { text: m[0], span: { start: s.start + m.index, end: s.start + m.index + m[0].length } };
      }
    }
  }
  return null;
}

/** One utterance worded differently by different outlets: whole quotes only, one variant per document. */
function wordingDiscrepancies(story: Story): Discrepancy[] {
  const out: Discrepancy[] = [];
  for (const u of story.utterances ?? []) {
    const words = u.differences.flatMap((d) => d.words);
    const docs = new Set(u.variants.map((v) => v.document));
    // Only one whole quote per document is compared: a quote and its own partial repetition are not two wordings.
    if (words.length === 0 || docs.size < 2 || docs.size !== u.variants.length) continue;
    const spans = (u as { derivedFrom?: DocumentSpan[] }).derivedFrom ?? [];
    out.push({
      kind: "wording",
      topic: `${u.speaker?.name ?? "unknown speaker"}: ${words.join(" / ")}`,
      compatible: true,
      reason: "the same words quoted or translated differently",
      sides: u.variants.map((v, i) => ({ text: v.text, documents: [v.document], evidence: spans[i] ? [spans[i]!] : [], according: u.speaker?.name ?? null })),
    });
  }
  return out;
}
