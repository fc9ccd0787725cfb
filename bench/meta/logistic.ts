/**
 * Conditional logistic regression with an L2 penalty: for each page, a softmax
 * over its candidates' weighted feature sums; the weights maximize the
 * log-probability of the right candidates (any of them when several are right),
 * minus lambda/2 times the squared weights. Written here rather than taken
 * from a library: it is 40 lines of full-batch gradient ascent, it must be
 * deterministic to the last digit (no random start, no shuffling) so that the
 * committed weights can be rebuilt, and no dependency is worth adding for it.
 */
import type { LinearModel } from "../../src/metadata/linear-model.js";

/** One page's candidates: feature vectors and which of them are right. */
export interface ChoiceGroup {
  x: number[][];
  y: boolean[];
}

/** Training settings. */
export interface FitOptions {
  /** L2 penalty per page (the penalty is lambda times the number of groups). */
  lambda: number;
  iterations: number;
  /** Features held at weight 0. */
  exclude?: readonly string[];
}

/** Fits the weights on the groups that have at least one right candidate. */
export function fitChoiceModel(groups: readonly ChoiceGroup[], names: readonly string[], opts: FitOptions, trainedOn: string): LinearModel {
  const usable = groups.filter((g) => g.y.some(Boolean) && g.y.some((v) => !v));
  const d = names.length;
  const w = new Float64Array(d);
  const free = names.map((n) => !(opts.exclude ?? []).includes(n));
  const n = Math.max(1, usable.length);
  let step = 1;
  let prev = -Infinity;
  for (let it = 0; it < opts.iterations; it++) {
    const grad = new Float64Array(d);
    let ll = 0;
    for (const g of usable) {
      const s = g.x.map((x) => x.reduce((a, v, i) => a + v * w[i]!, 0));
      const m = Math.max(...s);
      const e = s.map((v) => Math.exp(v - m));
      const z = e.reduce((a, b) => a + b, 0);
      const zPos = e.reduce((a, v, i) => a + (g.y[i] ? v : 0), 0);
      ll += Math.log(zPos / z);
      // d/dw log(zPos/z) = E_pos[x] - E_all[x]
      g.x.forEach((x, j) => {
        const c = (g.y[j] ? e[j]! / zPos : 0) - e[j]! / z;
        if (c !== 0) for (let i = 0; i < d; i++) grad[i] += c * x[i]!;
      });
    }
    const obj = ll / n - (opts.lambda / 2) * w.reduce((a, v) => a + v * v, 0);
    // When the last step lowered the objective it overshot: halve the step; else grow it a little.
    step = obj < prev ? step / 2 : Math.min(step * 1.1, 4);
    prev = obj;
    for (let i = 0; i < d; i++) if (free[i]) w[i] += step * (grad[i]! / n - opts.lambda * w[i]!);
  }
  return { trainedOn, features: [...names], weights: [...w].map((v) => Number(v.toFixed(4))) };
}

/** How many groups the model gets right (its top candidate is a right one); groups with no right candidate count as wrong. */
export function choiceAccuracy(groups: readonly ChoiceGroup[], model: LinearModel): number {
  let ok = 0;
  for (const g of groups) {
    let best = -1, bestS = -Infinity;
    g.x.forEach((x, j) => {
      const s = x.reduce((a, v, i) => a + v * (model.weights[i] ?? 0), 0);
      if (s > bestS) { best = j; bestS = s; }
    });
    if (best >= 0 && g.y[best]) ok++;
  }
  return ok;
}
