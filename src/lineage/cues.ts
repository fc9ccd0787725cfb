import type { RashomonDocument, Span } from "../model/index.js";
import { AGENCIES, OUTLETS, canonicalAgency, type SourceName } from "./sources.js";

/** One lineage cue found in a document: a credited agency or a cited outlet/report. */
export interface SourceCue {
  kind: "credits" | "cites";
  /** Canonical name: `AP`, `Wall Street Journal`, `US local media`. */
  source: string;
  /** The mention. */
  span: Span;
  /** The cue word or phrase around it (`according to`, `reported`, `(AP)`), when there is one. */
  cue: Span | null;
  /** The rule that found it. */
  rule: string;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function aliasRegex(names: SourceName[]): RegExp {
  const alts = names.flatMap((n) => n.aliases).sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join("|")})(?![\\p{L}\\p{N}])`, "gu");
}

const AGENCY_RE = aliasRegex(AGENCIES);
const OUTLET_RE = aliasRegex(OUTLETS);
const aliasOf = (names: SourceName[], m: string) => names.find((n) => n.aliases.includes(m))?.name ?? m;

// Cues. All bounded, no nested quantifiers.
const CREDIT_BEFORE = /(?:\(|\bBy\s{1,3}|\bwith\s{1,3}|\bfrom\s{1,3}|\bSource:\s{0,3}|\bsource:\s{0,3}|,\s{0,3}|\band\s{1,3})$/u;
const CREDIT_AFTER = /^(?:\)|\s{0,3}(?:Photo|contributed|reported|$|\n|,\s{0,3}[A-Z]|\s{1,3}and\s))/u;
const CITE_NEAR = /\b(?:according\s{1,3}to|reported|reports?|reporting|article|told|interview|cited|citing|said|says|revealed|published|story|broadcast)\b/iu;
// "according to US local media", "local media reported": generic media sources.
const MEDIA_RE = /\b(?:according\s{1,3}to|citing|cited\s{1,3}by|reported\s{1,3}by)\s{1,3}((?:the\s{1,3})?(?:[A-Z][\p{L}.]{0,15}\s{1,3}){0,3}(?:local\s{1,3}|state\s{1,3}|national\s{1,3}|international\s{1,3}|foreign\s{1,3})?(?:media|press|outlets|news\s{1,3}reports|reports))\b/gu;

/** Text ranges to scan: the body paragraphs, or the whole text when there are none. */
export function bodyRanges(doc: RashomonDocument): Span[] {
  if (doc.paragraphs && doc.paragraphs.length) return doc.paragraphs.map((p) => p.span);
  return [{ start: 0, end: doc.text.length }];
}

/**
 * The body without its direct quotes (and their marks): the text two documents
 * can share only by copying. Two outlets quoting the same statement word for
 * word is not a republication (seed 004 and the AP story 000 both quote the
 * White House and Sheinbaum at length).
 */
export function ownWordRanges(doc: RashomonDocument): Span[] {
  const quoted = (doc.quotes ?? [])
    .filter((q) => q.kind !== "indirect")
    .map((q) => ({ start: Math.max(0, q.span.start - 1), end: Math.min(doc.text.length, q.span.end + 1) }))
    .sort((a, b) => a.start - b.start);
  if (!quoted.length) return bodyRanges(doc);
  const out: Span[] = [];
  let qi = 0;
  for (const r of bodyRanges(doc)) {
    let at = r.start;
    while (qi < quoted.length && quoted[qi]!.end <= at) qi++;
    for (let k = qi; k < quoted.length && quoted[k]!.start < r.end; k++) {
      const q = quoted[k]!;
      if (q.start > at) out.push({ start: at, end: q.start });
      at = Math.max(at, q.end);
    }
    if (at < r.end) out.push({ start: at, end: r.end });
  }
  return out;
}

/**
 * Finds lineage cues in a document's body paragraphs: agencies credited ("(AP)",
 * "By The Associated Press", "with AFP, EFE", "Agencies") and outlets or reports
 * cited ("according to the WSJ report", "the Los Angeles Times reported",
 * "according to US local media"). Agencies from metadata are credited too.
 */
export function findCues(doc: RashomonDocument): SourceCue[] {
  const out: SourceCue[] = [];
  const text = doc.text;
  for (const r of bodyRanges(doc)) {
    const part = text.slice(r.start, r.end);
    for (const m of part.matchAll(AGENCY_RE)) {
      const start = r.start + m.index!;
      const end = start + m[0].length;
      const before = text.slice(Math.max(r.start, start - 8), start);
      const after = text.slice(end, Math.min(r.end, end + 12));
      const source = aliasOf(AGENCIES, m[0]);
      const lineStart = start === r.start || /\n\s{0,3}$/u.test(before);
      const credit = CREDIT_BEFORE.test(before) || (lineStart && CREDIT_AFTER.test(after)) || (source !== "Agencies" && /^\)/u.test(after));
      if (credit) {
        out.push({ kind: "credits", source, span: { start, end }, cue: null, rule: "lineage:agency-credit" });
      } else if (source !== "Agencies" && !/[/:]\s{0,2}$/u.test(before)) {
        // An agency named as a source of information ("told AFP", "AFP reported"), not a photo credit.
        const cue = nearCue(text, r, start, end, 25);
        if (cue) out.push({ kind: "cites", source, span: { start, end }, cue, rule: "lineage:agency-cited" });
      }
    }
    for (const m of part.matchAll(OUTLET_RE)) {
      const start = r.start + m.index!;
      const end = start + m[0].length;
      const source = aliasOf(OUTLETS, m[0]);
      if (doc.outlet && doc.outlet.toLowerCase().includes(source.toLowerCase())) continue;
      const cue = nearCue(text, r, start, end);
      out.push({ kind: "cites", source, span: { start, end }, cue, rule: cue ? "lineage:outlet-cue" : "lineage:outlet-mention" });
    }
    for (const m of part.matchAll(MEDIA_RE)) {
      const phrase = m[1]!.replace(/^the\s+/iu, "");
      const start = r.start + m.index! + m[0].length - phrase.length;
      if (OUTLET_RE.test(phrase)) {
        OUTLET_RE.lastIndex = 0;
        continue;
      }
      OUTLET_RE.lastIndex = 0;
      out.push({
        kind: "cites", source: phrase.replace(/\s+/gu, " "), span: { start, end: start + phrase.length },
        cue: { start: r.start + m.index!, end: start }, rule: "lineage:media-cue",
      });
    }
  }
  for (const a of doc.agencies ?? []) {
    const name = canonicalAgency(a);
    if (out.some((c) => c.kind === "credits" && c.source === name)) continue;
    const prov = doc.provenance?.agencies?.span ?? null;
    const found = findAlias(text, name);
    out.push({ kind: "credits", source: name, span: found ?? prov ?? { start: 0, end: 0 }, cue: null, rule: "lineage:metadata-agency" });
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function nearCue(text: string, r: Span, start: number, end: number, reach = 60): Span | null {
  const lo = Math.max(r.start, start - reach);
  const hi = Math.min(r.end, end + Math.min(reach, 40));
  const window = text.slice(lo, hi);
  const m = CITE_NEAR.exec(window);
  return m ? { start: lo + m.index, end: lo + m.index + m[0].length } : null;
}

function findAlias(text: string, name: string): Span | null {
  const src = AGENCIES.find((a) => a.name === name);
  const aliases = src ? src.aliases : [name];
  for (const al of aliases) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(al)}(?![\\p{L}\\p{N}])`, "u");
    const m = re.exec(text);
    if (m) return { start: m.index, end: m.index + m[0].length };
  }
  return null;
}
