import { AGENCIES, OUTLETS } from "../lineage/index.js";
import type { Span } from "../model/index.js";

/** One attribution rule: a pattern whose first group names the source. */
interface AttributionRule {
  id: string;
  pattern: RegExp;
}

/**
 * Attribution rules, in order (chrono style: the first that matches wins). Each
 * pattern is anchored on a fixed phrase and bounds its repetition, so none can
 * backtrack badly on long input.
 */
const RULES: readonly AttributionRule[] = [
  { id: "according-to", pattern: /\baccording to ((?:the |a |an )?[^,.;:“”"]{2,60}?)(?=[,.;:]|\s+(?:on|in|that|published)\b|$)/i },
  { id: "media-reported", pattern: /\b((?:the |The )?[A-Z][\p{L}.’'-]*(?: [A-Z][\p{L}.’'-]*){0,5}) (?:reported|said in a report)\b/u },
  { id: "report-from", pattern: /\b(?:a|an|the) (?:[\p{L}-]+ ){0,2}(?:report|article|story) (?:from|by|in) ((?:the |The )?[A-Z][\p{L}.’'-]*(?: [A-Z][\p{L}.’'-]*){0,5})/u },
  { id: "named-report", pattern: /\b(?:a|an|the) ((?:[A-Z][\p{L}.’'-]*\s){1,5})(?:report|article)\b/u },
];

/** Finds who a claim is reported from, if anyone: "according to the WSJ report", "the Los Angeles Times reported". */
export function findAttribution(text: string, within: Span): { source: string; span: Span; rule: string } | null {
  const slice = text.slice(within.start, within.end);
  for (const rule of RULES) {
    const m = rule.pattern.exec(slice);
    if (!m || !m[1]) continue;
    const source = m[1].trim();
    if (!/\p{L}{2}/u.test(source)) continue;
    const offset = m.index + m[0].indexOf(m[1]);
    return { source, span: { start: within.start + offset, end: within.start + offset + m[1].trimEnd().length }, rule: rule.id };
  }
  return null;
}

/** Every source a stretch of text cites, by any rule, as comparable keys. */
export function citedSources(text: string, within: Span): Set<string> {
  const slice = text.slice(within.start, within.end);
  const out = new Set<string>();
  for (const rule of RULES) {
    const m = rule.pattern.exec(slice);
    if (m?.[1] && /\p{L}{2}/u.test(m[1])) out.add(sourceKey(m[1].trim()));
  }
  return out;
}

/** Reduces a source name to a comparable key: "the WSJ report" and "The Wall Street Journal" → "wall street journal". Known names come from the lineage stage's list of agencies and outlets. */
export function sourceKey(source: string): string {
  const s = source.toLowerCase().replace(/^(?:the|a|an)\s+/, "").replace(/\s+(?:report|article|story)$/, "").trim();
  return KNOWN.get(s) ?? s;
}

/** Every alias of a known agency or outlet (lower case, leading article dropped) → its canonical name in lower case. */
const KNOWN = new Map(
  [...AGENCIES, ...OUTLETS].flatMap((source) =>
    source.aliases.map((alias) => [alias.toLowerCase().replace(/^the\s+/, ""), source.name.toLowerCase()] as [string, string]),
  ),
);

/** Every alias of a known agency or outlet (lower case, leading article dropped) → its canonical name as written. */
const NAMES = new Map(
  [...AGENCIES, ...OUTLETS].flatMap((source) => source.aliases.map((alias) => [alias.toLowerCase().replace(/^the\s+/, ""), source.name] as [string, string])),
);

/** A cited source's name as a reader expects it: the canonical name of a known outlet ("the WSJ report" → "Wall Street Journal"), else the phrase without its article and "report". */
export function sourceName(source: string): string {
  const s = source.replace(/^(?:the|a|an)\s+/i, "").replace(/\s+(?:report|article|story)$/i, "").trim();
  return NAMES.get(s.toLowerCase()) ?? s;
}

/** Words that make a cited source a report (an outlet, an agency, the media) rather than a person or a body speaking for itself. */
const REPORT_WORDS = /\b(?:media|press|reports?|newspapers?|paper|agency|agencies|outlets?|journal|times|post|news|television|tv|radio|broadcasters?|magazine|website|daily|tabloid|channel|wire)\b/i;

/** Whether a cited source (as a {@link sourceKey}) is a report: a known agency or outlet, or a phrase naming the media. */
export function isReportSource(key: string): boolean {
  return KNOWN_NAMES.has(key) || REPORT_WORDS.test(key);
}

const KNOWN_NAMES = new Set([...AGENCIES, ...OUTLETS].map((s) => s.name.toLowerCase()));
