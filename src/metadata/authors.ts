/**
 * Author strings to person names: strips "By", roles, credentials, dates,
 * URLs and e-mails, splits "X and Y" / "X, Y", sets news agencies apart and
 * drops the publisher's own name. Written here (no library covers bylines);
 * every pattern is bounded or anchored so adversarial input stays linear.
 */

/** Result of reading one or more author strings. */
export interface ParsedAuthors {
  authors: string[];
  agencies: string[];
  /** Organization names that matched the outlet and were dropped from authors. */
  dropped: string[];
}

interface AgencyRule {
  name: string;
  re: RegExp;
}

// Whole-piece matches only, so "PA" never fires inside "Paul".
const AGENCIES: AgencyRule[] = [
  { name: "AP", re: /^(?:the\s)?(?:AP|A\.P\.|Associated Press)(?:\s(?:news|staff|wire))?$/i },
  { name: "AFP", re: /^(?:AFP|Agence France[- ]Presse)(?:\s(?:news|staff|wire))?$/i },
  { name: "EFE", re: /^(?:agencia\s)?EFE$/i },
  { name: "Reuters", re: /^(?:thomson\s)?Reuters(?:\s(?:news|staff|wire))?$/i },
  { name: "Xinhua", re: /^Xinhua(?:\s(?:news\sagency|net))?$/i },
  { name: "DPA", re: /^(?:DPA|Deutsche Presse-Agentur)$/i },
  { name: "ANSA", re: /^ANSA$/i },
  { name: "PA", re: /^(?:PA|PA Media|PA Wire|Press Association)$/i },
  { name: "Agencies", re: /^(?:agencies|news agencies|wire services|wires|agency)$/i },
];

/** The canonical agency name a piece of byline designates, or null. */
export function agencyOf(piece: string): string | null {
  const p = piece.trim().replace(/^\(|\)$/g, "").replace(/\s+/g, " ").replace(/^(?:with|and|from|via)\s/i, "");
  if (p.length > 40) return null;
  for (const a of AGENCIES) if (a.re.test(p)) return a.name;
  return null;
}

const ROLE_WORDS = new Set([
  "writer", "co-founder", "cofounder", "editor", "reporter", "correspondent", "contributor", "contributing", "columnist", "producer",
  "photographer", "photographs", "photos", "photo", "illustration", "illustrations", "video", "expert", "staff",
  "senior", "associate", "managing", "chief", "executive", "director", "manager", "founder", "ceo", "cto",
  "analyst", "specialist", "journalist", "dietitian", "nutritionist", "reviewer", "reviewed", "fact-checked",
  "updated", "published", "posted", "edited", "written", "author", "authors", "bureau", "desk", "host",
  "anchor", "president", "officer", "intern", "fellow", "professor", "consultant", "coordinator", "strategist",
  "lead", "head", "member", "representative", "medically", "read", "min", "minutes", "comments", "share",
]);

