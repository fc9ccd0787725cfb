/**
 * Attribution after reported content: "CLAUSE, X said.", "CLAUSE, said X, ...", "A, X said, B" and
 * "CLAUSE, Name, description, told Y.", with the guards that keep a clause's own subject, an adjective
 * or a listener from being read as the speaker.
 */
import { GROUP_NOUNS, subjectAfter, subjectBefore, type NounPhrase } from "./cues.js";
import { BARE_CUES, LISTENER_CUES, hasVerb, looksLikeClause, skipToContent } from "./clause.js";
import { tokenAt, type AttributionContext } from "./attribute.js";
import { PLACES, ROLE_NOUNS, type Token } from "../entities/index.js";

/** Where an attribution sits relative to its content. */
export type Place = "end" | "interrupting";

/**
 * "..., X said (Saturday)." / "..., said X, owner of ..." / "A, X said, B": the
 * cue and its subject follow a comma, the words before the comma form a clause,
 * and no clause follows the cue. Returns the subject and whether the
 * attribution ends the sentence or interrupts it.
 */
export function attributionAfter(ctx: AttributionContext, k: number, first: number, last: number, end: number): { np: NounPhrase; place: Place; lead: number } | null {
  const { text, tokens } = ctx;
  if (k === first) return null;
  const commaBefore = (i: number): boolean => i > first && /^\s*[)\]]?\s*(?:,\s*[”"’']?|[”"’']\s*,)\s*$/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
  // "..., told InternetNews.com": after "told" comes the listener, never the speaker.
  let inverted = commaBefore(k) && !/ing$/.test(tokens[k]!.text) && !LISTENER_CUES.has(tokens[k]!.text);
  let np = inverted ? subjectAfter(text, tokens, k, Math.min(last - 1, k + 8)) : subjectBefore(text, tokens, k, first);
  // "..., his agent Marc Cornstein, told ESPN.com.": the subject set off by commas before the cue.
  let apposed: { np: NounPhrase; lead: number } | null = null;
  if (!np && commaBefore(k)) {
    apposed = appositionBefore(text, tokens, k, first);
    if (apposed) {
      np = apposed.np;
      inverted = false;
    }
  }
  if (!np) return null;
  let lead = inverted ? k : apposed?.lead ?? np.from;
  // "..., local police inspector Dave Gaskin said", "..., cops and family said": modifiers and "and" before the subject.
  for (let n = 0; !inverted && n < 4 && !commaBefore(lead) && lead - 1 > first; n++) {
    const w = tokens[lead - 1]!.text;
    if (!/^[ \u00a0]+$/.test(text.slice(tokens[lead - 1]!.end, tokens[lead]!.start)) || !/^(?:\p{Ll}+|and)$/u.test(w) || NOT_MODIFIER.test(w)) break;
    lead--;
  }
  if (!inverted && !commaBefore(lead)) return null;
  if (inverted && (/^(?:he|she|they|it|we|i|that|this)$/i.test(tokens[np.from]!.text) || TIME.test(tokens[np.from]!.text))) return null;
  if (inverted && !invertedSubject(text, tokens, k, np)) return null;
  // "..., it was reported Wednesday": a passive names no source.
  if (!inverted && /^(?:was|were|is|are|been|being)$/.test(tokens[k - 1]!.text)) return null;
  const clauseBefore = hasVerb(tokens, first, lead);
  // What follows the attribution: adjuncts only ("Saturday", "by telephone", "in a statement").
  const c = skipToContent(text, tokens, inverted ? np.to : k, last);
  if (c.that) return null;
  const restFrom = inverted ? np.to + 1 : k + 1;
  const commaAfterCue = k + 1 < last && /,/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start));
  if (!inverted && !commaAfterCue && c.at < last && BARE_CUES.has(tokens[k]!.text) && looksLikeClause(tokens, c.at, last)) return null;
  const restStart = tokens[restFrom - 1]!.end;
  const rest = text.slice(restStart, end);
  const comma = rest.indexOf(",");
  const before = comma < 0 ? rest : rest.slice(0, comma);
  // Adjuncts only: a few words, no verb ("confirmed to People and Us Weekly on Friday").
  const restWords = (before.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  if (!inverted && (restWords > 9 || (restWords > 0 && hasVerb(tokens, restFrom, tokenAt(tokens, restStart + before.length))))) return null;
  if (comma < 0 || inverted) return clauseBefore ? { np, place: "end", lead } : null;
  let tail = restFrom;
  while (tail < last && tokens[tail]!.start < restStart + comma) tail++;
  const next = tokens[tail];
  if (!next) return clauseBefore ? { np, place: "end", lead } : null;
  // ", describing the suspect as ...", ", who ...": still the end, unless the content broke off ("... after, police say, pointing").
  const brokeOff = /\b(?:after|before|and|but|or|that|because|while|when|of|to|the|a)\s*,?\s*$/i.test(text.slice(tokens[first]!.start, tokens[lead - 1]!.end + 1));
  if (!brokeOff && /^(?:\p{Ll}+ing|who|which|according|adding|referring)$/u.test(next.text)) return clauseBefore ? { np, place: "end", lead } : null;
  // "Two years before, he said, an officer stopped him": a clause on either side.
  return clauseBefore || looksLikeClause(tokens, tail, last) || hasVerb(tokens, tail, last) ? { np, place: "interrupting", lead } : null;
}

