/** Options of the story grouper and their tuned defaults. */
import { DEFAULT_WEIGHTS, type FeatureWeights } from "./features.js";
import type { ChannelShares } from "./vectors.js";

/** The least a document must carry to be grouped. */
export interface GroupInput {
  id: string;
  /** The text to group on (the clean body when there is one). */
  text: string;
  title?: string | null;
  published?: string | null;
  outlet?: string | null;
}

/** Tuning of the grouper. */
export interface GrouperOptions {
  /** Average link two clusters of documents need to form one story. */
  threshold: number;
  /**
   * Similarity that joins two documents' components (at least `threshold`): clustering runs inside a
   * component, so this bounds how far components chain and what one document costs.
   */
  joinThreshold: number;
  /** Similarities below this are not kept as edges (they count as 0 in averages). */
  edgeFloor: number;
  /** Documents this alike (copies, close rewrites) are one node: always in one story. */
  dupThreshold: number;
  /** Shares of the word, name, number and year cosines in the similarity. */
  shares: ChannelShares;
  /** Below this name cosine (both documents naming someone), a pair's similarity is multiplied by `namePenalty`. */
  nameGate: number;
  namePenalty: number;
  /** Split a story when its two groups link below this and below `splitRatio` times each group's own link. */
  splitThreshold: number;
  splitRatio: number;
  /** Members each part of a split must have. */
  splitMinPart: number;
  /** Pseudo-pairs that pull each part's own link towards the link between the parts before the ratio test. */
  splitPrior: number;
  /** When the average-link bisection gives no cut to split at, also try the spectral one. */
  splitSpectral: boolean;
  /** Stories larger than this are not checked for a split. */
  splitMaxSize: number;
  /** Days apart beyond which two dated documents are never compared. */
  windowDays: number;
  weights: FeatureWeights;
  /** Terms kept per document vector. */
  memberTerms: number;
  /** A document's heaviest terms under which it is indexed and with which it looks up others. */
  indexTerms: number;
  /** Terms found in more than this share of the reference articles are never index terms. */
  indexMaxShare: number;
  /** Index terms two documents must share to be compared. */
  minSharedTerms: number;
  /**
   * Finish only the comparisons that can join components, and the others
   * inside the components a document joins (the same stories for less work;
   * off, every candidate pair is compared in full: the reference in tests).
   */
  boundBelowJoin: boolean;
}

/**
 * Defaults chosen on the ECB+ train topics (order-independent average link with
 * splits, fixed term statistics), checked on dev (bench:cluster --tune).
 */
export const DEFAULT_GROUPER_OPTIONS: GrouperOptions = {
  threshold: 0.18,
  joinThreshold: 0.3,
  edgeFloor: 0.1,
  dupThreshold: 0.6,
  shares: [0.3, 0.4, 0.2, 0.1],
  nameGate: 0.05,
  namePenalty: 0.45,
  splitThreshold: 0.3,
  splitRatio: 0.8,
  splitMinPart: 2,
  splitPrior: 12,
  splitSpectral: true,
  splitMaxSize: 400,
  windowDays: 3,
  weights: DEFAULT_WEIGHTS,
  memberTerms: 100,
  indexTerms: 30,
  indexMaxShare: 0.05,
  minSharedTerms: 3,
  boundBelowJoin: true,
};

/**
 * Version of the grouping (algorithm, defaults and term statistics). A library
 * records the version its stories were made with and regroups once when it changes.
 */
export const GROUPING_VERSION = 3;
