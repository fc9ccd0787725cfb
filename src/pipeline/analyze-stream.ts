/**
 * `analyze` as a stream of JSON Lines, with memory that stays flat however
 * many inputs there are: each document is written as soon as it is analysed
 * and kept only in a temporary library (SQLite, in the system's temp folder),
 * which groups the stories; at the end each story is read back with its
 * documents, enriched (timeline, utterances, dossier) and written. Memory is
 * bounded by a batch of documents and the largest story, not by the input.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readInputs } from "../ingest/index.js";
import { InputError, type Message, type RashomonDocument } from "../model/index.js";
import { openSqliteStore } from "../store/sqlite/index.js";
import { UniqueIds, analyzeInput, type AnalyzeOptions } from "./analyze.js";
import { enrichStory } from "./enrich.js";
import type { StageContext } from "./stages.js";

/** Documents stored in the temporary library per transaction. */
const BATCH = 200;

/** One line of the stream: a document, a story, or a message, each with its `type`. */
export type StreamLine =
  | ({ type: "document" } & RashomonDocument)
  | ({ type: "story" } & Record<string, unknown>)
  | ({ type: "message" } & Message);

/**
 * Analyses the inputs and yields JSON Lines (without newlines): documents as
 * they are analysed, then stories, then the messages not tied to a document.
 * `failed` (in the returned summary) counts inputs that produced no document.
 */
export async function* analyzeJsonLines(inputs: string[], opts: AnalyzeOptions = {}): AsyncGenerator<string, { documents: number; stories: number; failed: number }> {
  const dir = mkdtempSync(join(tmpdir(), "rashomon-analyze-"));
  const store = openSqliteStore(join(dir, "stories.db"));
  const ctx: StageContext = { referenceDate: opts.referenceDate ?? null, budgetMs: opts.budgetMs };
  const ids = new UniqueIds();
  const messages: Message[] = [];
  let pending: RashomonDocument[] = [];
  let documents = 0;
  let failed = 0;
  let stories = 0;
  try {
    for await (const result of readInputs(inputs, opts.ingest)) {
      const input = result.ok ? result.item.input : result.error.input;
      const doc = result.ok ? analyzeInput(ids.claim(result.item, messages), ctx) : result.error;
      if (doc instanceof InputError) {
        failed++;
        yield JSON.stringify({ type: "message", ...doc.toMessage() });
      } else {
        documents++;
        yield JSON.stringify({ type: "document", ...doc });
        pending.push(doc);
        if (pending.length >= BATCH) {
          await store.ingest(pending, { batchSize: BATCH });
          pending = [];
        }
      }
      opts.onProgress?.({ done: documents + failed, failed, input });
    }
    await store.ingest(pending, { batchSize: BATCH });
    pending = [];
    for (const summary of await store.listStories()) {
      const story = await store.getStory(summary.id);
      if (!story) continue;
      enrichStory(story, await store.getDocuments(summary.id), messages);
      stories++;
      yield JSON.stringify({ type: "story", ...story });
    }
    for (const m of messages) yield JSON.stringify({ type: "message", ...m });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { documents, stories, failed };
}
