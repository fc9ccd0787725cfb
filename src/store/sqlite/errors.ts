/**
 * Library errors: every failure of a SQLite library becomes a `LibraryError`
 * that names the library file and says what to do about it.
 */

/** Why a library could not be used. */
export type LibraryProblem = "missing" | "not-a-library" | "locked" | "full" | "cannot-open" | "read-only" | "damaged" | "io" | "other";

/** A failure of one library, with a message that names its file and the way out. */
export class LibraryError extends Error {
  override readonly name = "LibraryError";
  constructor(
    readonly path: string,
    readonly problem: LibraryProblem,
    message: string,
    readonly sqliteCode: string | null = null,
  ) {
    super(message);
  }
}

/** The library error for a thrown SQLite (or file system) error while using the library at `path`. */
export function libraryError(path: string, err: unknown): LibraryError {
  if (err instanceof LibraryError) return err;
  const code = typeof (err as { code?: unknown })?.code === "string" ? (err as { code: string }).code : "";
  const raw = err instanceof Error ? err.message : String(err);
  const [problem, advice] = classify(code, raw);
  const what = problem === "cannot-open" ? `cannot open it (${raw})` : raw;
  return new LibraryError(path, problem, `library ${path}: ${what}; ${advice(path)}`, code || null);
}

/** The library error for a library file that does not exist (read-only commands never create one). */
export function missingLibrary(path: string): LibraryError {
  return new LibraryError(path, "missing", `library ${path}: no such file; check the --db path, or create the library with \`rashomon ingest <inputs> --db ${path}\``);
}

type Advice = (path: string) => string;

function classify(code: string, message: string): [LibraryProblem, Advice] {
  if (code === "SQLITE_NOTADB") return ["not-a-library", () => "this file is not a rashomon library; check the --db path"];
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return ["locked", () => "another process is writing to it; wait for it to finish and run the command again, or give a longer --lock-timeout"];
  }
  if (code === "SQLITE_FULL") return ["full", () => "free space on the disk that holds it and run the command again (documents already stored are kept and skipped)"];
  if (/directory does not exist/i.test(message)) return ["cannot-open", () => "create its folder first, or check the --db path"];
  if (code.startsWith("SQLITE_CANTOPEN")) return ["cannot-open", () => "check that the file and its folder exist and that you may read them (and write them, to ingest)"];
  if (code.startsWith("SQLITE_READONLY")) {
    return ["read-only", () => "the file or its folder is read-only; ingest needs write access to both (stories, story and check only read)"];
  }
  if (code.startsWith("SQLITE_CORRUPT")) return ["damaged", (p) => `the file is damaged; run \`rashomon check --db ${p}\` and restore it from a backup`];
  if (code.startsWith("SQLITE_IOERR")) return ["io", () => "the disk could not be read or written; check that it is mounted and has free space, then run the command again"];
  if (/no such (table|column)/.test(message)) return ["not-a-library", () => "this SQLite file is not a rashomon library; check the --db path"];
  return ["other", () => "run `rashomon check` on it, or use another --db file"];
}
