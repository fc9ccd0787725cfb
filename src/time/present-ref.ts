/**
 * "today" in the sense of "nowadays". TimeML (after the TIDES guidelines) gives
 * "today" the document's day when it is the day of the report ("Apple today
 * announced", "the events of today") and PRESENT_REF when it means the present
 * era: "today's economy", "the world of today", "society today", "today, more
 * than ever". The head noun decides: things that last (the world, society, the
 * young, a company named) make the era reading; anything else keeps the day.
 */

/** Nouns of things that last, whose "today's" is the present era rather than the day. */
const LASTING = new Set(
  ("world society societies economy economies generation generations youth children kids teens teenagers " +
    "students consumers parents families workers workforce workplace culture technology technologies " +
    "standards politics climate era age military army media industry industries business businesses " +
    "schools cars companies marketplace landscape reality realities challenges problems life lives " +
    "people women men athletes music art science medicine universities cities nation country").split(" "),
);

/** Words that may follow such a noun at the end of its phrase ("today's world is", "society today, ..."). */
const PHRASE_END = new Set(
  ("is are was were has have had can cannot will would must may might should does do needs need demands " +
    "faces face requires require and or but of in with that who which where when to for as than on at").split(" "),
);

/** Words before "today's" that make it an adjective's complement rather than the head ("the youth of"). */
const WORD = /^[A-Za-z][\w-]*/;

function words(s: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n) {
    rest = rest.replace(/^\s+/, "");
    const m = WORD.exec(rest);
    if (!m) break;
    out.push(m[0]);
    rest = rest.slice(m[0].length);
    if (!/^\s/.test(rest)) break; // punctuation closes the phrase
  }
  return out;
}

/** Whether a noun phrase ends at `w` (the next word is missing, punctuation or a function word). */
function endsPhrase(next: string | undefined): boolean {
  return next === undefined || PHRASE_END.has(next.toLowerCase());
}

/**
 * Whether the "today" at `text[start, end)` means the present era (PRESENT_REF)
 * rather than the day of the report.
 */
export function todayIsPresent(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 80);
  const before = text.slice(Math.max(0, start - 60), start);
  // "today, more than ever": a statement about the present, not the day.
  if (/^,? more than ever\b/i.test(after)) return true;
  // "today's economy", "today's young people", "today's GM": the head noun says.
  const poss = /^['’]s\s/.exec(after);
  if (poss) {
    const ws = words(after.slice(poss[0].length), 4);
    // A name standing alone ("today's GM."), not the first word of a longer name or an event ("today's Senate vote").
    if (ws[0] && /^[A-Z]/.test(ws[0]) && ws.length >= 1 && (ws.length === 1 || endsPhrase(ws[1]))) return true;
    for (let i = 0; i < Math.min(3, ws.length); i++) {
      if (LASTING.has(ws[i]!.toLowerCase())) return endsPhrase(ws[i + 1]);
    }
    return false;
  }
  // "the world of today", "the challenges of today" (but "the events of today" is the day).
  const of = /\b(\w+) of $/.exec(before);
  if (of) return LASTING.has(of[1]!.toLowerCase());
  // "society today", "the world today." (but "stocks fell around the world today", "the industry today announced").
  const noun = /(?:^|\s)(\w+) $/.exec(before);
  if (noun && LASTING.has(noun[1]!.toLowerCase()) && !/\b(?:around|across|throughout|over|worldwide) (?:the )?\w+ $/i.test(before)) {
    const next = /^\s*([A-Za-z]+)?/.exec(after)![1];
    return /^\s*[,.;:!?]|^\s*$/.test(after) || endsPhrase(next);
  }
  return false;
}
