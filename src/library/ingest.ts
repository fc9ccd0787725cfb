/**
 * Adding inputs to a library: the one path the CLI (`ingest`), the workers, the
 * server and the feed poller share. An input whose hash is stored already is
 * skipped before analysis; the others are analysed and stored in one transaction.
 */
import type { RawInput } from "../ingest/index.js";
import type { Message, RashomonDocument } from "../model/index.js";
import { analyzeInThread, type Analyzer } from "./analyze-pool.js";
import type { Store } from "../store/store.js";

/** One input to add, with the hash of its decoded content (`inputHash`). */
export interface PendingInput {
  raw: RawInput;
  hash: string;
  /** Anchor for relative dates when the input has no publication date. */
  referenceDate?: string | null;
}

/** What adding inputs did, accumulated over steps. */
export interface Counts {
  added: number;
  skipped: number;
  /** Inputs skipped before analysis: their input hash is stored. */
  unanalysed: number;
  handled: number;
}

/** Counts at zero. */
export function emptyCounts(): Counts {
  return { added: 0, skipped: 0, unanalysed: 0, handled: 0 };
}

/** What {@link ingestStep} reports per input, and the documents it stored. */
export interface StepResult {
  /** Story of each stored or already stored document, by document id. */
  stories: Record<string, string>;
  /** Documents this step analysed, in input order (stored or refused). */
  documents: RashomonDocument[];
}

/**
 * Looks up a step's input hashes, analyses the inputs not stored yet, and stores
 * their documents in one transaction. Analysis failures and refusals go to
 * `errors`; a library failure throws (`LibraryError`) with nothing of the step stored.
 */
export async function ingestStep(
  store: Store, step: readonly PendingInput[], opts: { referenceDate?: string | null; analyzer?: Analyzer }, counts: Counts, errors: Message[],
  onInput: (input: string) => void = () => {},
): Promise<StepResult> {
  const known = await store.knownInputs(step.map((p) => p.hash));
  const todo = step.filter((p) => !known.has(p.hash));
  const analyzer = opts.analyzer ?? analyzeInThread;
  const results = await analyzer(todo.map(({ raw, referenceDate }) => ({ raw, referenceDate: referenceDate ?? opts.referenceDate ?? null })));
  const analysed = new Map(todo.map((p, i) => [p, results[i]!]));
  const docs: RashomonDocument[] = [];
  const inputHashes: Record<string, string> = {};
  for (const p of step) {
    const doc = analysed.get(p);
    if (doc === undefined) {
      counts.unanalysed++;
      counts.skipped++;
    } else if (doc instanceof Error) errors.push(doc.toMessage());
    else {
      docs.push(doc);
      inputHashes[doc.id] ??= p.hash;
    }
    counts.handled++;
    onInput(p.raw.input);
  }
  if (docs.length === 0) return { stories: {}, documents: [] };
  const r = await store.ingest(docs, { batchSize: docs.length, inputHashes });
  counts.added += r.added;
  counts.skipped += r.skipped;
  for (const x of r.refused) errors.push({ ruleId: "store:refused", severity: "error", reason: `${x.id}: ${x.reason}`, input: x.id, span: null });
  return { stories: r.stories, documents: docs };
}
