/**
 * The work queue of a PostgreSQL library: a `jobs` table in the library's
 * schema, claimed with `FOR UPDATE SKIP LOCKED` and a lease. Our own table
 * rather than pg-boss or graphile-worker: it lives in the library's schema and
 * migrations, needs no daemon or maintenance schema, and a job's effect is
 * idempotent anyway (a document is stored once by its content hash), so a
 * lease that expires after a crash only means the job runs again and skips
 * what was stored. About 100 lines against a dependency with its own schema.
 */
import { sql, type Kysely } from "kysely";

/** A claimed job. */
export interface Job<T> {
  id: number;
  payload: T;
  attempts: number;
}

/** How many jobs are in each state. */
export interface QueueStatus {
  queued: number;
  running: number;
  done: number;
  failed: number;
}

/** Jobs that failed this many times are given up (state `failed`). */
export const MAX_ATTEMPTS = 5;

/** A library's job queue. */
export class WorkQueue<T> {
  constructor(private readonly db: Kysely<any>, readonly kind: string) {}

  /** Adds jobs, all in one transaction (none are visible until all are). */
  async enqueue(payloads: readonly T[]): Promise<void> {
    if (payloads.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < payloads.length; i += 200) {
        const rows = payloads.slice(i, i + 200).map((p) => sql`(${this.kind}, ${JSON.stringify(p)})`);
        await sql`INSERT INTO jobs (kind, payload) VALUES ${sql.join(rows)}`.execute(trx);
      }
    });
  }

  /**
   * Claims up to `n` jobs nobody holds (queued, with no lease or an expired
   * one), leased for `leaseMs`: another worker takes them over if this one
   * dies. Jobs of other workers are skipped, never waited for.
   */
  async claim(n: number, leaseMs: number): Promise<Job<T>[]> {
    const rows = await sql<{ id: string; payload: string; attempts: number }>`
      UPDATE jobs SET attempts = attempts + 1, locked_until = now() + ${`${leaseMs} milliseconds`}::interval
      WHERE id IN (
        SELECT id FROM jobs WHERE state = 'queued' AND kind = ${this.kind} AND (locked_until IS NULL OR locked_until < now())
        ORDER BY id LIMIT ${n} FOR UPDATE SKIP LOCKED
      )
      RETURNING id, payload, attempts`.execute(this.db);
    return rows.rows.map((r) => ({ id: Number(r.id), payload: JSON.parse(r.payload) as T, attempts: r.attempts })).sort((a, b) => a.id - b.id);
  }

  /** Marks jobs done. */
  async complete(ids: readonly number[]): Promise<void> {
    if (ids.length) await sql`UPDATE jobs SET state = 'done', done_at = now(), locked_until = NULL WHERE id IN (${sql.join(ids)})`.execute(this.db);
  }

  /** Records a failure: the job is tried again after its lease, or given up after {@link MAX_ATTEMPTS}. */
  async fail(id: number, error: string, attempts: number): Promise<void> {
    const state = attempts >= MAX_ATTEMPTS ? "failed" : "queued";
    await sql`UPDATE jobs SET state = ${state}, error = ${error}, locked_until = ${state === "failed" ? null : sql`locked_until`} WHERE id = ${id}`.execute(this.db);
  }

  /** Counts by state (running: queued with a live lease). */
  async status(): Promise<QueueStatus> {
    const rows = await sql<{ state: string; live: boolean; n: string }>`
      SELECT state, (locked_until IS NOT NULL AND locked_until >= now()) AS live, COUNT(*) AS n FROM jobs WHERE kind = ${this.kind} GROUP BY 1, 2`.execute(this.db);
    const s: QueueStatus = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const r of rows.rows) {
      const n = Number(r.n);
      if (r.state === "queued") s[r.live ? "running" : "queued"] += n;
      else if (r.state === "done") s.done += n;
      else s.failed += n;
    }
    return s;
  }
}
