/**
 * Fits the title model (src/metadata/title-ranker.ts) on every WCXB
 * development page and writes its weights to data/meta-model/title.json;
 * then the date model (src/metadata/date-ranker.ts) on the dated WCXB
 * development pages and htmldate's 1,000 evaluation pages
 * (../shared/bench-data/htmldate, Apache-2.0), written to
 * data/meta-model/date.json and, as the default the library ships,
 * src/metadata/date-model.ts.
 * Deterministic: the same pages and code give the same file, byte for byte.
 *
 * Data: the development split of WCXB (../shared/bench-data/wcxb-articles,
 * 711 pages, CC BY 4.0, Copyright (c) 2026 Murrough Foley; ground truth drafted
 * by a language model and reviewed by people). Only the fitted weights derived
 * from it are written here, never its pages. The held-out splits are not used.
 *
 * Run: npm run train:meta   (then `npm run bench:meta` prints the fit's whole
 * and 5-fold cross-validated figures beside the rules').
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { choiceAccuracy } from "../bench/meta/logistic.js";
import { loadMetaPages } from "../bench/meta/pages.js";
import { TITLE_FIT, collectTitleGroups, fitTitleModel } from "../bench/meta/title-train.js";
import { loadPages, loadWcxbPages } from "../bench/dates/data.js";
import { DATE_FIT, collectDateRows, dateGroup, fitDateModel } from "../bench/dates/date-train.js";
import type { LinearModel } from "../src/metadata/linear-model.js";

const pages = loadMetaPages();
const groups = [...collectTitleGroups(pages).values()];
const model = fitTitleModel(groups,
  `WCXB dev (CC BY 4.0), all ${pages.length} pages; conditional logistic regression, L2 lambda ${TITLE_FIT.lambda}, ${TITLE_FIT.iterations} full-batch steps (scripts/train-meta-model.ts)`);
const out = fileURLToPath(new URL("../data/meta-model/title.json", import.meta.url));
// One line per field, so that a refit shows as a small diff.
const asJson = (m: LinearModel): string => `{\n${Object.entries(m).map(([k, v]) => ` ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(",\n")}\n}\n`;
writeFileSync(out, asJson(model));
console.log(`${groups.length} titled pages (${groups.filter((g) => g.y.some(Boolean)).length} with the gold among the candidates); ` +
  `in-sample: ${choiceAccuracy(groups, model)} right -> ${out}`);

// The date model: both development sets, every page with a gold day.
const datePages = [...loadPages(), ...loadWcxbPages()];
const rows = collectDateRows(datePages);
const dateGroups = datePages.filter((p) => p.date).map((p) => dateGroup(rows.get(p.path) ?? [], p.date));
const dateModel = fitDateModel(dateGroups,
  `htmldate evaluation pages (Apache-2.0) and dated WCXB dev pages (CC BY 4.0), all ${dateGroups.length}; conditional logistic regression, L2 lambda ${DATE_FIT.lambda}, ${DATE_FIT.iterations} full-batch steps (scripts/train-meta-model.ts)`);
const dateJson = fileURLToPath(new URL("../data/meta-model/date.json", import.meta.url));
writeFileSync(dateJson, asJson(dateModel));
const dateTs = fileURLToPath(new URL("../src/metadata/date-model.ts", import.meta.url));
writeFileSync(dateTs, `/**
 * The date model extractHtmlMetadata uses by default (see date-ranker.ts): the
 * weights of data/meta-model/date.json. Written by \`npm run train:meta\`
 * (scripts/train-meta-model.ts); do not edit by hand.
 */
import type { LinearModel } from "./linear-model.js";

/** The fitted date model. */
export const DATE_MODEL: LinearModel = {
${Object.entries(dateModel).map(([k, v]) => `  ${k}: ${JSON.stringify(v)},`).join("\n")}
};
`);
console.log(`${dateGroups.length} dated pages (${dateGroups.filter((g) => g.y.some(Boolean)).length} with the gold day among the candidates) -> ${dateJson}, ${dateTs}`);
