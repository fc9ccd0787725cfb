/**
 * The ingest loop every store shares: documents sorted by arrival, refused
 * when malformed or when their id is taken by another text, skipped when their
 * content is stored already, otherwise grouped and stored; one write
 * transaction per batch. A store supplies the database operations.
 */
import type { RashomonDocument } from "../../model/index.js";
import { sortForArrival, type PreparedDoc, type StoryGrouper } from "../../stories/index.js";
import { contentHash } from "../hash.js";
import type { IngestOptions, IngestResult } from "../store.js";

/** What a store does for the loop, inside or around its write transaction. */
export interface BatchOps {
  /** Runs `fn` in one write transaction holding the library's write lock. */
  write<T>(fn: (grouper: StoryGrouper) => Promise<T>): Promise<T>;
  /**
   * The store's grouper outside the write lock, to prepare a batch's documents
   * before taking it (optional: see `StoryGrouper.prepare`).
   */
  grouper?(): Promise<StoryGrouper>;
  /**
   * Work on the batch's valid documents that the store can do before taking the
   * lock (optional: PostgreSQL computes their search vectors there).
   */
  prepareBatch?(docs: readonly RashomonDocument[]): Promise<void>;
  hashStored(hash: string): Promise<boolean>;
  idStored(id: string): Promise<boolean>;
  /**
   * Of these content hashes and ids, those stored already (one query for a
   * batch instead of two per document; optional: a store without it is asked
   * document by document).
   */
  storedAmong?(hashes: readonly string[], ids: readonly string[]): Promise<{ hashes: Set<string>; ids: Set<string> }>;
  /** Records the input hash of a stored document that has none. */
  backfillInput(hash: string, inputHash: string): Promise<void>;
  insert(doc: RashomonDocument, hash: string, story: string, inputHash: string | null): Promise<void>;
  /** The story of each stored document (after the loop, outside the transaction). */
  storiesOf(ids: readonly string[]): Promise<Map<string, string>>;
}

/** Adds documents in batches through a store's operations. */
export async function ingestInBatches(docs: readonly RashomonDocument[], options: IngestOptions, ops: BatchOps): Promise<IngestResult> {
  const batchSize = Math.max(1, options.batchSize ?? 200);
  const inputHashes = options.inputHashes ?? {};
  const result: IngestResult = { added: 0, skipped: 0, refused: [], stories: {} };
  const sorted = sortForArrival(docs.filter((d) => d && typeof d.id === "string"));
  for (const d of docs) if (!d || typeof d.id !== "string") result.refused.push({ id: "", reason: "not a document (no id)" });
  for (let i = 0; i < sorted.length; i += batchSize) {
    const batch = sorted.slice(i, i + batchSize);
    // Vectors and most comparisons are made before the lock, so that other writers can hold it meanwhile.
    const prepared = new Map<RashomonDocument, PreparedDoc>();
    const ready = batch.filter((d) => d.id && typeof d.text === "string");
    if (ops.grouper) {
      const g = await ops.grouper();
      for (const d of ready) prepared.set(d, await g.prepare(d));
    }
    await ops.prepareBatch?.(ready);
    const r = await ops.write(async (grouper) => {
      let added = 0;
      let skipped = 0;
      const refused: IngestResult["refused"] = [];
      const valid = batch.filter((d) => d.id && typeof d.text === "string");
      const hashes = new Map(valid.map((d) => [d, contentHash(d)]));
      const known = ops.storedAmong ? await ops.storedAmong([...hashes.values()], valid.map((d) => d.id)) : null;
      const hashStored = async (h: string) => (known ? known.hashes.has(h) : ops.hashStored(h));
      const idStored = async (id: string) => (known ? known.ids.has(id) : ops.idStored(id));
      for (const d of batch) {
        if (!d.id || typeof d.text !== "string") {
          refused.push({ id: String(d?.id ?? ""), reason: `${d?.input ?? "?"}: not a document (needs a string id and text)` });
          continue;
        }
        const h = hashes.get(d) ?? contentHash(d);
        const given = inputHashes[d.id] ?? null;
        if (await hashStored(h)) {
          if (given) await ops.backfillInput(h, given);
          skipped++;
          continue;
        }
        if (await idStored(d.id)) {
          refused.push({ id: d.id, reason: `${d.input}: document id ${d.id} is already used by a different text` });
          continue;
        }
        await ops.insert(d, h, await grouper.add(d, prepared.get(d)), given);
        known?.hashes.add(h);
        known?.ids.add(d.id);
        added++;
      }
      return { added, skipped, refused };
    });
    result.added += r.added;
    result.skipped += r.skipped;
    result.refused.push(...r.refused);
    options.onBatch?.(Math.min(i + batchSize, sorted.length), sorted.length);
  }
  const stories = await ops.storiesOf(sorted.map((d) => d.id));
  for (const [id, story] of stories) result.stories[id] = story;
  return result;
}
