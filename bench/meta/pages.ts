/**
 * The WCXB development pages (../shared/bench-data/wcxb-articles, CC BY 4.0)
 * as bench:meta and the metadata model's training read them, each with its
 * fold: the 5 folds of bench:dates (FNV-1a of the URL's host, bench/dates/data.ts),
 * so one site never sits in both the training and the test folds.
 */
import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { WCXB_ROOT, foldOf } from "../dates/data.js";

/** The gold fields of a page. */
export interface MetaGold { title?: string | null; author?: string | null; publish_date?: string | null }

/** One page. */
export interface MetaPage {
  id: string;
  url: string | null;
  gold: MetaGold;
  /** 0..4; pages without a URL are hashed by their id. */
  fold: number;
}

/** The pages, by id. */
export function loadMetaPages(limit = Infinity): MetaPage[] {
  const ids = readdirSync(`${WCXB_ROOT}ground-truth`).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).sort();
  return ids.slice(0, limit).map((id) => {
    const rec = JSON.parse(readFileSync(`${WCXB_ROOT}ground-truth/${id}.json`, "utf8")) as { url?: string; ground_truth: MetaGold };
    return { id, url: rec.url ?? null, gold: rec.ground_truth, fold: foldOf(rec.url ?? `wcxb:${id}`) };
  });
}

/** A page's HTML (UTF-8), or null when unreadable. */
export function readMetaPage(p: MetaPage): string | null {
  try {
    return gunzipSync(readFileSync(`${WCXB_ROOT}html/${p.id}.html.gz`)).toString("utf8");
  } catch {
    return null;
  }
}
