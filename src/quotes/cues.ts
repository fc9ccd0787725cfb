import { firstNameGender, NAME_TAIL_CAPS, ORG_WORDS, PLACE_WORDS, PLACES, PRONOUNS, ROLE_NOUNS, STOP_CAPS, type Token } from "../entities/index.js";

const FORMS = `say said says saying tell told tells telling add added adds adding continue continued continues
  explain explained explains explaining state stated declare declared declares announce announced announces reveal
  revealed reveals confirm confirmed confirms respond responded responds reply replied replies insist insisted insists
  insisting argue argued argues arguing claim claimed assert asserted asserts warn warned warns warning note noted
  stress stressed stresses emphasize emphasized emphasise emphasised acknowledge acknowledged admit admitted admits
  deny denied denies write wrote writes tweet tweeted posted comment commented describe described urge urged urges
  ask asked asks resolved recall recalled recalls suggest suggested suggests predict predicted promise promised vow
  vowed vows complain complained complains propose proposed remarked quipped joked shouted whispered conceded
  concluded repeated agreed maintained maintains contended observed pointed mentioned testified reiterated added
  cautioned countered retorted replied boasted lamented acknowledged recounted exclaimed declared wrote answered
  yelled screamed chanted yell yells shout shouts scream screams writing states stating
  fumed thundered mused raged snapped sighed laughed gushed scoffed groaned marveled marvelled pleaded begged
  demanded cried bellowed barked muttered murmured notified reads reported asking noting recalling answering
  replying responding declaring announcing claiming stressing echoed`;

/** Speech verbs that cue a quote (all forms written out; no stemming needed at this size). */
export const CUE_VERBS = new Set(FORMS.split(/\s+/).filter(Boolean));

/** Cues that report a clause ("X said that ..."): the verbs that can take a that-clause. */
export const REPORTING = new Set(["said", "says", "told", "tells", "added", "adds", "explained", "stated", "declared",
  "announced", "revealed", "confirmed", "responded", "replied", "insisted", "argued", "claimed", "asserted", "warned",
  "noted", "stressed", "emphasized", "emphasised", "acknowledged", "admitted", "denied", "wrote", "suggested",
  "predicted", "promised", "vowed", "complained", "maintained", "contended", "reiterated", "cautioned", "recalled",
  "conceded", "concluded", "agreed", "mentioned", "testified", "saying", "adding", "telling", "arguing", "insisting",
  "claiming", "warning", "noting", "stressing", "explaining", "insists", "argues", "claims", "warns", "notes"]);

/** Nouns that stand for the speaker who issued them ("the statement said"). */
export const SPEECH_NOUNS = new Set(["statement", "report", "article", "release", "letter", "post", "tweet", "memo",
  "spokesperson", "spokesman", "spokeswoman", "announcement", "document", "filing", "complaint", "communique", "site", "website", "policy"]);

/**
 * Verbs that frame a quoted description rather than report speech ("Jobs called the software “the most
 * advanced ...”", "was praised by Jobs as “...”"): cues only for a quote later in the same sentence.
 */
export const FRAMING_VERBS = new Set(["called", "calls", "calling", "described", "describes", "describing", "dubbed",
  "labeled", "labelled", "branded", "hailed", "praised", "termed"]);

const SKIP_BEFORE_CUE = new Set(["also", "later", "previously", "has", "have", "had", "would", "will", "then", "again",
  "once", "first", "never", "still", "just", "further", "repeatedly", "often", "has", "was", "is", "had", "recently",
  "earlier", "quickly", "publicly", "privately", "simply", "only", "even", "not", "did", "does", "do", "both",
  "herself", "himself", "themselves", "itself"]);
const DETS = new Set(["the", "a", "an", "her", "his", "their", "its", "our", "this", "that", "one", "another"]);
const SUBJECT_PRONOUNS = new Set(["he", "she", "i", "we", "they", "it"]);
const NOT_ADVERB = /^(?:family|ally|allies|rally|supply|assembly|anomaly|monopoly|italy|fly|july|belly|bully)$/;
/** Subjects that count people without naming them ("One said", "Others said"). */
export const QUANTIFIERS = /^(?:[Oo]ne|[Ss]ome|[Mm]any|[Oo]thers|[Ss]everal|[Mm]ost|[Ff]ew|[Ss]omeone|[Ss]omebody|[Ee]veryone|[Aa]nyone|[Nn]obody)$/;

