import type { Token } from "../entities/index.js";

/**
 * Small word lists and tests on token runs for reported speech: whether the
 * words after a cue read as a clause ("the suspect had been let go") rather
 * than a nominal object ("a strong smell of gas"), and the adjuncts and
 * objects that sit between a cue and its content ("told The Canadian Press",
 * "said Saturday", "said in a statement").
 */

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Speech verbs that report a clause in indirect speech, all forms written out. */
export const INDIRECT_CUES = words(`
  said says say saying told tells tell telling added adds adding explained explains stated states declared
  announced announces revealed reveals confirmed confirms responded replied insisted insists argued argues claimed
  claims claiming asserted warned warns warning noted notes noting stressed emphasized emphasised acknowledged
  acknowledges admitted admits denied wrote writes suggested predicted promised vowed complained maintained
  contended reiterated cautioned recalled recalls conceded concluded agreed mentioned testified testifies reported
  reports reporting estimated indicated lamented alleged alleges alleging explaining insisting arguing stressing
  informed assured reminded advised countered observed disclosed recounted boasted signaled signalled
  stating announcing confirming acknowledging admitting suggesting predicting promising recalling denying
  asserting emphasizing emphasising revealing declaring reiterating conceding concluding complaining vowing
  lamenting cautioning observing recounting boasting contending maintaining
  allege claim insist argue warn report note confirm admit deny suggest contend maintain
`);

/** Cues that take a clause with no "that" ("X said he ..."); the rest need "that" (or an object, for "told"). */
export const BARE_CUES = words(`
  said says say saying added adds adding insisted insists argued argues claimed claims claiming warned warns
  warning noted notes noting stressed suggested predicted maintained contended conceded asserted wrote writes
  admitted admits told tells telling testified testifies reported reports recalled recalls acknowledged
  acknowledges estimated indicated alleged alleges explained explains confirmed confirms stated
  reiterated agreed denied recounted stating confirming acknowledging admitting suggesting predicting recalling
  denying asserting emphasizing emphasising declaring reiterating conceding allege claim insist argue warn report
  note admit deny suggest contend maintain
`);

/** Cues whose first object is the listener ("told The Canadian Press he ..."). */
export const LISTENER_CUES = words("told tells tell telling informed assured reminded advised warned");

/** Words after which the next words are not a clause ("said of the police", "said nothing"). */
const NOT_CLAUSE = words(`
  of to for with about from into as so nothing yes no goodbye hello thanks sorry little much more less something
  anything what whether how why where who which when if before after until while because unless
`);

/** Time adjuncts that may sit between a cue and its clause ("said Saturday"). */
const TIME_WORDS = words(`
  monday tuesday wednesday thursday friday saturday sunday today yesterday tonight later earlier again also
  recently previously repeatedly initially then now afterwards afterward first once
`);

const SUBJECT = words("he she they we i it you there this that");
const FINITE = words(`
  is are was were be been has have had will would could can should may might must did does do shall wo ca
  's 're 've 'd 'll isn't wasn't weren't aren't hasn't haven't hadn't won't wouldn't couldn't can't didn't
  doesn't don't shouldn't
`);
const PREPOSITIONS = words("on in at during after before by via through over from since while last this to");

const IRREGULAR = words(`
  ran shot hit fell got went came made took saw said told found left put set began broke kept held lost built sent
  spent stood fled fought brought thought caught struck knew gave became felt heard met paid sold won wrote drove
  rode threw bought led meant read let cut hurt beat bit hid lay sat rose flew grew drew wore tore swore sank stole
  woke forgot understood awoke blew dug fed forgave froze hung lit quit shook shut slid spun spread stuck stung swept
  swung taught withdrew seen done gone taken given known shown begun broken chosen driven eaten fallen forgotten
  hidden ridden risen spoken stolen thrown worn written
`);
const DETERMINER = words("the a an his her its their our my your this that these those some any every no each one");

const lower = (t: Token | undefined): string => t?.text.toLowerCase() ?? "";

/** Whether tokens [from, to) hold a finite verb (auxiliary, past form, irregular past): the content is a clause. */
export function hasVerb(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (/^\p{Lu}/u.test(tokens[k]!.text)) continue; // "Felt" is a name here
    const w = lower(tokens[k]);
    if (FINITE.has(w) || IRREGULAR.has(w)) return true;
    if (k > from && /^\p{Ll}{2,}ed$/u.test(w) && !DETERMINER.has(lower(tokens[k - 1]))) return true;
  }
  return false;
}

/**
 * Whether the words at `j` open a counted subject ("as many as 20,000 people",
 * "more than 50 people", "about 1,000 residents"), whose first word alone
 * reads as no clause ("said as he left", "said more", "said about the plan").
 */
