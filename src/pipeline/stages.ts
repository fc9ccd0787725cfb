import type { Message, RashomonDocument } from "../model/index.js";
import { extractQuotes } from "../quotes/index.js";
import { extractTimes } from "../time/index.js";
import { errorText } from "./build-document.js";

/** Settings every document stage may read. */
export interface StageContext {
  /** Anchor for relative time expressions in documents without a publication time. */
  referenceDate: string | null;
}

/** A stage that adds to a built document, in the order of {@link DOCUMENT_STAGES}. */
export interface DocumentStage {
  name: string;
  run(doc: RashomonDocument, ctx: StageContext): Message[];
}

/** The document stages after extraction, in order. Each reads the shared document model only. */
export const DOCUMENT_STAGES: readonly DocumentStage[] = [
  {
    name: "time",
    run(doc, ctx) {
      const out = extractTimes(doc, { referenceDate: ctx.referenceDate });
      doc.times = out.times;
      doc.events = out.events;
      return out.messages;
    },
  },
  {
    name: "quotes",
    run(doc) {
      const out = extractQuotes(doc);
      doc.quotes = out.quotes;
      return out.messages;
    },
  },
];

/**
 * Runs the document stages on a document. A stage that throws costs only its own
 * output: the failure becomes a message on the document and the next stage runs.
 */
export function runDocumentStages(doc: RashomonDocument, ctx: StageContext, stages = DOCUMENT_STAGES): void {
  for (const stage of stages) {
    try {
      for (const m of stage.run(doc, ctx)) doc.messages.push(m.input === null ? { ...m, input: doc.input } : m);
    } catch (err) {
      doc.messages.push({
        ruleId: `${stage.name}:failed`,
        severity: "warning",
        reason: `${doc.input}: the ${stage.name} stage failed (${errorText(err)})`,
        input: doc.input,
        span: null,
      });
    }
  }
}
