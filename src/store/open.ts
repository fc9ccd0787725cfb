import type { Store } from "./store.js";
import { openSqliteStore } from "./sqlite/index.js";
import { isPostgresUrl, openPostgresStore } from "./postgres/index.js";

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
  return isPostgresUrl(db) ? openPostgresStore(db, options) : openSqliteStore(db, options);
}
