/**
 * Weights of the claim-link model, written by `npx tsx bench/facts/train.ts`
 * (logistic regression over the pair features, fitted on the facts gold's dev
 * set: 10 stories, ECB+ CC BY 3.0 texts with the project's own
 * annotations; threshold chosen on the pipeline's link score). Do not edit by hand.
 * Cross-validated link F1 when written: 28.8 (P 89.1, R 17.2).
 */
import type { LinkModel } from "./link-model.js";

/** The link model's weights. */
export const LINK_WEIGHTS: LinkModel = {
  features: ["exactMin","exactMax","softMin","softMax","vectorCosine","sharedNames","sameFigure","otherFigure","sameDay","otherDay","sameSpeaker","otherSpeaker","sameSource","bothQuoted","headline","lengthRatio","sharedWords","sharedSalient","salientShareMax","bothHeadlines","bothLeads"],
  weights: [0.6034,-0.1572,3.5625,2.1199,1.0297,-1.0416,0.4352,-0.1617,1.1593,-0.151,0.4923,0.1007,0.8082,0.4448,0.6109,-0.1487,3.607,0.7329,-0.9636,0.4393,1.5725],
  bias: -5.0494,
  threshold: 0.97,
};
