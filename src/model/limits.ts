import type { Span } from "./span.js";

/**
 * What one document may cost each stage, in one place ("bad input is bounded",
 * docs/ARCHITECTURE.md). Every cap but `claims` is far above what real articles
 * reach (the figures in brackets are the largest seen over the 2,668 real pages
 * and articles of ../shared/bench-data: AEB, WCXB, htmldate, ECB+); a stage that
 * reaches one says so in one message, never one message per dropped item.
 */
export const LIMITS = {
  // --- the document as a whole (src/pipeline)
  /** CPU milliseconds one document's analysis may take (extraction, metadata, time, quotes); past it the remaining stages are skipped (slowest real page: 0.35 to 0.64 s, with the machine idle or loaded). */
  documentCpuMs: 5_000,
  /** Messages of one rule kept on one document, besides one closing message of the stage's own; the rest are counted in one message (real: 70). */
  messagesPerRule: 100,
  /** Characters of a document's body (its paragraphs in order) that the time, quote and claim stages, story grouping and lineage read; the rest keeps no times, quotes or claims (real: 73,760). */
  analysedChars: 1_000_000,

  // --- plain-text cleaning (src/clean)
  /** Non-blank lines the cleaner classifies one by one; past it neighbouring lines are read together (past eight times as many lines, grouped without a block per line first). */
  textBlocks: 20_000,
  /** `clean:unsure-block` messages per input. */
  unsureMessages: 50,

  // --- HTML extraction (src/html)
  /** Nesting depth beyond which Readability (recursive in places) is not run. */
  readabilityDepth: 400,
  /**
   * Element count beyond which Readability would be too slow; the density extractor runs instead
   * (real: at most 4,975 elements on the 892 WCXB and AEB pages; 10,192 empty links took Readability
   * 0.95-1.05 s of CPU on this machine, over the 1 s bound of a page).
   */
  readabilityElements: 8_000,
  /** Characters of markup (scripts and styles cut) beyond which a page skips the DOM: a 20 MiB page's DOM and Readability's copies of it take 350 MB (real: 1.8 MB before cutting). */
  domChars: 5_000_000,
  /** Tags beyond which a page skips the DOM (linkedom's parse would take seconds). */
  domTags: 25_000,
  /** `<` signs beyond which a page skips the DOM (each stray one becomes a node). */
  domLessThan: 60_000,
  /** Nesting depth beyond which a page skips the DOM. */
  domDepth: 2_000,
  /** Character references beyond which a page skips the DOM (linkedom makes a node of each: 15,000 of "word &amp; " took 0.84 s). */
  domCharacterReferences: 8_000,
  /** Rendered blocks of one page; past it neighbouring blocks are merged (real: 2,605 paragraphs). */
  htmlBlocks: 20_000,
  /** Occurrences of an extracted block tried when aligning it to the page text before it is reported missing. */
  alignRetries: 64,

  // --- time expressions (src/time)
  /** Time expressions kept per document, in text order (real: 422). */
  timeExpressions: 1_000,
  /** Members of a timeline cluster a new event is compared with. */
  timelineCompared: 25,

  // --- quotes (src/quotes)
  /** Quoted passages (pairs of marks) read per document (real: 220 quotes; at 5,000, 256 KB of `"6:17 p.m. ` made a JSON report over 3 × its input). */
  quoteMarks: 2_000,
  /** Quotes per document that get a speaker. */
  attributedQuotes: 400,
  /** Characters of text beyond which reported speech (indirect quotes) is not searched (real: 98,771). */
  indirectQuoteChars: 200_000,
  /** Characters of quoted text kept per document, nested quotes counted again, and at most twice the characters read, so that the report stays about the size of the body read (real: the longest quote has 4,970). */
  quotedChars: 1_000_000,
  /** Sentence pieces of one document's quotes compared across a story to find one utterance in several outlets (the comparison is over all pairs). */
  utteranceSegments: 2_000,
  /** Quotes open inside one another. */
  quoteNesting: 32,
  /** Messages about unpaired or odd quotation marks per rule and document. */
  quoteMarkMessages: 20,

  // --- claims (src/claims, read by the dossier)
  /** Claims (sentences) taken from one document: the dossier's work per document is bounded (12 of the 2,668 real documents reach it, and say so). */
  claims: 400,
  /** Characters of claim text taken from one document: the dossier's pair scoring follows it (real: 65,674). */
  claimedChars: 200_000,
  /** Characters of the longest sentence read as a claim; longer runs without a sentence end are not sentences (real: 2,047). */
  claimChars: 3_000,
  /** Figures read in one claim (real: 35). */
  claimFigures: 100,
  /** Figures read in one document's claims (real: 546). */
  documentFigures: 2_000,
} as const;

/** The caps of {@link LIMITS}, by name. */
export type Limits = typeof LIMITS;

/**
 * The first `max` characters of a list of spans, in the order given (the last
 * one kept is cut short), and the characters of all of them: how a stage reads
 * at most {@link LIMITS.analysedChars} of a document's body.
 */
export function clipSpans(spans: readonly Span[], max: number = LIMITS.analysedChars): { spans: Span[]; total: number } {
  const out: Span[] = [];
  let total = 0;
  for (const s of spans) {
    const n = Math.max(0, s.end - s.start);
    if (total < max) out.push(total + n <= max ? s : { start: s.start, end: s.start + (max - total) });
    total += n;
  }
  return { spans: out, total };
}
