import { writeFile } from "node:fs/promises";
import { readInputs } from "../ingest/index.js";
import type { Message, RashomonDocument } from "../model/index.js";
import { analyzeInput, enrichStory } from "../pipeline/index.js";
import { renderReport, type ReportFormat } from "../report/index.js";
import { openSqliteStore, type Store } from "../store/index.js";
import { createProgress } from "./progress.js";

/** Documents written per transaction by `rashomon ingest`. */
const BATCH = 50;

/** Options shared by the library commands. */
export interface LibraryOptions {
  db: string;
  quiet?: boolean;
}

async function withStore<T>(db: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = openSqliteStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/**
 * `rashomon ingest`: analyses inputs and adds them to the library, batch by batch,
 * each batch one transaction. Returns the exit code (1 when some input failed).
 */
export async function runIngest(inputs: string[], opts: LibraryOptions & { referenceDate?: string; maxBytes?: number; timeout?: number }): Promise<number> {
  const progress = createProgress(process.stderr, opts.quiet);
  const errors: Message[] = [];
  let added = 0, skipped = 0, done = 0;
  await withStore(opts.db, async (store) => {
    let batch: RashomonDocument[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const r = await store.ingest(batch);
      added += r.added;
      skipped += r.skipped;
      for (const x of r.refused) errors.push({ ruleId: "store:refused", severity: "error", reason: `${x.id}: ${x.reason}`, input: x.id, span: null });
      batch = [];
    };
    for await (const result of readInputs(inputs, { maxBytes: opts.maxBytes, timeoutMs: opts.timeout })) {
      done++;
      if (!result.ok) {
        errors.push(result.error.toMessage());
      } else {
        const doc = analyzeInput(result.item, { referenceDate: opts.referenceDate ?? null });
        if (doc instanceof Error) errors.push(doc.toMessage());
        else batch.push(doc);
        if (batch.length >= BATCH) await flush();
      }
      progress.update({ done, failed: errors.length, input: result.ok ? result.item.input : result.error.input });
    }
    await flush();
  });
  progress.stop();
  for (const e of errors) process.stderr.write(`rashomon: ${e.reason}\n`);
  if (!opts.quiet) process.stderr.write(`rashomon: ${added} added, ${skipped} already in the library, ${errors.length} failed (${opts.db})\n`);
  return errors.length > 0 ? 1 : 0;
}

/** `rashomon stories`: lists the library's stories as a table or JSON. */
export async function runStories(opts: LibraryOptions & { format: "text" | "json" }): Promise<number> {
  const stories = await withStore(opts.db, (store) => store.listStories());
  if (opts.format === "json") {
    process.stdout.write(`${JSON.stringify(stories, null, 2)}\n`);
    return 0;
  }
  const lines = stories.map((s) => [s.id, String(s.size), s.firstSeen ?? "-", s.lastSeen ?? "-", s.outlets.join(", ") || "-", s.title ?? "(untitled)"].join("\t"));
  process.stdout.write(["id\tsize\tfirst seen\tlast seen\toutlets\ttitle", ...lines].join("\n") + "\n");
  return 0;
}

/** `rashomon story <id>`: prints one story's dossier. Exit 1 when the story is unknown. */
export async function runStory(id: string, opts: LibraryOptions & { format: ReportFormat; output?: string }): Promise<number> {
  const found = await withStore(opts.db, async (store) => {
    const story = await store.getStory(id);
    return story ? { story, docs: await store.getDocuments(id) } : null;
  });
  if (!found) {
    process.stderr.write(`rashomon: no story "${id}" in ${opts.db}\n`);
    return 1;
  }
  const messages: Message[] = [];
  enrichStory(found.story, found.docs, messages);
  const report = renderReport({ documents: found.docs, stories: [found.story], messages }, opts.format);
  if (opts.output) await writeFile(opts.output, report);
  else process.stdout.write(report);
  return 0;
}
