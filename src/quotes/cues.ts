import { PRONOUNS, ROLE_NOUNS, type Token } from "../entities/index.js";

const FORMS = `say said says saying tell told tells telling add added adds adding continue continued continues
  explain explained explains explaining state stated declare declared declares announce announced announces reveal
  revealed reveals confirm confirmed confirms respond responded responds reply replied replies insist insisted insists
  insisting argue argued argues arguing claim claimed assert asserted asserts warn warned warns warning note noted
  stress stressed stresses emphasize emphasized emphasise emphasised acknowledge acknowledged admit admitted admits
  deny denied denies write wrote writes tweet tweeted posted comment commented describe described urge urged urges
  ask asked asks resolved recall recalled recalls suggest suggested suggests predict predicted promise promised vow
  vowed vows complain complained complains propose proposed remarked quipped joked shouted whispered conceded
  concluded repeated agreed maintained maintains contended observed pointed mentioned testified reiterated added
  cautioned countered retorted replied boasted lamented acknowledged recounted exclaimed declared wrote`;

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
  "spokesperson", "spokesman", "spokeswoman", "announcement", "document", "filing", "complaint", "communique"]);

const SKIP_BEFORE_CUE = new Set(["also", "later", "previously", "has", "have", "had", "would", "will", "then", "again",
  "once", "first", "never", "still", "just", "further", "repeatedly", "often", "has", "was", "is", "had", "recently",
  "earlier", "quickly", "publicly", "privately", "simply", "only", "even", "not", "did", "does", "do", "both"]);
const DETS = new Set(["the", "a", "an", "her", "his", "their", "its", "our", "this", "that", "one", "another"]);
const SUBJECT_PRONOUNS = new Set(["he", "she", "i", "we", "they", "it"]);

const isCapWord = (t: string): boolean => /^\p{Lu}/u.test(t);
const nounish = (t: string): boolean => isCapWord(t) || ROLE_NOUNS.has(t.toLowerCase()) || SPEECH_NOUNS.has(t.toLowerCase());

/** Whether a token is a cue verb (lower case: "Says" at a headline's start is not). */
export const isCue = (t: Token): boolean => CUE_VERBS.has(t.text);

/** A noun phrase of tokens [from, to] (inclusive). */
export interface NounPhrase {
  from: number;
  to: number;
}

const gapOk = (text: string, a: Token, b: Token): boolean => {
  const g = text.slice(a.end, b.start);
  return g.length <= 2 && /^[ \u00a0]+$/.test(g);
};

/**
 * The subject right before a cue verb: a pronoun, a name, a titled name, or a
 * description ("the Mexican president", "A White House spokesperson"), with
 * adverbs and auxiliaries between it and the verb skipped. `floor` is the first
 * token index it may use.
 */
export function subjectBefore(text: string, tokens: Token[], cue: number, floor: number): NounPhrase | null {
  let k = cue - 1;
  while (k >= floor && (SKIP_BEFORE_CUE.has(tokens[k]!.text.toLowerCase()) || /^\p{Ll}+ly$/u.test(tokens[k]!.text))
    && gapOk(text, tokens[k]!, tokens[k + 1]!)) k--;
  if (k < floor || !gapOk(text, tokens[k]!, tokens[k + 1]!)) return null;
  const last = tokens[k]!;
  if (SUBJECT_PRONOUNS.has(last.text.toLowerCase())) return { from: k, to: k };
  if (!nounish(last.text) || last.possessive) return null;
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
  return { from: j, to: k };
}

/** The noun phrase right after a cue ("said Sheinbaum", "said the Mexican president"). */
export function subjectAfter(text: string, tokens: Token[], cue: number, ceil: number): NounPhrase | null {
  let j = cue + 1;
  if (j > ceil || !gapOk(text, tokens[cue]!, tokens[j]!)) return null;
  const first = tokens[j]!.text.toLowerCase();
  if (SUBJECT_PRONOUNS.has(first)) return { from: j, to: j };
  if (DETS.has(first)) j++;
  let k = j;
  while (k <= ceil && nounish(tokens[k]!.text) && (k === j || gapOk(text, tokens[k - 1]!, tokens[k]!))) {
    k++;
    if (tokens[k - 1]!.possessive) break;
  }
  if (k === j) return null;
  return { from: cue + 1, to: k - 1 };
}