function countedSubject(tokens: Token[], j: number): boolean {
  const w = (i: number) => lower(tokens[j + i]);
  const figure = (i: number) => /^\d/.test(tokens[j + i]?.text ?? "") || /^(?:two|three|four|five|six|seven|eight|nine|ten|a|dozens|hundreds|thousands|tens)$/.test(w(i) ?? "");
  if (w(0) === "as" && /^(?:many|much|few|little)$/.test(w(1) ?? "") && w(2) === "as") return figure(3);
  if (/^(?:more|less|fewer)$/.test(w(0) ?? "") && w(1) === "than") return figure(2);
  if (w(0) === "about") return /^\d/.test(tokens[j + 1]?.text ?? "");
  return false;
}

/** Whether the tokens from `j` (up to `end`, exclusive) read as a finite clause. */
export function looksLikeClause(tokens: Token[], j: number, end: number): boolean {
  const first = lower(tokens[j]);
  if (!first || (NOT_CLAUSE.has(first) && !countedSubject(tokens, j))) return false;
  if (SUBJECT.has(first) && first !== "that" && first !== "this") return true;
  if (/^\p{Ll}+ing$/u.test(tokens[j]!.text)) return false; // a gerund object: "reported receiving ..." (not "King")
  for (let k = j + 1; k < end && k <= j + 12; k++) {
    if (/^\p{Lu}/u.test(tokens[k]!.text)) continue;
    const w = lower(tokens[k]);
    // A present-tense verb after its subject: "NYPD policy precludes asking ...".
    if (/^\p{Ll}{3,}s$/u.test(w) && !/(?:ss|us|is|ics|ness)$/.test(w) && lower(tokens[k + 1]) !== "of"
      && !DETERMINER.has(lower(tokens[k - 1])) && !DETERMINER.has(lower(tokens[k - 2])) && !/^(?:which|that|who)$/.test(lower(tokens[k - 1]))
      && tokens.slice(j, k).some((t) => /^\p{Lu}/u.test(t.text))) return true;
    if (FINITE.has(w) || (IRREGULAR.has(w) && !DETERMINER.has(lower(tokens[k - 1])))) return true;
    if (/^\p{Ll}{2,}ed$/u.test(w) && !DETERMINER.has(lower(tokens[k - 1]))
      && !/^(?:need|red|bed|shed|seed|feed|speed|hundred|bred|sacred|naked|wicked)$/.test(w)) return true;
  }
  return false;
}

/**
 * Skips what may stand between a cue and its content: the listener of
 * "told" (a name, a pronoun, "reporters", "the BBC"), time words and short
 * prepositional adjuncts ("in a statement", "on Tuesday"). Returns the token
 * index where the content may start (after "that" when there is one) and
 * whether a "that" was seen.
 */
export function skipToContent(text: string, tokens: Token[], cue: number, end: number): { at: number; that: boolean } {
  let j = cue + 1;
  const cueWord = lower(tokens[cue]);
  const gapClean = (a: number): boolean => /^[ \u00a0]+$/.test(text.slice(tokens[a - 1]!.end, tokens[a]!.start));
  if (LISTENER_CUES.has(cueWord) && j < end && gapClean(j)) {
    // The listener: a pronoun, a name, or a short noun phrase.
    const w = lower(tokens[j]);
    if (/^(?:him|her|them|us|me|you|reporters|police|officers|investigators|detectives|workers|friends|jurors|members|supporters)$/.test(w)) j++;
    else if (/^\p{Ll}+s$/u.test(w) && /^(?:to|that)$/.test(lower(tokens[j + 1]))) j++; // "told customers to ..."
    else {
      let k = j;
      if (/^(?:the|a|an|his|her|their|its)$/.test(w)) k++;
      let n = 0;
      while (k < end && n < 5 && /^[\p{Lu}\d]/u.test(tokens[k]!.text) && (k === j || gapClean(k))) {
        k++;
        n++;
        if (tokens[k - 1]!.possessive) break;
      }
      if (n > 0) j = k;
      else if (k > j && k < end) j = k + 1; // "the group", "the crowd"
    }
  }
  // Adjuncts: time words, then "in a statement", "at a hearing on Tuesday" (only when "that" follows).
  while (j < end && TIME_WORDS.has(lower(tokens[j])) && gapClean(j)) j++;
  // "said after the Sixers were eliminated in the first round of the playoffs by Detroit that ...": a longer adjunct.
  const reach = /^(?:after|before|during|following|while|until|since)$/.test(lower(tokens[j])) ? 20 : 10;
  for (let k = j; k < end && k <= j + reach; k++) {
    if (k > j + 10 && /,/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) break;
    if (k > cue + 1 && /[“”"‘:;]/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) break;
    if (lower(tokens[k]) === "that") {
      if (k === j || PREPOSITIONS.has(lower(tokens[j])) || LISTENER_CUES.has(cueWord)) return { at: k + 1, that: true };
      break;
    }
  }
  return { at: j, that: false };
}
