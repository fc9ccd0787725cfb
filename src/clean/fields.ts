import type { LayoutFieldKind } from "../model/index.js";
import type { Block } from "./blocks.js";

// All patterns here run on blocks of at most a few hundred characters.
const MONTHS =
  "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec " +
  "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre janvier février mars avril mai juin juillet août septembre octobre novembre décembre " +
  "januar februar märz juni juli oktober dezember";
const MONTH_SET = new Set(MONTHS.split(" "));
const DATE_WORDS = new Set(
  ("posted published updated last date on at modified first publication time created edited et est edt ct cst cdt pt pst pdt gmt utc bst cet cest ist aest hrs h " +
    "am pm a.m p.m monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun of the de le el am um " +
    "publié publicado veröffentlicht aktualisiert mis à jour actualizado").split(" "),
);
const TOKEN = /[^\s,|•·()\-–—:/@]+|\d{1,2}:\d{2}(?::\d{2})?/g;
const LABEL_UPDATED = /\b(?:updated|modified|aktualisiert|actualizado|mis à jour)\b/i;
const BULLET = /^(?:[-•*·▪►◦–]\s+)/u;

/** If a short line is nothing but a date (with labels such as "Posted", "Last Updated"), its kind. */
export function dateLine(text: string): "published" | "updated" | null {
  if (text.length > 90) return null;
  const t = text.replace(BULLET, "");
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?$/.test(t.trim())) return "published";
  const tokens = t.toLowerCase().replace(/\d{1,2}:\d{2}(?::\d{2})?/g, " 1 ").match(TOKEN) ?? [];
  if (tokens.length === 0) return null;
  let month = false, year = false, iso = false;
  for (const raw of tokens) {
    const tok = raw.replace(/\.$/, "");
    if (/^\d{4}$/.test(tok)) { year = true; continue; }
    if (/^\d{1,2}(?:st|nd|rd|th)?$/.test(tok)) continue;
    if (/^\d{4}-\d{2}-\d{2}(?:t[\d:.]+z?)?$/.test(tok) || /^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(tok)) { iso = true; continue; }
    if (MONTH_SET.has(tok)) { month = true; continue; }
    if (DATE_WORDS.has(tok)) continue;
    return null;
  }
  if (!(iso || (month && year))) return null;
  return LABEL_UPDATED.test(t) ? "updated" : "published";
}

const POSTED_IN = /^(.{0,80}?\s)?posted\s+(?:in|under)\s+[^.!?]{1,60}?\s+on\s+(?=\S)/i;

/**
 * A blog's posting line: "On behalf of Jo Lee, Esq. posted in Pedestrian
 * Accidents on Wednesday, September 18, 2013." (an author, a category and the
 * day), read as the publication line when what follows "on" is only a date.
 */
export function postedLine(text: string): "published" | null {
  if (text.length > 180) return null;
  const m = POSTED_IN.exec(text);
  return m && dateLine(text.slice(m[0].length).replace(/\.$/, "")) ? "published" : null;
}

const INLINE_DATE = /^(?:date|published|posted|updated|pubdate|dateline)\s*:?\s*(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)\s+(?=\S)/i;

/** Metadata written inline before the first words of a block: " date 2025-05-04 Mexican President ...". */
export function inlineDatePrefix(b: Block): { end: number; kind: LayoutFieldKind } | null {
  const m = INLINE_DATE.exec(b.text.slice(0, 80));
  if (!m) return null;
  return { end: b.start + m[0].length, kind: /updated/i.test(m[0]) ? "updated" : "published" };
}

const AGENCY = "(?:the associated press|associated press|ap|afp|agence france-presse|efe|reuters|xinhua|dpa|ansa|pa|press association|pa media|agencies|bloomberg|upi|kyodo|tass|anadolu(?: agency)?|ians|pti|aap|apa|sda|anp|belga|ria novosti)";
const AGENCY_WORD = new RegExp(`(?:^|[\\s,&])${AGENCY}(?:$|[\\s,.&])`, "i");
const CREDIT_ONLY = new RegExp(`^${AGENCY}\\.?$`, "i");
const BY = /^(?:by|von|por|par|di|door|av|af|from)\s+\S/i;
const NAMEISH = /^[\p{Lu}\p{N}][\p{L}\p{N}.'’&-]*(?:[\s,]+(?:[\p{Lu}\p{N}][\p{L}\p{N}.'’&-]*|and|with|&|de|van|von|der|da|y|e|und|et)){0,12}$/u;
const EDITOR = /^(?:edited by|editing by|editor|redaktion|bearbeitet von)\s*:?\s+\S/i;
const BIO = /^[\p{Lu}][\p{L}'’-]+(?:\s[\p{Lu}][\p{L}'’.-]+){1,3}\s(?:is|was)\s(?:an?|the)\s(?:[\p{L}-]+\s){0,3}(?:reporter|writer|editor|journalist|correspondent|columnist|contributor|producer|author)\b/u;

/** A byline: "By The Associated Press", "Karl Sexton with AFP, EFE", "Agencies and A News". */
export function bylineLine(text: string, nearDate: boolean): boolean {
  const t = text.replace(BULLET, "").trim();
  if (t.length > 100 || /[.!?]$/.test(t) && !/\b[A-Z]\.$/.test(t)) return false;
  if (BY.test(t)) return /^\S+\s+[\p{Lu}\p{N}]/u.test(t) && t.split(/\s+/).length <= 14;
  if (!NAMEISH.test(t)) return false;
  if (AGENCY_WORD.test(t) && t.split(/\s+/).length <= 10) return true;
  return nearDate && t.split(/\s+/).length >= 2 && t.split(/\s+/).length <= 8;
}

/** A line that is only an agency name: the wire credit at the end of a story. */
export function creditLine(text: string): boolean {
  return text.length <= 40 && CREDIT_ONLY.test(text.trim());
}

/** "Edited by: Sean Sinico". */
export function editorLine(text: string): boolean {
  return text.length <= 120 && EDITOR.test(text);
}

/** An author's bio: starts with a byline name and is a short description, or "X is a reporter ...". */
export function bioLine(text: string, authors: readonly string[]): boolean {
  if (text.length > 400) return false;
  for (const a of authors) {
    if (a.length >= 4 && text.startsWith(a + " ") && /^\p{Lu}/u.test(text.slice(a.length + 1))) return true;
  }
  return BIO.test(text.slice(0, 200));
}

/** A short section label: "Americas", "PoliticsMexico", "World / Europe". */
export function sectionLine(text: string): boolean {
  const t = text.replace(BULLET, "").trim();
  if (t.length > 40 || t.length < 2 || /[.!?,:;]$/.test(t)) return false;
  const ws = t.split(/\s+/);
  return ws.length <= 3 && /^[\p{Lu}\p{N}]/u.test(t);
}

/** The names in a byline that are people (not agencies or outlets). */
export function bylineNames(text: string): string[] {
  const t = text.replace(BULLET, "").replace(BY, (m) => m.slice(-1)).trim();
  return t
    .split(/\s*(?:,|\band\b|&|\bwith\b|\bund\b|\by\b|\bet\b)\s*/i)
    .map((s) => s.trim())
    .filter((s) => s.length > 1 && !new RegExp(`^${AGENCY}$`, "i").test(s) && /^\p{Lu}/u.test(s));
}
