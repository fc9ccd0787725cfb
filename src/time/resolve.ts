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
        value: fmt(day.y, day.m, day.d),
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
    case "part": {
      if (spec.y !== undefined) return { ok: true, value: `${fmt(spec.y)}-${spec.code}`, anchor: "absolute", day: null };
      if (!pub) return { ok: false, value: `XXXX-${spec.code}`, reason: "no publication date" };
      let y = pub.y + (spec.yOff ?? 0);
      // "the fourth quarter" with no year: the latest one reported, unless the tense looks ahead.
      if (spec.back && spec.yOff === 0 && /^Q\d$/.test(spec.code)) {
        const q = +spec.code.slice(1), cur = QUARTER_OF(pub.m);
        if (ctx.tense <= 0 && q > cur) y -= 1;
        if (ctx.tense > 0 && q < cur) y += 1;
      }
      return { ok: true, value: `${fmt(y)}-${spec.code}`, anchor: "publication", day: null };
    }
  }
  return { ok: false, value: "XXXX", reason: "unknown expression" };
}
