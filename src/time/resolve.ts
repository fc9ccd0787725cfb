/**
 * Anchors recognized expressions: turns each {@link Spec} into a TIMEX3 value
 * using the publication day, the day the narrative has set, and the tense of the
 * sentence. A value carries only the granularity the text gives or implies.
 */
import { addDays, addMonths, cmpMd, fmt, fmtTime, fmtWeek, weekday, type Ymd } from "./calendar.js";
import type { Spec } from "./spec.js";

/** What anchoring can use. */
export interface AnchorContext {
  /** Publication (or reference) day, when known. */
  pub: Ymd | null;
  /** The day the narrative has set so far, with the span that set it. */
  narrative: { day: Ymd; start: number; end: number } | null;
  /** -1 past, +1 future, 0 unknown, as read from the words around the expression. */
  tense: -1 | 0 | 1;
  /** The value of the last calendar DATE before this expression (2009-02, 2008-Q3), for "the same period last year". */
  previous?: string | null;
}

/** A calendar value the "same period a year before" can step back from: a year, month, quarter, half or season (with or without a day). */
const PERIOD = /^(\d{4})(?:-(\d\d|Q[1-4]|H[12]|SP|SU|FA|WI)(?:-(\d\d))?)?$/;

/** "The previous year", "the following month": counted from the last-named period of that unit, else from publication. */
function anaphoric(unit: "Y" | "Q" | "M", n: number, ctx: AnchorContext, keep = false): Resolution {
  const m = ctx.previous ? PERIOD.exec(ctx.previous) : null;
  const part = m?.[2];
  if (keep && unit === "Y" && m) return { ok: true, value: `${fmt(+m[1]! + n)}${part ? `-${part}` : ""}`, anchor: "previous", day: null };
  // "41 years later" with no period named nearby: from the narrative's day if one is set before
  // publication; counted forward from publication it would be a guess, so it stays unanchored.
  const nd = ctx.narrative?.day;
  const pastNarrative = nd && ctx.pub ? cmpMd(nd.y * 12 + nd.m, nd.d, ctx.pub.y * 12 + ctx.pub.m, ctx.pub.d) < 0 : !!nd;
  if (keep && !m && ctx.narrative && nd && (n < 0 || pastNarrative)) {
    const r = unit === "Y" ? { y: nd.y + n, m: nd.m } : addMonths(nd.y, nd.m, unit === "Q" ? 3 * n : n);
    const value = unit === "Y" ? fmt(r.y) : unit === "M" ? fmt(r.y, r.m) : `${fmt(r.y)}-Q${QUARTER_OF(r.m)}`;
    return { ok: true, value, anchor: `narrative:${ctx.narrative.start}-${ctx.narrative.end}`, day: null };
  }
  if (keep && !m && n > 0) return { ok: false, value: "XXXX", reason: "nothing named before to count forward from" };
  let base: { y: number; m: number } | null = null;
  if (m && unit === "Y") base = { y: +m[1]!, m: 1 };
  else if (m && part && /^\d\d$/.test(part)) base = { y: +m[1]!, m: +part };
  else if (m && unit === "Q" && part && /^Q/.test(part)) base = { y: +m[1]!, m: 3 * +part.slice(1) };
  const anchor = base ? "previous" : "publication";
  if (!base && ctx.pub) base = { y: ctx.pub.y, m: ctx.pub.m };
  if (!base) return { ok: false, value: "XXXX", reason: "no period named before and no publication date" };
  if (unit === "Y") return { ok: true, value: fmt(base.y + n), anchor, day: null };
  if (unit === "M") {
    const r = addMonths(base.y, base.m, n);
    return { ok: true, value: fmt(r.y, r.m), anchor, day: null };
  }
  const r = addMonths(base.y, base.m, 3 * n);
  return { ok: true, value: `${fmt(r.y)}-Q${QUARTER_OF(r.m)}`, anchor, day: null };
}

