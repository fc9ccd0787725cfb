/** Story libraries behind one async interface: `sqlite/` and `postgres/`, both passing `store-contract.ts`. */
export type { Store, StorySummary, IngestResult, IngestOptions } from "./store.js";
export { contentHash, inputHash, type HashedInput } from "./hash.js";
export { openSqliteStore, SqliteStore, LibraryError } from "./sqlite/index.js";
export type { SqliteStoreOptions, LibraryProblem } from "./sqlite/index.js";
export { openPostgresStore, PostgresStore, type PostgresStoreOptions } from "./postgres/index.js";
export { openStore, isPostgresUrl, type OpenStoreOptions } from "./open.js";
export { DEFAULT_LIBRARY, DEFAULT_LOCK_TIMEOUT_MS } from "./defaults.js";
