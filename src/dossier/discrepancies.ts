import { splitSentences } from "../claims/index.js";
import type { Claim, Discrepancy, Fact, RashomonDocument, Story } from "../model/index.js";
import { numberKey } from "./details.js";

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
 * Finds discrepancies in a story: numbers that aligned claims disagree on, the
 * places documents give for the main statement, dates the timeline marks as in
 * conflict, and the wording of one utterance across outlets.
 */
export function findDiscrepancies(story: Story, docs: RashomonDocument[], facts: Fact[], claimsByDoc: Map<string, Claim[]>): Discrepancy[] {
  return [...numberDiscrepancies(facts, claimsByDoc), ...venueDiscrepancy(docs), ...dateDiscrepancies(story), ...wordingDiscrepancies(story, docs)];
}

function numberDiscrepancies(facts: Fact[], claimsByDoc: Map<string, Claim[]>): Discrepancy[] {
  const out: Discrepancy[] = [];
  for (const f of facts) {
    if (f.documents.length < 2) continue;
    const byKey = new Map<string, Map<number, { text: string; docs: Set<string>; evidence: { document: string; span: { start: number; end: number } }[] }>>();
    for (const ref of f.claims) {
      const claim = claimsByDoc.get(ref.document)?.find((c) => c.span.start === ref.span.start);
      for (const n of claim?.numbers ?? []) {
        const key = numberKey(n);
        if (!key) continue;
        let values = byKey.get(key);
        if (!values) byKey.set(key, (values = new Map()));
        const side = values.get(n.value) ?? { text: n.text + (n.counts ? ` ${n.counts}` : ""), docs: new Set<string>(), evidence: [] };
        side.docs.add(ref.document);
        side.evidence.push({ document: ref.document, span: n.span });
        values.set(n.value, side);
      }
    }
    for (const [key, values] of byKey) {
      if (values.size < 2) continue;
      out.push({ kind: "number", topic: `${key} in: ${f.text}`, compatible: false, sides: [...values.values()].map((s) => ({ text: s.text, documents: [...s.docs], evidence: s.evidence })) });
    }
  }
  return out;
}

function venueDiscrepancy(docs: RashomonDocument[]): Discrepancy[] {
  const sides = new Map<string, { text: string; documents: string[]; evidence: { document: string; span: { start: number; end: number } }[] }>();
  for (const doc of docs) {
    const venue = findVenue(doc);
    if (!venue) continue;
    const normalized = placeKey(venue.text);
    const side = sides.get(normalized) ?? { text: venue.text, documents: [], evidence: [] };
    side.documents.push(doc.id);
    side.evidence.push({ document: doc.id, span: venue.span });
    sides.set(normalized, side);
  }
  if (sides.size < 2) return [];
  const all = [...sides.values()];
  const compatible = all.filter((s) => VAGUE.test(s.text)).length >= all.length - 1;
  return [{ kind: "place", topic: "where the main statement was made", compatible, sides: all }];
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

function dateDiscrepancies(story: Story): Discrepancy[] {
  const conflicts = (story.timeline ?? []).filter((e) => e.conflict);
  if (conflicts.length < 2) return [];
  return [{ kind: "date", topic: conflicts[0]!.text, compatible: false, sides: conflicts.map((e) => ({ text: e.date, documents: e.documents, evidence: e.evidence })) }];
}

function wordingDiscrepancies(story: Story, docs: RashomonDocument[]): Discrepancy[] {
  const quotes = new Map(docs.flatMap((d) => (d.quotes ?? []).map((q) => [q.id, q] as const)));
  const out: Discrepancy[] = [];
  for (const u of story.utterances ?? []) {
    const words = u.differences.flatMap((d) => d.words);
    if (words.length === 0 || u.variants.length < 2) continue;
    out.push({
      kind: "wording",
      topic: `${u.speaker?.name ?? "unknown speaker"}: ${words.join(" / ")}`,
      compatible: true,
      sides: u.variants.map((v) => {
        const q = quotes.get(v.quote);
        return { text: v.text, documents: [v.document], evidence: q ? [{ document: v.document, span: q.span }] : [] };
      }),
    });
  }
  return out;
}
