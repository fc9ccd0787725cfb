/**
 * The store's own consistency check, in portable SQL for every library
 * database: documents in no stored story, story sizes that do not match their
 * documents, documents missing from the grouper's state, edges filed under
 * the wrong component, and story assignments that differ from a replay of the stored
 * documents in arrival (`seq`) order, which is what every writer keeps the
 * library equal to. Read-only.
 */
import { sql, type Kysely } from "kysely";
import type { RashomonDocument } from "../../model/index.js";
import { MemoryGroupingState, StoryGrouper } from "../../stories/index.js";

/** Examples listed per kind of problem. */
const EXAMPLES = 5;

/** Documents read per query while replaying. */
const PAGE = 500;

/** Problems of a library's tables ([] when consistent); `replay` also compares the stories with a replay. */
export async function checkTables(db: Kysely<any>, replay: boolean): Promise<string[]> {
  const problems: string[] = [];
  const orphans = (await sql<{ id: string; story_id: string }>`SELECT d.id, d.story_id FROM documents d LEFT JOIN stories s ON s.id = d.story_id WHERE s.id IS NULL ORDER BY d.seq`.execute(db)).rows;
  if (orphans.length) {
    problems.push(`${documents(orphans.length)} in no stored story (${orphans.slice(0, EXAMPLES).map((o) => `${o.id} in ${o.story_id}`).join(", ")}${more(orphans.length)})`);
  }
  const sizes = (await sql<{ id: string; size: number; n: number }>`SELECT s.id, s.size, COUNT(d.id) AS n FROM stories s LEFT JOIN documents d ON d.story_id = s.id GROUP BY s.id, s.size HAVING s.size <> COUNT(d.id) ORDER BY s.id`.execute(db)).rows;
  for (const r of sizes) problems.push(`story ${r.id}: size ${r.size} but ${Number(r.n)} document${Number(r.n) === 1 ? "" : "s"}`);
  const ungrouped = (await sql<{ id: string }>`SELECT d.id FROM documents d LEFT JOIN group_docs g ON g.doc_id = d.id WHERE g.doc_id IS NULL ORDER BY d.seq`.execute(db)).rows;
  if (ungrouped.length) problems.push(`${documents(ungrouped.length)} missing from the grouper's state (${ungrouped.slice(0, EXAMPLES).map((r) => r.id).join(", ")}${more(ungrouped.length)})`);
  const nodeless = Number((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM group_docs g LEFT JOIN group_nodes n ON n.id = g.node WHERE n.id IS NULL`.execute(db)).rows[0]!.n);
  if (nodeless) problems.push(`${nodeless} grouped document${nodeless === 1 ? " is" : "s are"} in no node`);
  const strays = (await sql<{ id: string; story_id: string; story: string | null }>`SELECT d.id, d.story_id, n.story FROM documents d JOIN group_docs g ON g.doc_id = d.id JOIN group_nodes n ON n.id = g.node WHERE n.story IS NULL OR n.story <> d.story_id ORDER BY d.seq`.execute(db)).rows;
  if (strays.length) problems.push(`${documents(strays.length)} in another story than their node (${strays.slice(0, EXAMPLES).map((r) => `${r.id} in ${r.story_id}, node in ${r.story}`).join(", ")}${more(strays.length)})`);
  const sizes2 = Number((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM group_nodes n WHERE n.size <> (SELECT COUNT(*) FROM group_docs g WHERE g.node = n.id)`.execute(db)).rows[0]!.n);
  if (sizes2) problems.push(`${sizes2} node${sizes2 === 1 ? "" : "s"} whose size differs from their documents`);
  if (replay) problems.push(...(await replayProblems(db)));
  return problems;
}

/** Differences between the stored story assignment and a replay of the documents in arrival order. */
async function replayProblems(db: Kysely<any>): Promise<string[]> {
  const index = new MemoryGroupingState();
  const g = new StoryGrouper({}, index);
  for (let after = -1; ;) {
    const rows = (await sql<{ seq: number; json: string }>`SELECT seq, json FROM documents WHERE seq > ${after} ORDER BY seq LIMIT ${PAGE}`.execute(db)).rows;
    for (const r of rows) {
      // Later documents can still move earlier ones (merges, splits): compared once all are in.
      await g.add(JSON.parse(r.json) as RashomonDocument);
    }
    if (rows.length < PAGE) break;
    after = Number(rows[rows.length - 1]!.seq);
  }
  const problems: string[] = [];
  const wrong: string[] = [];
  for (let after = -1; ;) {
    const rows = (await sql<{ seq: number; id: string; story_id: string }>`SELECT seq, id, story_id FROM documents WHERE seq > ${after} ORDER BY seq LIMIT ${PAGE * 10}`.execute(db)).rows;
    for (const r of rows) if (index.storyOf(r.id) !== r.story_id) wrong.push(`${r.id} in ${r.story_id}, replay ${index.storyOf(r.id)}`);
    if (rows.length < PAGE * 10) break;
    after = Number(rows[rows.length - 1]!.seq);
  }
  if (wrong.length) {
    problems.push(
      `${documents(wrong.length)} not in the story that a replay of the library in arrival order gives (${wrong.slice(0, EXAMPLES).join("; ")}${more(wrong.length)}); ` +
        "two writers assigned stories without seeing each other, or the grouper's state was changed outside Rashomon",
    );
  }
  const replayedIds = new Set(index.stories.keys());
  const extra = (await sql<{ id: string }>`SELECT id FROM stories ORDER BY id`.execute(db)).rows.filter((s) => !replayedIds.has(s.id));
  if (extra.length) problems.push(`${extra.length} stored ${extra.length === 1 ? "story" : "stories"} that a replay does not make (${extra.slice(0, EXAMPLES).map((s) => s.id).join(", ")}${more(extra.length)})`);
  return problems;
}

function documents(n: number): string {
  return n === 1 ? "1 document is" : `${n} documents are`;
}

function more(n: number): string {
  return n > EXAMPLES ? `, and ${n - EXAMPLES} more` : "";
}
