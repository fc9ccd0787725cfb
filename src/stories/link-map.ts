/** The summed links among the nodes of one grouper step's component, and the story summaries made from them. */
import type { NodeLinkState, NodeState, StorySummaryRow } from "./grouping-state.js";

/** The links of one step's component, by node pair. */
export class LinkMap {
  readonly map = new Map<string, NodeLinkState>();
  /** Keys of the links added to or changed since loading. */
  readonly dirty = new Set<string>();
  private static key(a: string, b: string): string {
    return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
  }
  get(a: string, b: string): NodeLinkState | undefined {
    return this.map.get(LinkMap.key(a, b));
  }
  /** Loads a stored link. */
  load(l: NodeLinkState): void {
    this.map.set(LinkMap.key(l.a, l.b), { ...l });
  }
  add(a: string, b: string, sum: number, strong: boolean): void {
    const k = LinkMap.key(a, b);
    this.dirty.add(k);
    const l = this.map.get(k);
    if (l) {
      l.sum += sum;
      l.strong ||= strong;
    } else this.map.set(k, a < b ? { a, b, sum, strong } : { a: b, b: a, sum, strong });
  }
  /** Removes every link of `node`, returning them. */
  take(node: string): NodeLinkState[] {
    const out: NodeLinkState[] = [];
    for (const [k, l] of this.map) {
      if (l.a !== node && l.b !== node) continue;
      out.push(l);
      this.map.delete(k);
      this.dirty.delete(k);
    }
    return out;
  }
}

/**
 * A story's summary from its nodes: size, first and last publication, outlets,
 * and the title of its most central node (the highest mean similarity of its
 * documents to the story's; ties by canonical order).
 */
export function summarize(id: string, nodes: NodeState[], links: LinkMap): StorySummaryRow {
  let title: string | null = null;
  let best = -Infinity;
  for (const n of nodes) {
    if (!n.title) continue;
    let s = n.internal * 2;
    for (const m of nodes) if (m !== n) s += links.get(n.id, m.id)?.sum ?? 0;
    s /= n.size;
    if (s > best) {
      best = s;
      title = n.title;
    }
  }
  const firsts = nodes.map((n) => n.first).filter((x): x is string => !!x).sort();
  const lasts = nodes.map((n) => n.last).filter((x): x is string => !!x).sort();
  return {
    id, title, size: nodes.reduce((k, n) => k + n.size, 0), outlets: [...new Set(nodes.flatMap((n) => n.outlets))].sort(),
    firstSeen: firsts[0] ?? null, lastSeen: lasts[lasts.length - 1] ?? null,
  };
}
