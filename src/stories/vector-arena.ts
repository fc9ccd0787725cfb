import type { SimilarityProbe, Vec } from "./vectors.js";

/**
 * The vectors of the documents a grouper compares, copied into two flat
 * arrays in the order they are first met. A dense window holds tens of
 * thousands of documents, each compared with about a thousand candidates: read
 * from their own objects scattered over the heap, the candidates' vectors
 * made the similarity loop wait on memory (1.4 µs per pair at 20,000 documents
 * against 0.5 µs for the same work in cache; scratch micro-benchmark). Copied
 * here, the documents of one window sit side by side, as they arrive in time
 * order. Written here: a bump allocator over typed arrays is a few lines.
 * A slot is kept only while the document's entry is the same object (a store
 * that reloads an entry gets a new slot); past `maxTerms` terms the arena starts
 * again empty.
 */
export class VectorArena {
  private readonly slots = new Map<string, number>();
  private refs: Vec[] = [];
  private from = new Int32Array(1024);
  private to = new Int32Array(1024);
  private has = new Uint8Array(1024);
  private ids = new Int32Array(1 << 14);
  private vals = new Float64Array(1 << 14);
  private used = 0;

  constructor(private readonly maxTerms = 1 << 22) {}

  /** The slot of document `id`'s vector, copied in when it is not held (or was held for another vector object). */
  slot(id: string, vec: Vec): number {
    const s = this.slots.get(id);
    if (s !== undefined && this.refs[s] === vec) return s;
    if (this.used + vec.ids.length > this.maxTerms) this.clear();
    const k = this.refs.length;
    if (k === this.from.length) {
      this.from = grow(this.from, k * 2);
      this.to = grow(this.to, k * 2);
      this.has = grow(this.has, k * 2);
    }
    if (this.used + vec.ids.length > this.ids.length) {
      let size = this.ids.length;
      while (size < this.used + vec.ids.length) size *= 2;
      this.ids = grow(this.ids, size);
      this.vals = grow(this.vals, size);
    }
    this.ids.set(vec.ids, this.used);
    this.vals.set(vec.vals, this.used);
    this.from[k] = this.used;
    this.to[k] = this.used + vec.ids.length;
    this.has[k] = vec.has;
    this.used += vec.ids.length;
    this.refs.push(vec);
    this.slots.set(id, k);
    return k;
  }

  /** `probe.similarity(vector of slot k)`, read from the arena. */
  similarity(probe: SimilarityProbe, k: number): number {
    return probe.similarityOf(this.ids, this.vals, this.from[k]!, this.to[k]!, this.has[k]!);
  }

  /** Forgets every slot. */
  clear(): void {
    this.slots.clear();
    this.refs = [];
    this.used = 0;
  }
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
