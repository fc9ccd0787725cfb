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
    "schools cars companies marketplace landscape environment reality realities challenges life lives " +
    "people women men athletes music art science medicine universities cities nation country trends " +
    "customers clients guests homeowners buyers users voters readers audiences leaders pioneers " +
    "organizations institutions brands tools devices phones computers software internet web versions " +
    "models systems threats demands innovations options").split(" "),
);

/** Modifiers of an era, not of a day: "today's digital world", "today's fast-moving market". */
const ERA_MODIFIER = /^(?:modern|digital|global|globali[sz]ed|competitive|dynamic|evolving|changing|fast-\w+|ever-\w+|interconnected|connected|hybrid|sophisticated|complex|rapidly|increasingly|\w+-(?:driven|powered|enabled|savvy|first|centric))$/i;

/** Words that may follow such a noun at the end of its phrase ("today's world is", "society today, ..."). */
const PHRASE_END = new Set(
  ("is are was were has have had can cannot will would must may might should does do needs need demands " +
    "faces face requires require and or but of in with that who which where when to for as than on at").split(" "),
);

/** One word (letters, digits, hyphens). */
const WORD = /^[A-Za-z][\w-]*/;

/** Up to `n` words at the start of `s`, stopping at punctuation (the end of the phrase). */
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

/** Nouns that would make the word before them a modifier of a dated event ("today's world premiere", "economy figures"). */
const EVENTISH = /^(?:vote|game|race|match|talks|show|news|report|data|meeting|deal|premiere|final|summit|close|edition|issue|paper|session|rally|gains?|loss(?:es)?|drop|fall|rise|jump|surge|slide|plunge|decline|sell-?off|move|speech|visit|\w+(?:ments?|tions?|sions?|ings?|ships?|ures?|ances?|ences?|ers|figures|numbers|results))$/i;

/** Whether a noun phrase ends before `next`: no next word in the phrase, a function word, or a verb-like word. */
function endsPhrase(next: string | undefined): boolean {
  if (next === undefined || PHRASE_END.has(next.toLowerCase())) return true;
  return /^[a-z]/.test(next) && !EVENTISH.test(next);
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
    if (ws[0] && /^[A-Z]/.test(ws[0]) && endsPhrase(ws[1])) return true;
    if (ws[0] && ERA_MODIFIER.test(ws[0])) return true;
    for (let i = 0; i < Math.min(3, ws.length); i++) {
      if (LASTING.has(ws[i]!.toLowerCase())) return endsPhrase(ws[i + 1]);
    }
    return false;
  }
  // "the world of today", "the leaders of today" (but "the events of today" is the day).
  const of = /\b(\w+) of $/.exec(before);
  if (of) return LASTING.has(of[1]!.toLowerCase()) || /\w{3}(?:ers|ists|ians)$/i.test(of[1]!);
  // "the world today.", "society today is" (but "stocks fell around the world today", "the industry today announced",
  // "killed three people today as"): a few nouns of the whole present, ending the clause or before a present verb.
  const noun = /(?:^|\s)(world|society|youth|generation) $/i.exec(before);
  if (noun && !/\b(?:around|across|throughout|over) (?:the )?\w+ $/i.test(before)) {
    return /^\s*(?:[.;:!?)]|,? (?:is|are|has|have|faces|face|needs|need)\b|$)/.test(after);
  }
  return false;
}
