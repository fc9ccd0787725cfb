/**
 * Speed of the quote stage (entities included): milliseconds per 5 KB of text,
 * on the seed articles and the ECB+ development articles. Prints figures only.
 * Run: npx tsx bench/quotes-speed/run.ts
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { extractQuotes } from "../../src/quotes/index.js";
import { seedDocuments } from "../../src/quotes/seed-docs.js";

import type { Paragraph } from "../../src/model/index.js";

interface Doc {
  id: string;
  text: string;
  paragraphs: Paragraph[];
}

/** Paragraphs of an ECB+ text: one sentence a line. */
function linesAsParagraphs(id: string, text: string): Doc {
  const paragraphs: Doc["paragraphs"] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) paragraphs.push({ span: { start: m.index, end: m.index + m[0].length }, kind: "paragraph" });
  return { id, text, paragraphs };
}

function measure(name: string, docs: Doc[], rounds: number): void {
  for (const d of docs.slice(0, 20)) extractQuotes(d); // warm-up
  let chars = 0;
  let quotes = 0;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const d of docs) {
      const res = extractQuotes(d);
      if (r === 0) {
        chars += d.text.length;
        quotes += res.quotes.length;
      }
    }
  }
  const ms = (performance.now() - t0) / rounds;
  const per5k = ms / (chars / 5000);
  console.log(`${name}: ${docs.length} docs, ${(chars / 1000).toFixed(0)} K chars, ${quotes} quotes, ${ms.toFixed(1)} ms a pass, ${per5k.toFixed(2)} ms per 5 KB`);
}

const seeds = seedDocuments(new URL("../../../shared/seeds/", import.meta.url));
measure("seeds", seeds, 20);
const ecbPath = new URL("../../../shared/bench-data/ecbplus/docs.jsonl", import.meta.url);
let ecb: Doc[] = [];
try {
  ecb = readFileSync(ecbPath, "utf8").split("\n").filter(Boolean).map((l) => {
    const j = JSON.parse(l) as { doc_id: string; text: string };
    return linesAsParagraphs(j.doc_id, j.text);
  });
} catch (e) {
  console.log(`ECB+ not readable at ${ecbPath.pathname}: ${(e as Error).message}`);
}
if (ecb.length) measure("ecbplus", ecb, 3);

// Adversarial input: how long the stage takes on text built to be hard.
const adversarial: Record<string, string> = {
  "5,000 unbalanced opening marks": "“ ".repeat(5000) + "x",
  "1 MB paragraph, no closing quote": "She said: “" + "word ".repeat(200_000),
  "1 MB of '": "'".repeat(1_000_000),
  "530 KB of mixed marks": Array.from({ length: 200_000 }, (_, i) => "“‘\"'«»”’„"[(i * 7) % 9] + (i % 3 ? "ab" : " ")).join(""),
};
for (const [name, text] of Object.entries(adversarial)) {
  const t0 = performance.now();
  const r = extractQuotes({ id: "adversarial", text, paragraphs: [] });
  console.log(`adversarial, ${name}: ${(performance.now() - t0).toFixed(0)} ms, ${r.messages.length} messages`);
}
