/**
 * Weights of the claim-link model, written by `npx tsx bench/facts/train.ts`
 * (logistic regression over the pair features, fitted on the facts gold's dev
 * set: 10 stories, ECB+ CC BY 3.0 texts with the project's own
 * annotations; threshold chosen on the pipeline's link score). Do not edit by hand.
 * Cross-validated link F1 when written: 29.7 (P 95.0, R 17.6).
 */
import type { LinkModel } from "./link-model.js";

/** The link model's weights. */
export const LINK_WEIGHTS: LinkModel = {
  features: ["exactMin","exactMax","softMin","softMax","vectorCosine","sharedNames","sameFigure","otherFigure","sameDay","otherDay","sameSpeaker","otherSpeaker","sameSource","bothQuoted","headline","lengthRatio","sharedWords","sharedSalient","salientShareMax","bothHeadlines","bothLeads"],
  weights: [0.5973,-0.1704,3.5774,2.069,1.0484,-1.0325,1.3668,-1.1073,1.1516,-0.1537,0.4931,0.0999,0.7908,0.4422,0.6111,-0.1598,3.7847,0.5814,-0.8734,0.4373,1.5691],
  bias: -5.0478,
  threshold: 0.97,
};