/**
 * Whether "..., said X" really puts the subject after its cue: not "..., said that ..." (the content follows),
 * not an adjective ("..., alleged boss of ...": X opens with a name, a determiner or a group noun), and not the
 * subject of a clause of its own ("..., insisted Gigante suffered from ...").
 */
function invertedSubject(text: string, tokens: Token[], k: number, np: NounPhrase): boolean {
  if (tokens[k + 1]?.text === "that") return false;
  const head = tokens[np.from]!.text;
  // A bare role after a plain speech verb is a headline's subject ("..., says witness"); "alleged boss" is no subject.
  const bareRole = ROLE_NOUNS.has(head) && /^(?:said|says|added|adds|told|tells|wrote|writes)$/.test(tokens[k]!.text);
  if (!/^\p{Lu}/u.test(head) && !/^(?:the|a|an|his|her|their|its|our|one|another|two|three|several|some|many)$/.test(head) && !GROUP_NOUNS.has(head) && !bareRole) return false;
  const next = tokens[np.to + 1];
  return !(next && /^ $/.test(text.slice(tokens[np.to]!.end, next.start)) && (FINITE_AFTER.test(next.text) || /^\p{Ll}{3,}ed$/u.test(next.text)));
}

/**
 * The speaker of "CLAUSE, Dave Marcus, research director at McAfee Labs, told InternetNews.com": going back
 * from the comma before the cue over verbless comma-separated parts, the first that is a name (or role words
 * then a name of two words or more: "his agent Marc Cornstein").
 */
function appositionBefore(text: string, tokens: Token[], k: number, first: number): { np: NounPhrase; lead: number } | null {
  const cap = (t: Token): boolean => /^\p{Lu}/u.test(t.text) && !t.possessive;
  let i = k - 1;
  for (let hops = 0; hops < 3 && i > first; hops++) {
    let a = i;
    while (a > first && !/,/.test(text.slice(tokens[a - 1]!.end, tokens[a]!.start))) a--;
    // A relative clause on the name ("Smith, who runs the plant, said") is passed over.
    if (a > first && /^(?:who|which)$/.test(tokens[a]!.text) && i - a <= 14) {
      i = a - 1;
      continue;
    }
    if (a <= first || i - a > 9 || hasVerb(tokens, a, i + 1) || /^(?:and|but|or|which|who|that|while|as|because|if|when|so)$/i.test(tokens[a]!.text)) return null;
    // "police in Palermo, Sicily, said": a place (or the region after "in City") is passed over; a group
    // noun opening its part speaks.
    const placeTail = a - 2 >= first && /^(?:in|at|from|of|near)$/.test(tokens[a - 2]!.text) && cap(tokens[a - 1]!) && i - a <= 1;
    if ((a === i && PLACES[tokens[a]!.text.toLowerCase()]) || placeTail) {
      i = a - 1;
      continue;
    }
    if (GROUP_NOUNS.has(tokens[a]!.text)) return { np: { from: a, to: a }, lead: a };
    let n = i;
    while (n - 1 >= a && cap(tokens[n - 1]!) && /^ $/.test(text.slice(tokens[n - 1]!.end, tokens[n]!.start))) n--;
    let np: NounPhrase | null = null;
    if (cap(tokens[i]!) && i - n <= 3) {
      if (n === a) np = { from: a, to: i };
      else if (i > n && ROLE_NOUNS.has(tokens[n - 1]!.text)) np = { from: n, to: i };
    }
    if (!np) {
      i = a - 1;
      continue;
    }
    // "..., his son, Ike LaRue III, said": a short description before the name belongs to the attribution.
    let lead = a;
    let b = a - 1;
    while (b > first && !/,/.test(text.slice(tokens[b - 1]!.end, tokens[b]!.start))) b--;
    if (b > first && a - 1 - b <= 3 && /^(?:his|her|their|its|the|a|an)$/.test(tokens[b]!.text) && tokens.slice(b + 1, a).every((t) => /^\p{Ll}+$/u.test(t.text))
      && !hasVerb(tokens, b, a)) lead = b;
    return { np, lead };
  }
  return null;
}

const FINITE_AFTER = /^(?:is|was|were|are|has|had|have|would|will|could|should|did|does|can|may|might|must)$/;

const NOT_MODIFIER = /^(?:that|which|who|whom|when|where|while|as|but|or|so|thus|yet|if|because|then|also|to|of|in|on|at|by|for|with|from|is|are|was|were|has|have|had|be|been|said|says|told|not)$/;
const TIME = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday)$/;