/** Lower-case nouns for groups and bodies that speak ("police say", "the software giant said", "others said"). */
export const GROUP_NOUNS = new Set(`police authorities officials witnesses investigators officers prosecutors
  residents neighbors neighbours others sources experts analysts workers co-workers employees company newspaper
  paper giant firm agency department network station recording pair family relatives friends participants
  protesters organizers organisers doctors researchers scientists court jury prosecution defense defence group
  team cops cop people students parents survivors victims critics lawyers attorneys detectives firefighters
  deputies troopers agents staff officer manager owner spokesperson spokesman spokeswoman navy army military
  government ministry council commission union campaign prosecutors management administration board leadership
  committee panel`.split(/\s+/).filter(Boolean));

const isCapWord = (t: string): boolean => /^\p{Lu}/u.test(t);
const nounish = (t: string): boolean => (isCapWord(t) && (!STOP_CAPS.has(t) || /^(?:Mr|Mrs|Ms|Dr)$/.test(t))) || ROLE_NOUNS.has(t.toLowerCase()) || SPEECH_NOUNS.has(t.toLowerCase())
  || GROUP_NOUNS.has(t.toLowerCase());

/** Whether a token is a cue verb (lower case: "Says" at a headline's start is not). */
export const isCue = (t: Token): boolean => CUE_VERBS.has(t.text);

/** A noun phrase of tokens [from, to] (inclusive). */
export interface NounPhrase {
  from: number;
  to: number;
}

