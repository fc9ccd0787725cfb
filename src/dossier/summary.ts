import type { Claim, DocumentSpan, Fact, RashomonDocument, SummarySentence } from "../model/index.js";
import { contentStems } from "./lexicon.js";
import { readsAlone, supportShare, SUPPORT_THRESHOLD } from "./support.js";

/** Settings of {@link summarize}. */
export interface SummaryOptions {
  min?: number;
  max?: number;
}

/** What the summary reads: the facts, the claims by position, and the documents. */
export interface SummaryInput {
  facts: Fact[];
  claimAt: (d: DocumentSpan) => Claim | undefined;
  docs: Map<string, Pick<RashomonDocument, "id" | "text" | "quotes">>;
  /** Each claim's position among its document's claims (0 for the headline or first sentence). */
  position: (c: Claim) => number;
}

interface Candidate {
  fact: Fact;
  text: string;
  source: DocumentSpan;
}

/**
 * A news summary of 5 to 8 sentences, each cited: the lead first (the fact most
 * documents open with), then the best-corroborated facts and the key quotes.
 * Every sentence is one document's own sentence, compressed so that it stands
 * alone (a leading connective or context-bound phrase dropped) or, for a quote,
 * the speaker's name from that sentence and the quoted sentence; a sentence
 * that still leans on context is skipped, as is one that repeats a sentence
 * already taken. Citations are checked: a span that does not carry most of the
 * sentence's words is dropped, and a sentence its own source does not support
 * is not written.
 */
export function summarize(input: SummaryInput, opts: SummaryOptions = {}): SummarySentence[] {
  const max = opts.max ?? 8;
  const min = opts.min ?? 5;
  const chosen: { sentence: SummarySentence; stems: Set<string>; spans: Set<string> }[] = [];
  const take = (c: Candidate | null): boolean => {
    if (!c || chosen.length >= max) return false;
    const stems = new Set(contentStems(c.text));
    if (chosen.some((x) => overlap(x.stems, stems) > 0.5 || x.spans.has(spanKey(c.source)))) return false;
    const cited = citations(c, input);
    if (cited.length === 0) return false;
    chosen.push({ sentence: { text: c.text, citations: cited, fact: c.fact.id }, stems, spans: new Set(c.fact.claims.map(spanKey)) });
    return true;
  };
  const corroborated = input.facts.filter((f) => f.documents.length > 1);
  const lead = [...corroborated].filter((f) => f.kind !== "said" || !f.value).sort((a, b) => leadScore(b, input) - leadScore(a, input))[0];
  if (lead) take(candidate(lead, input));
  // Key quotes: the phrases most outlets quote, whole sentences of five words or more.
  const quotes = corroborated.filter((f) => f.value && f.value.split(/\s+/).length >= 5).slice(0, 3);
  let quoted = 0;
  for (const f of corroborated) {
    if (f === lead || f.value) continue;
    // Key quotes come in once the best-corroborated facts have had two places.
    if (quoted < quotes.length && chosen.length >= 3) take(candidate(quotes[quoted++]!, input));
    take(candidate(f, input));
  }
  while (quoted < quotes.length) take(candidate(quotes[quoted++]!, input));
  if (chosen.length < min) {
    // Then what single outlets put first: early sentences, taken in turn from each document.
    const single = input.facts.filter((f) => f.documents.length === 1).map((f) => {
      const claim = input.claimAt(f.claims[0]!);
      return { f, position: claim ? input.position(claim) : 99, doc: f.documents[0]! };
    });
    single.sort((a, b) => a.position - b.position);
    const seen = new Map<string, number>();
    const turn = single.map((x) => {
      const k = seen.get(x.doc) ?? 0;
      seen.set(x.doc, k + 1);
      return { ...x, turn: k };
    });
    turn.sort((a, b) => a.turn - b.turn || a.position - b.position);
    for (const x of turn.slice(0, 200)) if (chosen.length < min) take(candidate(x.f, input));
  }
  return chosen.map((c) => c.sentence);
}

