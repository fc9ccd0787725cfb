import { FEATURES } from "./pair-features.js";
import { LINK_WEIGHTS } from "./link-weights.js";

/** A logistic model over the pair features: one weight per feature, a bias, and the decision threshold. */
export interface LinkModel {
  features: readonly string[];
  weights: number[];
  bias: number;
  /** Least probability for two claims to state the same fact. */
  threshold: number;
}

/** The model the dossier uses (trained by `bench/facts/train.ts`; see `link-weights.ts`). */
export const DEFAULT_LINK_MODEL: LinkModel = LINK_WEIGHTS;

checkModel(DEFAULT_LINK_MODEL);

/** Probability that two claims state the same fact, from their pair features. */
export function linkProbability(features: readonly number[], model: LinkModel = DEFAULT_LINK_MODEL): number {
  let z = model.bias;
  for (let i = 0; i < features.length; i++) z += features[i]! * (model.weights[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

/** Checks that a model's features are the ones the code computes, in order (weights written for other features would be misread). */
export function checkModel(model: LinkModel): void {
  if (model.features.length !== FEATURES.length || model.features.some((f, i) => f !== FEATURES[i])) {
    throw new Error(`link model features (${model.features.join(", ")}) do not match the code's (${FEATURES.join(", ")})`);
  }
}
