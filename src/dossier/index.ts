import { citedSources, extractClaims, isReportSource, sourceKey } from "../claims/index.js";
import type { Claim, DocumentSpan, DossierParts, RashomonDocument, Span, Story } from "../model/index.js";
import { SIMILAR_LINK, clusterClaims, scorePairs, type AlignOptions } from "./align.js";
import { findDiscrepancies } from "./discrepancies.js";
import { claimFact, finishFacts, phraseFact, sourceContext, uniqueFacts, type FactDraft } from "./facts.js";
import type { ClaimView, StoryStats } from "./pair-features.js";
import { quotedPhrases } from "./quote-facts.js";
import { figureFacts } from "./figure-facts.js";
import { reportFacts } from "./report-facts.js";
import { DEFAULT_LINK_MODEL } from "./link-model.js";
import { summarize } from "./summary.js";
import { profile, withoutFigures } from "./terms.js";
import { wordVectors } from "./vectors.js";

export { findVenue } from "./discrepancies.js";
export { scorePairs, clusterClaims, SIMILAR_LINK } from "./align.js";
export type { AlignOptions, ScoredPair } from "./align.js";
export { pairFeatures, FEATURES } from "./pair-features.js";
export type { ClaimView } from "./pair-features.js";
export { linkProbability, DEFAULT_LINK_MODEL } from "./link-model.js";
export type { LinkModel } from "./link-model.js";
export { supportShare, readsAlone, SUPPORT_THRESHOLD } from "./support.js";
export { wordVectors } from "./vectors.js";
export { contentStems } from "./lexicon.js";

/** What the aligner compares of each claim: its words, its words without figures, the reports it cites, its speaker. */
export function claimViews(claims: Claim[], vectors = wordVectors()): ClaimView[] {
  const story: StoryStats = { documents: new Set(claims.map((c) => c.document)).size, df: new Map() };
  const seen = new Set<string>();
  const body = new Map<string, number>();
  const views = claims.map((claim) => {
    const n = claim.role === "body" ? (body.get(claim.document) ?? 0) : -1;
    if (claim.role === "body") body.set(claim.document, n + 1);
    const p = profile(claim.text, vectors);
    for (const t of p.terms) {
      const k = `${claim.document}\u0000${t.key}`;
      if (!seen.has(k)) {
        seen.add(k);
        story.df.set(t.key, (story.df.get(t.key) ?? 0) + 1);
      }
    }
    // Only reports count as cited sources: a person or a body quoted is what the outlet reports, first-hand.
    const cited = new Set([...citedSources(claim.text, { start: 0, end: claim.text.length })].filter(isReportSource));
    if (claim.attribution && isReportSource(sourceKey(claim.attribution.source))) cited.add(sourceKey(claim.attribution.source));
    return { claim, profile: p, story, context: withoutFigures(p), cited, speaker: claim.speaker ?? null, lead: n < 2 };
  });
  return views;
}

/**
 * Builds a story's dossier from its analysed documents: sentences aligned into
 * facts (one proposition each, a sentence may state several: its own account
 * and the phrases it quotes), corroboration counted over lineage groups and
 * cited reports, facts unique to one document, discrepancies across documents,
 * and a cited summary.
 */
