/** Calendar rules: dates, months, quarters, seasons, years, clock times, weekdays, today/last month. */
import { ORDINALS, PARTS_OF_DAY, SEASONS, WEEKDAYS } from "./lexicon.js";
import { todayIsPresent } from "./present-ref.js";
import { DAY, MON, POD, WD, YEAR, dayOf, monthOf, monthWordOk, tzIsUtc, type TimeRule } from "./rules-common.js";

/** Words around a bare "the first half" or "the third quarter" that make it part of a game, not of a year. */
const GAME_CONTEXT = /\b(?:games?|match(?:es)?|goals?|touchdowns?|scored?|scoring|quarterback|innings?|half-?time|overtime|kick(?:ed|off)?|penalt(?:y|ies)|fumbled?|rebounds?|tied|rushing|yards?|end zone|league|referee|whistle|interception|baskets?|three-pointers?|free throws?|shots?|defenders?|\d:\d\d (?:left|remaining|to play))\b/i;

/** Whether the words around `text[start, end)` (not the expression itself) tell of a game rather than a year. */
function yearContext(text: string, start: number, end: number): boolean {
  return !GAME_CONTEXT.test(text.slice(Math.max(0, start - 120), start)) && !GAME_CONTEXT.test(text.slice(end, end + 120));
}

/** Words of money or the economy: a bare "the first half" is a year's only near one of them (halves of games are as common). */
const MONEY_CONTEXT = /%|[$€£¥]|\b(?:percent|profits?|revenues?|sales|earnings|income|loss(?:es)?|growth|econom(?:y|ic)|fiscal|GDP|inflation|output|exports|imports|deliveries|orders|shipments|results|shares|stocks?|markets?|prices?)\b/i;

