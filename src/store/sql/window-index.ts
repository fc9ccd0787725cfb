/**
 * The grouper's inverted index for a span of publication time, held in memory
 * by a process that groups many documents (a worker, a large ingest), so that
 * finding a document's candidates costs no query. It mirrors the library: the
 * span is read from `group_docs` (each row carries its index terms) the first
 * time a document needs it, and at the start of every write batch the
 * documents that other writers stored since (`documents.seq` past the last
 * one seen) are added. The batch holds the library's write lock, so the mirror
 * then holds every stored document of its span, and gives the candidates the
 * database would. Undated documents stay in the database (they match any time).
 * A library written by an older version (index rows with no terms) is not
 * mirrored.
 */
import { sql, type Kysely } from "kysely";
import { VectorArena } from "../../stories/index.js";
import { decodeTerms } from "./codec.js";

interface Row {
  doc_id: string;
  ms: number;
  terms: Uint8Array | null;
}

/** Documents grouped by this process before the mirror is used (a short ingest reads the database instead). */
export const MIRROR_AFTER = 256;

/** An in-memory inverted index of the library's documents dated in [lo, hi]. */
export class WindowIndex {
  /** Term → slots of the documents indexed under it. */
  private postings = new Map<number, number[]>();
  private readonly docs = new Map<string, { ms: number; terms: Int32Array; slot: number }>();
  /** Each held document has a slot: its id and time by slot, and a shared-term counter per slot. */
  private slotIds: string[] = [];
  private slotMs = new Float64Array(1024);
  private counts = new Uint16Array(1024);
  private lo = Infinity;
  private hi = -Infinity;
  /** The held documents' vectors by slot, filled by the grouper as it meets them; a new arena whenever slots are numbered anew. */
  vectors = new VectorArena();
  /** The last `documents.seq` read; null until the first sync. */
  private seq: number | null = null;
  private disabled = false;
  /** Whether the last sync found documents that other writers stored. */
  othersWrote = false;

  /** Whether the mirror can answer (it is not disabled). */
  get usable(): boolean {
    return !this.disabled;
  }

  /** Whether the mirror has been synced and holds every stored document dated in [a, b] as of its last sync. */
  holds(a: number, b: number): boolean {
    return !this.disabled && this.seq !== null && a >= this.lo && b <= this.hi;
  }

  /** Forgets everything (a rolled-back batch, a regroup). */
  reset(): void {
    this.postings = new Map();
    this.docs.clear();
    this.slotIds = [];
    this.vectors = new VectorArena();
    this.lo = Infinity;
    this.hi = -Infinity;
    this.seq = null;
  }

  /** Reads what other writers stored since the last batch (call with the write lock held). */
  async sync(db: Kysely<any>): Promise<void> {
    if (this.disabled) return;
    const cur = await maxSeq(db);
    this.othersWrote = this.seq !== null && cur > this.seq;
    if (this.seq !== null && cur > this.seq && this.lo <= this.hi) {
      const rows = (await sql<Row>`SELECT g.doc_id, g.ms, g.terms FROM documents d JOIN group_docs g ON g.doc_id = d.id
        WHERE d.seq > ${this.seq} AND g.ms >= ${this.lo} AND g.ms <= ${this.hi}`.execute(db)).rows;
      this.addRows(rows);
    }
    this.seq = cur;
  }

  /** Makes sure every stored document dated in [a, b] is held, reading what is missing (from `a` on, `ahead` ms more). */
  async cover(db: Kysely<any>, a: number, b: number, ahead: number): Promise<void> {
    if (this.disabled || (a >= this.lo && b <= this.hi)) return;
    const lo = a;
    const hi = Math.max(b, a + ahead);
    const overlaps = this.lo <= this.hi && this.lo <= hi && this.hi >= lo;
    if (!overlaps) {
      this.postings = new Map();
      this.docs.clear();
      this.slotIds = [];
      this.vectors = new VectorArena();
      this.addRows((await sql<Row>`SELECT doc_id, ms, terms FROM group_docs WHERE ms >= ${lo} AND ms <= ${hi}`.execute(db)).rows);
    } else {
      // Keep what stays inside; read the parts on either side.
      for (const [id, d] of this.docs) if (d.ms < lo || d.ms > hi) this.docs.delete(id);
      this.rebuild();
      if (lo < this.lo) this.addRows((await sql<Row>`SELECT doc_id, ms, terms FROM group_docs WHERE ms >= ${lo} AND ms < ${this.lo}`.execute(db)).rows);
      if (hi > this.hi) this.addRows((await sql<Row>`SELECT doc_id, ms, terms FROM group_docs WHERE ms > ${this.hi} AND ms <= ${hi}`.execute(db)).rows);
    }
    if (this.disabled) return;
    this.lo = lo;
    this.hi = hi;
  }