/** How much a fact is the story's lead: its sources, and how many documents state it in their first sentences. */
function leadScore(f: Fact, input: SummaryInput): number {
  const early = new Set<string>();
  for (const c of f.claims) {
    const claim = input.claimAt(c);
    if (claim && input.position(claim) <= 2) early.add(c.document);
  }
  return f.independentSources + 2 * early.size;
}

/**
 * The sentence that stands for a fact in the summary, or null when none of its
 * sentences reads alone: among the sentences that read alone, an early one
 * (documents put what matters first) that carries most of what the others say.
 */
function candidate(f: Fact, input: SummaryInput): Candidate | null {
  if (f.value && f.kind === "said") return quoteCandidate(f, input);
  const members = f.claims.map((c) => input.claimAt(c)).filter((c): c is Claim => c !== undefined && c.role !== "headline");
  // Centrality is measured against a bounded sample of the members, so a fact of hundreds of sentences costs the same.
  const sample = members.slice(0, CENTRAL_SAMPLE).map((c) => ({ c, stems: new Set(contentStems(c.text)) }));
  const ranked = members
    .map((c) => ({ c, text: standAlone(c.text) }))
    .filter((x): x is { c: Claim; text: string } => x.text !== null)
    .sort((a, b) => Math.min(input.position(a.c), 3) - Math.min(input.position(b.c), 3))
    .slice(0, CENTRAL_SAMPLE)
    .map((x) => ({ ...x, central: centrality(x.c, sample) }))
    .sort((a, b) => Math.min(input.position(a.c), 3) - Math.min(input.position(b.c), 3) || b.central - a.central || Math.abs(words(a.text) - 26) - Math.abs(words(b.text) - 26));
  const best = ranked[0];
  return best ? { fact: f, text: best.text, source: { document: best.c.document, span: best.c.span } } : null;
}

/** A quoted phrase as "Name said: “the quoted sentence”", from an outlet whose sentence names the speaker. */
function quoteCandidate(f: Fact, input: SummaryInput): Candidate | null {
  // Only a named speaker can stand at the head of a sentence ("official said" reads as a fragment).
  if (!/^\p{Lu}/u.test(f.slot ?? "")) return null;
  const slot = f.slot ?? "";
  const surname = slot.split(/\s+/).pop() ?? "";
  // A speaker named by a role ("Foreign Office spokeswoman") is written whole, with an article: "A Foreign Office spokeswoman said".
  const subject = /^\p{Lu}/u.test(surname) ? surname : `${/^[AEIOU]/.test(slot) ? "An" : "A"} ${slot}`;
  const options = (f.evidence ?? []).map((e) => {
    const claim = input.claimAt(e);
    const doc = input.docs.get(e.document);
    return { e, claim, doc, named: !!surname && !!claim && claim.text.includes(surname) };
  }).filter((o) => o.claim && o.doc).sort((a, b) => Number(b.named) - Number(a.named));
  for (const o of options) {
    if (!o.named) break;
    const sentence = quotedSentence(o.doc!, o.e);
    if (!sentence || words(sentence) < 4 || QUOTE_BOUND.test(sentence)) continue;
    const text = `${subject} said: “${sentence}”`;
    if (!readsAlone(text)) continue;
    return { fact: f, text, source: { document: o.e.document, span: o.claim!.span } };
  }
  return null;
}

/**
 * A quoted sentence that leans on what the speaker said before: it opens with a
 * third-person pronoun or a pointing word ("It is…", "He said…", "This…") or
 * refers to one after a comma ("In his own words, he said…"). First and second
 * person ("We will never…", "You can…") name the speaker and the listener, so they stand.
 */
const QUOTE_BOUND = /^(?:He|She|It|They|His|Her|Its|Their|Them|This|That|These|Those|Such|But|And|So|Also|Then)\b|,\s*(?:he|she|they|it)\s+(?:said|says|added|told)\b/;

