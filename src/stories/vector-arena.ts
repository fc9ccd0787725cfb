import { writeByChannel, type BlockBounds, type SimilarityProbe, type TopWords, type Vec } from "./vectors.js";

/** Words of each vector kept apart, heaviest first, for `similarityAbove`'s bound. */
const TOP = 12;

/**
 * The vectors of the documents a grouper compares, copied into two flat
 * arrays in the order they are first met. A dense window holds tens of
 * thousands of documents, each compared with about a thousand candidates: read
 * from their own objects scattered over the heap, the candidates' vectors
 * made the similarity loop wait on memory (1.4 µs per pair at 20,000 documents
 * against 0.5 µs for the same work in cache; scratch micro-benchmark). Copied
 * here, the documents of one window sit side by side, as they arrive in time
 * order. Each vector is stored by channel (names, numbers, years, then words,
 * each in ascending term id), with its heaviest words also apart, so that a
 * comparison can read the few names, numbers and years and the heaviest words
 * first and stop there when the pair cannot reach a threshold
 * (`similarityAbove`). Written here: a bump allocator over typed arrays is a
 * few lines. A slot is kept only while the document's entry is the same object
 * (a store that reloads an entry gets a new slot); past `maxTerms` terms the
 * arena starts again empty.
 */
export class VectorArena {
  private readonly slots = new Map<string, number>();
  private refs: Vec[] = [];
  /** Per slot: five block bounds (from, numbers, years, words, to). */
  private bounds = new Int32Array(5 * 1024);
  private has = new Uint8Array(1024);
  /** Per slot: whether `put` filled it. */
  private filled = new Uint8Array(1024);
  private ids = new Int32Array(1 << 14);
  private vals = new Float64Array(1 << 14);
  private used = 0;
  /** Per slot: its TOP heaviest words (padded with nothing: `topLen`), and the norm of the rest. */
  private topIds = new Int32Array(TOP * 1024);
  private topVals = new Float64Array(TOP * 1024);
  private topLen = new Uint8Array(1024);
  private rest = new Float64Array(1024);
  /** Reused views handed to the probe (no allocation per comparison). */
  private readonly at: BlockBounds = { from: 0, numbers: 0, years: 0, words: 0, to: 0 };
  private readonly top: TopWords = { ids: this.topIds, vals: this.topVals, from: 0, to: 0, rest: 0 };

  constructor(private readonly maxTerms = 1 << 22) {}

  /** The slot of document `id`'s vector, copied in when it is not held (or was held for another vector object). */
  slot(id: string, vec: Vec): number {
    const s = this.slots.get(id);
    if (s !== undefined && this.refs[s] === vec) return s;
    if (this.used + vec.ids.length > this.maxTerms) this.clear();
    const k = this.refs.length;
    if (k === this.has.length) this.growSlots(k * 2);
    this.write(k, vec);
    this.refs.push(vec);
    this.slots.set(id, k);
    return k;
  }

  /** Copies `vec` into slot `k` (the slot arrays are large enough). */
  private write(k: number, vec: Vec): void {
    const n = vec.ids.length;
    if (this.used + n > this.ids.length) {
      let size = this.ids.length;
      while (size < this.used + n) size *= 2;
      this.ids = grow(this.ids, size);
      this.vals = grow(this.vals, size);
    }
    const at = writeByChannel(vec, this.ids, this.vals, this.used);
    this.bounds.set([at.from, at.numbers, at.years, at.words, at.to], 5 * k);
    this.keepTop(k, at.words, at.to);
    this.has[k] = vec.has;
    this.used = at.to;
  }

  /** Files the TOP heaviest words of slot `k` (ties by id) and the norm of the others. */
  private keepTop(k: number, from: number, to: number): void {
    const order = Array.from({ length: to - from }, (_, i) => from + i).sort((a, b) => this.vals[b]! - this.vals[a]! || this.ids[a]! - this.ids[b]!);
    const n = Math.min(TOP, order.length);
    for (let i = 0; i < n; i++) {
      this.topIds[TOP * k + i] = this.ids[order[i]!]!;
      this.topVals[TOP * k + i] = this.vals[order[i]!]!;
    }
    let sq = 0;
    for (let i = n; i < order.length; i++) sq += this.vals[order[i]!]! * this.vals[order[i]!]!;
    this.topLen[k] = n;
    this.rest[k] = Math.sqrt(sq);
  }

  private view(k: number): BlockBounds {
    const at = this.at;
    at.from = this.bounds[5 * k]!;
    at.numbers = this.bounds[5 * k + 1]!;
    at.years = this.bounds[5 * k + 2]!;
    at.words = this.bounds[5 * k + 3]!;
    at.to = this.bounds[5 * k + 4]!;
    return at;
  }

  /** `probe.similarity(vector of slot k)`, read from the arena. */
  similarity(probe: SimilarityProbe, k: number): number {
    return probe.similarityOfBlocks(this.ids, this.vals, this.view(k), this.has[k]!);
  }

  /**
   * `similarity(probe, k)` when it can reach `threshold`, else `-1 - bound`
   * with `bound` < `threshold` at least the similarity (see `SimilarityProbe.similarityAbove`).
   */
  similarityAbove(probe: SimilarityProbe, k: number, threshold: number): number {
    const top = this.top;
    top.ids = this.topIds;
    top.vals = this.topVals;
    top.from = TOP * k;
    top.to = TOP * k + this.topLen[k]!;
    top.rest = this.rest[k]!;
    return probe.similarityAbove(this.ids, this.vals, this.view(k), this.has[k]!, top, threshold);
  }

  /**
   * Copies `vec` into slot `k`, numbered by the caller (a window index numbers
   * its documents; see `WindowCandidates`). Slots so filled are never dropped:
   * the arena grows with them. Not to be mixed with `slot` on one arena.
   */
  put(k: number, vec: Vec): void {
    if (k >= this.has.length) {
      let size = this.has.length;
      while (size <= k) size *= 2;
      this.growSlots(size);
    }
    if (this.filled[k]) return;
    this.write(k, vec);
    this.filled[k] = 1;
  }

  /** Whether slot `k` was filled by `put`. */
  holds(k: number): boolean {
    return k < this.filled.length && this.filled[k] === 1;
  }

  /** Forgets every slot. */
  clear(): void {
    this.slots.clear();
    this.refs = [];
    this.used = 0;
  }

  private growSlots(size: number): void {
    this.bounds = grow(this.bounds, 5 * size);
    this.has = grow(this.has, size);
    this.filled = grow(this.filled, size);
    this.topIds = grow(this.topIds, TOP * size);
    this.topVals = grow(this.topVals, TOP * size);
    this.topLen = grow(this.topLen, size);
    this.rest = grow(this.rest, size);
  }
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