const CREDENTIAL = /^(?:[A-Z]{2,6}|(?:[A-Z][a-z]?\.){1,4}|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?|I{2,3}|[A-Z]{1,5}-[A-Z]{1,5}(?:\s\d{1,4})?)[®™]?$/;
const MONTHS = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?\s{0,3}\d{1,2}\b/i;
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]{0,30}|\p{Lu}\.|(?:van|von|der|den|de|del|della|di|da|du|la|le|bin|ibn|al|el|dos|das|ter|ten|y|e|d'|mc|o')[\p{L}'’-]{0,20})$/u;

// `authors:collective-byline`: "Podium Staff", "TOI Lifestyle Desk", "Resy Staff", "Staff": a
// newsroom signing as a group is an author, not a role.
const COLLECTIVE = /^(?:[\p{Lu}\d][\p{L}\d&.'’-]{0,30}\s){0,3}(?:[Ss]taff|[Dd]esk|[Tt]eam|[Nn]ewsroom|[Cc]ontributor|[Ee]ditors)$/u;
const FILLER = new Set(["of", "and", "the", "at", "for", "&", "in", "on", "sr", "jr", "vp", "svp", "evp", "online", "news", "web", "digital"]);

/**
 * Whether a byline piece is a role ("Staff Writer", "Senior Editor") rather
 * than a name. `strict` (structured sources: JSON-LD, meta) calls it a role
 * only when every word is a role word; otherwise any role word does.
 */
function isRolePiece(piece: string, strict = false): boolean {
  const p = piece.trim();
  if (COLLECTIVE.test(p) || /^staff$/i.test(p)) return false;
  const words = p.toLowerCase().split(/[\s/]+/).filter(Boolean);
  const role = (w: string): boolean => ROLE_WORDS.has(w.replace(/[^a-z-]/g, ""));
  return strict ? words.length > 0 && words.every((w) => role(w) || FILLER.has(w)) : words.some(role);
}

/**
 * `metadata:name-before-role`: "Rachel MacDonald Writer" (a name card whose
 * role follows the name without a comma): the words before the first role
 * word, when they are at least two and read as a name; else "".
 */
function nameBeforeRole(piece: string): string {
  const words = piece.trim().split(/\s+/);
  const at = words.findIndex((w) => ROLE_WORDS.has(w.toLowerCase().replace(/[^a-z-]/g, "")));
  // "Online News Editor", "Rachel Holm Web Editor": words like "web" and "news" before the role are part of it.
  let end = at;
  while (end > 0 && FILLER.has(words[end - 1]!.toLowerCase())) end--;
  if (end < 2) return "";
  const name = cleanPiece(words.slice(0, end).join(" "));
  return looksLikeName(name) ? name : "";
}

/**
 * German leads before "von": how the piece was written or posted ("Geschrieben von", Blogger's
 * "Eingestellt von", Drupal's "Gespeichert von") or what kind of piece it is ("Eine Kolumne von",
 * "Gastbeitrag von"); html-byline reads the same.
 */
export const VON_LEAD = String.raw`(?:geschrieben|verfasst|eingestellt|gespeichert|veröffentlicht|(?:eine?\s)?(?:(?:blog\s?)?(?:gast)?beitrag|artikel|text|(?:gast)?kommentar|kolumne|glosse|reportage|rezension))`;
const LEAD_WORD = new RegExp(String.raw`^(?:author|authors|byline|autor|autora|autorin|autores|auteur|auteure|verfasser|verfasserin|текст|автор|авторка|автори|von|por|par|di|door|af|av|від|${VON_LEAD}\svon|(?:escrito|escrita|publicado)\spor|(?:écrit|rédigé|publié)\spar|scritto\sda)\s?:?\s`, "iu");

/** Cleans one byline piece (one supposed person); returns "" when it is no name. */
function cleanPiece(piece: string): string {
  let p = piece
    .replace(/^[\s"'“”‘’(\[:–—-]+|[\s"'“”‘’)\]:–—-]+$/g, "")
    .replace(LEAD_BY, "")
    .replace(LEAD_WORD, "")
    .trim();
  p = p.replace(/[,;]+$/, "").replace(/(\p{Ll}{3})\.$/u, "$1").trim();
  // "Jean-Luc Aufranc (CNXSoft)": the closing parenthesis stripped above belongs to the name.
  if (/\([^()]{1,40}$/.test(p) && piece.trim().endsWith(")")) p += ")";
  return p;
}

function looksLikeName(p: string): boolean {
  if (!p || p.length > 60 || /\d|@|https?:|www\.|[<>{}=#|]/.test(p)) return false;
  const words = p.split(/\s+/);
  if (words.length > 6) return false;
  if (words.length === 1 && CREDENTIAL.test(p) && !/^\p{Lu}\p{Ll}/u.test(p)) return false;
  const nameish = words.filter((w) => NAME_WORD.test(w)).length;
  return nameish >= Math.ceil(words.length * 0.6) && /^\p{Lu}/u.test(words[0]!.replace(/^(?:the)\s?/i, "T")) ;
}

/** "Brian Truitt USA TODAY" with the outlet "USA TODAY": "Brian Truitt" (two words at least remain). */
function dropOutletSuffix(piece: string, outlets: ReadonlySet<string>): string {
  const words = piece.trim().split(/\s+/);
  for (let k = Math.min(4, words.length - 2); k >= 1; k--) {
    if (outlets.has(norm(words.slice(-k).join(" ")))) return words.slice(0, -k).join(" ");
  }
  return piece;
}

const norm = (s: string): string => s.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** Post-nominal credentials ("MD", "Ph.D.", "RD", "CFP®", "E-RYT 200"): kept with the name they follow. */
function isCredential(piece: string): boolean {
  const p = piece.trim();
  if (!p || p.length > 14) return false;
  return p.split(/\s+/).every((w) => CREDENTIAL.test(w) || /^\d{2,4}$/.test(w)) && !/^\p{Lu}\p{Ll}{2,}$/u.test(p);
}

/** Loose check for structured sources (JSON-LD, meta): any short label that is not a URL or e-mail. */
function looksLikeLabel(p: string): boolean {
  return !!p && p.length <= 60 && /\p{L}/u.test(p) && !/@|https?:|www\.|[<>{}=|]/.test(p) && p.split(/\s+/).length <= 6;
}

/** "Roy, Aniruddha" → "Aniruddha Roy" (citation-style names, one comma, short sides). */
function uninvert(v: string): string {
  const m = /^([^,]{1,40}),\s?([^,]{1,40})$/.exec(v.trim());
  if (!m || m[2]!.split(/\s+/).length > 3 || m[1]!.split(/\s+/).length > 3 || isCredential(m[2]!)) return v;
  return `${m[2]!.trim()} ${m[1]!.trim()}`;
}

const REVIEWER = /^(?:medically\s|expert\s)?(?:reviewed|fact[- ]?checked|edited|verified)\sby\b/i;

/** Whether a byline names a reviewer or editor ("Reviewed by …", "Fact checked by …") rather than the author. */
export function isReviewerLine(s: string): boolean {
  return REVIEWER.test(s.trim());
}

/** Options of {@link parseAuthors}. */
export interface ParseAuthorsOptions {
  /** Publisher and site names: dropped from the authors. */
  outlets?: readonly (string | null | undefined)[];
  /** Values come from structured data (JSON-LD, meta): accept any short label as a name. */
  structured?: boolean;
  /** Each value is one "Last, First" name (citation_author, dc.creator). */
  inverted?: boolean;
  /** The page's host: a bare domain name as the author is the outlet when it is this site's, and no author when it is another's. */
  host?: string | null;
}

/**
 * Countries as publishers write them at the end of their address: a meta or
 * JSON-LD value whose last comma part is one ("Kirche und Leben, Münster,
 * Germany") is where the publisher sits, not who wrote the article
 * (`metadata:address-author`).
 */
const COUNTRY = /^(?:germany|deutschland|austria|österreich|switzerland|schweiz|suisse|svizzera|france|italy|italia|spain|españa|portugal|netherlands|nederland|belgium|belgique|belgië|denmark|danmark|sweden|sverige|norway|norge|poland|polska|ukraine|україна|russia|россия|usa|u\.s\.a\.|united states|united kingdom|uk|ireland|canada|australia|india|brazil|brasil|mexico|méxico|argentina|japan|china)$/iu;

/** Whether a domain named as the author is the page's own host or a parent of it ("oe24.at" on auto.oe24.at). */
function isSameSite(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/^www\./, ""), d = domain.toLowerCase().replace(/^www\./, "");
  return h === d || h.endsWith(`.${d}`);
}

/** A bare domain name ("symple.ch", "oe24.at"); not a dotted login ("sara.r.peter"). */
const DOMAIN = /^(?:[\p{L}\d-]+\.)+(?:\p{L}{2}|com|net|org|info|biz|blog|news|online|media)$/iu;

const LEAD_BY = /^(?:(?:written|authored|posted|reported|story|text|words|reviewed|edited|compiled|(?:view\s)?(?:all\s)?(?:articles|posts|stories))\s)?by:?\s/i;
const LEADING_DATE = /^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?,?\s{1,3}\d{4}|\d{1,2}\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s\d{4}|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})\s{0,3}[|•·,–—-]?\s{0,3}/i;
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?$/i;
// A month name followed by a day, or a numeric date: the byline ends there.
const DATE_START = /\s(?:on\s|at\s|published\s|updated\s)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?\s{1,3}\d{1,2}\b|\d{1,2}\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s\d{4}|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})/i;

/**
 * `metadata:legal-form`: a name ending in a company's or association's legal form
 * ("Frankfurter Allgemeine Zeitung GmbH", "Deutscher Caritasverband e. V.",
 * "Acme Media Inc.") is an organization, never a person: kept aside like an
 * outlet's name (the author only when nobody else is named).
 */
const LEGAL_FORM = /\s(?:gGmbH|GmbH(?:\s&\sCo\.?\sKG)?|AG|KG|SE|e\.\s?V\.?|Inc\.?|Ltd\.?|LLC|L\.L\.C\.|plc|PLC|Corp\.?|S\.A\.?|S\.L\.?|S\.p\.A\.?|S\.r\.l\.?|SARL|B\.V\.?|N\.V\.?|Pty\.?\sLtd\.?|A\/S|AB|Oy|ASA)$/u;

/**
 * `authors:placeholder`: a template's empty or default author slot ("admin", "Webmaster",
 * "undefined") or a list filter's label ("By Category", "By Date") is no author.
 */
const PLACEHOLDER = /^(?:(?:[\p{L}\d]{1,20}\s)?(?:admin|administrator|webmaster)|undefined|null|none|unknown|guest|user|default|category|categories|topic|topics|tags?|date|price|brand|type|manufacturer)$/iu;

/**
 * Splits author strings (bylines, meta values, JSON-LD names) into person
 * names and agencies. `outlet` names (publisher, site name) are dropped from
 * the authors and reported in `dropped`. Post-nominal credentials stay with
 * the name ("Jane Doe, MD"); roles ("Staff Writer") are removed.
 */
export function parseAuthors(raws: readonly string[], opts: ParseAuthorsOptions = {}): ParsedAuthors {
  const outlets = new Set((opts.outlets ?? []).filter((o): o is string => !!o).map(norm).filter(Boolean));
  const authors: string[] = [];
  const agencies: string[] = [];
  const dropped: string[] = [];
  const seen = new Set<string>();
  const addAgency = (a: string): void => { if (!agencies.includes(a)) agencies.push(a); };
  for (const raw0 of raws) {
    if (!raw0) continue;
    let raw = raw0.normalize("NFKC").replace(/\s+/g, " ").trim().slice(0, 400);
    if (opts.inverted) raw = uninvert(raw);
    raw = raw
      .replace(/https?:\/\/\S{1,300}/g, " ")
      .replace(/\S{1,80}@\S{1,80}\.\S{1,20}/g, " ")
      .replace(/\s(?:updated|published|posted|last modified|modified)\b.{0,400}$/i, "")
      .trim();
    // `metadata:leading-date`: "Oct 30, 2025 Jane Doe and John Roe": the date goes first.
    raw = raw.replace(LEADING_DATE, "");
    const ds = DATE_START.exec(raw);
    if (ds) raw = raw.slice(0, ds.index);
    // Cut at a separator followed by a date ("Jane Doe | March 3, 2025").
    const cut = /\s?(?:[|•·]|\s[–—]\s)\s?/.exec(raw);
    if (cut && (MONTHS.test(raw.slice(cut.index)) || /\d{4}/.test(raw.slice(cut.index)))) raw = raw.slice(0, cut.index);
    // `metadata:on-behalf`: "Niko Matsakis on behalf of Vision Doc group": the name before it.
    raw = raw.replace(/\son behalf of\s.*$/i, "");
    // `metadata:sentence-byline`: "This post was written by Jane Doe, …": the name after "written by".
    // Also "Este artículo fue escrito por …", "Cet article a été rédigé par …", "Dieser Artikel wurde von … verfasst".
    raw = raw.replace(/^.{0,40}?(?:^|\s)(?:(?:written|authored|contributed|prepared)\sby|(?:escrito|redactado|elaborado)\spor|(?:écrit|rédigé)e?\spar|wurde\svon):?\s(?=\p{Lu})/iu, "")
      .replace(/\s(?:geschrieben|verfasst|erstellt)\.?$/u, "");
    raw = raw.replace(LEAD_BY, "").trim();
    // `metadata:path-author`: "/christopherlwood", a profile link's path left in article:author.
    if (/^\/\S*$/.test(raw)) continue;
    // `metadata:domain-author`: another site's domain (the web agency's "symple.ch") credits no one.
    if (DOMAIN.test(raw) && opts.host && !isSameSite(opts.host, raw)) continue;
    let last = -1; // index in `authors` of the name this raw string added last
    const commaPieces = raw.split(/\s?[,;|•·]\s?|\s[–—]\s|\s\/\s/);
    if (opts.structured && commaPieces.length >= 2 && COUNTRY.test(commaPieces[commaPieces.length - 1]!.trim())) continue;
    for (const cp of commaPieces) {
      if (last >= 0 && isCredential(cp)) { authors[last] = `${authors[last]}, ${cp.trim()}`; continue; }
      const agencyWhole = agencyOf(cp);
      if (agencyWhole) { addAgency(agencyWhole); last = -1; continue; }
      if ((outlets.has(norm(cp)) && norm(cp)) || LEGAL_FORM.test(cp.trim())) { dropped.push(cp.trim()); last = -1; continue; }
      if (isRolePiece(cp, opts.structured) && !/\sand\s|&/i.test(cp)) {
        const name = opts.structured ? "" : nameBeforeRole(cp.replace(LEAD_BY, ""));
        if (name && !seen.has(norm(name)) && !outlets.has(norm(name))) { seen.add(norm(name)); authors.push(name); last = authors.length - 1; } else last = -1;
        continue;
      }
      // `metadata:role-with-and`: "Home and Digital Security Expert" is one role, not "Home" and a role.
      const roleRun = !opts.structured && isRolePiece(cp);
      // "A, B, and C": the Oxford comma leaves "and C".
      for (let sub of cp.replace(/^\s*(?:and|&)\s+/i, "").split(/\s(?:and|und|y|e|et|og|och|en|і|та|и)\s|\s?&\s?/iu)) {
        last = -1;
        if (roleRun && !/\s/.test(sub.trim()) && !agencyOf(sub)) continue;
        // `metadata:outlet-suffix`: "Brian Truitt USA TODAY": the outlet's name after the person's.
        if (!opts.structured) sub = dropOutletSuffix(sub, outlets);
        const ag = agencyOf(sub);
        if (ag) { addAgency(ag); continue; }
        if (isRolePiece(sub, opts.structured)) continue;
        const name = cleanPiece(sub);
        if (!name) continue;
        const agn = agencyOf(name);
        if (agn) { addAgency(agn); continue; }
        if (outlets.has(norm(name))) { dropped.push(name); continue; }
        if (WEEKDAY.test(name) || PLACEHOLDER.test(name)) continue;
        if (!(opts.structured ? looksLikeLabel(name) : looksLikeName(name))) continue;
        const key = norm(name);
        if (!key || seen.has(key)) continue;
        seen.add(key);
        authors.push(name);
        last = authors.length - 1;
      }
    }
  }
  return { authors, agencies, dropped };
}
