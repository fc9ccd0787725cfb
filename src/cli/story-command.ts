import { writeFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import type { Message, RashomonDocument, Story } from "../model/index.js";
import { membersKey } from "../store/queries.js";
import { enrichStory } from "../pipeline/enrich.js";
import { renderReport, type ReportFormat } from "../report/index.js";
import { readLibrary, type LibraryOptions } from "./library-commands.js";
import { terminalText } from "./terminal.js";

/** `rashomon story <id>`: prints one story's dossier. Exit 1 when the story is unknown. */
export async function runStory(id: string, opts: LibraryOptions & { format: ReportFormat; output?: string }): Promise<number> {
  const read = await readLibrary(opts.db, async (store) => {
    const members = await store.storyMembers(id);
    if (!members) return null;
    // A view built for the story's current documents (by `rashomon serve`) holds its report: read, not built again.
    const stored = await store.getStoryView(id);
    if (stored && stored.key === membersKey(members.documents)) return { report: gunzipSync(stored.report).toString("utf8") };
    const story = await store.getStory(id);
    return story ? { story, docs: await store.getDocuments(id) } : null;
  });
  if (!read.ok) {
    process.stderr.write(`rashomon: could not read story "${terminalText(id)}"\n`);
    return 1;
  }
  const found = read.value;
  if (!found) {
    process.stderr.write(`rashomon: no story "${terminalText(id)}" in ${terminalText(opts.db)}\n`);
    return 1;
  }
  let report = "";
  if (found.report !== undefined) {
    report = opts.format === "json" ? found.report : renderReport(JSON.parse(found.report) as { documents: RashomonDocument[]; stories: Story[]; messages: Message[] }, opts.format);
  } else if (found.story && found.docs) {
    const messages: Message[] = [];
    enrichStory(found.story, found.docs, messages);
    report = renderReport({ documents: found.docs, stories: [found.story], messages }, opts.format);
  }
  if (opts.output) await writeFile(opts.output, report);
  else process.stdout.write(report);
  return 0;
}
