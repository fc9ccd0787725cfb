import type { Candidate } from "./align.js";

/** What a filter rule may look at besides the block. */
export interface FilterContext {
  title: string | null;
  /** All candidate blocks, in order. */
  all: readonly Candidate[];
  index: number;
}

/**
 * A post-processing rule on the extractor's blocks, in the chrono manner: an
 * ordered list of small rules, each tagged with its id. `test` returns true to
 * act on the block; `action` says whether it is dropped (becomes a removed span
 * with `reason`) or turned into a caption.
 */
export interface FilterRule {
  id: string;
  reason: string;
  action: "drop" | "caption";
  test(c: Candidate, ctx: FilterContext): boolean;
}

/** Lines longer than this are body text whatever they start with (also bounds the regexes' input). */
const SHORT = 220;

const linkDense = (c: Candidate): boolean =>
  c.kind !== "heading" && c.text.length > 0 && (c.linkChars ?? 0) / c.text.length > 0.6 && !/^(?:https?:\/\/|www\.)\S{0,200}$/.test(c.text);

const MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const DATE_WORD = new RegExp(
  `^(?:${MONTHS}|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|a\\.m|p\\.m|[a-z]{1,2}t|utc|gmt|est|edt|pst|pdt|cst|cdt|bst|cet|cest|ist|jst|at|on|of|by|the|and|de|del|le|el|la|am|um|ago|\\d{1,2}(?:st|nd|rd|th)|published|updated|posted|last|first|modified|date|time|created|hours?|minutes?|days?|hrs?|mins?)$`,
  "i",
);
const HAS_DATE = new RegExp(`\\b(?:${MONTHS})\\b|\\d{1,2}:\\d{2}|\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\b|\\bago\\b`, "i");

/** A line that is only a date, a time, and words like "Published"/"Updated". */
function isDateLine(t: string): boolean {
  if (t.length > 120 || !HAS_DATE.test(t)) return false;
  const wordsLeft = (t.match(/[\p{L}][\p{L}.]{0,30}/gu) ?? []).filter((w) => !DATE_WORD.test(w.replace(/\.$/, "")));
  return wordsLeft.length <= 1;
}

const PROMO = /^(?:[-–—•|>»\s]{0,4}|[\s\p{P}\p{S}\p{M}]{1,4}(?=[\p{L}]))(?:read more|read also|also read|see more|see also|more:|related(?: articles?| stories| posts?| coverage| content| reading)?\s{0,2}[:|]|you (?:may|might) also (?:like|enjoy)|recommended(?: for you| stories| reading)?\s{0,2}[:|]?$|more (?:great |top )?[\p{L}\s]{0,30}stories|don'?t miss|sign up|subscribe|follow (?:us|[\p{L}\s@]{1,40} on )|like this story|share this|share on|get (?:breaking|the latest)|let our news|want more|tell us what|post (?:a )?comment|leave a (?:comment|reply)|comments?$|this post may contain|this slideshow requires|media playback is|advertisement$|sponsored|copyright\b|©|all rights reserved|image \d{1,3} of|photo \d{1,3} of|\(?image credit|image copyright|image caption|make .{1,20} my homepage|also on [\p{L}.]{2,30}\b|trending\b|most (?:read|popular|viewed))/iu;

const CREDIT_LINE = /^(?:photo|image|picture|foto|credit|source|pictured|caption)s?\s{0,2}(?:by\s)?[:|]|\((?:photo|image|picture|credit)s?[^()]{0,100}\)\s*$|(?:getty images|\bap photo\b|\breuters\b|\bafp\b|shutterstock|\bepa\b)[^.!?]{0,40}$/i;

const BYLINE = /^(?:by|por|von|par|di)\s{1,3}\p{Lu}[\p{L}.'’-]{0,30}(?:[\s,]{1,3}(?:and\s)?\p{Lu}?[\p{L}.'’-]{0,30}){0,10}(?:\s[-–—|]\s.{0,80})?$/u;

/** Whether a block reads as a sentence (ends with sentence punctuation or a closing quote). */
const sentence = (t: string): boolean => /[.!?…"”»)。！？」』]\s*$/.test(t);

/** Ordered rules; the first that matches acts on the block. */
export const FILTER_RULES: FilterRule[] = [
  {
    id: "html:title-repeat",
    reason: "title",
    action: "drop",
    test: (c, ctx) => !!ctx.title && c.text.length <= 400 && norm(c.text) === norm(ctx.title),
  },
  {
    id: "html:link-dense",
    reason: "related-links",
    action: "drop",
    test: (c) => linkDense(c),
  },
  {
    id: "html:date-line",
    reason: "dateline-metadata",
    action: "drop",
    test: (c) => c.kind !== "heading" && isDateLine(c.text),
  },
  {
    id: "html:promo-line",
    reason: "boilerplate",
    action: "drop",
    test: (c) => c.text.length <= SHORT && PROMO.test(c.text),
  },
  {
    id: "html:byline-line",
    reason: "byline",
    action: "drop",
    test: (c) => c.kind === "paragraph" && c.text.length <= 120 && BYLINE.test(c.text),
  },
  {
    id: "html:credit-line",
    reason: "caption",
    action: "caption",
    test: (c) => c.kind === "paragraph" && c.text.length <= SHORT && CREDIT_LINE.test(c.text),
  },
];

function norm(t: string): string {
  return t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/**
 * Drops the tail of related headlines some articles end with: from the end,
 * short lines that are not sentences, up to the last real paragraph.
 */
function dropTail(out: Candidate[]): void {
  let i = out.length - 1;
  let run = 0;
  while (i >= 0) {
    const c = out[i]!;
    if (c.dropped || c.kind === "caption") { i--; continue; }
    if (c.text.length < 120 && !sentence(c.text)) { run++; i--; continue; }
    break;
  }
  // Only when the run follows a line already dropped as promotion or links ("More stories", "Related").
  let k = i;
  while (k >= 0 && out[k]!.kind === "caption") k--;
  const before = out[k];
  if (run < 2 || !before?.dropped || !/promo|link-dense/.test(before.dropped.rule)) return;
  for (let j = i + 1; j < out.length; j++) {
    const c = out[j]!;
    if (!c.dropped && c.kind !== "caption") out[j] = { ...c, dropped: { reason: "related-links", rule: "html:headline-tail" } };
  }
}

/** Runs the filter rules over the blocks, marking dropped ones with the rule's reason. */
export function applyFilters(candidates: readonly Candidate[], opts: { title: string | null }): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (c.dropped || c.kind === "caption") { out.push(c); continue; }
    const ctx: FilterContext = { title: opts.title, all: candidates, index: i };
    const rule = FILTER_RULES.find((r) => r.test(c, ctx));
    if (!rule) out.push(c);
    else if (rule.action === "caption") out.push({ ...c, kind: "caption" });
    else out.push({ ...c, dropped: { reason: rule.reason, rule: rule.id } });
  }
  dropTail(out);
  return out;
}