/** The whole quoted sentence around a phrase: the quote that holds it, cut at sentence ends, marks trimmed. */
function quotedSentence(doc: Pick<RashomonDocument, "text" | "quotes">, e: DocumentSpan): string | null {
  const q = (doc.quotes ?? []).filter((x) => x.kind !== "indirect" && x.span.start <= e.span.start && x.span.end >= e.span.end)
    .sort((a, b) => (a.span.end - a.span.start) - (b.span.end - b.span.start))[0];
  if (!q) return null;
  const text = doc.text.slice(q.span.start, q.span.end);
  const at = e.span.start - q.span.start;
  let from = 0, to = text.length;
  const re = /[.!?…]+["”’']*\s+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (end <= at) from = end;
    else if (m.index >= at + (e.span.end - e.span.start) - 1) {
      to = m.index + 1;
      break;
    }
  }
  const s = text.slice(from, to).replace(/^[\s“”"‘’'.…]+|[\s“”"‘’',]+$/gu, "").trim();
  // A whole quoted sentence: it opens with a capital and holds no other quotation.
  if (!s || !/^\p{Lu}/u.test(s) || /[“”"‘’]/.test(s.slice(1, -1))) return null;
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/** Openers that lean on earlier sentences and can be dropped: a connective, or a phrase with a pointing word, up to its comma. */
const DROPPABLE = /^(?:[A-Z][\p{L}-]*ing\b[^,]{0,80},\s+|(?:However|Meanwhile|Moreover|Still|Also|Later|Earlier|Elsewhere|Instead|Then|Now|Separately|In addition|At the time|On the same day)\b[^,]{0,60},\s+|(?:Despite|After|Before|Amid|Given|Following|During|In|On|With|Under|For)\s[^,]{0,50}\b(?:these|those|such|the same)\b[^,]{0,40},\s+|(?:But|And)\s+)/u;

/** A sentence made to stand alone (dateline and droppable opener cut, "also" dropped), or null when it cannot. */
export function standAlone(text: string): string | null {
  let t = text.replace(/^[\p{Lu}][\p{Lu} .,'-]{1,40}\([A-Za-z]{2,12}\)\s*[—–-]\s*/u, "").trim();
  const cut = DROPPABLE.exec(t);
  if (cut) t = t.slice(cut[0].length).replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  t = t.replace(/\s+also\b/, "");
  // A sentence led by a quotation names its speaker only after it, if at all: the summary quotes through quoteCandidate.
  if (/^[“"‘]/u.test(t)) return null;
  return readsAlone(t) ? t : null;
}

/** The citations of a summary sentence: its own source first, then other claims of its fact that carry most of its words. */
function citations(c: Candidate, input: SummaryInput): DocumentSpan[] {
  const own = input.docs.get(c.source.document)?.text.slice(c.source.span.start, c.source.span.end) ?? "";
  if (supportShare(c.text, own) < SUPPORT_THRESHOLD) return [];
  const out: DocumentSpan[] = [c.source];
  for (const cl of c.fact.claims) {
    if (out.length >= 6 || (cl.document === c.source.document && cl.span.start === c.source.span.start)) continue;
    const text = input.docs.get(cl.document)?.text.slice(cl.span.start, cl.span.end) ?? "";
    if (supportShare(c.text, text) >= SUPPORT_THRESHOLD) out.push(cl);
  }
  return out;
}

/** Members compared when choosing a fact's most central sentence. */
const CENTRAL_SAMPLE = 40;

/** The mean share of the other sampled members' words that a claim carries. */
function centrality(c: Claim, sample: { c: Claim; stems: Set<string> }[]): number {
  const own = new Set(contentStems(c.text));
  let sum = 0, n = 0;
  for (const o of sample) {
    if (o.c === c || o.stems.size === 0) continue;
    let hit = 0;
    for (const w of o.stems) if (own.has(w)) hit++;
    sum += hit / o.stems.size;
    n++;
  }
  return n ? sum / n : 0;
}

function spanKey(d: DocumentSpan): string {
  return `${d.document}\u0000${d.span.start}`;
}

function words(t: string): number {
  return t.split(/\s+/).length;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n / Math.max(1, Math.min(a.size, b.size));
}
