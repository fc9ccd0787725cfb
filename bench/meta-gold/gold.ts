/** The title and author gold on htmldate pages (docs/meta-annotation.md): loading and scoring. */
import { readFileSync, readdirSync } from "node:fs";
import { authorHit, normTitle } from "../meta/score.js";
import type { GoldPage } from "./pages.js";

/** One gold line (docs/meta-annotation.md). */
export interface GoldLine {
  index: number;
  url: string;
  title: string | null;
  authors: string[];
  org?: string;
  note?: string;
}

/** Where the gold lines live, one file per annotator. */
const DIR = new URL("../../data/meta-gold/htmldate/", import.meta.url);

/** The gold lines by page index; refuses a line whose URL is not its page's. */
export function loadGold(pages: GoldPage[]): Map<number, GoldLine> {
  const out = new Map<number, GoldLine>();
  for (const f of readdirSync(DIR).filter((x) => x.endsWith(".jsonl")).sort()) {
    for (const line of readFileSync(new URL(f, DIR), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const g = JSON.parse(line) as GoldLine;
      if (pages[g.index]?.url !== g.url) throw new Error(`${f}: line for page ${g.index} names ${g.url}, the pick has ${pages[g.index]?.url}`);
      out.set(g.index, g);
    }
  }
  return out;
}

/** Tallies of one part. */
export interface Score { pages: number; title: number; authorPages: number; author: number; noAuthorPages: number; gaveName: number; uncreditedPages: number; gaveUncredited: number }
/** An empty tally. */
export const zero = (): Score => ({ pages: 0, title: 0, authorPages: 0, author: 0, noAuthorPages: 0, gaveName: 0, uncreditedPages: 0, gaveUncredited: 0 });

/** Adds one page's answer; returns what it missed. */
export function score(s: Score, g: GoldLine, title: string | null | undefined, authors: readonly string[]): string[] {
  const miss: string[] = [];
  s.pages++;
  if (normTitle(title) === normTitle(g.title)) s.title++;
  else miss.push(`title gold=${JSON.stringify(g.title)} ours=${JSON.stringify(title ?? null)}`);
  if (g.authors.length) {
    s.authorPages++;
    if (g.authors.every((a) => authorHit(a, authors))) s.author++;
    else miss.push(`author gold=${JSON.stringify(g.authors)} ours=${JSON.stringify(authors)}`);
  } else {
    s.noAuthorPages++;
    // Pages that credit nobody at all, not even an agency or the outlet (`org` empty).
    if (!g.org) s.uncreditedPages++;
    if (authors.length && !g.org) s.gaveUncredited++;
    if (authors.length) { s.gaveName++; miss.push(`author gold=[] (org ${JSON.stringify(g.org ?? "")}) ours=${JSON.stringify(authors)}`); }
  }
  return miss;
}

