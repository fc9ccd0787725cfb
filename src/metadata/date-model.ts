/**
 * The date model extractHtmlMetadata uses by default (see date-ranker.ts): the
 * weights of data/meta-model/date.json. Written by `npm run train:meta`
 * (scripts/train-meta-model.ts); do not edit by hand.
 */
import type { LinearModel } from "./linear-model.js";

/** The fitted date model. */
export const DATE_MODEL: LinearModel = {
  trainedOn: "htmldate evaluation pages (Apache-2.0) and dated WCXB dev pages (CC BY 4.0), all 1582; conditional logistic regression, L2 lambda 0.003, 1500 full-batch steps (scripts/train-meta-model.ts)",
  features: ["rule","rule-none","ld-pub","meta-pub","time-pub","first-pub","pub-sources","pub-later-only","mod","first-mod","mod-only","vis-top","vis-top-pub","vis-score","vis-any","vis-labelled","vis-updated-only","vis-under-headline","vis-count","markup","self-listing","url","url-other","swapped","fb-self","fb-rdfa","fb-script","fb-time","fb-text","earliest","latest","adj-pub","before-pub","after-pub","before-url","mod-shown","utc-adj-shown","shown-no-pub","shown-earlier-regen","agree-2","agree-3"],
  weights: [1.2506,0,-0.4601,1.0885,-0.1523,0.9701,0.2309,-0.4032,0.2951,0.0061,-0.2306,0.7519,0.5835,0.7797,0.3207,0.7385,0.0429,0.7699,0.4336,-0.0366,-0.0366,0.3146,-0.3146,0.3594,0.1817,0,0.4879,0,0.1952,0.4183,0.5774,0.3553,-0.7447,-0.5913,-0.1752,-1.1129,-0.4466,0.0348,-0.1395,0.8878,-0.3201],
};