/** Calendar rules, in priority order. */
export const CALENDAR_RULES: TimeRule[] = [
  {
    id: "date:iso",
    re: /\b(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?\b/g,
    build: (m) => ({ type: m[4] ? "TIME" : "DATE", spec: { k: "cal", y: +m[1]!, m: +m[2]!, d: +m[3]!, ...(m[4] ? { hh: +m[4], mi: +m[5]! } : {}), ...(m[6] ? { se: +m[6] } : {}) } }),
  },
  {
    id: "date:iso-part",
    re: /\b(\d{4})-(W(?:0[1-9]|[1-4]\d|5[0-3])(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI)\b/g,
    build: (m) => ({ type: "DATE", spec: { k: "lit", value: `${m[1]}-${m[2]}` } }),
  },
  {
    id: "date:slash",
    re: /\b(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\b/g,
    build: (m) => {
      const mo = +m[1]!, d = +m[2]!;
      if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
      let y = +m[3]!;
      if (m[3]!.length === 2) y += y < 50 ? 2000 : 1900;
      return { type: "DATE", spec: { k: "cal", y, m: mo, d } };
    },
  },
  {
    id: "date:month-day-year",
    re: new RegExp(`\\b(${MON}) (${DAY}),? (${YEAR})\\b`, "g"),
    build: (m) => ({ type: "DATE", spec: { k: "cal", y: +m[3]!, m: monthOf(m[1]!)!, d: dayOf(m[2]!) } }),
  },
  {
    id: "date:day-month-year",
    re: new RegExp(`\\b(${DAY}) (${MON}),? (${YEAR})\\b`, "g"),
    build: (m) => ({ type: "DATE", spec: { k: "cal", y: +m[3]!, m: monthOf(m[2]!)!, d: dayOf(m[1]!) } }),
  },
  {
    id: "date:month-day",
    re: new RegExp(`\\b(${MON}) (${DAY})\\b(?![,.]?\\d|:| ?%| (?:million|billion|percent|people|per|points?)\\b)`, "g"),
    build: (m) => ({ type: "DATE", spec: { k: "cal", m: monthOf(m[1]!)!, d: dayOf(m[2]!) } }),
  },
  {
    id: "date:day-month",
    re: new RegExp(`\\b(${DAY}) (${MON})\\b`, "g"),
    build: (m) => ({ type: "DATE", spec: { k: "cal", m: monthOf(m[2]!)!, d: dayOf(m[1]!) } }),
  },
  {
    id: "date:month-year",
    re: new RegExp(`\\b(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[- ])?(${MON}),? (${YEAR})\\b`, "g"),
    build: (m) => ({ type: "DATE", spec: { k: "cal", y: +m[2]!, m: monthOf(m[1]!)! } }),
  },
  {
    id: "date:month-rel",
    re: new RegExp(`\\b([Ll]ast|[Nn]ext|[Tt]his|[Tt]he previous|[Tt]he coming) (${MON})(?! \\d)\\b`, "g"),
    build: (m, t) => {
      const mo = monthOf(m[2]!);
      if (mo === null || !monthWordOk(m, t, "x")) return null;
      const w = m[1]!.toLowerCase();
      return { type: "DATE", spec: { k: "monthRel", m: mo, dir: w === "last" || w === "the previous" ? -1 : w === "this" ? 0 : 1 } };
    },
  },
  {
    id: "date:month",
    re: new RegExp(`\\b(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[- ])?(${MON})(?![\\w'’])`, "g"),
    build: (m, t) => {
      const word = m[1]!;
      if (!monthWordOk(m, t, word) || word.length < 3 || /^(?:Mar|Jun|Jul|Jan|Dec|Oct|Aug)$/.test(word)) return null;
      return { type: "DATE", spec: { k: "cal", m: monthOf(word)! } };
    },
  },
  {
    id: "date:quarter",
    re: new RegExp(`\\b(?:[Tt]he )?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ](?:fiscal )?quarter(?: of (?:(this|last|next|the) year|(${YEAR})))?\\b`, "gi"),
    build: (m, t) => {
      const ordWord = m[1]!.toLowerCase();
      // A bare "the last quarter" is the one before the current one; "the last quarter of 2024" is Q4.
      if (ordWord === "last" && !m[2] && !m[3] && !/fiscal/i.test(m[0])) return { type: "DATE", spec: { k: "rel", unit: "Q", n: -1 } };
      const q = ORDINALS[ordWord] ?? parseInt(ordWord, 10);
      const code = `Q${q}`;
      if (m[3]) return { type: "DATE", spec: { k: "lit", value: `${m[3]}-${code}` } };
      const rel = m[2]?.toLowerCase();
      // A bare "the third quarter" is a year's unless the words around tell of a game.
      if (!rel && !/fiscal/i.test(m[0]) && !yearContext(t, m.index, m.index + m[0].length)) return null;
      const yOff = rel === "last" ? -1 : rel === "next" ? 1 : 0;
      return { type: "DATE", spec: { k: "part", code, yOff, back: !rel } };
    },
  },
  {
    id: "date:half",
    re: new RegExp(`\\b(?:[Tt]he )?(first|second) half(?: of (?:(this|last|next|the) year|(${YEAR})))?\\b(?! of\\b)`, "gi"),
    build: (m, t) => {
      const code = m[1]!.toLowerCase() === "first" ? "H1" : "H2";
      if (m[3]) return { type: "DATE", spec: { k: "lit", value: `${m[3]}-${code}` } };
      const rel = m[2]?.toLowerCase();
      // A bare "the first half" is a year's only in talk of money, and not of a game.
      const around = t.slice(Math.max(0, m.index - 120), m.index) + " " + t.slice(m.index + m[0].length, m.index + m[0].length + 120);
      if (!rel && (!yearContext(t, m.index, m.index + m[0].length) || !MONEY_CONTEXT.test(around))) return null;
      // It is the latest one, as a bare quarter is.
      return { type: "DATE", spec: { k: "part", code, yOff: rel === "last" ? -1 : rel === "next" ? 1 : 0, back: !rel } };
    },
  },
  {
    id: "date:season",
    re: new RegExp(`\\b(?:(this|last|next|the) )?(spring|summer|autumn|winter|fall)(?: of)?(?: (${YEAR}))?\\b`, "gi"),
    build: (m) => {
      const s = m[2]!.toLowerCase();
      if (s === "fall" && !m[1] && !m[3]) return null; // "fall" the verb
      const code = SEASONS[s]!;
      if (m[3]) return { type: "DATE", spec: { k: "lit", value: `${m[3]}-${code}` } };
      const rel = m[1]?.toLowerCase();
      return { type: "DATE", spec: { k: "part", code, yOff: rel === "last" ? -1 : rel === "next" ? 1 : 0, back: rel !== "this" && rel !== "next" } };
    },
  },
  {
    // Holidays (TIDES marks them as dates): fixed ones as their day, moving ones computed.
    id: "date:holiday",
    re: new RegExp(`\\b(Christmas(?: Day| Eve)?|New Year['’]s(?: Day| Eve)|Halloween|Valentine['’]s Day|Independence Day|Boxing Day|Easter(?: Sunday| Monday)?|Good Friday|Thanksgiving(?: Day)?|Memorial Day|Labou?r Day)(?:(?:,| in| of)? (${YEAR}))?\\b`, "g"),
    build: (m, t) => {
      const name = m[1]!.replace(/’/g, "'");
      // A bare "Christmas party", "Easter egg", "Thanksgiving dinner" names a thing, not a day:
      // a one-word holiday is a date after a preposition or with no noun after it.
      if (!m[2] && /^(?:Christmas|Easter|Thanksgiving|Halloween)$/.test(name)
        && /^ [a-z]/.test(t.slice(m.index + m[0].length, m.index + m[0].length + 2))
        && !/\b(?:on|at|before|after|until|till|since|by|over|for|during|around|from|to|through|this|last|next)\s$/i.test(t.slice(Math.max(0, m.index - 8), m.index))) return null;
      const y = m[2] ? { y: +m[2] } : {};
      const fixed: Record<string, [number, number]> = {
        "Christmas": [12, 25], "Christmas Day": [12, 25], "Christmas Eve": [12, 24], "New Year's Day": [1, 1], "New Year's Eve": [12, 31],
        "Halloween": [10, 31], "Valentine's Day": [2, 14], "Independence Day": [7, 4], "Boxing Day": [12, 26],
      };
      const f = fixed[name];
      if (f) return { type: "DATE", spec: { k: "cal", m: f[0], d: f[1], ...y } };
      if (name === "Easter Monday") return null; // a day after Easter; rare enough to leave out
      const moving = /^Easter/.test(name) ? "easter" : name === "Good Friday" ? "goodfriday" : /^Thanksgiving/.test(name) ? "thanksgiving" : name === "Memorial Day" ? "memorial" : "labor";
      return { type: "DATE", spec: { k: "holiday", name: moving, ...y } };
    },
  },
  {
    // "the 20th century", "the twenty-first century": TIMEX3 writes a century as its two leading digits (19, 20).
    id: "date:century",
    re: /\b(?:[Tt]he )?(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[- ])?(1[0-9]|2[01])(?:st|nd|rd|th)[- ]century\b/g,
    build: (m) => ({ type: "DATE", spec: { k: "lit", value: String(+m[1]! - 1).padStart(2, "0") } }),
  },
  {
    id: "date:decade",
    re: /(?<![\w$])(?:[Tt]he )?(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[- ])?(?:(1[6-9]|20)(\d)0|['’]?([1-9])0)s\b/g,
    build: (m) => ({ type: "DATE", spec: { k: "lit", value: m[1] ? `${m[1]}${m[2]}` : `19${m[3]}` } }),
  },
  {
    id: "date:short-year",
    re: /(?<![\w'’])['’](\d\d)\b(?!s)/g,
    build: (m) => ({ type: "DATE", spec: { k: "lit", value: `${+m[1]! < 30 ? "20" : "19"}${m[1]}` } }),
  },
  {
    id: "date:year",
    re: new RegExp(`(?<![\\w$€£.,-])(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[- ])?(?:(?:[Ff]iscal|FY) ?)?(${YEAR})(?![\\w%.,]\\d|\\d| ?%| (?:million|billion|people|tons|units|shares|cars|vehicles|jobs|employees|workers|points|planes|aircraft|[Ii]ndex)\\b)`, "g"),
    build: (m) => ({ type: "DATE", spec: { k: "lit", value: m[1]! } }),
  },
  {
    id: "duration:clock-time",
    // A race or record time: "finished in 3:07:35", "a time of 2:05:11", "clocked 1:59:40".
    re: /(?<=\b(?:in|of|clocked|timed|time:?|record:?|finished|finishing) )(\d{1,2}):([0-5]\d):([0-5]\d)(?![\d:]| ?[ap]\.?m\b| ?(?:UTC|GMT)\b)/gi,
    build: (m) => {
      const parts = [[+m[1]!, "H"], [+m[2]!, "M"], [+m[3]!, "S"]] as const;
      const value = "PT" + parts.filter(([n]) => n > 0).map(([n, u]) => `${n}${u}`).join("");
      return value === "PT" ? null : { type: "DURATION", spec: { k: "lit", value } };
    },
  },
  {
    id: "time:clock",
    re: /(?<![\d:])\b([01]?\d|2[0-3])(?::([0-5]\d))?(?::([0-5]\d))?(?: ?([ap]\.?m\.?))?(?: ?\(? ?((?:UTC|GMT|EST|EDT|PST|PDT|CET|BST)(?: ?[+-] ?\d{1,2})?) ?\)?)?(?![\w:])/gi,
    build: (m, t) => {
      if (!m[2] && !m[4]) return null;
      // A bare "02:53" (a video's length, a score) is a time only after "at", "by", "from"...
      if (!m[4] && !m[5] && !/\b(?:at|by|from|until|till|to|before|after|around|about|since)\s$/i.test(t.slice(Math.max(0, m.index - 8), m.index))) return null;
      let hh = +m[1]!;
      if (m[4]) {
        if (hh > 12 || hh === 0) return null;
        const pm = /^p/i.test(m[4]);
        if (pm && hh < 12) hh += 12;
        if (!pm && hh === 12) hh = 0;
      }
      return { type: "TIME", spec: { k: "clock", hh, mi: m[2] ? +m[2] : 0, ...(m[3] ? { se: +m[3] } : {}), utc: tzIsUtc(m[5]) } };
    },
  },
  {
    id: "time:military",
    re: /\b([01]\d|2[0-3])([0-5]\d) ?(UTC|GMT)\b/g,
    build: (m) => ({ type: "TIME", spec: { k: "clock", hh: +m[1]!, mi: +m[2]!, utc: true } }),
  },
  {
    id: "date:weekday",
    re: new RegExp(`\\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Ll]ater|[Ee]arlier|[Ee]arly|[Ll]ate) )?(${WD})(?: (${POD}))?\\b`, "g"),
    build: (m) => {
      const mod = m[1]?.toLowerCase();
      const dow = WEEKDAYS[m[2]!.toLowerCase()]!;
      const pod = m[3] ? PARTS_OF_DAY[m[3]] : undefined;
      const shift = mod === "last" ? -1 : mod === "next" ? 1 : mod === "this" ? 0 : null;
      return { type: pod ? "TIME" : "DATE", spec: { k: "weekday", dow, shift, ...(pod ? { pod } : {}) } };
    },
  },
  {
    id: "ref:today-present",
    re: /\b[Tt]oday\b/g,
    build: (m, t) => (todayIsPresent(t, m.index, m.index + m[0].length) ? { type: "DATE", spec: { k: "lit", value: "PRESENT_REF" } } : null),
  },
  {
    id: "date:today",
    re: /\b(?:(?:[Ee]arlier|[Ll]ater) )?([Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)\b/g,
    build: (m) => {
      const w = m[1]!.toLowerCase();
      const n = w === "yesterday" ? -1 : w === "tomorrow" ? 1 : 0;
      return w === "tonight"
        ? { type: "TIME", spec: { k: "rel", unit: "D", n: 0, pod: "NI" } }
        : { type: "DATE", spec: { k: "rel", unit: "D", n } };
    },
  },
  {
    id: "time:this-pod",
    re: new RegExp(`\\b(?:([Tt]his|[Yy]esterday|[Tt]omorrow|[Ll]ast) )(${POD})\\b`, "g"),
    build: (m) => {
      const w = m[1]!.toLowerCase();
      const pod = PARTS_OF_DAY[m[2]!]!;
      if (w === "last" && pod !== "NI") return null;
      const n = w === "yesterday" || w === "last" ? -1 : w === "tomorrow" ? 1 : 0;
      return { type: "TIME", spec: { k: "rel", unit: "D", n, pod } };
    },
  },
  {
    id: "date:rel-unit",
    re: /\b(?:(?:[Tt]he )?(?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle) of )?(?:(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate) |[Mm]id-)?([Tt]his|[Ll]ast|[Nn]ext|[Tt]he previous|[Tt]he prior|[Tt]he preceding|[Tt]he past|[Tt]he following|[Tt]he subsequent|[Tt]he coming|[Tt]he same|[Tt]hat|[Tt]he current) (week|weekend|month|year|quarter)\b(?! (?:of(?! (?:US|C|A|HK)?[$€£¥]| \d)|and a half|or two)\b)/g,
    build: (m) => {
      const w = m[1]!.toLowerCase();
      const unitWord = m[2]!;
      const unit = unitWord === "week" ? "W" : unitWord === "weekend" ? "WE" : unitWord === "month" ? "M" : unitWord === "year" ? "Y" : "Q";
      if (w === "the past" || w === "the coming") {
        if (w === "the past" && unit !== "WE") return { type: "DURATION", spec: { k: "lit", value: `P1${unit}` } };
        if (w === "the coming") return { type: "DURATION", spec: { k: "lit", value: `P1${unit}` } };
        return null;
      }
      // "the previous year", "the following month", "that year": counted from the period the
      // text last named, not from publication (TIDES anaphora); "last year" is the publication's.
      if (/^(?:the (?:previous|prior|preceding|following|subsequent|same)|that)$/.test(w)) {
        if (unit !== "Y" && unit !== "M" && unit !== "Q") return w === "that" || w === "the same" ? null : { type: "DATE", spec: { k: "rel", unit, n: /following|subsequent/.test(w) ? 1 : -1 } };
        return { type: "DATE", spec: { k: "anaph", unit, n: /following|subsequent/.test(w) ? 1 : /previous|prior|preceding/.test(w) ? -1 : 0 } };
      }
      const n = w === "last" ? -1 : w === "next" ? 1 : 0;
      return { type: "DATE", spec: { k: "rel", unit, n } };
    },
  },
  {
    // "for the year ended Dec. 31", "the quarter ending June 30": the period that ends on that day
    // (the day itself is its own expression).
    id: "date:period-ended",
    re: new RegExp(`\\b[Tt]he (?:(?:fiscal|latest|most recent|financial) )?(year|quarter|month)(?= (?:that |which )?(?:ended|ending|ends) (?:on )?(${MON}) (${DAY})(?:,? (${YEAR}))?\\b)`, "g"),
    build: (m) => {
      const mo = monthOf(m[2]!);
      if (mo === null) return null;
      const unit = m[1] === "year" ? "Y" : m[1] === "quarter" ? "Q" : "M";
      return { type: "DATE", spec: { k: "endingOn", unit, m: mo, d: dayOf(m[3]!), ...(m[4] ? { y: +m[4] } : {}) } };
    },
  },
  {
    // "the year before", "the year previous", "the year earlier" closing a clause: the year before the one last named.
    id: "date:the-year-before",
    re: /\b[Tt]he (year|month|quarter) (?:before|previous|earlier)(?= ?[,.;:)]| (?:and|but|when|while|as)\b)/g,
    build: (m) => ({ type: "DATE", spec: { k: "anaph", unit: m[1] === "year" ? "Y" : m[1] === "month" ? "M" : "Q", n: -1 } }),
  },
  {
    id: "date:the-year",
    re: /\b(?:(?:[Tt]he )?(?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle) of )?the (?:(?:entire|whole|full) )?(year|week|month)\b(?! (?:of|before|earlier|after|later|ago|and|to)\b)/g,
    build: (m, t) => {
      if (!/^(?:[Tt]he )?(?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle)/.test(m[0]) && !/(?:of|by|for|in|during|throughout|through|until) $/i.test(t.slice(Math.max(0, m.index - 12), m.index))) return null;
      // "coach of the year", "album of the month": an award, not a time.
      if (/\b(?:player|coach|man|woman|person|rookie|album|song|record|car|book|word|employee|manager|athlete|team)s? of $/i.test(t.slice(Math.max(0, m.index - 20), m.index))) return null;
      // "for the year", "for the entire year": the year (or month) the text has just named, else the
      // publication's; "the end of the year" stays the publication's.
      if (m[1] !== "week" && !/^(?:[Tt]he )?(?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle)/.test(m[0])) return { type: "DATE", spec: { k: "anaph", unit: m[1] === "month" ? "M" : "Y", n: 0 } };
      return { type: "DATE", spec: { k: "rel", unit: m[1] === "week" ? "W" : m[1] === "month" ? "M" : "Y", n: 0 } };
    },
  },
];
