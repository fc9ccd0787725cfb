/**
 * The entities stage: people, organisations and places of a document, with
 * their names, aliases, roles, gender and mentions, and a resolver for names,
 * surnames, pronouns and descriptions at a position. Quotes, stories and the
 * dossier read it through this file only.
 */
export { extractEntities, bodyRegions } from "./extract.js";
export { resolveMention, resolvePronoun, resolveDescription, resolveOrganization, roleWords, isDescription } from "./resolve.js";
export type { ResolveOptions } from "./resolve.js";
export { tokenize, sentenceSpans, sentenceIndexAt, TITLE_AT_LINE_END } from "./tokens.js";
export type { Token } from "./tokens.js";
export type { Entity, EntityAnalysis, EntityKind, EntityMention, ResolvedMention } from "./types.js";
export { ORG_WORDS, PLACE_WORDS, PLACES, PRONOUNS, ROLE_NOUNS, STOP_CAPS, NAME_TAIL_CAPS, firstNameGender } from "./lexicon.js";
