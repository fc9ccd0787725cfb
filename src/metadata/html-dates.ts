/**
 * Publish date choice for HTML pages: the structured dates (JSON-LD, meta
 * tags, `<time>`) checked against the date a reader sees near the headline
 * and the date in the URL. Structured dates come first; the visible date
 * decides between "published" and "updated" and between neighbouring days
 * when a UTC timestamp crossed midnight.
 */
import { dayOf, isDayFirstEvidence, normalizeDate } from "./dates.js";
import { LD_ATTRIBUTE_SOURCE, selfListedDay } from "./html-date-markup.js";
import { ANY_TEXT_SOURCE, ANY_TIME_SOURCE, RDFA_SOURCE, SCRIPT_SOURCE, SELF_LISTED_TEXT_SOURCE } from "./html-fallback-dates.js";
import type { VisibleCandidate, VisibleDate } from "./html-byline.js";
import { dateRows, rankDate, type DateEntry } from "./date-ranker.js";
import type { CandidateRow, LinearModel } from "./linear-model.js";

/** A chosen date and the rule or source that gave it. */
export interface ChosenDate {
  value: string;
  source: string;
}

/** What {@link choosePublished} weighs. */
export interface DateEvidence {
  /** Structured published candidates, best first. */
  published: readonly VisibleCandidate[];
  /** Structured modified candidates, best first. */
  modified: readonly VisibleCandidate[];
  /** Visible dates, best first (see findVisibleDates). */
  visible: readonly VisibleDate[];
  url?: string | null;
  /** The page's language tag (`<html lang>`), for reading numeric dates. */
  lang?: string | null;
  /** Last-resort candidates (see fallbackDates), asked for only when every other rule found nothing. */
  fallback?: () => readonly VisibleCandidate[];
  /** Rules switched off (their tags, see OPTIONAL_DATE_RULES); for bench:dates' cross-validation only. */
  off?: ReadonlySet<string>;
  /** A fitted date model (see date-ranker.ts): the day is chosen by it among the page's candidate days. */
  model?: LinearModel | null;
  /** Receives the page's candidate rows (for training and cross-validation). */
  onRows?: (rows: CandidateRow<DateEntry>[]) => void;
}

/**
 * The rules of {@link choosePublished} that bench:dates may switch off when it
 * chooses rules on training folds (each is a `source` tag the rule returns).
 */
export const OPTIONAL_DATE_RULES: readonly string[] = [
  "metadata:visible-updated", "metadata:seconded-visible", "metadata:visible-day", "metadata:url-date",
  "metadata:visible-over-stamp", "metadata:visible-date-weak", "metadata:modified-fallback", "metadata:url-earlier", "metadata:order-by-agreement", "metadata:shown-over-time",
  SELF_LISTED_TEXT_SOURCE, RDFA_SOURCE, SCRIPT_SOURCE, ANY_TIME_SOURCE, ANY_TEXT_SOURCE,
];

