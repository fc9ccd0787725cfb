/**
 * Irregular past forms and participles of English verbs that news uses to say
 * what happened ("seven bullets hit Mr. Gray", "he was shot 11 times"): a
 * counted phrase ends at one, and one names the predicate of a figure. Verbs of
 * saying are left out ("three people, police said" is not what happened to them).
 * Written here, not taken from an NLP package, because both uses need a plain
 * word test on a hot path.
 */
export const IRREGULAR_PAST = /^(?:hit|shot|struck|stricken|beaten|thrown|threw|taken|took|held|found|lost|won|paid|sold|spent|cut|led|fled|fought|caught|brought|bought|built|sent|stolen|stole|hurt|slain|born|given|gave|driven|drove|written|chosen|fallen|fell|broken|broke|seen|saw|stabbed|ran|run|rode|flew|flown|grew|grown|rose|made|came|went|got|put|set|met|left|kept|read|sat|stood|wore|worn|began|became|died|told)$/;