export function buildDossier(story: Story, docs: RashomonDocument[], opts: AlignOptions = {}): DossierParts {
  const vectors = wordVectors();
  const claims: Claim[] = [];
  const position = new Map<string, number>();
  for (const doc of docs) {
    const cs = extractClaims(doc);
    doc.claims = cs;
    cs.forEach((c, i) => position.set(c.id, i));
    claims.push(...cs);
  }
  const views = claimViews(claims, vectors);
  const order = [...docs].sort((a, b) => (a.published ?? "9999").localeCompare(b.published ?? "9999") || a.id.localeCompare(b.id)).map((d) => d.id);
  const byStart = new Map(claims.map((c) => [`${c.document}\u0000${c.span.start}`, c]));
  const claimsOf = new Map<string, Claim[]>();
  for (const c of claims) {
    const list = claimsOf.get(c.document);
    if (list) list.push(c);
    else claimsOf.set(c.document, [c]);
  }
  const claimAt = (d: DocumentSpan): Claim | undefined =>
    byStart.get(`${d.document}\u0000${d.span.start}`) ?? claimsOf.get(d.document)?.find((c) => c.span.start <= d.span.start && d.span.end <= c.span.end);

  const keyOf = (c: DocumentSpan) => `${c.document}\u0000${c.span.start}`;
  const phrases = quotedPhrases(docs).map((p) => phraseFact(p, claimAt));
  // A sentence that is mostly a quote already aligned word for word is that quote's fact; the rest align as sentences.
  const quotedFact = new Set(phrases.flatMap((p) => p.claims.map(keyOf)));
  const own = views.filter((v) => (v.claim.quoted ?? 0) < 0.6 || !quotedFact.has(keyOf(v.claim)));
  const model = opts.model ?? DEFAULT_LINK_MODEL;
  const scored = scorePairs(own, vectors, { ...opts, keepFrom: Math.min(SIMILAR_LINK, model.threshold * 0.5) });
  const groups = clusterClaims(own.length, scored.filter((pr) => pr.p >= model.threshold * 0.5), opts);
  // The nearest sentence of another document to each sentence, below the link threshold (see SIMILAR_LINK).
  const nearest = new Map<string, { document: string; span: Span; probability: number }>();
  for (const pr of scored) {
    const a = own[pr.i]!.claim, b = own[pr.j]!.claim;
    if (a.document === b.document) continue;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const cur = nearest.get(keyOf(x));
      if (!cur || pr.p > cur.probability) nearest.set(keyOf(x), { document: y.document, span: y.span, probability: pr.p });
    }
  }
  // Sentences carrying a quote that the quotes stage aligned with other outlets' quotes are never unique.
  const quotedElsewhere = new Set<string>();
  // A sentence carrying a quote the quotes stage aligned with other outlets' quotes: those quotes may state it too.
  for (const u of story.utterances ?? []) {
    const placed = u.variants.filter((v): v is typeof v & { span: Span } => "span" in v && !!v.span);
    if (new Set(placed.map((v) => v.document)).size < 2) continue;
    for (const v of placed) {
      for (const c of claimsOf.get(v.document) ?? []) {
        if (c.span.start >= v.span.end || v.span.start >= c.span.end) continue;
        quotedElsewhere.add(keyOf(c));
      }
    }
  }
  const reports = reportFacts(views, vectors, model);
  const keySets = (list: FactDraft[]) => list.map((d) => new Set(d.claims.map(keyOf)));
  const reportKeys = keySets(reports), phraseKeys = keySets(phrases);
  const within = (d: FactDraft, sets: Set<string>[]) => sets.some((set) => d.claims.every((c) => set.has(keyOf(c))));
  // A group of claims that all repeat one report, or that all carry one quoted phrase, is that report's or that phrase's row.
  const sentences = groups
    .map((g) => claimFact(g.map((i) => own[i]!)))
    .filter((d) => !(d.mentions.every((m) => m.cited.size > 0) && within(d, reportKeys)) && !(d.kind === "said" && new Set(d.claims.map((c) => c.document)).size > 1 && within(d, phraseKeys)));
  const said = [...phrases, ...reports, ...sentences].filter((d) => d.kind === "said");
  const inside = (f: FactDraft, q: FactDraft) => f.claims.every((c) => q.claims.some((x) => x.document === c.document && x.span.start <= c.span.start && c.span.end <= x.span.end));
  // A figure inside words already a quote's row, in the same documents, is that row again ("our two countries"),
  // so is a figure whose sentences are all sentences of one row of every one of its documents ("SEACOM said ... around
  // twelve days" as a figure row beside the row of those same sentences).
  // A figure row in the documents of a quote row whose quoted words give that figure ("around twelve days") is it again.
  const quotes = (f: FactDraft, q: FactDraft) => !!f.value && !!q.value && q.value.toLowerCase().includes(f.value.toLowerCase());
  const figures = figureFacts(views, vectors).filter((f) => !said.some((q) => sameDocuments(q, f) && (inside(f, q) || quotes(f, q)))
    && !sentences.some((q) => coversDocuments(q, f) && f.claims.every((c) => q.claims.some((x) => x.document === c.document && x.span.start === c.span.start && x.span.end === c.span.end))));
  const drafts: FactDraft[] = [...phrases, ...reports, ...sentences, ...figures];
  const facts = finishFacts(drafts, sourceContext(story.lineage, order));
  const notUnique = new Set<string>();
  for (const f of facts) {
    if (f.documents.length !== 1) continue;
    const near = f.claims.map((c) => nearest.get(keyOf(c))).filter((n) => n !== undefined).sort((x, y) => y.probability - x.probability)[0];
    if (near) f.nearest = { ...near, probability: Math.round(near.probability * 1000) / 1000 };
    if ((near && near.probability >= SIMILAR_LINK) || f.claims.some((c) => quotedElsewhere.has(keyOf(c)))) notUnique.add(f.id);
  }
  return {
    facts,
    uniqueFacts: uniqueFacts(facts.filter((f) => !notUnique.has(f.id))),
    discrepancies: findDiscrepancies(story, docs, views, vectors),
    summary: summarize({ facts, claimAt, docs: new Map(docs.map((d) => [d.id, d])), position: (c) => position.get(c.id) ?? 99 }),
  };
}

/** Whether draft `a` rests on every document of draft `b`. */
function coversDocuments(a: FactDraft, b: FactDraft): boolean {
  const da = new Set(a.claims.map((c) => c.document));
  return b.claims.every((c) => da.has(c.document));
}

/** Whether two drafts rest on the same documents. */
function sameDocuments(a: FactDraft, b: FactDraft): boolean {
  const da = new Set(a.claims.map((c) => c.document)), db = new Set(b.claims.map((c) => c.document));
  return da.size === db.size && [...da].every((d) => db.has(d));
}
