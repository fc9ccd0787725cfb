/**
 * The htmldate evaluation pages (../shared/bench-data/htmldate, Apache-2.0)
 * and the dated WCXB development pages (../shared/bench-data/wcxb-articles,
 * CC BY 4.0): loading, decoding and the fixed 5-fold split used by bench:dates.
 */
import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { decodeBytes } from "../../src/ingest/decode.js";
import { MessageBag } from "../../src/model/index.js";

/** The data folder. */
export const HTMLDATE_ROOT = fileURLToPath(new URL("../../../shared/bench-data/htmldate/", import.meta.url));
/** The WCXB development pages. */
export const WCXB_ROOT = fileURLToPath(new URL("../../../shared/bench-data/wcxb-articles/", import.meta.url));

/** One gold page. */
export interface DatePage {
  url: string;
  file: string;
  /** Gold publication day, `YYYY-MM-DD`; null for the few pages labelled with no date (`NaN` in gold.json). */
  date: string | null;
  /** `default` or `mediacloud-2020` (htmldate), `wcxb`. */
  set: string;
  /** The gzipped page. */
  path: string;
  /** Fold 0..4, from the URL's host (see foldOf). */
  fold: number;
}

/** Number of folds. */
export const FOLDS = 5;

/** The host of a URL without `www.`, or the raw string when unreadable. */
export function hostOf(url: string): string {
  try { return new URL(url).hostname.toLowerCase().replace(/^www\./, ""); } catch { return url; }
}

/**
 * The fold of a page: FNV-1a of its host, mod 5, so all pages of one site
 * sit in the same fold and a site is never in both training and test folds.
 */
export function foldOf(url: string): number {
  return fnv1a(hostOf(url)) % FOLDS;
}

/** FNV-1a of a string's UTF-16 units, as an unsigned 32-bit number (hosts come out of URL parsing as ASCII). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The gold pages, in file order. */
export function loadPages(): DatePage[] {
  // gold.json writes the no-date label as a bare `NaN` (not JSON).
  const raw = readFileSync(`${HTMLDATE_ROOT}gold.json`, "utf8").replace(/:\s*NaN\b/g, ": null");
  const gold = JSON.parse(raw) as Record<string, { file: string; date: string | null; set: string }>;
  return Object.entries(gold).map(([url, g]) => ({ url, file: g.file, date: g.date, set: g.set, path: `${HTMLDATE_ROOT}html/${g.file}`, fold: foldOf(url) }));
}

/** The WCXB development pages that have a gold publish date (as bench:meta scores them), by id. */
export function loadWcxbPages(): DatePage[] {
  const out: DatePage[] = [];
  for (const f of readdirSync(`${WCXB_ROOT}ground-truth`).filter((x) => x.endsWith(".json")).sort()) {
    const rec = JSON.parse(readFileSync(`${WCXB_ROOT}ground-truth/${f}`, "utf8")) as { url?: string; ground_truth: { publish_date?: string | null } };
    const day = /^\d{4}-\d{2}-\d{2}/.exec((rec.ground_truth.publish_date ?? "").trim())?.[0];
    if (!day) continue;
    const id = f.slice(0, -5);
    const url = rec.url ?? `wcxb:${id}`;
    out.push({ url, file: `${id}.html.gz`, date: day, set: "wcxb", path: `${WCXB_ROOT}html/${id}.html.gz`, fold: foldOf(url) });
  }
  return out;
}

/**
 * A page's HTML, decoded as a browser would (BOM, `<meta charset>`, else
 * UTF-8/windows-1252); WCXB pages as UTF-8, as bench:meta reads them. Null when unreadable.
 */
export function readPage(p: DatePage): string | null {
  try {
    const bytes = gunzipSync(readFileSync(p.path));
    if (p.set === "wcxb") return bytes.toString("utf8");
    return decodeBytes(new Uint8Array(bytes), new MessageBag(p.url)).text;
  } catch {
    return null;
  }
}
