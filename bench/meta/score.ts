/**
 * Scoring rules of the metadata benchmark (wcxb-articles).
 *
 * - Title: exact match after Unicode normalization and whitespace
 *   normalization: NFKC, then the typographic variants of the apostrophe and
 *   quotation marks (‘ ’ ‚ ‛ ′ and “ ” „ ‟ ″) written as ' and ", which NFKC
 *   leaves apart although they are the same character to a reader; runs of
 *   whitespace become one space, ends trimmed. Case and dashes are NOT
 *   folded. A lenient figure (also case-folded and dashes folded) is printed
 *   beside it for information only.
 * - Author: scored on pages whose gold author is non-empty. Ours is right when
 *   the normalized gold string is a substring of our authors joined by ", ".
 *   Normalization (both sides): NFKC, lower case, whitespace collapsed, and
 *   list separators unified (" and ", " & ", ", and " all become ", ") so that
 *   "X & Y" and "X, Y" compare equal. Credentials and roles in the gold
 *   ("Jane Doe, MD") are not removed, so a stripped name counts as a miss.
 *   Pages with empty gold author are counted apart: there, an empty answer is
 *   right ("abstained") and any name is a false positive.
 * - Date: scored on pages with a gold date; same calendar day as written
 *   (first 10 characters of the ISO string, no zone conversion). Empty-gold
 *   pages are counted apart like authors.
 */

/** Title normalization: NFKC, apostrophe and quote variants unified, whitespace collapsed. */
export function normTitle(s: string | null | undefined): string {
  return (s ?? "").normalize("NFKC").replace(/[‘’‚‛′]/g, "'").replace(/[“”„‟″]/g, '"').replace(/\s+/g, " ").trim();
}

/** Lenient title key: also case and dashes folded (information only). */
export function lenientTitle(s: string | null | undefined): string {
  return normTitle(s).toLowerCase().replace(/[‐‑‒–—―]/g, "-");
}

/** Author normalization used on both sides. */
export function normAuthor(s: string | null | undefined): string {
  return (s ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/\s?,?\s(?:and|&)\s|\s?&\s?/g, ", ")
    .trim();
}

/** Whether our authors contain the gold author (see module doc). */
export function authorHit(gold: string, ours: readonly string[] | null | undefined): boolean {
  const g = normAuthor(gold);
  if (!g) return false;
  return normAuthor((ours ?? []).join(", ")).includes(g);
}

/** Whether two dates fall on the same written day. */
export function sameDay(gold: string | null | undefined, ours: string | null | undefined): boolean {
  if (!gold || !ours) return false;
  const g = /^\d{4}-\d{2}-\d{2}/.exec(gold.trim())?.[0];
  const o = /^\d{4}-\d{2}-\d{2}/.exec(ours.trim())?.[0];
  return !!g && g === o;
}
