/**
 * Story splitting: a story that turns out to hold two events of the same kind
 * (two earthquakes, two arrests) is cut in two. Its member documents are
 * agglomerated by average link down to two groups; the caller decides from the
 * link between the groups whether to split.
 */

/** Two groups of a story's members and how they link. */
export interface Bisection {
  /** Group (0 or 1) of each member; group 0 holds member 0. */
  part: Uint8Array;
  /** Mean similarity between documents of different groups. */
  cross: number;
  /** Mean similarity between documents of each group (0 for a group of one). */
  within: [number, number];
  /** Documents in each group. */
  sizes: [number, number];
}

/**
 * Average-link agglomeration of `n` members (pairwise similarities in `sim`,
 * symmetric) down to two groups. Deterministic: ties go to the lower indices.
 * Returns null for fewer than two members.
 */
export function bisect(sim: readonly Float64Array[]): Bisection | null {
  return bisectWeighted(sim.map(() => 1), sim.map(() => 0), sim);
}

/**
 * `bisect` over groups of documents: `size[i]` documents in group i, whose
 * similarities among themselves sum to `internal[i]`, and `sums[i][j]` the
 * summed similarity between the documents of groups i and j. Averages are over
 * documents, as if the groups were spelled out. Returns null for fewer than two groups.
 */
export function bisectWeighted(size0: readonly number[], internal: readonly number[], sums0: readonly Float64Array[]): Bisection | null {
  const n = size0.length;
  if (n < 2) return null;
  const sums = sums0.map((row) => Float64Array.from(row));
  const size = [...size0];
  const label = Array.from({ length: n }, (_, i) => i);
  const alive = new Set<number>(label);
  while (alive.size > 2) {
    let ba = -1;
    let bb = -1;
    let best = -Infinity;
    const live = [...alive];
    for (let x = 0; x < live.length; x++) {
      const a = live[x]!;
      for (let y = x + 1; y < live.length; y++) {
        const b = live[y]!;
        const avg = sums[a]![b]! / (size[a]! * size[b]!);
        if (avg > best) {
          best = avg;
          ba = a;
          bb = b;
        }
      }
    }
    for (const c of alive) {
      if (c === ba || c === bb) continue;
      sums[ba]![c]! += sums[bb]![c]!;
      sums[c]![ba] = sums[ba]![c]!;
    }
    size[ba]! += size[bb]!;
    alive.delete(bb);
    for (let i = 0; i < n; i++) if (label[i] === bb) label[i] = ba;
  }
  const part = new Uint8Array(n);
  const g0 = label[0]!;
  for (let i = 0; i < n; i++) part[i] = label[i] === g0 ? 0 : 1;
  const within: [number, number] = [0, 0];
  const sizes: [number, number] = [0, 0];
  let cross = 0;
  for (let i = 0; i < n; i++) {
    sizes[part[i]!] += size0[i]!;
    within[part[i]!] += internal[i]!;
    for (let j = i + 1; j < n; j++) {
      const s = sums0[i]![j]!;
      if (part[i] !== part[j]) cross += s;
      else within[part[i]!] += s;
    }
  }
  const pairs = (k: number) => (k * (k - 1)) / 2;
  return {
    part,
    cross: sizes[0] && sizes[1] ? cross / (sizes[0] * sizes[1]) : 0,
    within: [pairs(sizes[0]) ? within[0] / pairs(sizes[0]) : 0, pairs(sizes[1]) ? within[1] / pairs(sizes[1]) : 0],
    sizes,
  };
}
