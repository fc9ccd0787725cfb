import { readInputs, type IngestOptions, type RawInput } from "../ingest/index.js";
import { clipSpans, InputError, LIMITS, type Message, type RashomonDocument, type Story } from "../model/index.js";
import { groupStories } from "../stories/index.js";
import { capMessages, CpuBudget } from "./budget.js";
import { buildDocument, errorText } from "./build-document.js";
import { DOCUMENT_STAGES, runDocumentStages, type StageContext } from "./stages.js";
import { enrichStory } from "./enrich.js";

/** Options for {@link analyze}. */
export interface AnalyzeOptions {
  /** Anchor for relative time expressions in inputs without a publication time (ISO date). */
  referenceDate?: string | null;
  /** How inputs are read (size limit, URL timeout, stdin). */
  ingest?: IngestOptions;
  /** CPU milliseconds one document's analysis may take before its remaining stages are skipped (default `LIMITS.documentCpuMs`). */
  budgetMs?: number;
  /** Called once per input, after it produced a document or failed. */
  onProgress?: (progress: AnalyzeProgress) => void;
}

/** Where an analysis run stands. */
export interface AnalyzeProgress {
  done: number;
  failed: number;
  input: string;
}

/** The result of {@link analyze}: the JSON output's shape. */
export interface AnalyzeResult {
  documents: RashomonDocument[];
  stories: Story[];
  /** Messages about the run as a whole, among them one error per failed input. */
  messages: Message[];
  /** How many inputs produced no document. */
  failed: number;
}

/**
 * Reads inputs (files, directories, `-`, URLs, JSON Lines, feeds), builds a clean
 * document from each, runs the document stages and groups the documents into
 * stories. A bad input becomes an error message and never costs the others.
 */
export async function analyze(inputs: string[], opts: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  const documents: RashomonDocument[] = [];
  const messages: Message[] = [];
  let failed = 0;
  const ctx: StageContext = { referenceDate: opts.referenceDate ?? null, budgetMs: opts.budgetMs };
  const ids = new UniqueIds();
  for await (const result of readInputs(inputs, opts.ingest)) {
    const input = result.ok ? result.item.input : result.error.input;
    if (result.ok) {
      const doc = analyzeInput(ids.claim(result.item, messages), ctx);
      if (doc instanceof InputError) {
        failed++;
        messages.push(doc.toMessage());
      } else {
        documents.push(doc);
      }
    } else {
      failed++;
      messages.push(result.error.toMessage());
    }
    opts.onProgress?.({ done: documents.length + failed, failed, input });
  }
  return { documents, stories: await buildStories(documents, messages), messages, failed };
}

/**
 * Builds one document from a decoded input and runs the document stages on it,
 * within the document's CPU budget (`LIMITS.documentCpuMs`, or `ctx.budgetMs`):
 * past it the remaining stages are skipped and the document keeps what was done.
 * At most `LIMITS.messagesPerRule` messages of one rule are kept.
 */
export function analyzeInput(raw: RawInput, ctx: StageContext = { referenceDate: null }): RashomonDocument | InputError {
  try {
    const budget = new CpuBudget(ctx.budgetMs);
    const doc = buildDocument(raw, budget);
    if (!budget.stopped) runDocumentStages(doc, ctx, DOCUMENT_STAGES, budget);
    doc.messages = capMessages(doc.messages);
    return doc;
  } catch (err) {
    if (err instanceof InputError) return err;
    return new InputError(raw.input, "analyze:failed", `could not be analysed (${errorText(err)})`);
  }
}

/**
 * Groups documents into stories and adds each story's timeline, utterances and
 * dossier (facts, discrepancies, summary). Grouping and lineage read the first
 * `LIMITS.analysedChars` characters of each body, as the document stages do.
 */
export async function buildStories(documents: RashomonDocument[], messages: Message[] = []): Promise<Story[]> {
  let stories: Story[];
  try {
    stories = await groupStories(documents.map(storyView));
  } catch (err) {
    messages.push({ ruleId: "stories:failed", severity: "warning", reason: `story grouping failed (${errorText(err)})`, input: null, span: null });
    return [];
  }
  const byId = new Map(documents.map((d) => [d.id, d]));
  for (const story of stories) {
    const docs = story.documents.map((id) => byId.get(id)).filter((d): d is RashomonDocument => d !== undefined);
    enrichStory(story, docs, messages);
  }
  return stories;
}

/**
 * The document as story grouping and lineage see it: its body and paragraphs cut
 * to the first `LIMITS.analysedChars` characters, and its text to the end of the
 * last paragraph kept (so every span stays valid in the whole text), with one
 * message on the document when it is longer. Lineage reads the whole text where
 * a body has no words of its own (all quotes): here that is the part kept.
 */
function storyView(doc: RashomonDocument): RashomonDocument {
  const { spans, total } = clipSpans(doc.paragraphs.map((p) => p.span));
  if (total <= LIMITS.analysedChars) return doc;
  if (!doc.messages.some((m) => m.ruleId === "stories:long-body")) {
    const reason = `${doc.input}: the body has ${total} characters; story grouping and lineage read the first ${LIMITS.analysedChars} only`;
    doc.messages.push({ ruleId: "stories:long-body", severity: "warning", reason, input: doc.input, span: null });
  }
  const paragraphs = spans.map((span, i) => ({ ...doc.paragraphs[i]!, span }));
  const end = paragraphs.reduce((e, p) => Math.max(e, p.span.end), 0);
  return { ...doc, text: doc.text.slice(0, end), paragraphs, body: paragraphs.map((p) => doc.text.slice(p.span.start, p.span.end)).join("\n\n") };
}

/** Two inputs may share a file name; ids must stay unique, so later ones get a suffix. */
export class UniqueIds {
  private readonly seen = new Map<string, number>();
  claim(raw: RawInput, messages: Message[]): RawInput {
    const n = this.seen.get(raw.id) ?? 0;
    this.seen.set(raw.id, n + 1);
    if (n === 0) return raw;
    const id = `${raw.id}~${n + 1}`;
    messages.push({ ruleId: "analyze:duplicate-id", severity: "warning", reason: `${raw.input}: id "${raw.id}" is taken; using "${id}"`, input: raw.input, span: null });
    return { ...raw, id };
  }
}