/** "The same period a year before" the last-named period, at the granularity `unit` asks for. */
function yearBefore(unit: "M" | "Q" | "P", ctx: AnchorContext): Resolution {
  const m = ctx.previous ? PERIOD.exec(ctx.previous) : null;
  const pub = ctx.pub;
  if (!m) {
    if (!pub) return { ok: false, value: "XXXX", reason: "no period named before and no publication date" };
    // Nothing named yet: the period the report is in, a year back.
    const code = unit === "M" ? `-${fmt(2000, pub.m).slice(5)}` : unit === "Q" ? `-Q${QUARTER_OF(pub.m)}` : "";
    return { ok: true, value: `${fmt(pub.y - 1)}${code}`, anchor: "publication", day: null };
  }
  const y = +m[1]! - 1;
  const part = m[2];
  let code = "";
  if (unit === "M") code = part && /^\d\d$/.test(part) ? `-${part}` : "";
  else if (unit === "Q") code = part && /^\d\d$/.test(part) ? `-Q${QUARTER_OF(+part)}` : part && /^Q/.test(part) ? `-${part}` : "";
  else code = part ? `-${part}` : "";
  return { ok: true, value: `${fmt(y)}${code}`, anchor: "previous", day: null };
}

/** The anchored value, or a reason it could not be anchored. */
export type Resolution =
  | { ok: true; value: string; anchor: string | null; day: Ymd | null }
  | { ok: false; value: string; reason: string };

const QUARTER_OF = (m: number): number => Math.ceil(m / 3);

function timeSuffix(spec: { hh?: number; mi?: number; se?: number; utc?: boolean; pod?: string }): string {
  if (spec.hh !== undefined) return fmtTime(spec.hh, spec.mi ?? 0, spec.se) + (spec.utc ? "Z" : "");
  if (spec.pod) return `T${spec.pod}`;
  return "";
}

/** The day of a moving holiday in year `y`. */
export function holidayDay(name: "easter" | "goodfriday" | "thanksgiving" | "memorial" | "labor", y: number): Ymd {
  if (name === "easter" || name === "goodfriday") {
    // Anonymous Gregorian computus (Meeus/Jones/Butcher).
    const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
    const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
    const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
    const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
    return addDays({ y, m: month, d: day }, name === "goodfriday" ? -2 : 0);
  }
  if (name === "thanksgiving") {
    const first = weekday({ y, m: 11, d: 1 });
    return { y, m: 11, d: 1 + ((4 - first + 7) % 7) + 21 }; // fourth Thursday of November
  }
  if (name === "labor") {
    const first = weekday({ y, m: 9, d: 1 });
    return { y, m: 9, d: 1 + ((1 - first + 7) % 7) }; // first Monday of September
  }
  const lastDow = weekday({ y, m: 5, d: 31 });
  return { y, m: 5, d: 31 - ((lastDow - 1 + 7) % 7) }; // last Monday of May
}

