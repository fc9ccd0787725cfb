/**
 * Finds time expressions in a stretch of text: runs our rules and chrono-node,
 * keeps the longest non-overlapping candidates, joins a clock time with the day
 * next to it, then anchors each expression in document order so that the
 * narrative time ("On May 3 ... Later that day") carries forward.
 */
import * as chrono from "chrono-node";
import { LIMITS, type Span, type TimeExpression } from "../model/index.js";
import type { MessageBag } from "../model/index.js";
import type { Ymd } from "./calendar.js";
import { resolveSpec, type AnchorContext } from "./resolve.js";
import { runRules } from "./rules.js";
import type { Candidate, Spec } from "./spec.js";
import { quotedRegions, tenseOf } from "./tense.js";

/**
 * chrono-node's strict English parser without the parsers whose results we
 * discard (weekdays and relative units are our rules' job): same results, less work.
 */
const CHRONO = ((): chrono.Chrono => {
  const c = chrono.strict.clone();
  c.parsers = c.parsers.filter((p) => !/Weekday|TimeUnit/.test(p.constructor.name));
  return c;
})();

/** Candidates from chrono-node's strict English parser, kept to the parts it is certain of. */
export function chronoCandidates(text: string, from: number, to: number, ref: Date): Candidate[] {
  const out: Candidate[] = [];
  for (const r of CHRONO.parse(text.slice(from, to), { instant: ref, timezone: 0 })) {
    const tags = [...r.tags()];
    if (tags.some((t) => /relative|Casual|Weekday/i.test(t))) continue;
    const s = r.start;
    const certain = (k: Parameters<typeof s.isCertain>[0]): number | undefined => (s.isCertain(k) ? (s.get(k) ?? undefined) : undefined);
    const y = certain("year"), m = certain("month"), d = certain("day"), hh = certain("hour"), mi = certain("minute");
    if (m === undefined && hh === undefined && y === undefined) continue;
    // A bare number ("at 8", "rose 3") is usually a price or a count, not a clock time.
    if (hh !== undefined && !/:|\d\s?[ap]\.?m\b|o['’]clock|noon|midnight/i.test(r.text)) continue;
    // chrono includes a leading preposition ("at 16:08"); TimeML extents leave it out.
    const lead = /^(?:at|on|in|since|by|from|until|of|during|before|after)\s+/i.exec(r.text);
    const cut = lead ? lead[0].length : 0;
    const cs = from + r.index + cut, ce = from + r.index + r.text.length;
    // "1/2" with no year is a fraction or a score ("won 1/2 of the seats") unless a date word leads it in.
    if (y === undefined && /^\d{1,2}\/\d{1,2}$/.test(text.slice(cs, ce)) && !slashDayOk(text, cs, ce)) continue;
    const spec: Spec = { k: "cal", ...(y !== undefined ? { y } : {}), ...(m !== undefined ? { m } : {}), ...(d !== undefined ? { d } : {}) };
    let type: Candidate["type"] = "DATE";
    // Seconds only when the text writes them ("3:07:35"), never chrono's default 0.
    const se = /\d:\d\d:\d\d/.test(r.text) ? certain("second") : undefined;
    const secs = se !== undefined ? { se } : {};
    if (hh !== undefined) {
      type = "TIME";
      if (m === undefined) {
        out.push({ start: cs, end: ce, type, spec: { k: "clock", hh, mi: mi ?? 0, ...secs, utc: s.isCertain("timezoneOffset") && s.get("timezoneOffset") === 0 }, rule: "chrono:clock" });
        continue;
      }
      Object.assign(spec, { hh, mi: mi ?? 0, ...secs });
    }
    out.push({ start: cs, end: ce, type, spec, rule: `chrono:${tags[0] ?? "date"}` });
  }
  return out;
}

/**
 * Whether a yearless "d/d" at `text[start, end)` is a date: only after a word that
 * introduces a day ("on 1/2", "since 3/15", "Monday, 1/2"), and not before "of".
 * Elsewhere it is a fraction, a score or a ratio ("a 1/2 mile", "3 1/2", "won 2/1").
 */
export function slashDayOk(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  if (!/\b(?:on|since|until|till|by|before|after|through|dated|[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday),?\s$/i.test(before)) return false;
  return !/^\s+of\b/i.test(text.slice(end, end + 4));
}

/**
 * Keeps the longest candidates that do not overlap (earlier rules win ties); `kept` are taken first.
 * Coverage is tracked per code unit, so the cost is linear in the candidates' total length.
 */
export function selectCandidates(cands: Candidate[], kept: Candidate[] = []): Candidate[] {
  if (cands.length === 0) return [...kept].sort((a, b) => a.start - b.start);
  let base = Infinity, top = 0;
  for (const c of [cands, kept].flat()) {
    if (c.start < base) base = c.start;
    if (c.end > top) top = c.end;
  }
  const used = new Uint8Array(top - base);
  const out = [...kept];
  for (const k of kept) used.fill(1, k.start - base, k.end - base);
  const order = cands.map((c, i) => ({ c, i })).sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.i - b.i);
  for (const { c } of order) {
    let free = true;
    for (let i = c.start - base; i < c.end - base; i++) if (used[i]) { free = false; break; }
    if (!free) continue;
    used.fill(1, c.start - base, c.end - base);
    out.push(c);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Joins "16:00 UTC today", "Monday at 5 p.m." into one TIME. */
function joinClockAndDay(text: string, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i]!;
    const b = cands[i + 1];
    if (b && /^(?: | on | at | local time | local time on )$/.test(text.slice(a.end, b.start))) {
      const clock = a.spec.k === "clock" ? a : b.spec.k === "clock" ? b : null;
      const day = clock === a ? b : a;
      const ds = day.spec;
      if (clock && clock.spec.k === "clock" && (ds.k === "weekday" || (ds.k === "rel" && ds.unit === "D") || (ds.k === "cal" && ds.d !== undefined))) {
        const { hh, mi, se, utc } = clock.spec;
        out.push({ start: a.start, end: b.end, type: "TIME", spec: { ...ds, hh, mi, ...(se !== undefined ? { se } : {}), utc } as Spec, rule: `${day.rule}+${clock.rule}` });
        i++;
        continue;
      }
    }
    // "16:15 UTC, June 1st": two expressions, but the time is on that day.
    if (b && a.spec.k === "clock" && b.spec.k === "cal" && b.spec.d !== undefined && /^, $/.test(text.slice(a.end, b.start))) {
      const { hh, mi, se, utc } = a.spec;
      out.push({ ...a, spec: { ...b.spec, hh, mi, ...(se !== undefined ? { se } : {}), utc } });
      continue;
    }
    out.push(a);
  }
  return out;
}

/** How far back (characters, about two sentences) a named period stays the one "the previous year" counts from. */
const ANAPHORA_REACH = 300;

/** Longer spans are read in pieces of about this many characters, so that the expression cap also caps the work. */
const PIECE = 50_000;

/** `spans`, with any span longer than {@link PIECE} cut into pieces at a line or sentence end (else a space) near each cut. */
function pieces(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const sp of spans) {
    let start = sp.start;
    while (sp.end - start > PIECE) {
      const window = text.slice(start + PIECE / 2, start + PIECE);
      // The cut falls after the line break, the sentence's ". " or the space.
      const line = window.lastIndexOf("\n"), sentence = window.lastIndexOf(". "), space = window.lastIndexOf(" ");
      const at = line >= 0 || sentence >= 0 ? Math.max(line + 1, sentence + 2) : space + 1;
      const cut = at > 0 ? start + PIECE / 2 + at : start + PIECE;
      out.push({ start, end: cut });
      start = cut;
    }
    out.push({ start, end: sp.end });
  }
  return out;
}

function capped(bag: MessageBag, from: number): void {
  bag.warn("time:too-many", `${LIMITS.timeExpressions} time expressions, the most one document keeps; the body from offset ${from} on is not read for times`);
}

/**
 * Finds and anchors the time expressions in the given spans of `text`: the first
 * `LIMITS.timeExpressions` of them; past that the text is not read (one message).
 */
export function findTimes(
  text: string,
  spans: Span[],
  pub: Ymd | null,
  bag: MessageBag,
  opts: { useChrono?: boolean } = {},
): TimeExpression[] {
  const ref = pub ? new Date(Date.UTC(pub.y, pub.m - 1, pub.d, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  const times: TimeExpression[] = [];
  let narrative: AnchorContext["narrative"] = null;
  // The last calendar DATE named, for anaphora ("the previous year"): only a recent one counts.
  let previous: { value: string; end: number } | null = null;
  for (const sp of pieces(text, spans)) {
    if (times.length >= LIMITS.timeExpressions) {
      capped(bag, sp.start);
      break;
    }
    // Our rules first; chrono-node fills the gaps they leave.
    let chosen = selectCandidates(runRules(text, sp.start, sp.end));
    if (opts.useChrono !== false) chosen = selectCandidates(chronoCandidates(text, sp.start, sp.end, ref), chosen);
    const quotes = quotedRegions(text, sp.start, sp.end);
    for (const c of joinClockAndDay(text, chosen)) {
      if (times.length >= LIMITS.timeExpressions) {
        capped(bag, c.start);
        return times;
      }
      const tense = tenseOf(text, c.start, c.end, quotes);
      const recent = previous && c.start - previous.end <= ANAPHORA_REACH ? previous.value : null;
      const r = resolveSpec(c.spec, { pub, narrative, tense, previous: recent });
      if (r.ok && c.type === "DATE" && /^\d{4}(?:-|$)/.test(r.value)) previous = { value: r.value, end: c.end };
      const span = { start: c.start, end: c.end };
      if (!r.ok) {
        bag.warn("time:unanchored", `"${text.slice(c.start, c.end)}": ${r.reason}`, span);
        times.push({ text: text.slice(c.start, c.end), span, value: r.value, type: c.type, anchor: null, rule: c.rule });
        continue;
      }
      if (c.spec.k === "narr" && !narrative) {
        bag.info("time:narrative-fallback", `"${text.slice(c.start, c.end)}": no time set by the narrative yet; counted from the publication date`, span);
      }
      if (c.spec.k === "weekday" && c.spec.shift === null && tense === 0) {
        bag.info("time:weekday-tense", `"${text.slice(c.start, c.end)}": no tense nearby; taken as the most recent such day`, span);
      }
      if (r.day && c.spec.k !== "narr" && c.spec.k !== "clock") narrative = { day: r.day, start: c.start, end: c.end };
      if (c.spec.k === "cal" && c.spec.y === undefined && c.spec.m !== undefined) {
        bag.info("time:inferred-year", `"${text.slice(c.start, c.end)}": year inferred from the publication date and tense`, span);
      }
      times.push({ text: text.slice(c.start, c.end), span, value: r.value, type: c.type, anchor: r.anchor, rule: c.rule });
    }
  }
  return times;
}
