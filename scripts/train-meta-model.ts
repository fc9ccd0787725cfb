/**
 * Fits the title model (src/metadata/title-ranker.ts) on every WCXB
 * development page and writes its weights to data/meta-model/title.json.
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

const pages = loadMetaPages();
const groups = [...collectTitleGroups(pages).values()];
const model = fitTitleModel(groups,
  `WCXB dev (CC BY 4.0), all ${pages.length} pages; conditional logistic regression, L2 lambda ${TITLE_FIT.lambda}, ${TITLE_FIT.iterations} full-batch steps (scripts/train-meta-model.ts)`);
const out = fileURLToPath(new URL("../data/meta-model/title.json", import.meta.url));
// One line per field, so that a refit shows as a small diff.
writeFileSync(out, `{\n${Object.entries(model).map(([k, v]) => ` ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(",\n")}\n}\n`);
console.log(`${groups.length} titled pages (${groups.filter((g) => g.y.some(Boolean)).length} with the gold among the candidates); ` +
  `in-sample: ${choiceAccuracy(groups, model)} right -> ${out}`);
