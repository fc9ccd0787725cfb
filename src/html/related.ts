/**
 * Headings that announce related content rather than article text, in the
 * languages of the news we read: "Related", "More from", "Read more",
 * "Recommended", "Most read", "Mehr zum Thema", "Lesen Sie auch", "Te puede
 * interesar", "À lire aussi", "Читайте також" and the like. Anchored and
 * meant for short lines only.
 */
export const RELATED_HEADING = new RegExp(
  "^[\\s\\p{P}\\p{S}]{0,4}(?:" + [
    "related(?: (?:articles?|stories|posts?|content|reading|news|links|coverage|topics))?",
    "more (?:from|on|about|in|like this|stories|news|articles|to (?:read|explore))",
    "(?:read|see) (?:more|also|next)", "also read", "keep reading", "up next", "what to read next",
    "recommended(?: for you| reading| stories| articles)?", "you (?:may|might) (?:also )?(?:like|enjoy|be interested)",
    "most (?:read|popular|viewed|shared)", "trending(?: now| stories)?", "popular (?:posts|stories|articles)", "latest (?:news|stories|posts|articles)",
    "other (?:stories|articles|posts)", "further reading", "similar (?:articles|posts|stories)", "in case you missed it",
    "mehr zum thema", "lesen sie auch", "auch interessant", "das könnte sie (?:auch )?interessieren", "weitere artikel",
    "te puede interesar", "lee también", "más noticias", "noticias relacionadas", "también te puede interesar",
    "à lire aussi", "a lire aussi", "lire aussi", "sur le même sujet", "articles similaires",
    "leggi anche", "potrebbe interessarti", "leia também", "veja também", "lees ook", "läs också", "czytaj także",
    "читайте також", "читайте также", "по теме", "новини по темі",
  ].join("|") + ")(?:[\\s\\p{P}]{1,4}[^\\n]{0,40})?$",
  "iu",
);