  /** Documents dated within `windowMs` of `ms` that share at least `minShared` of `terms` (after `cover`). */
  candidates(terms: readonly number[], ms: number, windowMs: number, minShared: number): string[] {
    return Array.from(this.candidateSlots(terms, ms, windowMs, minShared), (k) => this.slotIds[k]!);
  }

  /** `candidates` as slots, ascending, without document `exclude`. */
  candidateSlots(terms: readonly number[], ms: number, windowMs: number, minShared: number, exclude?: string): Int32Array {
    // Counted in a typed array by slot rather than a Map by id: this runs for every document of a long ingest.
    const { counts, slotMs } = this;
    const touched: number[] = [];
    for (const t of terms) {
      for (const k of this.postings.get(t) ?? []) {
        if (Math.abs(slotMs[k]! - ms) > windowMs) continue;
        if (counts[k]++ === 0) touched.push(k);
      }
    }
    const skip = exclude === undefined ? -1 : (this.docs.get(exclude)?.slot ?? -1);
    const out = new Int32Array(touched.length);
    let n = 0;
    for (const k of touched) {
      if (counts[k]! >= minShared && k !== skip) out[n++] = k;
      counts[k] = 0;
    }
    return out.subarray(0, n).sort();
  }

  /** Id of each slot. */
  get ids(): readonly string[] {
    return this.slotIds;
  }

  /** Time of each slot. */
  get times(): Float64Array {
    return this.slotMs;
  }

  /** Adds documents a batch has just written (those inside the span), and moves past them (only after `sync` in that batch). */
  async added(db: Kysely<any>, docs: readonly { id: string; ms: number; terms: readonly number[] }[]): Promise<void> {
    if (this.disabled || this.seq === null) return;
    for (const d of docs) if (d.ms >= this.lo && d.ms <= this.hi) this.add(d.id, d.ms, Int32Array.from(d.terms));
    this.seq = await maxSeq(db);
  }

  private addRows(rows: readonly Row[]): void {
    for (const r of rows) {
      if (!r.terms) {
        // Written before index terms were stored with each document: this library is read through SQL.
        this.disabled = true;
        this.reset();
        return;
      }
      this.add(r.doc_id, Number(r.ms), decodeTerms(r.terms));
    }
  }

  private add(id: string, ms: number, terms: Int32Array): void {
    if (this.docs.has(id)) return;
    const k = this.slotIds.length;
    this.docs.set(id, { ms, terms, slot: k });
    if (k === this.slotMs.length) {
      const ms2 = new Float64Array(k * 2);
      ms2.set(this.slotMs);
      this.slotMs = ms2;
      this.counts = new Uint16Array(k * 2);
    }
    this.slotIds.push(id);
    this.slotMs[k] = ms;
    for (const t of terms) {
      const list = this.postings.get(t);
      if (list) list.push(k);
      else this.postings.set(t, [k]);
    }
  }

  private rebuild(): void {
    this.postings = new Map();
    this.slotIds = [];
    this.vectors = new VectorArena();
    const docs = [...this.docs];
    this.docs.clear();
    for (const [id, d] of docs) this.add(id, d.ms, d.terms);
  }
}

async function maxSeq(db: Kysely<any>): Promise<number> {
  return Number((await sql<{ n: number | null }>`SELECT MAX(seq) AS n FROM documents`.execute(db)).rows[0]?.n ?? 0);
}
