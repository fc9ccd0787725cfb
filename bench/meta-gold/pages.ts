/**
 * The pages of the title and author gold on htmldate's evaluation set
 * (docs/meta-annotation.md): 300 pages picked by a fixed hash of the URL, the
 * first 200 the development part, the last 100 the blind part (scored on
 * totals only). No rule of ours was written for these pages' titles or authors.
 */
import { fnv1a, loadPages, type DatePage } from "../dates/data.js";

/** One page of the gold, with its part. */
export interface GoldPage extends DatePage {
  part: "dev" | "blind";
  /** 0-based position in the pick (0..299). */
  index: number;
}

/** The 300 pages, in pick order (by FNV-1a of "meta-gold:" + URL). */
export function metaGoldPages(): GoldPage[] {
  const all = loadPages();
  const picked = [...all].sort((a, b) => fnv1a(`meta-gold:${a.url}`) - fnv1a(`meta-gold:${b.url}`) || (a.url < b.url ? -1 : 1)).slice(0, 300);
  return picked.map((p, index) => ({ ...p, part: index < 200 ? "dev" : "blind", index }));
}
