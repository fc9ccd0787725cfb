/**
 * Test helpers: the seed articles with the publication dates the metadata stage
 * gives, paragraphs built from their lines and cut before the page clutter.
 * (Kept out of the stage's API; used by tests only.)
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { RashomonDocument } from "../model/index.js";

const SEEDS = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));

/** Publication dates, and where each seed's article ends. */
export const SEED_META: Record<string, { published: string | null; cut: string | null; skip?: string }> = {
  "000": { published: "2025-05-03T18:17", cut: "Submit a Correction" },
  "001": { published: "2025-05-03", cut: "Edited by:" },
  "002": { published: "2025-05-04T10:39", cut: "- Trump's renews" },
  "003": { published: "2025-05-04", cut: null, skip: " date 2025-05-04 " },
  "004": { published: null, cut: null },
};

/** Loads a seed as a minimal document: text as read, one paragraph per non-empty line before the cut. */
export function loadSeed(prefix: string): RashomonDocument {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  const text = readFileSync(SEEDS + name, "utf8");
  const meta = SEED_META[prefix]!;
  const end = meta.cut ? text.indexOf(meta.cut) : text.length;
  const paragraphs: RashomonDocument["paragraphs"] = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < end) {
    // The page's own date stamp before 003's first sentence is clutter the cleaner will remove.
    const start = meta.skip && m.index === 0 && m[0].startsWith(meta.skip) ? meta.skip.length : m.index;
    if (m[0].trim()) paragraphs.push({ span: { start, end: m.index + m[0].length }, kind: "paragraph" });
  }
  return {
    id: prefix, input: SEEDS + name, format: "text", text, title: null, standfirst: null, section: null, byline: null,
    authors: [], agencies: [], outlet: null, dateline: null, published: meta.published, updated: null, editor: null,
    language: "en", url: null, body: "", paragraphs, captions: [], removed: [], provenance: {}, messages: [],
  };
}
