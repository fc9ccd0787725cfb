import { sourceKey } from "../claims/index.js";
import type { Discrepancy, DocumentSpan, Span } from "../model/index.js";
import type { ClaimView } from "./pair-features.js";

/**
 * Evaluative words for how an exchange went, with their polarity. A small
 * closed class written by hand (rather than a general sentiment lexicon, whose
 * scores mix in words like "fight" or "crime" that describe the topic, not the
 * exchange): only these words, applied to one of the nouns below, make a
 * characterisation.
 */
const POLARITY: Record<string, 1 | -1> = {
  positive: 1, productive: 1, cordial: 1, friendly: 1, constructive: 1, fruitful: 1, warm: 1, good: 1, great: 1,
  excellent: 1, successful: 1, useful: 1, amicable: 1, respectful: 1, pleasant: 1, encouraging: 1,
  tense: -1, heated: -1, hostile: -1, difficult: -1, tough: -1, angry: -1, acrimonious: -1, bad: -1, terrible: -1,
  testy: -1, frosty: -1, contentious: -1, combative: -1, unpleasant: -1, fraught: -1, bitter: -1, stormy: -1,
};
/** Nouns of exchanges, mapped to one thing: a phone call and a conversation are the same exchange. */
const THING: Record<string, string> = {
  call: "call", calls: "call", conversation: "call", conversations: "call", talk: "talks", talks: "talks",
  negotiations: "talks", discussions: "talks", meeting: "meeting", meetings: "meeting", summit: "meeting",
  relations: "relations", ties: "relations", relationship: "relations", exchange: "call",
};
const ADJ = Object.keys(POLARITY).join("|");
const NOUN = Object.keys(THING).join("|");
/** "a tense phone call", "described the call ... as “very positive”", "the conversation was productive". Bounded repetitions only. */
const PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:very\\s+|extremely\\s+|highly\\s+)?(${ADJ})\\s+(?:[\\p{L}-]+\\s+){0,2}?(${NOUN})\\b`, "giu"),
  new RegExp(`\\bdescrib\\w*\\s+(?:[^.;]{0,120}?)\\b(${NOUN})\\b[^.;]{0,120}?\\bas\\s+[“"‘']?((?:very|extremely|highly)\\s+)?(${ADJ})\\b`, "giu"),
  new RegExp(`\\b(${NOUN})\\s+(?:was|were|had been|has been)\\s+((?:very|extremely|highly)\\s+)?(${ADJ})\\b`, "giu"),
];

interface Found {
  view: number;
  thing: string;
  polarity: 1 | -1;
  word: string;
  span: Span;
}

/**
 * Opposed characterisations of one exchange across documents ("a tense phone
 * call" in one, the call "very positive" in another), each side with who gives
 * it (the quote's speaker, else the report the document attributes it to). The
 * two claims must share a name or a day, so two different calls are not compared.
 */
export function characterisationDiscrepancies(views: ClaimView[]): Discrepancy[] {
  const found: Found[] = [];
  views.forEach((v, i) => {
    const text = v.claim.text;
    for (const re of PATTERNS) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const groups = m.slice(1).filter((g) => g !== undefined);
        const adj = groups.find((g) => POLARITY[g.toLowerCase()] !== undefined)!;
        const noun = groups.find((g) => THING[g.toLowerCase()] !== undefined)!;
        const at = m.index + m[0].toLowerCase().lastIndexOf(adj.toLowerCase());
        const intensifier = /(?:very|extremely|highly)\s+$/i.exec(text.slice(Math.max(0, at - 12), at));
        const start = v.claim.span.start + at - (intensifier ? intensifier[0].length : 0);
        found.push({ view: i, thing: THING[noun.toLowerCase()]!, polarity: POLARITY[adj.toLowerCase()]!, word: text.slice(at - (intensifier ? intensifier[0].length : 0), at + adj.length), span: { start, end: v.claim.span.start + at + adj.length } });
      }
    }
  });
  const out: Discrepancy[] = [];
  const things = new Set(found.map((f) => f.thing));
  for (const thing of things) {
    const list = found.filter((f) => f.thing === thing);
    const pos = list.filter((f) => f.polarity > 0), neg = list.filter((f) => f.polarity < 0);
    const linked = (a: Found, b: Found) => views[a.view]!.claim.document !== views[b.view]!.claim.document && sharesAnchor(views[a.view]!, views[b.view]!);
    const pairs = pos.flatMap((a) => neg.filter((b) => linked(a, b)).map((b) => [a, b] as const));
    if (pairs.length === 0) continue;
    const used = new Set(pairs.flatMap(([a, b]) => [a, b]));
    const sides = [...used].reduce((m, f) => {
      const key = f.word.toLowerCase();
      const view = views[f.view]!;
      const side = m.get(key) ?? { text: f.word, documents: [] as string[], evidence: [] as DocumentSpan[], according: [] as string[] };
      if (!side.documents.includes(view.claim.document)) side.documents.push(view.claim.document);
      side.evidence.push({ document: view.claim.document, span: f.span });
      const who = view.speaker ?? view.claim.attribution?.source ?? null;
      // One source named two ways ("Wall Street Journal", "The Wall Street Journal") is listed once.
      if (who && !side.according.some((x) => sourceKey(x) === sourceKey(who))) side.according.push(who);
      return m.set(key, side);
    }, new Map<string, { text: string; documents: string[]; evidence: DocumentSpan[]; according: string[] }>());
    out.push({
      kind: "characterisation",
      topic: `how the ${thing} went`,
      compatible: false,
      sides: [...sides.values()].map((s) => ({ text: s.text, documents: s.documents, evidence: s.evidence, according: s.according.length ? s.according.join("; ") : null })),
    });
  }
  return out;
}

/** Two claims about one exchange: they share a name or a day. */
function sharesAnchor(a: ClaimView, b: ClaimView): boolean {
  for (const t of a.profile.terms) if (t.exact && b.profile.keys.has(t.key)) return true;
  return a.claim.dates.some((d) => b.claim.dates.includes(d));
}
