import type { Store } from "./store.js";

/** How to open a library, whichever database holds it. */
export interface OpenStoreOptions {
  /** Only read: nothing is created, migrated or written. */
  readonly?: boolean;
  /** How long a writer waits for another writer's lock, in ms. */
  lockTimeoutMs?: number;
}

/**
 * Opens the library `db` names: a `postgres://` or `postgresql://` URL (one
 * library per schema, `?schema=name`) or a SQLite file path.
 */
export async function openStore(db: string, options: OpenStoreOptions = {}): Promise<Store> {
  // Each database's module (and its driver) loads only when a library of its kind is opened.
  if (isPostgresUrl(db)) return (await import("./postgres/index.js")).openPostgresStore(db, options);
  return (await import("./sqlite/index.js")).openSqliteStore(db, options);
}

/** Whether a `--db` value names a PostgreSQL library. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(db);
}
