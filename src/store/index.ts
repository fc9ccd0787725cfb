/** Story libraries behind one interface: `sqlite/` now, `postgres/` later; all pass `store-contract.ts`. */
export type { Store, StorySummary, IngestResult, IngestOptions } from "./store.js";
export { contentHash } from "./hash.js";
export { openSqliteStore, SqliteStore, DEFAULT_LIBRARY } from "./sqlite/index.js";
