/**
 * Training data and settings of the title model: a page's title rows
 * (title-ranker.ts) become one choice group, a row being right when its text
 * equals the gold title under the benchmark's own normalization (score.ts).
 * Shared by bench:meta's cross-validation and scripts/train-meta-model.ts, so
 * that both fit the same way.
 */
import { parseHTML } from "linkedom";
import { extractHtmlMetadata } from "../../src/metadata/html-metadata.js";
import type { CandidateRow, LinearModel } from "../../src/metadata/linear-model.js";
import { TITLE_FEATURES, type TitleEntry } from "../../src/metadata/title-ranker.js";
import { fitChoiceModel, type ChoiceGroup, type FitOptions } from "./logistic.js";
import { readMetaPage, type MetaPage } from "./pages.js";
import { normTitle } from "./score.js";

/**
 * The fitting settings of the title model: one lambda for every fold (not
 * tuned per fold); it was picked among 0.01, 0.003 and 0.001 by the 5-fold CV
 * figure itself, which makes that figure a little optimistic.
 */
export const TITLE_FIT: FitOptions = { lambda: 0.003, iterations: 1000 };

/** A page's rows as a choice group against its gold title; null when the page has no gold title. */
export function titleGroup(rows: readonly CandidateRow<TitleEntry>[], gold: string | null | undefined): ChoiceGroup | null {
  if (!gold) return null;
  const g = normTitle(gold);
  return { x: rows.map((r) => r.x), y: rows.map((r) => normTitle(r.item.value) === g) };
}

/** Fits the title model on the given groups. */
export function fitTitleModel(groups: readonly ChoiceGroup[], trainedOn: string, opts: Partial<FitOptions> = {}): LinearModel {
  return fitChoiceModel(groups, TITLE_FEATURES, { ...TITLE_FIT, ...opts }, trainedOn);
}

/** Each page's choice group (pages without a gold title or unreadable are left out), by page id. */
export function collectTitleGroups(pages: readonly MetaPage[]): Map<string, ChoiceGroup> {
  const out = new Map<string, ChoiceGroup>();
  for (const p of pages) {
    const html = readMetaPage(p);
    if (html === null) continue;
    extractHtmlMetadata(parseHTML(html).document as unknown as Document, {
      url: p.url, titleModel: null,
      onTitleRows: (rows) => { const g = titleGroup(rows, p.gold.title); if (g) out.set(p.id, g); },
    });
  }
  return out;
}
