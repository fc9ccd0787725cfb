import { extractClaims } from "../claims/index.js";
import type { Claim, DossierParts, RashomonDocument, Story } from "../model/index.js";
import { alignClaims, citedBy, type AlignOptions } from "./align.js";
import { detailGroups } from "./details.js";
import { findDiscrepancies } from "./discrepancies.js";
import { buildFacts, uniqueFacts } from "./facts.js";
import { key, summarize } from "./summary.js";

export { alignClaims } from "./align.js";
export { findVenue } from "./discrepancies.js";

/**
 * Builds a story's dossier from its analysed documents: claims aligned into
 * facts, corroboration by independent sources (from the story's lineage),
 * facts unique to one document, discrepancies, and a cited summary.
 */
export function buildDossier(story: Story, docs: RashomonDocument[], opts: AlignOptions = {}): DossierParts {
  const claimsByDoc = new Map<string, Claim[]>();
  const claims: Claim[] = [];
  for (const doc of docs) {
    const cs = extractClaims(doc);
    claimsByDoc.set(doc.id, cs);
    doc.claims = cs;
    claims.push(...cs);
  }
  const order = [...docs].sort((a, b) => (a.published ?? "9999").localeCompare(b.published ?? "9999") || a.id.localeCompare(b.id)).map((d) => d.id);
  const cited = claims.map(citedBy);
  const facts = buildFacts(claims, alignClaims(claims, opts, cited), story.lineage, order, detailGroups(claims, cited));
  const claimIndex = new Map(claims.map((c) => [key(c.document, c.span.start), c]));
  return {
    facts,
    uniqueFacts: uniqueFacts(facts),
    discrepancies: findDiscrepancies(story, docs, facts, claimsByDoc),
    summary: summarize(facts, claimIndex),
  };
}
