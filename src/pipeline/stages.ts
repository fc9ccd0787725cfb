import type { Message, RashomonDocument } from "../model/index.js";
import { extractQuotes } from "../quotes/index.js";
import { extractTimes } from "../time/index.js";
import { CpuBudget } from "./budget.js";
import { errorText } from "./error-text.js";

/** Settings every document stage may read. */
export interface StageContext {
  /** Anchor for relative time expressions in documents without a publication time. */
  referenceDate: string | null;
  /** CPU milliseconds one document's analysis may take (default `LIMITS.documentCpuMs`). */
  budgetMs?: number;
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
 * Once the document's CPU `budget` is spent, the remaining stages are skipped,
 * with one message naming the input and the stage it ran out in.
 */
export function runDocumentStages(
  doc: RashomonDocument,
  ctx: StageContext,
  stages = DOCUMENT_STAGES,
  budget = new CpuBudget(ctx.budgetMs),
): void {
  let last = "metadata";
  for (const [i, stage] of stages.entries()) {
    if (budget.spent()) {
      doc.messages.push(budget.message(doc.input, last, stages.slice(i).map((s) => s.name)));
      return;
    }
    last = stage.name;
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
