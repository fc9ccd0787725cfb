/**
 * The pages of the title and author gold on htmldate's evaluation set
 * (docs/meta-annotation.md): 600 pages picked by a fixed hash of the URL, in
 * two rounds of 300. In each round the first 200 are a development part and
 * the last 100 a blind part (scored on totals only): pages 0-199 and 300-499
 * development, 200-299 and 500-599 blind. No rule of ours was written for
 * these pages' titles or authors before their round was annotated.
 */
import { fnv1a, loadPages, type DatePage } from "../dates/data.js";

/** One page of the gold, with its part and round. */
export interface GoldPage extends DatePage {
  part: "dev" | "blind";
  /** 1 for pages 0-299 (annotated in session 14), 2 for pages 300-599 (session 15). */
  round: 1 | 2;
  /** 0-based position in the pick (0..599). */
  index: number;
}

/** Pages in the gold. */
export const GOLD_SIZE = 600;

/** The 600 pages, in pick order (by FNV-1a of "meta-gold:" + URL). */
export function metaGoldPages(): GoldPage[] {
  const all = loadPages();
  const picked = [...all].sort((a, b) => fnv1a(`meta-gold:${a.url}`) - fnv1a(`meta-gold:${b.url}`) || (a.url < b.url ? -1 : 1)).slice(0, GOLD_SIZE);
  return picked.map((p, index) => ({ ...p, part: index % 300 < 200 ? "dev" : "blind", round: index < 300 ? 1 : 2, index }));
}
