/** Near-duplicate and containment detection: shingles, MinHash/LSH, shared passages. */
export { shingle, shingleSpan } from "./shingles.js";
export type { Shingled } from "./shingles.js";
export { minhash, estimateJaccard, LshIndex, DEFAULT_MINHASH } from "./minhash.js";
export type { MinHashOptions } from "./minhash.js";
export { sharedPassages, positions } from "./passages.js";
export { containmentPairs } from "./candidates.js";
export type { ContainmentPair } from "./candidates.js";
export type { SharedPassage, Overlap } from "./passages.js";
export { CopyDetector, compareTexts, DEFAULT_DETECTOR } from "./detector.js";
export type { CopyMatch, DetectorOptions } from "./detector.js";
