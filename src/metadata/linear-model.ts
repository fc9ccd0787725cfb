/**
 * A small linear choice model: each candidate of a page (a title, an author
 * source) is a row of named features; the candidate with the highest weighted
 * sum wins. Weights are fitted offline (scripts/train-meta-model.ts) as a
 * conditional logistic regression, a softmax over one page's candidates.
 */

/** Fitted weights, one per feature name; features the model does not name weigh 0. */
export interface LinearModel {
  /** What the weights were fitted on (data, folds, regularization), for the record. */
  trainedOn: string;
  features: readonly string[];
  weights: readonly number[];
}

/** One candidate with its feature vector (in the order of the stage's feature list). */
export interface CandidateRow<T> {
  item: T;
  x: number[];
}

const aligned = new WeakMap<readonly string[], WeakMap<LinearModel, Float64Array>>();

/**
 * The weight vector of `model` laid out in the order of `names` (the stage's
 * feature list): a model that lacks a feature gives it weight 0.
 */
export function alignWeights(model: LinearModel, names: readonly string[]): Float64Array {
  let byModel = aligned.get(names);
  if (!byModel) aligned.set(names, (byModel = new WeakMap()));
  let w = byModel.get(model);
  if (w) return w;
  w = new Float64Array(names.length);
  const at = new Map(model.features.map((f, i) => [f, model.weights[i] ?? 0]));
  names.forEach((n, i) => { w![i] = at.get(n) ?? 0; });
  byModel.set(model, w);
  return w;
}

/** The dot product of a weight vector and a feature vector. */
export function linearScore(w: ArrayLike<number>, x: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (w[i] ?? 0) * x[i]!;
  return s;
}

/** The index of the highest-scoring row (the first on ties); -1 when there is none. */
export function argmaxRow<T>(rows: readonly CandidateRow<T>[], w: ArrayLike<number>): number {
  let best = -1;
  let bestScore = -Infinity;
  rows.forEach((r, i) => {
    const s = linearScore(w, r.x);
    if (s > bestScore) { best = i; bestScore = s; }
  });
  return best;
}