/** Anchors one spec. */
export function resolveSpec(spec: Spec, ctx: AnchorContext): Resolution {
  const pub = ctx.pub;
  switch (spec.k) {
    case "lit":
      return { ok: true, value: spec.value, anchor: /^\d/.test(spec.value) ? "absolute" : null, day: null };
    case "cal": {
      if (spec.y !== undefined) {
        const day = spec.m !== undefined && spec.d !== undefined ? { y: spec.y, m: spec.m, d: spec.d } : null;
        return { ok: true, value: fmt(spec.y, spec.m, spec.d) + (day ? timeSuffix(spec) : ""), anchor: "absolute", day };
      }
      if (spec.m === undefined) return { ok: false, value: "XXXX", reason: "no calendar part" };
      if (!pub) return { ok: false, value: `XXXX-${fmt(2000, spec.m, spec.d).slice(5)}`, reason: "no publication date to infer the year" };
      // The nearest such month (or day) in the direction the tense points;
      // with no tense to go by, the nearest one either way.
      const d = spec.d ?? (ctx.tense < 0 ? 1 : 31);
      let y = pub.y;
      if (ctx.tense < 0 && cmpMd(spec.m, spec.d ?? 1, pub.m, pub.d) > 0) y -= 1;
      else if (ctx.tense > 0 && cmpMd(spec.m, d, pub.m, pub.d) < 0) y += 1;
      else if (ctx.tense === 0) {
        const months = (spec.m - pub.m) + ((spec.d ?? 15) - pub.d) / 31;
        // News mostly looks back: a month well ahead of publication is last year's.
        if (months > 3) y -= 1;
        else if (months < -9) y += 1;
      }
      const day = spec.d !== undefined ? { y, m: spec.m, d: spec.d } : null;
      return { ok: true, value: fmt(y, spec.m, spec.d) + (day ? timeSuffix(spec) : ""), anchor: "publication", day };
    }
    case "monthRel": {
      if (!pub) return { ok: false, value: `XXXX-${fmt(2000, spec.m).slice(5)}`, reason: "no publication date" };
      let y = pub.y;
      if (spec.dir < 0 && spec.m >= pub.m) y -= 1;
      if (spec.dir > 0 && spec.m <= pub.m) y += 1;
      return { ok: true, value: fmt(y, spec.m), anchor: "publication", day: null };
    }
    case "weekday": {
      if (!pub) return { ok: false, value: `XXXX-WXX-${spec.dow || 7}`, reason: "no publication date to place the weekday" };
      const pubDow = weekday(pub);
      let delta: number;
      if (spec.shift === -1) delta = -(((pubDow - spec.dow + 7) % 7) || 7);
      else if (spec.shift === 1) delta = ((spec.dow - pubDow + 7) % 7) || 7;
      else if (spec.shift === 0) delta = (spec.dow || 7) - (pubDow || 7);
      else if (ctx.tense <= 0) delta = -((pubDow - spec.dow + 7) % 7); // news reports the past unless told otherwise
      else delta = (spec.dow - pubDow + 7) % 7;
      const day = addDays(pub, delta);
      return { ok: true, value: fmt(day.y, day.m, day.d) + timeSuffix(spec), anchor: "publication", day };
    }
    case "rel": {
      if (!pub) return { ok: false, value: "XXXX-XX-XX", reason: "no publication date" };
      switch (spec.unit) {
        case "D": {
          const day = addDays(pub, spec.n);
          return { ok: true, value: fmt(day.y, day.m, day.d) + timeSuffix(spec), anchor: "publication", day };
        }
        case "W":
          return { ok: true, value: fmtWeek(addDays(pub, 7 * spec.n)), anchor: "publication", day: null };
        case "WE": {
          // "the weekend" told on a weekday in the past tense is the one just gone.
          const dow = weekday(pub);
          const back = spec.n === 0 && ctx.tense <= 0 && dow >= 1 && dow <= 5 ? -1 : 0;
          return { ok: true, value: fmtWeek(addDays(pub, 7 * (spec.n + back))) + "-WE", anchor: "publication", day: null };
        }
        case "M": {
          const r = addMonths(pub.y, pub.m, spec.n);
          return { ok: true, value: fmt(r.y, r.m), anchor: "publication", day: null };
        }
        case "Y":
          return { ok: true, value: fmt(pub.y + spec.n), anchor: "publication", day: null };
        case "Q": {
          const r = addMonths(pub.y, pub.m, 3 * spec.n);
          return { ok: true, value: `${fmt(r.y)}-Q${QUARTER_OF(r.m)}`, anchor: "publication", day: null };
        }
      }
      break;
    }
    case "clock": {
      const base = ctx.narrative?.day ?? pub;
      if (!base) return { ok: false, value: `XXXX-XX-XX${timeSuffix(spec)}`, reason: "no day to place the time on" };
      return {
        ok: true,
        value: fmt(base.y, base.m, base.d) + timeSuffix(spec),
        anchor: ctx.narrative ? `narrative:${ctx.narrative.start}-${ctx.narrative.end}` : "publication",
        day: base,
      };
    }
    case "narr": {
      const base = ctx.narrative?.day ?? pub;
      if (!base) return { ok: false, value: "XXXX-XX-XX", reason: "no narrative time or publication date to count from" };
      const day = addDays(base, spec.days);
      return {
        ok: true,
        value: fmt(day.y, day.m, day.d) + (spec.pod ? `T${spec.pod}` : ""),
        anchor: ctx.narrative ? `narrative:${ctx.narrative.start}-${ctx.narrative.end}` : "publication",
        day,
      };
    }
    case "ago": {
      if (!pub) return { ok: false, value: "XXXX", reason: "no publication date" };
      if (spec.unit === "Y") return { ok: true, value: fmt(pub.y + spec.n), anchor: "publication", day: null };
      if (spec.unit === "DE") return { ok: true, value: fmt(pub.y + 10 * spec.n).slice(0, 3), anchor: "publication", day: null };
      if (spec.unit === "M") {
        const r = addMonths(pub.y, pub.m, spec.n);
        return { ok: true, value: fmt(r.y, r.m), anchor: "publication", day: null };
      }
      const day = addDays(pub, spec.unit === "W" ? 7 * spec.n : spec.n);
      return { ok: true, value: fmt(day.y, day.m, day.d), anchor: "publication", day };
    }
    case "monthWeek": {
      // The month's year as a bare month would get it (tense, nearness), then its nth ISO week.
      const month = resolveSpec({ k: "cal", m: spec.m, ...(spec.y !== undefined ? { y: spec.y } : {}) }, ctx);
      if (!month.ok) return { ok: false, value: `XXXX-WXX`, reason: month.reason };
      const y = +month.value.slice(0, 4);
      const last = new Date(Date.UTC(y, spec.m, 0)).getUTCDate();
      // A week belongs to the month holding its Thursday: the first is the one holding the 4th.
      const d = spec.n > 0 ? Math.min(last, 4 + 7 * (spec.n - 1)) : last - 3;
      return { ok: true, value: fmtWeek({ y, m: spec.m, d }), anchor: month.anchor, day: null };
    }
    case "yearBefore":
      return yearBefore(spec.unit, ctx);
    case "holiday": {
      if (spec.y !== undefined) {
        const day = holidayDay(spec.name, spec.y);
        return { ok: true, value: fmt(day.y, day.m, day.d), anchor: "absolute", day };
      }
      if (!pub) return { ok: false, value: "XXXX-XX-XX", reason: "no publication date to place the holiday" };
      // This year's, or the year the tense points to, as a yearless day is placed.
      const here = holidayDay(spec.name, pub.y);
      const cal = resolveSpec({ k: "cal", m: here.m, d: here.d }, ctx);
      if (!cal.ok) return cal;
      const day = holidayDay(spec.name, +cal.value.slice(0, 4));
      return { ok: true, value: fmt(day.y, day.m, day.d), anchor: "publication", day };
    }
    case "endingOn": {
      // The end day as the text would date it (its year from tense), then the period holding it.
      const end = resolveSpec({ k: "cal", m: spec.m, d: spec.d, ...(spec.y !== undefined ? { y: spec.y } : {}) }, ctx);
      if (!end.ok) return { ok: false, value: "XXXX", reason: end.reason };
      const y = end.value.slice(0, 4);
      const value = spec.unit === "Y" ? y : spec.unit === "Q" ? `${y}-Q${QUARTER_OF(spec.m)}` : `${y}-${end.value.slice(5, 7)}`;
      return { ok: true, value, anchor: end.anchor, day: null };
    }
    case "anaph":
    {
      const r = anaphoric(spec.unit, spec.n, ctx, spec.keep === true);
      return r.ok && spec.code ? { ...r, value: `${r.value.slice(0, 4)}-${spec.code}` } : r;
    }
    case "part": {
      if (spec.y !== undefined) return { ok: true, value: `${fmt(spec.y)}-${spec.code}`, anchor: "absolute", day: null };
      if (!pub) return { ok: false, value: `XXXX-${spec.code}`, reason: "no publication date" };
      let y = pub.y + (spec.yOff ?? 0);
      // "the fourth quarter" with no year: the latest one reported, unless the tense looks ahead.
      // "the second half" likewise, in halves.
      if (spec.back && spec.yOff === 0 && /^[QH]\d$/.test(spec.code)) {
        const per = spec.code[0] === "Q" ? 4 : 2;
        const q = +spec.code.slice(1), cur = per === 4 ? QUARTER_OF(pub.m) : pub.m <= 6 ? 1 : 2;
        if (ctx.tense < 0 && q > cur) y -= 1;
        if (ctx.tense > 0 && q < cur) y += 1;
        // No tense: the nearer of this year's and last year's, last year's on a tie (news looks back).
        if (ctx.tense === 0 && q > cur && q - cur >= cur + per - q) y -= 1;
      }
      return { ok: true, value: `${fmt(y)}-${spec.code}`, anchor: "publication", day: null };
    }
  }
  return { ok: false, value: "XXXX", reason: "unknown expression" };
}
