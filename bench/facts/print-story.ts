/**
 * Prints the documents of an ECB+ subtopic with sentence ids, for annotators of
 * the facts gold (docs/facts-annotation.md): `npx tsx bench/facts/print-story.ts 8_ecbplus`.
 */
import { readFileSync } from "node:fs";

const subtopic = process.argv[2];
if (!subtopic) {
  console.error("usage: print-story.ts <subtopic>");
  process.exit(2);
}
const raw = readFileSync(new URL("../../../shared/bench-data/ecbplus/docs.jsonl", import.meta.url), "utf8");
for (const line of raw.split("\n")) {
  if (!line.trim()) continue;
  const d = JSON.parse(line) as { doc_id: string; subtopic: string; text: string };
  if (d.subtopic !== subtopic) continue;
  console.log(`\n=== ${d.doc_id}`);
  d.text.split("\n").forEach((s, i) => console.log(`[${i}] ${s}`));
}
