/**
 * Binary form of the grouper's document vectors for the library database: term ids as
 * little-endian int32 followed by weights as float64 (smaller than JSON numbers
 * and parsed without a scan). Weights keep full precision, so a library groups
 * exactly as the grouper does in memory.
 */
import type { Vec } from "../../stories/vectors.js";

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/** Encodes term ids and weights (in the given order). Written here: a fixed binary layout needs no library. */
export function encodePairs(ids: ArrayLike<number>, vals: ArrayLike<number>): Buffer {
  const n = ids.length;
  const out = Buffer.alloc(n * 12);
  const v = view(out);
  for (let i = 0; i < n; i++) {
    v.setInt32(i * 4, ids[i]!, true);
    v.setFloat64(n * 4 + i * 8, vals[i]!, true);
  }
  return out;
}

function decodePairs(b: Uint8Array): { ids: Int32Array; vals: Float64Array } {
  const n = b.byteLength / 12;
  const v = view(b);
  const ids = new Int32Array(n);
  const vals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    ids[i] = v.getInt32(i * 4, true);
    vals[i] = v.getFloat64(n * 4 + i * 8, true);
  }
  return { ids, vals };
}

/** Encodes a document vector (its channel bits are recomputed on decoding). */
export function encodeVec(v: Vec): Buffer {
  return encodePairs(v.ids, v.vals);
}

/** Decodes a document vector. */
export function decodeVec(b: Uint8Array): Vec {
  const { ids, vals } = decodePairs(b);
  let has = 0;
  for (const id of ids) has |= 1 << (id & 3);
  return { ids, vals, has };
}

/** Encodes a document's index terms (little-endian int32). */
export function encodeTerms(terms: readonly number[]): Buffer {
  const out = Buffer.alloc(terms.length * 4);
  for (let i = 0; i < terms.length; i++) out.writeInt32LE(terms[i]!, i * 4);
  return out;
}

/** Decodes a document's index terms. */
export function decodeTerms(b: Uint8Array): Int32Array {
  const v = view(b);
  const out = new Int32Array(b.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = v.getInt32(i * 4, true);
  return out;
}
