export * from "./html-metadata.js";
export * from "./text-metadata.js";
export * from "./language.js";
export * from "./text-dates.js";
export { normalizeDate, dayOf } from "./dates.js";
export { parseAuthors, agencyOf, type ParsedAuthors, type ParseAuthorsOptions } from "./authors.js";
export { readJsonLd, type JsonLdArticle, type JsonLdResult } from "./json-ld.js";
