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
  /** Mean similarity between members of different groups. */
  cross: number;
  /** Mean similarity between members of each group (0 for a group of one). */
  within: [number, number];
  sizes: [number, number];
}

/**
 * Average-link agglomeration of `n` members (pairwise similarities in `sim`,
 * symmetric) down to two groups. Deterministic: ties go to the lower indices.
 * Returns null for fewer than two members.
 */
export function bisect(sim: readonly Float64Array[]): Bisection | null {
  const n = sim.length;
  if (n < 2) return null;
  // sums[a][b]: summed similarity between clusters a and b; alive clusters by representative index.
  const sums = sim.map((row) => Float64Array.from(row));
  const size = new Array<number>(n).fill(1);
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
    // Merge bb into ba.
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
  const pairs: [number, number] = [0, 0];
  let cross = 0;
  let crossN = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = sim[i]![j]!;
      if (part[i] !== part[j]) {
        cross += s;
        crossN++;
      } else {
        within[part[i]!] += s;
        pairs[part[i]!]++;
      }
    }
  }
  const sizes: [number, number] = [0, 0];
  for (let i = 0; i < n; i++) sizes[part[i]!]++;
  return {
    part,
    cross: crossN ? cross / crossN : 0,
    within: [pairs[0] ? within[0] / pairs[0] : 0, pairs[1] ? within[1] / pairs[1] : 0],
    sizes,
  };
}
