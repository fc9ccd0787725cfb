/** Span rules: "two years ago", durations, sets, the PAST/PRESENT/FUTURE references, the narrative "the day before". */
import { PARTS_OF_DAY, WEEKDAYS, readNumber, readUnit } from "./lexicon.js";
import { MODS, MON, NUM, POD, UNIT, WD, YEAR, durationValue, monthOf, type TimeRule } from "./rules-common.js";

/** Nouns for an amount counted over a period: "annual profit" is a year's profit, not a yearly event. */
const AMOUNT_NOUN = /^(?:profits?|loss(?:es)?|revenues?|sales|earnings|income|turnover|output|production|budgets?|rates?|growth|inflation|salary|salaries|pay|wages?|deficits?|surplus|spending|costs?|capacity|volumes?|returns?|dividends?|interest|figures?|results?|totals?|average|increase|decline|rise|fall|gain|value|sum|amount)$/;

/** What comes before a rate's "a year": a count that is not a year, or once/twice/N times, then up to two words. */
const RATE_BEFORE = /(?:^|[\s(])(?:(?:US|C|A)?[$€£]\s?)?(once|twice|\d(?:[\d,.]*\d)?%?|\d+ times)(?: (?:million|billion|thousand|hundred|percent))?(?: [a-z]+){0,2} $/;

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
      // "rose from a year earlier.", "two years later, he returned", "Two years later it reopened":
      // closing a clause or opening the sentence, no event is named after the word, so a date
      // counted from the period the text last named (TimeML: DATE, anchored).
      const clauseEnd = (dir === "earlier" || dir === "later")
        && (/^(?:\s*(?:[,.;:)!?"”]|$)|\s(?:and|but|when|while|as)\b)/.test(t.slice(m.index + m[0].length, m.index + m[0].length + 8))
          || /(?:^|[.!?]["”]?\s+|\n)$/.test(t.slice(Math.max(0, m.index - 4), m.index)));
      if (clauseEnd && Number.isInteger(n)) {
        if (unit === "year" || unit === "month" || unit === "quarter") return { type: "DATE", spec: { k: "anaph", unit: unit === "year" ? "Y" : unit === "month" ? "M" : "Q", n: sign * n, keep: true } };
        if (unit === "day" || unit === "week") return { type: "DATE", spec: { k: "narr", days: sign * n * (unit === "week" ? 7 : 1) } };
      }
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
    // "between 60 and 90 days": the first count takes the unit of the second. TimeML marks a
    // range's two ends as two expressions ("from 2009 to 2011" is 2009 and 2011, each a
    // DATE, which the year rule finds), never the whole range as one.
    id: "duration:range-first",
    re: new RegExp(`\\b(?:[Bb]etween|[Ff]rom) (${NUM}) (?:and|to) (?:${NUM}) (${UNIT})\\b`, "g"),
    build: (m) => {
      const n = readNumber(m[1]!);
      const unit = readUnit(m[2]!);
      if (n === null || !unit || /^(?:a|an)$/i.test(m[1]!)) return null;
      const start = m.index + m[0].indexOf(" ") + 1;
      return { type: "DURATION", spec: { k: "lit", value: durationValue(n, unit) }, start, end: start + m[1]!.length };
    },
  },
  {
    id: "duration:past-decade",
    re: /\b[Tt]he (?:past|last|next|previous|coming) (decade|century)\b/g,
    build: (m) => ({ type: "DURATION", spec: { k: "lit", value: m[1] === "decade" ? "P10Y" : "P100Y" } }),
  },
  {
    // "the last week of March", "the first week of June 2026": an ISO week.
    id: "date:week-of-month",
    re: new RegExp(`\\b[Tt]he (first|second|third|fourth|last|final) week of (${MON})(?:,? (${YEAR}))?(?! \\d)\\b`, "g"),
    build: (m) => {
      const w = m[1]!.toLowerCase();
      const n = w === "last" || w === "final" ? -1 : ["first", "second", "third", "fourth"].indexOf(w) + 1;
      return { type: "DATE", spec: { k: "monthWeek", m: monthOf(m[2]!)!, n, ...(m[3] ? { y: +m[3] } : {}) } };
    },
  },
  {
    id: "date:month-of-year",
    re: new RegExp(`\\b(${MON}) of (this|last|next|that|the same|the following|the previous|the prior) year\\b`, "g"),
    build: (m) => {
      const rel = m[2]!;
      const code = String(monthOf(m[1]!)!).padStart(2, "0");
      // "September of that year": the month in the year the text last named.
      if (!/^(?:this|last|next)$/.test(rel)) return { type: "DATE", spec: { k: "anaph", unit: "Y", n: /following/.test(rel) ? 1 : /previous|prior/.test(rel) ? -1 : 0, code } };
      return { type: "DATE", spec: { k: "part", code, yOff: rel === "last" ? -1 : rel === "next" ? 1 : 0 } };
    },
  },
  {
    // "the same month a year ago", "the same period last year", "the year-earlier quarter":
    // the period the text last named, a year back (TIDES: anaphoric to that period).
    id: "date:year-before",
    re: /\b[Tt]he (?:same (period|month|quarter|time)(?: of)? (?:(?:the )?last year|(?:a|one) year (?:ago|earlier|before)|the (?:previous|prior|preceding) year|the year before)|(?:year-(?:ago|earlier)|prior-year|year-before) (period|month|quarter))\b/g,
    build: (m) => {
      const w = m[1] ?? m[2]!;
      return { type: "DATE", spec: { k: "yearBefore", unit: w === "month" ? "M" : w === "quarter" ? "Q" : "P" } };
    },
  },
  {
    // "in morning trading", "in the late afternoon", "during the evening session": a part of the day
    // the narrative is on (TimeML: a TIME, T+MO/AF/EV/NI).
    id: "time:part-of-day",
    re: /(?<=\b(?:[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil|[Tt]hrough) (?:the )?(?:(?:early|late|mid)[- ])?)(morning|afternoon|evening)(?= (?:trading|session|deals|dealings|hours)\b|[,.;])/g,
    build: (m, t) => {
      // "every day in the morning" is a habit, part of a SET, not one morning.
      if (/\b(?:every|each|daily|most days|usually|often|typically|always)\b/i.test(t.slice(Math.max(0, m.index - 30), m.index))) return null;
      return { type: "TIME", spec: { k: "narr", days: 0, pod: PARTS_OF_DAY[m[1]!]! } };
    },
  },
  {
    id: "date:the-day",
    re: /\b(?:(?:[Ll]ate|[Ee]arly) in |(?:[Tt]he )?(?:[Ss]tart|[Ee]nd|[Bb]eginning|[Cc]lose) of )?the day\b(?! (?:before|after)\b(?! [a-z]{2,}ing\b)| (?:of|when|that|earlier|later|he|she|they|it)\b)/g,
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
    re: /\b(?:(?:[Ll]ater|[Ee]arlier) that day|[Tt]hat (?:same )?day|[Tt]he same day|[Tt]he (?:day|night) before|[Tt]he previous day|[Tt]he (?:next|following) day|[Tt]he day after(?! [a-z]{2,}ing\b)|a day (?:earlier|later))\b/g,
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
    // "annual": an amount over a year ("annual profit", "annual sales") is a DURATION; an
    // event held once a year ("annual conference", "annual meeting") is a SET, as "yearly" is.
    id: "set:annual",
    re: /\b[Aa]nnual\b(?= ?([A-Za-z]*))/g,
    build: (m) => ({ type: AMOUNT_NOUN.test(m[1]!) ? "DURATION" : "SET", spec: { k: "lit", value: "P1Y" } }),
  },
  {
    // A rate: "15 a year", "$40 billion a year", "twice a week", "three times a day" (TimeML SET).
    id: "set:rate",
    re: /(?<= )(?:a|an|per) (day|week|month|year|hour|minute)\b(?! (?:ago|earlier|later|after|before|from|or)\b)/g,
    build: (m, t) => {
      // A count (not a year) or "once", "twice", "N times", then at most two words: "15 a year", "12 ships a year".
      const before = RATE_BEFORE.exec(t.slice(Math.max(0, m.index - 40), m.index));
      if (!before || /^(?:1[6-9]|20)\d\d$/.test(before[1]!)) return null;
      // "120 miles an hour" is a speed, not a repetition.
      if (/\b(?:miles|kilometers|kilometres|km|knots|feet|meters|metres)\s$/i.test(before[0])) return null;
      const unit = readUnit(m[1]!);
      return unit ? { type: "SET", spec: { k: "lit", value: durationValue(1, unit) } } : null;
    },
  },
  {
    // "over the years", "through the years": an unspecified number of years (TIDES: PXY).
    id: "duration:the-years",
    re: /(?<=\b(?:[Oo]ver|[Tt]hrough|[Tt]hroughout|[Dd]own) )the (years|decades|months|centuries)\b/g,
    build: (m) => {
      const unit = readUnit(m[1]!);
      return unit ? { type: "DURATION", spec: { k: "lit", value: durationValue(null, unit) } } : null;
    },
  },
  {
    id: "duration:span",
    re: new RegExp(`(?<![\\d/.,])\\b(?:[Tt]he (?:past|last|next|previous|first|following|coming|final) )?${MODS}(${NUM})(?: and a half)?(?: (?:straight|consecutive|full|trading|business|working|calendar))?[- ](${UNIT})(?:[- ]long)?\\b`, "gi"),
    build: (m, t) => {
      const n0 = readNumber(m[1]!);
      const unit = readUnit(m[2]!);
      if (n0 === null || !unit) return null;
      if (unit === "second" && /^(?:a|an)$/i.test(m[1]!)) return null; // "a second consecutive day"
      // "about a quarter of its dealers", "three quarters, of the vote": a fraction, not three months.
      if (unit === "quarter" && !/ (?:straight|consecutive|full|fiscal|calendar)| (?:past|last|next|previous|first|following|coming|final) /i.test(m[0])
        && /^,? of (?:the|its|their|his|her|our|all|those|these|them|us|\d)\b(?! (?:fiscal |calendar )?(?:year|century|decade)\b)/.test(t.slice(m.index + m[0].length, m.index + m[0].length + 40))) return null;
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
