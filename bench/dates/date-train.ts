/**
 * Training data and settings of the date model (src/metadata/date-ranker.ts):
 * each page's candidate days become one choice group, a row being right when
 * its day is the gold day. Pages of both development sets (htmldate's 1,000
 * and the dated WCXB dev pages), read as bench:dates reads them. Shared by
 * bench:dates' cross-validation and scripts/train-meta-model.ts, so that both
 * fit the same way.
 */
import { parseHTML } from "linkedom";
import { extractHtmlMetadata } from "../../src/metadata/index.js";
import { DATE_FEATURES, type DateEntry } from "../../src/metadata/date-ranker.js";
import type { CandidateRow, LinearModel } from "../../src/metadata/linear-model.js";
import { fitChoiceModel, type ChoiceGroup, type FitOptions } from "../meta/logistic.js";
import { readPage, type DatePage } from "./data.js";

/**
 * The fitting settings of the date model: one lambda for every fold, fixed
 * before the cross-validated run (not tuned on it).
 */
export const DATE_FIT: FitOptions = { lambda: 0.003, iterations: 1500 };

/** The URL bench:dates passes for a page (WCXB pages without one get none). */
export function pageUrl(p: DatePage): string | null {
  return p.url.startsWith("wcxb:") ? null : p.url;
}

/** A page's rows as a choice group against its gold day. */
export function dateGroup(rows: readonly CandidateRow<DateEntry>[], gold: string | null): ChoiceGroup {
  return { x: rows.map((r) => r.x), y: rows.map((r) => r.item.day === gold) };
}

/** Fits the date model on the given groups. */
export function fitDateModel(groups: readonly ChoiceGroup[], trainedOn: string, opts: Partial<FitOptions> = {}): LinearModel {
  return fitChoiceModel(groups, DATE_FEATURES, { ...DATE_FIT, ...opts }, trainedOn);
}

/** Each page's rows (unreadable pages left out), by page path. */
export function collectDateRows(pages: readonly DatePage[]): Map<string, CandidateRow<DateEntry>[]> {
  const out = new Map<string, CandidateRow<DateEntry>[]>();
  for (const p of pages) {
    const html = readPage(p);
    if (html === null) continue;
    try {
      extractHtmlMetadata(parseHTML(html).document as unknown as Document, { url: pageUrl(p), onDateRows: (rows) => out.set(p.path, rows) });
    } catch {
      // a page that throws gives no rows
    }
    if (!out.has(p.path)) out.set(p.path, []);
  }
  return out;
}
