/** Time helpers of the grouper and its arrival order. */

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** Parses an ISO date to ms, or NaN. */
export function toMs(iso: string | null | undefined): number {
  if (!iso) return NaN;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : NaN;
}

/** Sorts documents by publication time (undated last), ties by id. */
export function sortForArrival<T extends { id: string; published?: string | null }>(docs: readonly T[]): T[] {
  return [...docs].sort((a, b) => {
    const pa = a.published ?? "\uffff";
    const pb = b.published ?? "\uffff";
    return pa < pb ? -1 : pa > pb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** A document's place in arrival order as one string (publication time, undated last, then id). */
export function arrivalKey(d: { id: string; published?: string | null }): string {
  return `${d.published ?? "\uffff"}\u0001${d.id}`;
}
