import { writeFile } from "node:fs/promises";
import type { Message } from "../model/index.js";
import { enrichStory } from "../pipeline/enrich.js";
import { renderReport, type ReportFormat } from "../report/index.js";
import { readLibrary, type LibraryOptions } from "./library-commands.js";
import { terminalText } from "./terminal.js";

/** `rashomon story <id>`: prints one story's dossier. Exit 1 when the story is unknown. */
export async function runStory(id: string, opts: LibraryOptions & { format: ReportFormat; output?: string }): Promise<number> {
  const read = await readLibrary(opts.db, async (store) => {
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
  const messages: Message[] = [];
  enrichStory(found.story, found.docs, messages);
  const report = renderReport({ documents: found.docs, stories: [found.story], messages }, opts.format);
  if (opts.output) await writeFile(opts.output, report);
  else process.stdout.write(report);
  return 0;
}