const DAY_MS = 86_400_000;
const MONTHS = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\\.?";
const DAY_MONTH = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s{1,3}${MONTHS},?\\s{1,3}(?:19|20)\\d{2}\\b`, "i");
const URL_MONTH_DAY = new RegExp(`/((?:19|20)\\d{2})/(${MONTHS})/(\\d{1,2})(?:[/._-]|$)`, "i");
const NUMERIC_DATE = /\b(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d{2})\b/;
const MONTH_DAY = new RegExp(`\\b${MONTHS}\\s{1,3}\\d{1,2}(?:st|nd|rd|th)?,?\\s{1,3}(?:19|20)\\d{2}\\b`, "i");

/** Drops a leading "Published on" / "Updated:" label from a visible date. */
export function stripDateLabel(s: string): string {
  return s.replace(/^.{0,40}?\b(?:published|posted|updated|modified|on|date)\b:?/i, "");
}

function dayDiff(a: string, b: string): number {
  return Math.round((Date.parse(`${dayOf(a)}T00:00:00Z`) - Date.parse(`${dayOf(b)}T00:00:00Z`)) / DAY_MS);
}

/**
 * `metadata:url-date`: the `/YYYY/MM/DD/` (or `YYYY-MM-DD`) day in a URL
 * path, as publishing systems write it. Null when the path has none.
 */
export function urlDay(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try { path = new URL(url).pathname; } catch { return null; }
  // A one-digit day must end its segment: "/2023/10/3-fragen-an/" is a slug that starts with a number.
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{2}(?=[/._-]|$)|\d(?=[/._]|$))/.exec(path);
  if (m) return normalizeDate(`${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`);
  // `metadata:url-compact-date`: a whole path segment "/20201123/".
  const c = /\/((?:19|20)\d{2})(\d{2})(\d{2})(?:\/|$)/.exec(path);
  if (c) return normalizeDate(`${c[1]}-${c[2]}-${c[3]}`);
  // `metadata:url-month-name`: "/2023/october/03/".
  const w = URL_MONTH_DAY.exec(path);
  return w ? normalizeDate(`${w[3]} ${w[2]} ${w[1]}`) : null;
}

/**
 * Whether numeric dates on this page are written day first: an unambiguous
 * numeric date among the visible ones decides, then the order of a date
 * written with its month name; otherwise the language tag
 * (US English and untagged pages month first, every other locale day first).
 * Before all these, the URL's day (or a structured ISO day in `stamps`) when an ambiguous date read one way gives it,
 * and likewise the day a listing of the page on the page itself gives it
 * (see selfListedDay). Dates read from markup (with a `source`) are no evidence otherwise.
 */
export function readsDayFirst(allVisible: readonly VisibleDate[], lang: string | null | undefined, url?: string | null, stamps: readonly string[] = []): boolean {
  const visible = allVisible.filter((v) => !v.source);
  // `metadata:url-order`: the URL's day read one way from an ambiguous numeric date ("03/10/2023" under /2023/10/03/).
  // `metadata:self-listing-order`: likewise the ISO day a list of posts on the page gives this page.
  // `metadata:stamp-order`: likewise the day of a structured ISO timestamp (`stamps`, see isoDays).
  const known = [urlDay(url), selfListedDay(allVisible, url), ...stamps].filter((d): d is string => !!d);
  if (known.length) {
    for (const v of visible.slice(0, 12)) {
      const m = NUMERIC_DATE.exec(v.text);
      if (!m || m[1] === m[2]) continue;
      const [a, b] = [m[1]!.padStart(2, "0"), m[2]!.padStart(2, "0")];
      if (known.includes(`${m[3]}-${b}-${a}`)) return true;
      if (known.includes(`${m[3]}-${a}-${b}`)) return false;
    }
  }
  for (const v of visible) {
    const e = isDayFirstEvidence(v.text);
    if (e !== null) return e;
  }
  // `metadata:written-order`: a date written with its month name shows the page's order
  // ("3 October 2023" day first, "October 3, 2023" month first).
  for (const v of visible.slice(0, 12)) {
    if (DAY_MONTH.test(v.text)) return true;
    if (MONTH_DAY.test(v.text)) return false;
  }
  const tag = (lang ?? "").trim().toLowerCase().replace("_", "-");
  if (!tag || tag === "en" || tag === "en-us" || tag === "und") return false;
  return true;
}

/** The days of the ISO-written candidates ("2023-11-08T20:26:28Z"), which no order question touches. */
export function isoDays(cands: readonly VisibleCandidate[]): string[] {
  const out: string[] = [];
  for (const c of cands.slice(0, 20)) {
    const m = /^((?:19|20)\d{2}-\d{2}-\d{2})(?:$|[T ])/.exec(c.value.trim());
    if (m && !out.includes(m[1]!)) out.push(m[1]!);
  }
  return out;
}

/** Whether a normalized date is a time of day in UTC ("…T02:41:41Z", "…+00:00"). */
function isUtcStamp(iso: string): boolean {
  return /T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]00:00)$/.test(iso);
}

/** Whether a "modified" instant falls before the "published" one: the page was regenerated, the stamp is no publishing time. */
function regenerated(published: string, modified: string | null | undefined): boolean {
  if (!modified || modified.length <= 10) return false;
  const p = Date.parse(published), m = Date.parse(modified);
  return Number.isFinite(p) && Number.isFinite(m) && m < p;
}

function firstDate(cands: readonly VisibleCandidate[], dayFirst: boolean): ChosenDate | null {
  for (const c of cands) {
    const d = normalizeDate(c.value, { dayFirst });
    if (d) return { value: d, source: c.source };
  }
  return null;
}

/**
 * Picks the publish date: by the rules below, or, given a `model`, by the
 * model among all candidate days with the rules' choice as one feature.
 * Rules, in order:
 * - `metadata:visible-updated`: the page shows the structured *modified* day
 *   as its date, prominently and without an "Updated" label, and not the
 *   published day: the shown day wins. (A date labelled "Updated" leaves the
 *   published date in place, and so does the published day shown beside it.)
 * - `metadata:seconded-visible`: a later published source (meta tag, `<time>`,
 *   microdata) gives the day shown under the headline, days away from the
 *   first source's and not the modified day: that source.
 * - `metadata:visible-day`: the prominent visible date is the day before or
 *   after a structured timestamp (a UTC time past local midnight): the visible day.
 *   `metadata:utc-stamp-day`: when that timestamp is written in UTC, its own day
 *   stays unless the URL gives the shown day or the stamp is a regeneration
 *   ("modified" before "published"). A shown day next to the published
 *   timestamp's is never taken for an update (visible-updated).
 * - `metadata:ld-attribute`: without any published source, JSON-LD written
 *   into an attribute (see html-date-markup.ts) is one.
 * - `metadata:url-date`: likewise when the URL carries the day.
 * - `metadata:visible-over-stamp`: the structured published and modified
 *   dates are one stamp (same day, or "modified" before "published": the
 *   page was regenerated; or a meta/JSON-LD published date without any
 *   modified one) and the page prominently shows an earlier date, not
 *   labelled "Updated": the shown date. A `<time>` whose datetime disagrees
 *   with its text keeps its datetime.
 * - otherwise the structured date; without one the best visible date
 *   (score ≥ 2, one not labelled "Updated" before one that is), then the URL day, then `metadata:visible-date-weak`: a
 *   visible date away from the header but outside noise (score ≥ 0). The
 *   modified date alone is not taken for the published one.
 */
export function choosePublished(ev: DateEvidence): ChosenDate | null {
  // With a model (extractHtmlMetadata passes the shipped one, date-model.ts): the rules' choice below is one
  // feature among others of each candidate day (date-ranker.ts), and the model picks the day; the rules' own
  // value (with its time) is kept when the model picks its day.
  if (!ev.model && !ev.onRows) return chooseByRules(ev);
  let fb: readonly VisibleCandidate[] | null = null;
  const fallback = (): readonly VisibleCandidate[] => (fb ??= ev.fallback?.() ?? []);
  const rule = chooseByRules({ ...ev, fallback });
  const dayFirst = readsDayFirst(ev.visible, ev.lang, ev.url, isoDays([...ev.published, ...ev.modified]));
  const published = ev.published.length ? ev.published
    : ev.visible.filter((v) => v.source === LD_ATTRIBUTE_SOURCE).map((v) => ({ value: v.text, source: LD_ATTRIBUTE_SOURCE }));
  // The last-resort candidates (a walk over the whole text) are read only for pages without a structured published
  // date, as the rules do (costs 3 of 1,000 htmldate pages in CV against reading them always, and keeps extraction fast).
  // Switched-off last-resort sources give no candidates either.
  const last = published.length ? [] : fallback().filter((c) => !ev.off?.has(c.source));
  const rows = dateRows({ published, modified: ev.modified, visible: ev.visible, url: ev.url, urlDay: urlDay(ev.url), dayFirst, fallback: last, rule });
  ev.onRows?.(rows);
  if (!ev.model) return rule;
  const pick = rankDate(rows, ev.model);
  if (!pick) return rule;
  if (rule && dayOf(rule.value) === pick.day) return rule;
  return { value: pick.value, source: `metadata:date-model:${pick.source}` };
}

function chooseByRules(ev: DateEvidence): ChosenDate | null {
  const dayFirst = readsDayFirst(ev.visible, ev.lang, ev.url, isoDays([...ev.published, ...ev.modified]));
  const on = (rule: string): boolean => !ev.off?.has(rule);
  // `metadata:ld-attribute`: without any published source, JSON-LD written into an attribute stands in for one.
  const published = ev.published.length ? ev.published
    : ev.visible.filter((v) => v.source === LD_ATTRIBUTE_SOURCE).map((v) => ({ value: v.text, source: LD_ATTRIBUTE_SOURCE }));
  ev = { ...ev, published, visible: ev.visible.filter((v) => !v.source) };
  let structured = firstDate(ev.published, dayFirst);
  const modified = firstDate(ev.modified, dayFirst);
  let top: { value: string; score: number; updated: boolean } | null = null;
  let topPublished: { value: string; score: number } | null = null;
  for (const v of ev.visible.slice(0, 8)) {
    if (v.score < 2) break;
    if (topPublished) break;
    const d = normalizeDate(stripDateLabel(v.text), { dayFirst });
    if (!d) continue;
    top ??= { value: d, score: v.score, updated: v.updated };
    if (!v.updated) topPublished ??= { value: d, score: v.score };
  }
  const fromUrl = urlDay(ev.url);
  // `metadata:order-by-agreement`: a structured date written as an ambiguous numeric date ("11/01/2023" in a
  // meta tag) is read the other way when only that reading gives the day the page shows near its top or in its URL.
  if (structured && on("metadata:order-by-agreement")) {
    const raw = ev.published.find((c) => c.source === structured!.source)?.value ?? "";
    const other = /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/.test(raw) ? normalizeDate(raw, { dayFirst: !dayFirst }) : null;
    const shown = new Set([fromUrl, ...ev.visible.slice(0, 8).map((v) => dayOf(normalizeDate(stripDateLabel(v.text), { dayFirst })))]);
    if (other && dayOf(other) !== dayOf(structured.value) && shown.has(dayOf(other)) && !shown.has(dayOf(structured.value))) {
      structured = { value: other, source: "metadata:order-by-agreement" };
    }
  }
  if (structured) {
    const sDay = dayOf(structured.value);
    // The page also shows the published day near the top: both days are shown, the published one stays.
    const shows = (n: number, min: number): boolean => !!sDay && ev.visible.slice(0, n).some((v) => v.score >= min && dayOf(normalizeDate(stripDateLabel(v.text), { dayFirst }) ?? "") === sDay);
    // A shown day next to a published timestamp's is a zone question (see visible-day), not an update.
    const zoneQuestion = (d: string): boolean => structured.value.length > 10 && Math.abs(dayDiff(d, structured.value)) === 1;
    if (on("metadata:visible-updated") && top && top.score >= 4 && modified && dayOf(top.value) === dayOf(modified.value) && dayOf(modified.value) !== sDay && !zoneQuestion(top.value)) {
      if (!top.updated && !shows(8, 2)) return { value: modified.value, source: "metadata:visible-updated" };
    }
    // `metadata:seconded-visible`: another published source (a meta tag, `<time>`, microdata) gives the
    // day the page shows under its headline, days away from the first source's (neighbouring days are a
    // zone question, see visible-day) and not the modified day: that day, over the first source.
    if (on("metadata:seconded-visible") && topPublished && topPublished.score >= 4 && Math.abs(dayDiff(topPublished.value, structured.value)) > 1 && dayOf(topPublished.value) !== dayOf(modified?.value)) {
      const tDay = dayOf(topPublished.value);
      const second = ev.published.slice(1, 12).find((c) => dayOf(normalizeDate(c.value, { dayFirst })) === tDay);
      if (second) return { value: normalizeDate(second.value, { dayFirst })!, source: "metadata:seconded-visible" };
    }
    // `metadata:shown-over-time`: the only published source is a `<time>` or an hAtom abbr somewhere on the page, and
    // the page shows another day prominently under its headline (score 5 and up: near it, in a date box, or labelled
    // "Published"), not the time's: the shown day (the `<time>` belongs to a comment or another story).
    if (on("metadata:shown-over-time") && structured.source.startsWith("html:") && ev.published.every((c) => c.source.startsWith("html:"))
      && topPublished && topPublished.score >= 5 && Math.abs(dayDiff(topPublished.value, structured.value)) > 1 && !shows(8, 2)) {
      return { value: topPublished.value, source: "metadata:shown-over-time" };
    }
    // `metadata:url-earlier`: the URL's day, set when the page was made and never regenerated, is days before
    // the structured date: the structured one was rewritten (a move, a re-save, a template's build time).
    if (on("metadata:url-earlier") && fromUrl && dayDiff(fromUrl, structured.value) < -1) return { value: fromUrl, source: "metadata:url-earlier" };
    if (structured.value.length > 10) {
      // `metadata:url-seconds-stamp`: never when the URL carries the structured day itself.
      if (on("metadata:visible-day") && fromUrl !== sDay && top && top.score >= 4 && zoneQuestion(top.value) && (!isUtcStamp(structured.value) || fromUrl === dayOf(top.value) || regenerated(structured.value, modified?.value))) {
        return { value: dayOf(top.value)!, source: "metadata:visible-day" };
      }
      if (on("metadata:url-date") && fromUrl && Math.abs(dayDiff(fromUrl, structured.value)) === 1) return { value: fromUrl, source: "metadata:url-date" };
    }
    // Not when the page also shows the structured day anywhere (then the earlier shown day is another story's),
    // nor when the URL carries it (`metadata:url-seconds-stamp`).
    if (on("metadata:visible-over-stamp") && topPublished && topPublished.score >= 3 && (modified ? dayDiff(modified.value, structured.value) <= 1 : !structured.source.startsWith("html:")) && dayDiff(topPublished.value, structured.value) < -1 && !shows(40, -Infinity) && fromUrl !== sDay) {
      return { value: topPublished.value, source: "metadata:visible-over-stamp" };
    }
    return structured;
  }
  if (topPublished) return { value: topPublished.value, source: "html:visible-date" };
  if (top) return { value: top.value, source: "html:visible-date" };
  if (fromUrl && on("metadata:url-date")) return { value: fromUrl, source: "metadata:url-date" };
  if (on("metadata:visible-date-weak")) for (const v of ev.visible.slice(0, 3)) {
    if (v.score < 0) break;
    const d = normalizeDate(stripDateLabel(v.text), { dayFirst });
    if (d) return { value: d, source: "metadata:visible-date-weak" };
  }
  // `metadata:modified-fallback`: a page that gives only a modified date was most likely published that day or before;
  // the modified day is nearer the truth than no date.
  if (modified && on("metadata:modified-fallback")) return { value: modified.value, source: "metadata:modified-fallback" };
  for (const c of ev.fallback?.() ?? []) {
    if (!on(c.source)) continue;
    const d = normalizeDate(c.value, { dayFirst });
    if (d) return { value: d, source: c.source };
  }
  return null;
}
