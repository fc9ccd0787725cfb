/**
 * The commands that only read a library (`stories`, `check`; `story` is in
 * story-command.ts): each opens it read-only and writes nothing.
 */
import { openStore } from "../store/open.js";
import { LibraryError } from "../store/sqlite/errors.js";
import type { Store } from "../store/store.js";
import { terminalJson, terminalText } from "./terminal.js";

/** Options shared by the library commands. */
export interface LibraryOptions {
  db: string;
  quiet?: boolean;
}

/** What a reading command got: its value, or the library's failure already reported on stderr. */
export type Read<T> = { ok: true; value: T } | { ok: false };

/**
 * Opens the library read-only (nothing is written, not even on a read-only
 * file), runs `fn` and closes it. A library failure is printed, naming the
 * file and what to do, and comes back as `{ ok: false }`.
 */
export async function readLibrary<T>(db: string, fn: (store: Store) => Promise<T>): Promise<Read<T>> {
  let store: Store | null = null;
  try {
    store = await openStore(db, { readonly: true });
    return { ok: true, value: await fn(store) };
  } catch (e) {
    if (!(e instanceof LibraryError)) throw e;
    process.stderr.write(`rashomon: ${terminalText(e.message)}\n`);
    return { ok: false };
  } finally {
    await store?.close();
  }
}

/** `rashomon stories`: lists the library's stories as a table (terminal-safe) or JSON. */
export async function runStories(opts: LibraryOptions & { format: "text" | "json" }): Promise<number> {
  const read = await readLibrary(opts.db, (store) => store.listStories());
  if (!read.ok) return 1;
  const stories = read.value;
  if (opts.format === "json") {
    process.stdout.write(`${terminalJson(JSON.stringify(stories, null, 2))}\n`);
    return 0;
  }
  const lines = stories.map((s) =>
    [s.id, String(s.size), s.firstSeen ?? "-", s.lastSeen ?? "-", s.outlets.join(", ") || "-", s.title ?? "(untitled)"].map(terminalText).join("\t"),
  );
  process.stdout.write(["id\tsize\tfirst seen\tlast seen\toutlets\ttitle", ...lines].join("\n") + "\n");
  return 0;
}

/** `rashomon check`: prints the library's consistency problems, one a line. Exit 0 when consistent, 1 when not. */
export async function runCheck(opts: LibraryOptions): Promise<number> {
  const read = await readLibrary(opts.db, async (store) => ({ problems: await store.check(), documents: await store.countDocuments(), stories: (await store.listStories()).length }));
  if (!read.ok) return 1;
  const { problems, documents, stories } = read.value;
  if (problems.length === 0) {
    const plural = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
    process.stdout.write(`${terminalText(opts.db)}: consistent (${plural(documents, "document", "documents")} in ${plural(stories, "story", "stories")})\n`);
    return 0;
  }
  process.stdout.write(problems.map((p) => `${terminalText(opts.db)}: ${terminalText(p)}\n`).join(""));
  return 1;
}
