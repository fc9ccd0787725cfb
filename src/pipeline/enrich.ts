/**
 * Story enrichment after grouping: timeline, utterances and dossier. Apart from
 * the document pipeline so that commands which only read a library (`story`)
 * load no extraction code (HTML, metadata, language detection).
 */
import type { DossierParts, LineageEdge, Message, RashomonDocument, Story } from "../model/index.js";
import { buildDossier } from "../dossier/index.js";
import { alignUtterances } from "../quotes/index.js";
import { buildTimeline } from "../time/index.js";
import { errorText } from "./error-text.js";
import { DOCUMENT_STAGES, runDocumentStages } from "./stages.js";

/**
 * A document without a publication time (and no --reference-date) leaves relative
 * and year-less dates unresolved. Within a story, the other documents tell when it
 * was written: its times are anchored again on the publication date of the dated
 * document it copies or rewrites (or that copies it), else on the story's median
 * publication date (a follow-up a year later does not move it), and a message
 * says so.
 */
/**
 * Adds a story's timeline, utterances and dossier (facts, discrepancies, cited
 * summary) from its analysed documents; a stage that fails costs only its part.
 */
export function enrichStory(story: Story, docs: RashomonDocument[], messages: Message[] = []): Story {
  anchorUndatedDocuments(docs, story.lineage?.edges ?? []);
  story.timeline = guard(messages, "timeline", () => buildTimeline(docs), []);
  story.utterances = guard(messages, "utterances", () => alignUtterances(docs, messages), []);
  Object.assign(story, guard<Partial<DossierParts>>(messages, "dossier", () => buildDossier(story, docs), {}));
  return story;
}

function anchorUndatedDocuments(docs: RashomonDocument[], edges: LineageEdge[]): void {
  const dates = docs.map((d) => d.published).filter((p): p is string => p !== null).sort();
  const median = dates[(dates.length - 1) >> 1]?.slice(0, 10);
  if (!median) return;
  const published = new Map(docs.map((d) => [d.id, d.published]));
  for (const doc of docs) {
    if (doc.published || !(doc.times ?? []).some((t) => t.value.includes("X"))) continue;
    // A copy or rewrite of a dated document (either way round) was written when it was.
    const kin = edges.filter((e) => (e.kind === "copy" || e.kind === "rewrite") && (e.from === doc.id || e.to === doc.id))
      .map((e) => published.get(e.from === doc.id ? e.to : e.from)).filter((p): p is string => !!p).sort()[0]?.slice(0, 10);
    const reference = kin ?? median;
    runDocumentStages(doc, { referenceDate: reference }, DOCUMENT_STAGES.filter((s) => s.name === "time"));
    // An event dated by a time read from that date (not one written out in full) is dated by inference.
    for (const e of doc.events ?? []) {
      if ((doc.times ?? []).some((t) => t.anchor !== "absolute" && t.anchor !== null && e.span.start <= t.span.start && t.span.end <= e.span.end && e.date.startsWith(t.value.slice(0, 10)))) e.inferred = true;
    }
    doc.messages.push({
      ruleId: "time:story-anchor",
      severity: "info",
      reason: `${doc.input}: no publication date; times anchored on ${kin ? "the publication date of a document it shares its text with" : "the story's median publication date"}, ${reference}`,
      input: doc.input,
      span: null,
    });
  }
}

function guard<T>(messages: Message[], stage: string, fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (err) {
    messages.push({ ruleId: `${stage}:failed`, severity: "warning", reason: `the ${stage} stage failed (${errorText(err)})`, input: null, span: null });
    return fallback;
  }
}

