import { readFileSync, readdirSync } from "node:fs";
import type { Paragraph, RashomonDocument } from "../model/index.js";

/** Where each seed's article ends (clutter follows) and, for 002, where the article begins. */
const CUTS: Record<string, { from?: string; to: string }> = {
  "000": { from: "MEXICO CITY (AP)", to: "Submit a Correction" },
  "001": { from: "Claudia Sheinbaum said Donald Trump", to: "Edited by:" },
  "002": { from: "Mexican President Claudia Sheinbaum announced", to: "- Trump's renews" },
  "003": { to: "\u0000" },
  "004": { to: "\u0000" },
};

/**
 * The seed articles as documents for tests and the speed script: paragraphs are
 * the non-empty lines of the article part (the cleaner's job, done by hand here).
 */
export function seedDocuments(dir: URL): RashomonDocument[] {
  return readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => {
    const text = readFileSync(new URL(f, dir), "utf8");
    const id = f.slice(0, 3);
    const cut = CUTS[id] ?? { to: "\u0000" };
    const from = cut.from ? Math.max(0, text.indexOf(cut.from)) : 0;
    const toAt = text.indexOf(cut.to);
    const to = toAt >= 0 ? toAt : text.length;
    const paragraphs: Paragraph[] = [];
    const re = /[^\n]+/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index < from || m.index >= to) continue;
      let start = m.index;
      let end = m.index + m[0].length;
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      if (end > start) paragraphs.push({ span: { start, end }, kind: "paragraph" });
    }
    return {
      id, input: f, format: "text", text, title: null, standfirst: null, section: null, byline: null, authors: [],
      agencies: [], outlet: null, dateline: null, published: null, updated: null, editor: null, language: "en",
      url: null, body: paragraphs.map((p) => text.slice(p.span.start, p.span.end)).join("\n\n"), paragraphs,
      captions: [], removed: [], provenance: {}, messages: [],
    };
  });
}
