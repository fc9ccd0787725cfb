/** Counting of the metadata benchmark's hits and misses for one system (rules in score.ts). */
import { authorHit, lenientTitle, normTitle, sameDay } from "./score.js";
import type { MetaGold } from "./pages.js";

/** The counts of one system over the pages. */
export interface Tally {
  titled: number; authored: number; dated: number; noAuthor: number; noDate: number;
  titleOk: number; titleLenient: number; authorOk: number; authorFalse: number; dateOk: number; dateFalse: number;
}

/** An empty tally. */
export const tally = (): Tally => ({
  titled: 0, authored: 0, dated: 0, noAuthor: 0, noDate: 0, titleOk: 0, titleLenient: 0, authorOk: 0, authorFalse: 0, dateOk: 0, dateFalse: 0,
});

/** What a system gave for a page, with the source of each field when known. */
export interface Answer {
  title?: string | null;
  authors?: readonly string[] | null;
  published?: string | null;
  sources?: { title?: string; authors?: string; published?: string };
}

/** Counts one page; returns a line per miss (for `--failures`). */
export function addPage(t: Tally, gold: MetaGold, a: Answer): string[] {
  const miss: string[] = [];
  const src = (f: keyof NonNullable<Answer["sources"]>): string => a.sources?.[f] ?? "-";
  const goldAuthor = (gold.author ?? "").trim();
  const goldDate = (gold.publish_date ?? "").trim();
  if (gold.title) {
    t.titled++;
    if (normTitle(a.title) === normTitle(gold.title)) t.titleOk++;
    else miss.push(`title  gold=${JSON.stringify(normTitle(gold.title))} ours=${JSON.stringify(a.title ?? null)} [${src("title")}]`);
    if (lenientTitle(a.title) === lenientTitle(gold.title)) t.titleLenient++;
  }
  if (goldAuthor) {
    t.authored++;
    if (authorHit(goldAuthor, a.authors)) t.authorOk++;
    else miss.push(`author gold=${JSON.stringify(goldAuthor)} ours=${JSON.stringify(a.authors ?? [])} [${src("authors")}]`);
  } else {
    t.noAuthor++;
    if (a.authors?.length) t.authorFalse++;
  }
  if (goldDate) {
    t.dated++;
    if (sameDay(goldDate, a.published)) t.dateOk++;
    else miss.push(`date   gold=${goldDate} ours=${a.published ?? null} [${src("published")}]`);
  } else {
    t.noDate++;
    if (a.published) t.dateFalse++;
  }
  return miss;
}
