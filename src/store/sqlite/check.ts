/**
 * The consistency check of a SQLite library: SQLite's own integrity check, then
 * the store's table checks (`../sql/check.ts`). Read-only: it runs on a library
 * opened with `readonly: true`.
 */
import type Database from "better-sqlite3";
import type { Kysely } from "kysely";
import { GROUPING_VERSION } from "../../stories/index.js";
import { checkTables } from "../sql/check.js";
import { readMeta } from "./schema.js";

/** Problems of a library ([] when consistent). */
export async function checkLibrary(db: Database.Database, k: Kysely<any>): Promise<string[]> {
  const problems: string[] = [];
  const ic = db.pragma("integrity_check") as { integrity_check: string }[];
  for (const r of ic) if (r.integrity_check !== "ok") problems.push(`sqlite: ${r.integrity_check}`);
  if (problems.length) return problems;
  // A library from before version 3, opened read-only: its stories come from an older grouper and are regrouped on the next write.
  if (!hasTable(db, "group_docs") || !hasTable(db, "meta")) return problems;
  return checkTables(k, readMeta(db, "grouping") === GROUPING_VERSION);
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}
