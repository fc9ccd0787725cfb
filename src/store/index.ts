/** Story libraries behind one async interface: `sqlite/` and `postgres/`, both passing `store-contract.ts`. */
export type { Store, StorySummary, IngestResult, IngestOptions } from "./store.js";
export { contentHash, inputHash, type HashedInput } from "./hash.js";
export { openSqliteStore, SqliteStore, DEFAULT_LIBRARY, DEFAULT_LOCK_TIMEOUT_MS, LibraryError } from "./sqlite/index.js";
export type { SqliteStoreOptions, LibraryProblem } from "./sqlite/index.js";
export { openPostgresStore, PostgresStore, isPostgresUrl, type PostgresStoreOptions } from "./postgres/index.js";
export { openStore, type OpenStoreOptions } from "./open.js";
