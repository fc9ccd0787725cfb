import { CALENDAR_NAME, contentStems, STOP_WORDS } from "./lexicon.js";

/**
 * How much of a sentence a cited span states, by its words: the share of the
 * sentence's content words (stop words out, stemmed) that occur in the span.
 * Deliberately plain (no vectors, no synonyms): a citation the reader opens must
 * visibly say what the sentence says.
 */
export function supportShare(sentence: string, cited: string): number {
  const want = new Set(contentStems(sentence));
  if (want.size === 0) return 0;
  const have = new Set(contentStems(cited));
  let n = 0;
  for (const w of want) if (have.has(w)) n++;
  return n / want.size;
}

/** Least share of a summary sentence's content words a citation must carry to count as its support. */
export const SUPPORT_THRESHOLD = 0.6;

/** Context-bound openers: a sentence that opens with one leans on what came before it. */
const BOUND_OPENER = /^(?:She|He|It|They|We|I|You|Her|His|Their|Its|Our|This|That|These|Those|Such|There|Here|But|And|Or|So|Also|Yet|Still|However|Meanwhile|Moreover|Furthermore|Nevertheless|Instead|Then|Later|Earlier|Elsewhere|Afterwards|Thus|Hence|Therefore|Besides|Otherwise|Likewise|Similarly|Again|Now|Both|Neither|Either|Another|Other|Others|The\s+(?:same|other|latter|former|move|statement|decision|remarks?|comments?|announcement|incident|report|call|offer|proposal|response|measure|plan|agreement|deal|attack|event|case|two|three|pair)\b)\b/;
/** Words inside a sentence that point back to an earlier one ("that day", "the same day", "at the time", "also"). */
const BOUND_INSIDE = /\b(?:that day|the same day|the next day|the day before|at the time|also|too|as well|as well as this|the above|aforementioned|said statement)\b|,\s*(?:he|she|they|it|we)\s+(?:said|says|added|adds|told|noted|argued)\b/i;

/**
 * Whether a sentence reads alone: it opens with no pronoun, connective or
 * anaphoric phrase, points back to nothing, is whole (a capital at the start,
 * final punctuation at the end, quotation marks and brackets balanced) and has
 * 6 to 50 words.
 */
export function readsAlone(text: string): boolean {
  const t = text.trim();
  if (BOUND_OPENER.test(t) || BOUND_INSIDE.test(t)) return false;
  // A capital (or an opening quotation mark) first: a sentence opening with a digit or a bracket is a piece of one cut in two.
  if (!/^(?:[“"‘]?\p{Lu})/u.test(t) || !/[.!?]["”’')]?$/u.test(t)) return false;
  if (!balanced(t)) return false;
  const words = t.split(/\s+/).length;
  if (words < 6 || words > 50) return false;
  // A heading run into the sentence ("TWO MORE RAMS OUT St. Louis lost …").
  if (/^(?:[\p{Lu}\d]{2,}\s+(?:-\s+)?){3}/u.test(t)) return false;
  // Outside quotation marks, the writer's own "I", "we" or "you" is a column's voice, not a report that stands alone.
  const own = t.replace(/“[^”]*”|"[^"]*"/g, " ");
  if (/\b(?:I|we|We|us|our|Our|you|You|your|Your|my|My)\b/.test(own)) return false;
  // A sentence with no subject ("Got it up on the Web site at 2:36 p.m.", "Hit the jump for more") or a blog's note ("Update: …").
  if (NO_SUBJECT.test(t)) return false;
  // A subject that only points back: "The governor said …", "The deputy, who was wed …".
  if (definiteSubject(t)) return false;
  // An opening clause that names no one, then a pronoun as the subject ("In Atlanta's posh Buckhead
  // neighborhood, he shot …"): the pronoun's person is in another sentence.
  const lead = /^([^,]{1,100}),\s+(?:he|she|they)\s/.exec(t);
  if (lead && !(lead[1]!.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).slice(1).some(isName)) return false;
  return namesSomething(t);
}

/** A capitalized word that is neither a stop word nor a day or a month. */
function isName(w: string): boolean {
  return /^\p{Lu}/u.test(w) && !CALENDAR_NAME.test(w) && !STOP_WORDS.has(w.toLowerCase());
}

/**
 * Whether a sentence names someone, somewhere or something a reader can place:
 * a capitalized word after its first (days and months aside), or a first word
 * that is a name ("Comeaux was in prison …"; "The", "Sixty", "While" are not).
 * "The changes, which will go into effect in about 30 days, were completed in
 * just four months" names nothing: its subject is whatever came before.
 */
function namesSomething(t: string): boolean {
  const tokens = t.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  const first = tokens[0] ?? "";
  if (/^\p{Lu}/u.test(first) && !OPENING_WORD.test(first) && !STOP_WORDS.has(first.toLowerCase())) return true;
  return tokens.slice(1).some(isName);
}

/** Capitalized words that open a sentence without naming anything. */
const OPENING_WORD = /^(?:A|An|The|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety|Hundreds|Thousands|Dozens|Millions|Several|Many|Few|Most|Police|Officials|Authorities|Residents|Witnesses|Protesters|Investigators|Prosecutors|Officers)$/;
/**
 * Whether a sentence's subject is "the" and one to three common words, then its
 * verb or a comma: the person or thing it means was named in an earlier sentence
 * ("The deputy, who was wed …", "The player was taken to …", "The governor
 * said …"). A subject with a name ("The New Orleans Saints placed …") or a
 * restrictive phrase ("The killing of Grigoropoulos …", "The woman who allegedly
 * shot …") is not one.
 */
function definiteSubject(t: string): boolean {
  const words = t.split(/\s+/);
  if (words[0] !== "The") return false;
  let k = 1;
  while (k < words.length && k <= 3) {
    const w = words[k]!;
    const bare = w.replace(/,$/, "");
    if (!/^[\p{Ll}\d][\p{Ll}\d'’-]*$/u.test(bare) || STOP_WORDS.has(bare) || RESTRICTIVE.test(bare)) return false;
    if (w.endsWith(",")) return true;
    k++;
    const next = words[k] ?? "";
    if (VERB.test(next)) return true;
  }
  return false;
}

/** A sentence that opens with its verb (a note, a caption, an instruction) or with a blog's label. */
const NO_SUBJECT = /^(?:[A-Z][a-z]+ed\s+(?:it|up|apart|out|off|down)\b|(?:Got|Went|Came|Took|Made|Hit|Put|Set|Click|Read|See|Watch|Follow)\s+(?:it|up|apart|out|off|down|the|a|an|his|her|their|our|your|this|that|to|for|more|here)\b|(?:Update|UPDATE|Updated|Editor's note|Editor’s note|Correction|Note)\s*:)/;

const RESTRICTIVE = /^(?:whose|near|outside|inside|behind|across|between|among|against|without|within|allegedly|police)$/;
const VERB = /^(?:is|was|were|are|has|had|have|said|says|told|tells|will|would|could|can|may|might|must|did|does|made|makes|went|goes|came|took|left|gave|got|found|began|became|remains|believes|\p{Ll}+ed)$/u;


/** Whether quotation marks and brackets pair up. */
export function balanced(t: string): boolean {
  const count = (re: RegExp) => (t.match(re) ?? []).length;
  if (count(/“/g) !== count(/”/g)) return false;
  if (count(/"/g) % 2 !== 0) return false;
  if (count(/\(/g) !== count(/\)/g)) return false;
  return true;
}