/** Whether two tokens are neighbours in one phrase: one or two spaces between them, or " & " inside a name. */
export const gapOk = (text: string, a: Token, b: Token): boolean => {
  const g = text.slice(a.end, b.start);
  // "Procter & Gamble", "Johnson & Johnson": an ampersand between capitalised words joins one name.
  return (g.length <= 2 && /^[ \u00a0]+$/.test(g)) || (g === " & " && /^\p{Lu}/u.test(a.text) && /^\p{Lu}/u.test(b.text))
    || (a.possessive && /^[’'] $/.test(g)); // "the 76ers' thinking"
};

/**
 * The subject right before a cue verb: a pronoun, a name, a titled name, or a
 * description ("the Mexican president", "A White House spokesperson"), with
 * adverbs and auxiliaries between it and the verb skipped. `floor` is the first
 * token index it may use.
 */
export function subjectBefore(text: string, tokens: Token[], cue: number, floor: number): NounPhrase | null {
  let k = cue - 1;
  while (k >= floor && (SKIP_BEFORE_CUE.has(tokens[k]!.text.toLowerCase()) || (/^\p{Ll}+ly$/u.test(tokens[k]!.text) && !NOT_ADVERB.test(tokens[k]!.text)))
    && gapOk(text, tokens[k]!, tokens[k + 1]!)) k--;
  if (k < floor || !gapOk(text, tokens[k]!, tokens[k + 1]!)) return null;
  const last = tokens[k]!;
  if (SUBJECT_PRONOUNS.has(last.text.toLowerCase()) || QUANTIFIERS.test(last.text)) return { from: k, to: k };
  const tail = NAME_TAIL_CAPS.has(last.text) && k - 1 >= floor && isCapWord(tokens[k - 1]!.text) && !STOP_CAPS.has(tokens[k - 1]!.text);
  if ((!nounish(last.text) && !tail) || last.possessive) return null;
  let j = k;
  while (j - 1 >= floor && gapOk(text, tokens[j - 1]!, tokens[j]!)) {
    const w = tokens[j - 1]!.text;
    const low = w.toLowerCase();
    if (DETS.has(low)) {
      j--;
      break;
    }
    if (nounish(w) || (low === "of" && j - 2 >= floor) || tokens[j - 1]!.possessive) {
      if (PRONOUNS[low] && !tokens[j - 1]!.possessive && !/^\p{Lu}{2,}$/u.test(w)) break;
      j--;
      continue;
    }
    break;
  }
  while (j < k && tokens[j]!.text.toLowerCase() === "of") j++;
  const np = nameBeforeBody(text, tokens, { from: j, to: k }, floor);
  // "Chief investment officer at Fort Pitt Capital Group Charlie Smith said": the run names a person, keep it.
  return trailingName(tokens, np) ? np : groupBeforePlace(text, tokens, np, floor);
}

/** The person's name ending a body's name run ("Fort Pitt Capital Group Charlie Smith"): a first name and one or two more. */
function trailingName(tokens: Token[], np: NounPhrase): NounPhrase | null {
  for (let i = Math.max(np.from + 1, np.to - 2); i < np.to; i++) {
    if (firstNameGender(tokens[i]!.text) === undefined) continue;
    const before = tokens.slice(np.from, i);
    if (before.some((t) => ORG_WORDS.has(t.text)) && tokens.slice(i, np.to + 1).every((t) => /^\p{Lu}\p{Ll}/u.test(t.text) && !ORG_WORDS.has(t.text))) {
      return { from: i, to: np.to };
    }
  }
  return null;
}

/** Role heads that an "of" phrase names the domain of ("the premier of ...", "the governor of ..."). */
const ROLE_OF = /^(?:premier|governor|president|mayor|head|chief|chairman|chairwoman|minister|secretary|director|leader|spokesman|spokeswoman|spokesperson|state)$/;
const PLACE_PREPS = new Set(["in", "at", "from", "along", "near", "on", "across", "inside", "outside"]);

/**
 * "Officials in Ohio said", "Researchers at security firm Trend Micro say": a group or role noun
 * followed by a preposition and a place or body is the speaker, not the place (`quotes:group-before-place`).
 */
function groupBeforePlace(text: string, tokens: Token[], np: NounPhrase, floor: number): NounPhrase {
  // Up to four modifiers may sit between a preposition and its phrase ("along 117th Street", "from Iran's Red Crescent relief agency").
  const prepBefore = (i: number): number => {
    let p = i - 1;
    while (p > i - 5 && p > floor && /^[\p{L}\p{N}][\p{L}\p{N}'’-]*$/u.test(tokens[p]!.text) && !PLACE_PREPS.has(tokens[p]!.text) && tokens[p]!.text !== "of"
      && gapOk(text, tokens[p]!, tokens[p + 1]!)) p--;
    return p;
  };
  let p = prepBefore(np.from);
  const prep = tokens[p];
  if (!prep || p - 1 < floor || !(PLACE_PREPS.has(prep.text) || prep.text === "of" && ROLE_OF.test(tokens[p - 1]!.text)) || !gapOk(text, tokens[p - 1]!, prep) || !gapOk(text, prep, tokens[p + 1]!)) return np;
  let head = tokens[p - 1]!.text.toLowerCase();
  // "The premier of the German state of North Rhine-Westphalia remarked": back over "of" phrases to a role.
  for (let hops = 0; hops < 2 && prep.text === "of" && !ROLE_NOUNS.has(head) && /^\p{Ll}+$/u.test(tokens[p - 1]!.text); hops++) {
    const q = prepBefore(p - 1);
    if (tokens[q]?.text !== "of" || q - 1 < floor) break;
    p = q;
    head = tokens[p - 1]!.text.toLowerCase();
  }
  if (prep.text === "of" && !ROLE_NOUNS.has(head)) return np;
  // "The BBC's Frances Harrison in Tehran says": a full name (two name words or more) before the preposition.
  const b = nameRunStart(text, tokens, p - 1, floor);
  if (b !== null && p - 1 - b >= 1) return { from: b, to: p - 1 };
  const group = GROUP_NOUNS.has(head) || ROLE_NOUNS.has(head) || /^(?:researchers|scientists|analysts|officials|residents)$/.test(head);
  return group ? subjectBefore(text, tokens, p, floor) ?? np : np;
}

/**
 * "the Rev. Larry Kroon of the Wasilla Bible Church said": when the phrase before the cue is a body
 * or a place ("the Wasilla Bible Church") joined by "of", "at" or "from" to a name before it, the
 * name is the speaker (`quotes:name-of-body`).
 */
function nameBeforeBody(text: string, tokens: Token[], np: NounPhrase, floor: number): NounPhrase {
  const prep = tokens[np.from - 1];
  if (!prep || np.from - 2 < floor || !/^(?:of|at|from)$/.test(prep.text) || !gapOk(text, tokens[np.from - 2]!, prep)) return np;
  const body = tokens.slice(np.from, np.to + 1).some((t) => ORG_WORDS.has(t.text) || PLACE_WORDS.has(t.text));
  const e = np.from - 2;
  const b = nameRunStart(text, tokens, e, floor);
  return body && b !== null && e - b >= 1 ? { from: b, to: e } : np;
}

const isNameWord = (t: Token | undefined): boolean => !!t && isCapWord(t.text) && !STOP_CAPS.has(t.text) && !ORG_WORDS.has(t.text) && !t.possessive;

/** Where the run of name words ending at token `e` starts (null when `e` is no name word). */
function nameRunStart(text: string, tokens: Token[], e: number, floor: number): number | null {
  if (e < floor || !isNameWord(tokens[e])) return null;
  let b = e;
  while (b - 1 >= floor && isNameWord(tokens[b - 1]) && gapOk(text, tokens[b - 1]!, tokens[b]!)) b--;
  return b;
}

/**
 * The noun phrase right after a cue ("said Sheinbaum", "said the Mexican president"); a description
 * followed by ", Name" gives the name ("said her nephew, Ravi Singh"), and a few lower-case modifiers
 * may come before a name ("said ex-NYPD detective Joe Coffey"). With `bare`, the phrase starts at `cue + 1`
 * whatever the gap before it.
 */
export function subjectAfter(text: string, tokens: Token[], cue: number, ceil: number, bare = false): NounPhrase | null {
  const np = plainAfter(text, tokens, cue, ceil, bare);
  if (np && (/^\p{Lu}/u.test(tokens[np.to]!.text) || tokens[np.to]!.possessive)) {
    // "said Trend Micro advanced threat researcher Paul Ferguson", "said the company's advanced threat researcher
    // Paul Ferguson": lower-case role words, then the name.
    let j = np.to + 1;
    while (j <= Math.min(tokens.length - 1, np.to + 5) && /^\p{Ll}+$/u.test(tokens[j]!.text) && gapOk(text, tokens[j - 1]!, tokens[j]!)) j++;
    // "Defensive end Kyle Vanden Bosch": one or two lower-case words that are no verb, then a first name and a surname.
    const position = j > np.to + 1 && j <= np.to + 3 && tokens[j + 1] && firstNameGender(tokens[j]?.text ?? "") !== undefined
      && /^\p{Lu}\p{Ll}/u.test(tokens[j + 1]!.text) && gapOk(text, tokens[j - 1]!, tokens[j]!) && gapOk(text, tokens[j]!, tokens[j + 1]!)
      && tokens.slice(np.to + 1, j).every((t) => !/(?:ed|[^s]s|ing)$/.test(t.text) && !FUNCTION_WORDS.has(t.text));
    if (position) {
      const name = plainAfter(text, tokens, j - 1, Math.min(tokens.length - 1, j + 3), true);
      if (name) return name;
    }
    // "The US automobile manufacturer Ford", "Irish low cost airline Ryanair": a place's adjective, a kind of body, the name.
    const placeOnly = tokens.slice(np.from, np.to + 1).every((t) => DETS.has(t.text.toLowerCase()) || PLACES[t.text.toLowerCase()] !== undefined);
    const kindWords = tokens.slice(np.to + 1, j).every((t) => !/(?:ed|ing|ly)$/.test(t.text) && !FUNCTION_WORDS.has(t.text));
    if (j > np.to + 1 && tokens[j] && (ROLE_NOUNS.has(tokens[j - 1]!.text) || placeOnly && kindWords) && /^\p{Lu}\p{Ll}/u.test(tokens[j]!.text)
      && (gapOk(text, tokens[j - 1]!, tokens[j]!) || /^, $/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start)))) {
      const name = plainAfter(text, tokens, j - 1, Math.min(tokens.length - 1, j + 3), true);
      if (name) return name;
    }
  }
  if (np) {
    const next = tokens[np.to + 1];
    const head = tokens[np.to]!.text;
    const determined = DETS.has(tokens[np.from]!.text.toLowerCase()) || !!tokens[np.from]!.possessive;
    // "said T Rowe Price Head trader, Andy Brooks": a body's role, then the name (not "police, Anthony LaSalle").
    const bodyRole = np.to > np.from && ROLE_NOUNS.has(head) && !GROUP_NOUNS.has(head);
    if (next && (determined || bodyRole) && np.to + 1 <= ceil + 3 && !/^\p{Lu}/u.test(head) && /^\s*,\s*$/.test(text.slice(tokens[np.to]!.end, next.start)) && /^\p{Lu}\p{Ll}/u.test(next.text)) {
      const name = plainAfter(text, tokens, np.to, Math.min(tokens.length - 1, np.to + 4), true);
      if (name && name.from === np.to + 1) return name;
    }
    // "said the general secretary of the British union Unite, Tony Woodley": past an "of" phrase to the name.
    if (next && determined && !/^\p{Lu}/u.test(head) && next.text === "of") {
      let c = np.to + 2;
      while (c < tokens.length && c <= np.to + 8 && gapOk(text, tokens[c - 1]!, tokens[c]!)) c++;
      const comma = tokens[c];
      if (comma && c <= np.to + 8 && /^\s*,\s*$/.test(text.slice(tokens[c - 1]!.end, comma.start)) && /^\p{Lu}\p{Ll}/u.test(comma.text)) {
        const name = plainAfter(text, tokens, c - 1, Math.min(tokens.length - 1, c + 3), true);
        if (name && name.from === c && name.to > name.from) return name;
      }
    }
    return np;
  }
  if (bare) return null;
  // "said a man wearing ski goggles", "said one young man, ...": a determiner and lower-case words.
  if (DETS.has(tokens[cue + 1]?.text.toLowerCase() ?? "") && gapOk(text, tokens[cue]!, tokens[cue + 1]!)) {
    let e = cue + 1;
    while (e + 1 <= Math.min(ceil, cue + 5) && /^\p{Ll}+$/u.test(tokens[e + 1]!.text) && gapOk(text, tokens[e]!, tokens[e + 1]!)
      && !/(?:ing|ed|ly)$/.test(tokens[e + 1]!.text) && !FUNCTION_WORDS.has(tokens[e + 1]!.text)) e++;
    const stop = tokens[e + 1];
    // Not a clause's subject ("said the allegations in the report were ..."): the phrase ends the sentence or
    // is followed by punctuation, a participle or "who".
    const ends = !stop || !gapOk(text, tokens[e]!, stop) || /ing$/.test(stop.text) || stop.text === "who";
    if (e > cue + 1 && ends) return { from: cue + 1, to: e };
  }
  // Lower-case modifiers before a name: up to four words, no punctuation.
  for (let j = cue + 1; j <= Math.min(ceil, cue + 7); j++) {
    const gap = text.slice(tokens[j - 1]!.end, tokens[j]!.start);
    const apposition = j > cue + 1 && /^, $/.test(gap) && /^\p{Lu}\p{Ll}/u.test(tokens[j]!.text);
    if (!gapOk(text, tokens[j - 1]!, tokens[j]!) && !/^ - $/.test(gap) && !apposition) return null;
    if (/^\p{Lu}\p{Ll}/u.test(tokens[j]!.text) && !DETS.has(tokens[j]!.text.toLowerCase())) {
      const name = plainAfter(text, tokens, j - 1, Math.min(tokens.length - 1, j + 3), true);
      return name;
    }
  }
  return null;
}

function plainAfter(text: string, tokens: Token[], cue: number, ceil: number, bare: boolean): NounPhrase | null {
  let j = cue + 1;
  if (j > ceil || !tokens[j] || (!bare && !gapOk(text, tokens[cue]!, tokens[j]!))) return null;
  const first = tokens[j]!.text.toLowerCase();
  if (SUBJECT_PRONOUNS.has(first)) return { from: j, to: j };
  // "says one.", "said another": a bare quantifier stands for an unnamed person.
  if (QUANTIFIERS.test(tokens[j]!.text) || first === "another") {
    const next = tokens[j + 1];
    if (!next || !gapOk(text, tokens[j]!, next) || !nounish(next.text) && !/^\p{Ll}+$/u.test(next.text)) return { from: j, to: j };
  }
  if (DETS.has(first)) j++;
  // "said the 29-year-old": an age stands for the person.
  if (j > cue + 1 && tokens[j] && j <= ceil && /^\d+-year-old$/.test(tokens[j]!.text)) return { from: cue + 1, to: j };
  let k = j;
  while (k <= ceil && nounish(tokens[k]!.text) && (k === j || gapOk(text, tokens[k - 1]!, tokens[k]!))) {
    k++;
    if (tokens[k - 1]!.possessive) break;
  }
  if (k === j) return null;
  // "Ms. Davis's sister Crystal": past the possessive to the role and the name after it.
  if (tokens[k - 1]!.possessive && k <= ceil + 3 && tokens[k] && ROLE_NOUNS.has(tokens[k]!.text)) {
    let r = k;
    while (r < tokens.length && r < k + 3 && ROLE_NOUNS.has(tokens[r]!.text) && gapOk(text, tokens[r - 1]!, tokens[r]!)) r++;
    if (tokens[r] && /^\p{Lu}\p{Ll}/u.test(tokens[r]!.text) && gapOk(text, tokens[r - 1]!, tokens[r]!)) {
      let e = r;
      while (tokens[e + 1] && /^\p{Lu}\p{Ll}/u.test(tokens[e + 1]!.text) && gapOk(text, tokens[e]!, tokens[e + 1]!) && e < r + 2) e++;
      return { from: r, to: e };
    }
    return { from: cue + 1, to: r - 1 };
  }
  // "says the BBC's Christian Fraser": past the possessive outlet to the name.
  if (tokens[k - 1]!.possessive && tokens[k] && /^\p{Lu}\p{Ll}/u.test(tokens[k]!.text) && tokens[k + 1] && /^\p{Lu}\p{Ll}/u.test(tokens[k + 1]!.text)
    && gapOk(text, tokens[k - 1]!, tokens[k]!) && gapOk(text, tokens[k]!, tokens[k + 1]!)) return { from: k, to: k + 1 };
  return { from: cue + 1, to: k - 1 };
}

const FUNCTION_WORDS = new Set(["and", "or", "but", "to", "in", "on", "at", "by", "for", "with", "from", "that", "which",
  "who", "had", "has", "have", "was", "were", "is", "are", "been", "be", "would", "will", "could", "should", "not",
  "then", "when", "as", "if", "so", "than", "into", "about", "after", "before"]);

/**
 * A described subject the name rules miss ("A close friend of the dead mum said"): lower-case words back to a
 * determiner at most seven tokens before the cue, with no verb or conjunction among them.
 */
export function looseSubject(text: string, tokens: Token[], cue: number, floor: number): NounPhrase | null {
  for (let j = cue - 1; j >= floor && j >= cue - 7; j--) {
    const w = tokens[j]!.text;
    const low = w.toLowerCase();
    if (!gapOk(text, tokens[j]!, tokens[j + 1]!)) return null;
    if (DETS.has(low) && j < cue - 1) return { from: j, to: cue - 1 };
    if (FUNCTION_WORDS.has(low) || /(?:ed|ing)$/.test(low) || !/^\p{Ll}[\p{Ll}-]*$/u.test(w) && low !== "of") return null;
  }
  return null;
}
