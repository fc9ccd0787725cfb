/**
 * Opening a SQLite library: writers create, switch to WAL and migrate it;
 * readers open it read-only and change nothing, not even in a read-only folder.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { LibraryError, libraryError, missingLibrary } from "./errors.js";
import { ensureSchema } from "./schema.js";

/** Default library file, in the working directory. */
export { DEFAULT_LIBRARY } from "../defaults.js";
import { DEFAULT_LIBRARY } from "../defaults.js";

/**
 * Opens a library for writing (creating it if needed): WAL journal, so readers
 * never wait for writers; the schema created or migrated under the write lock;
 * `timeoutMs` is how long any statement waits for another process's lock.
 */
export function openWriter(path: string, timeoutMs: number): Database.Database {
  refuseFolder(path);
  const deadline = Date.now() + timeoutMs;
  for (let wait = 10; ; wait = Math.min(200, wait * 2)) {
    let db: Database.Database | undefined;
    try {
      db = new Database(path, { timeout: timeoutMs });
      if (String(db.pragma("journal_mode", { simple: true })).toLowerCase() !== "wal") db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      ensureSchema(db);
      return db;
    } catch (e) {
      db?.close();
      // Switching a new library to WAL, or reading its schema while another process does, can fail at
      // once with SQLITE_BUSY (SQLite does not wait on its busy handler there): try again until the timeout.
      if (!/^SQLITE_BUSY/.test(String((e as { code?: unknown }).code ?? "")) || Date.now() + wait > deadline) throw libraryError(path, e);
      Atomics.wait(SLEEP, 0, 0, wait);
    }
  }
}

/** A word to wait on: `Atomics.wait` sleeps this synchronous open between tries without spinning. */
const SLEEP = new Int32Array(new SharedArrayBuffer(4));

/**
 * Opens an existing library read-only: no pragma writes, no schema, nothing
 * created. A WAL library in a folder the user may not write (where SQLite
 * cannot create the `-shm` index it reads through) is read from a copy in
 * memory, provided it has no changes waiting in a `-wal` file.
 */
export function openReader(path: string, timeoutMs: number): Database.Database {
  if (!existsSync(path)) throw missingLibrary(path);
  refuseFolder(path);
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: timeoutMs });
    db.prepare("SELECT COUNT(*) FROM sqlite_master").get();
    return db;
  } catch (e) {
    db?.close();
    const code = String((e as { code?: unknown }).code ?? "");
    if (code === "SQLITE_READONLY_DIRECTORY" || code.startsWith("SQLITE_CANTOPEN")) return openCopy(path, e);
    throw libraryError(path, e);
  }
}

/** A folder given as the library file cannot be opened: say so, rather than SQLite's "disk I/O error". */
function refuseFolder(path: string): void {
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new LibraryError(path, "cannot-open", `library ${path}: unable to open it, it is a folder; give the library's file, such as ${join(path, DEFAULT_LIBRARY)}`);
  }
}

/** Reads a WAL library whose folder is read-only from a copy in memory (marked as a rollback-journal database). */
function openCopy(path: string, cause: unknown): Database.Database {
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new LibraryError(
      path, "read-only",
      `library ${path}: its folder is read-only and it has changes waiting in ${wal}; copy both files to a folder you may write and open the copy`,
    );
  }
  try {
    const bytes = readFileSync(path);
    // Bytes 18 and 19 of the header say WAL (2); an in-memory copy reads as a rollback-journal database (1).
    if (bytes.length >= 100 && bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1;
    const db = new Database(bytes, { readonly: true });
    db.prepare("SELECT COUNT(*) FROM sqlite_master").get();
    return db;
  } catch (e) {
    throw libraryError(path, (e as { code?: unknown }).code ? e : cause);
  }
}
