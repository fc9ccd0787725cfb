/**
 * The consistency check of a SQLite library. Read-only: it runs on a library
 * opened with `readonly: true`.
 */
import type Database from "better-sqlite3";
import type { RashomonDocument } from "../../model/index.js";
import { StoryGrouper } from "../../stories/index.js";

/** Examples listed per kind of problem. */
const EXAMPLES = 5;

/**
 * Problems of a library ([] when consistent): SQLite's own integrity check,
 * documents in no stored story, story sizes that do not match their documents,
 * and story assignments that differ from a replay of the stored documents in
 * arrival (`seq`) order, which is what every writer keeps the library equal to.
 */
export function checkLibrary(db: Database.Database): string[] {
  const problems: string[] = [];
  const ic = db.pragma("integrity_check") as { integrity_check: string }[];
  for (const r of ic) if (r.integrity_check !== "ok") problems.push(`sqlite: ${r.integrity_check}`);
  if (problems.length) return problems;
  const orphans = db.prepare("SELECT d.id, d.story_id FROM documents d LEFT JOIN stories s ON s.id = d.story_id WHERE s.id IS NULL ORDER BY d.seq").all() as { id: string; story_id: string }[];
  if (orphans.length) {
    problems.push(`${documents(orphans.length)} in no stored story (${orphans.slice(0, EXAMPLES).map((o) => `${o.id} in ${o.story_id}`).join(", ")}${more(orphans.length)})`);
  }
  const sizes = db.prepare(
    "SELECT s.id, s.size, COUNT(d.id) AS n FROM stories s LEFT JOIN documents d ON d.story_id = s.id GROUP BY s.id HAVING s.size <> COUNT(d.id) ORDER BY s.id",
  ).all() as { id: string; size: number; n: number }[];
  for (const r of sizes) problems.push(`story ${r.id}: size ${r.size} but ${r.n} document${r.n === 1 ? "" : "s"}`);
  problems.push(...replayProblems(db));
  return problems;
}

/** Differences between the stored story assignment and a replay of the documents in arrival order. */
function replayProblems(db: Database.Database): string[] {
  const g = new StoryGrouper();
  const stored = new Map<string, string>();
  const rows = db.prepare("SELECT json, story_id FROM documents ORDER BY seq").iterate() as Iterable<{ json: string; story_id: string }>;
  for (const r of rows) {
    const doc = JSON.parse(r.json) as RashomonDocument;
    stored.set(doc.id, r.story_id);
    g.add(doc);
  }
  const moved: string[] = [];
  for (const [id, story] of stored) {
    const replayed = g.storyOf(id);
    if (replayed !== story) moved.push(`${id} in ${story}, replay ${replayed}`);
  }
  const problems: string[] = [];
  if (moved.length) {
    problems.push(
      `${documents(moved.length)} not in the story that a replay of the library in arrival order gives (${moved.slice(0, EXAMPLES).join("; ")}${more(moved.length)}); ` +
        "the next ingest regroups them if the grouper changed, otherwise two writers assigned stories without seeing each other",
    );
  }
  const replayedIds = new Set(g.stories().map((s) => s.id));
  const extra = (db.prepare("SELECT id FROM stories ORDER BY id").all() as { id: string }[]).filter((s) => !replayedIds.has(s.id));
  if (extra.length) problems.push(`${extra.length} stored ${extra.length === 1 ? "story" : "stories"} that a replay does not make (${extra.slice(0, EXAMPLES).map((s) => s.id).join(", ")}${more(extra.length)})`);
  return problems;
}

function documents(n: number): string {
  return n === 1 ? "1 document is" : `${n} documents are`;
}

function more(n: number): string {
  return n > EXAMPLES ? `, and ${n - EXAMPLES} more` : "";
}
