/** Span rules: "two years ago", durations, sets, the PAST/PRESENT/FUTURE references, the narrative "the day before". */
import { PARTS_OF_DAY, WEEKDAYS, readNumber, readUnit } from "./lexicon.js";
import { MODS, MON, NUM, POD, UNIT, WD, YEAR, durationValue, monthOf, type TimeRule } from "./rules-common.js";

/** Span rules, in priority order (after the calendar rules). */
export const SPAN_RULES: TimeRule[] = [
  {
    id: "date:ago",
    re: new RegExp(`\\b${MODS}(${NUM})(?: and a half)? (${UNIT}) (ago|earlier|before|later|after|from now|from today|hence)\\b`, "gi"),
    build: (m, t) => {
      const n = readNumber(m[1]!);
      const unit = readUnit(m[2]!);
      if (n === null || !unit) return null;
      const dir = m[3]!.toLowerCase();
      // "not one day earlier", "not a day sooner": a figure of speech, no date.
      if (/\bnot\s$/i.test(t.slice(Math.max(0, m.index - 4), m.index))) return null;
      const sign = dir === "ago" || dir === "earlier" || dir === "before" ? -1 : 1;
      if (unit === "day" && n === 1 && (dir === "earlier" || dir === "later")) return { type: "DATE", spec: { k: "narr", days: sign } };
      const fromNow = dir === "from now" || dir === "from today" || dir === "hence";
      // "every 15 minutes from today", "from now on": a repetition or a start, not a day ahead.
      if (fromNow && (/\b(?:every|each|per)\s$/i.test(t.slice(Math.max(0, m.index - 6), m.index)) || /^ on\b/.test(t.slice(m.index + m[0].length)))) return null;
      if (dir !== "ago" && !fromNow) {
        // "two weeks after the launch": a duration counted from an event, not a date.
        return { type: "DURATION", spec: { k: "lit", value: durationValue(n, unit) }, end: m.index + m[0].length - dir.length - 1 };
      }
      const letter = unit === "day" ? "D" : unit === "week" ? "W" : unit === "month" ? "M" : unit === "year" ? "Y" : unit === "decade" ? "DE" : null;
      if (!letter || !Number.isInteger(n)) return { type: "DURATION", spec: { k: "lit", value: durationValue(n, unit) } };
      return { type: "DATE", spec: { k: "ago", n: sign * n, unit: letter } };
    },
  },
  {
    id: "duration:range",
    re: new RegExp(`\\b(?:[Ff]rom (${YEAR}) (?:to|until|through)|[Bb]etween (${YEAR}) and) (${YEAR})\\b`, "g"),
    build: (m) => {
      const a = +(m[1] ?? m[2])!, b = +m[3]!;
      return b > a ? { type: "DURATION", spec: { k: "lit", value: `P${b - a}Y` } } : null;
    },
  },
  {
    id: "duration:past-decade",
    re: /\b[Tt]he (?:past|last|next|previous|coming) (decade|century)\b/g,
    build: (m) => ({ type: "DURATION", spec: { k: "lit", value: m[1] === "decade" ? "P10Y" : "P100Y" } }),
  },
  {
    id: "date:month-of-year",
    re: new RegExp(`\\b(${MON}) of (this|last|next) year\\b`, "g"),
    build: (m) => {
      const rel = m[2]!;
      return { type: "DATE", spec: { k: "part", code: String(monthOf(m[1]!)!).padStart(2, "0"), yOff: rel === "last" ? -1 : rel === "next" ? 1 : 0 } };
    },
  },
  {
    id: "date:the-day",
    re: /\b(?:(?:[Ll]ate|[Ee]arly) in |(?:[Tt]he )?(?:[Ss]tart|[Ee]nd|[Bb]eginning|[Cc]lose) of )?the day\b(?! (?:before|after|of|when|that|earlier|later|he|she|they|it)\b)/g,
    build: () => ({ type: "DATE", spec: { k: "narr", days: 0 } }),
  },
  {
    id: "date:weekend",
    re: /\b(?:([Tt]his|[Ll]ast|[Nn]ext) |[Tt]he )weekend\b/g,
    build: (m) => {
      const w = m[1]?.toLowerCase();
      return { type: "DATE", spec: { k: "rel", unit: "WE", n: w === "last" ? -1 : w === "next" ? 1 : 0 } };
    },
  },
  {
    id: "date:narrative",
    re: /\b(?:(?:[Ll]ater|[Ee]arlier) that day|[Tt]hat (?:same )?day|[Tt]he same day|[Tt]he (?:day|night) before|[Tt]he previous day|[Tt]he (?:next|following) day|[Tt]he day after|a day (?:earlier|later))\b/g,
    build: (m) => {
      const s = m[0].toLowerCase();
      const days = /before|previous|earlier$/.test(s) && !/that day/.test(s) ? -1 : /next|following|after|later$/.test(s) && !/that day/.test(s) ? 1 : 0;
      return { type: "DATE", spec: { k: "narr", days } };
    },
  },
  {
    id: "ref:past",
    re: /\b(?:(?:[Mm]ore |[Mm]ost |[Uu]ntil |[Vv]ery )?[Rr]ecently|[Rr]ecent (?:days|weeks|months|years|decades|times|history)|(?<!(?:most|more|very) )[Rr]ecent(?= [a-z])|[Tt]he past(?! \w{1,20} (?:days?|weeks?|months?|years?|decades?))(?=[ ,.;])|[Ff]ormerly|[Pp]reviously)\b/g,
    build: (m) => (/^[Pp]reviously|^[Ff]ormerly/.test(m[0]) ? null : { type: "DATE", spec: { k: "lit", value: "PAST_REF" } }),
  },
  {
    id: "ref:present",
    re: /\b(?:[Cc]urrently|[Nn]ow(?![-\w])|[Aa]t present|[Nn]owadays|[Tt]hese days|[Aa]t the moment|[Tt]he time being|[Aa]t this time)\b/g,
    build: (m, t) => {
      if (/^[Nn]ow$/.test(m[0])) {
        const before = t.slice(Math.max(0, m.index - 8), m.index);
        const after = t.slice(m.index + 3, m.index + 12);
        if (/(?:from|by|until|right|just) $/i.test(before) || /^ (?:that|known)\b/.test(after)) return null;
      }
      return { type: "DATE", spec: { k: "lit", value: "PRESENT_REF" } };
    },
  },
  {
    id: "ref:future",
    re: /\b(?:[Tt]he (?:near |distant )?future|[Tt]he (?:near|long|short|medium) term|(?:[Vv]ery )?[Ss]oon(?!er)|[Tt]he coming (?:days|weeks|months|years)|[Ss]hort-term|[Ll]ong-term|[Nn]ear-term)\b/g,
    build: (m) => (/^(?:[Ss]hort|[Ll]ong)-term$/.test(m[0]) ? null : { type: "DATE", spec: { k: "lit", value: "FUTURE_REF" } }),
  },
  {
    id: "set:every",
    re: new RegExp(`\\b(?:[Ee]very|[Ee]ach|[Pp]er) (?:(${NUM}) )?(${UNIT}|${WD}|${POD})\\b`, "g"),
    build: (m) => {
      const word = m[2]!.toLowerCase();
      if (word in WEEKDAYS) return { type: "SET", spec: { k: "lit", value: "XXXX-WXX-" + String(WEEKDAYS[word] === 0 ? 7 : WEEKDAYS[word]) } };
      if (word in PARTS_OF_DAY) return { type: "SET", spec: { k: "lit", value: `TXX${PARTS_OF_DAY[word]}` } };
      const unit = readUnit(word);
      if (!unit) return null;
      const n = m[1] ? readNumber(m[1]) : 1;
      return { type: "SET", spec: { k: "lit", value: durationValue(n, unit) } };
    },
  },
  {
    id: "set:adverb",
    re: /\b(?:[Dd]aily|[Ww]eekly|[Mm]onthly|[Qq]uarterly|[Aa]nnually|[Yy]early|[Hh]ourly)\b/g,
    build: (m) => {
      const w = m[0].toLowerCase();
      const v = w === "daily" ? "P1D" : w === "weekly" ? "P1W" : w === "monthly" ? "P1M" : w === "quarterly" ? "P1Q" : w === "hourly" ? "PT1H" : "P1Y";
      return { type: "SET", spec: { k: "lit", value: v } };
    },
  },
  {
    id: "duration:annual",
    re: /\b[Aa]nnual\b/g,
    build: () => ({ type: "DURATION", spec: { k: "lit", value: "P1Y" } }),
  },
  {
    id: "duration:span",
    re: new RegExp(`(?<![\\d/.,])\\b(?:[Tt]he (?:past|last|next|previous|first|following|coming|final) )?${MODS}(${NUM})(?: and a half)?(?: (?:straight|consecutive|full|trading|business|working|calendar))?[- ](${UNIT})(?:[- ]long)?\\b`, "gi"),
    build: (m) => {
      const n0 = readNumber(m[1]!);
      const unit = readUnit(m[2]!);
      if (n0 === null || !unit) return null;
      if (unit === "second" && /^(?:a|an)$/i.test(m[1]!)) return null; // "a second consecutive day"
      const n = /and a half/i.test(m[0]) ? n0 + 0.5 : n0;
      if (/^(?:a|an)$/i.test(m[1]!) && /^(?:a|an) (?:year|day|week|month)$/i.test(m[0]) === false && !/^(?:the|about|around|nearly|almost|over|some)/i.test(m[0])) {
        // "a year" alone is fine; "a single-day" etc. handled below
      }
      return { type: "DURATION", spec: { k: "lit", value: durationValue(n, unit) } };
    },
  },
  {
    id: "ref:vague-ago",
    // "years ago", "a few months ago", "decades from now": no count, so only the direction is known.
    re: /\b(?:(?:[Ss]everal|[Mm]any|[Aa] few|[Ss]ome|[Aa] couple of) )?(?:[Ss]econds|[Mm]inutes|[Hh]ours|[Dd]ays|[Ww]eeks|[Mm]onths|[Yy]ears|[Dd]ecades|[Cc]enturies) (ago|from now)\b/g,
    build: (m, t) => {
      if (/\d[- ]$|(?:recent|coming|these|those|the) $/i.test(t.slice(Math.max(0, m.index - 10), m.index))) return null;
      return { type: "DATE", spec: { k: "lit", value: m[1] === "ago" ? "PAST_REF" : "FUTURE_REF" } };
    },
  },
  {
    id: "duration:vague",
    // "minutes later" keeps "later" out of the extent, as "two weeks later" does.
    re: new RegExp(`\\b(?:(?:[Ss]everal|[Mm]any|[Aa] few|[Ff]ew|[Ss]ome|[Tt]he past|[Tt]he last|[Tt]he next|[Cc]ouple of|[Aa] couple of) )?(seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?:-long)?\\b(?! ago| from now)`, "g"),
    build: (m, t) => {
      const before = t.slice(Math.max(0, m.index - 10), m.index);
      if (/\d[- ]$|(?:recent|coming|these|those|the) $/i.test(before)) return null;
      const unit = readUnit(m[1]!);
      if (!unit) return null;
      return { type: "DURATION", spec: { k: "lit", value: durationValue(null, unit) } };
    },
  },
];
