import type { RashomonDocument } from "../../model/index.js";

/** Where a document's name comes from, best first. */
export type NameSource = "outlet" | "agency" | "site" | "title" | "untitled" | "id";

/** How the report names one document. */
export interface DocumentName {
  /** The name readers see: unique among the documents named together ("Reuters (2)"). */
  name: string;
  /** A compact form of the name for column headers, citation links and graph nodes; also unique. */
  short: string;
  /** What the name was made from. */
  source: NameSource;
  /** The document's id, shown only as a secondary hint or tooltip. */
  id: string;
}

/** Names the documents of a report or story view: one function, used by every view. */
export type DocumentNamer = (id: string) => DocumentName;

/** Longest full name made from a title or lead, in characters. */
const NAME_LENGTH = 60;
/** Longest short name, in characters (before a disambiguating "(2)"). */
const SHORT_LENGTH = 22;

/** Text cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/gu, " ").trim();
  if (t.length <= max) return t;
  // Code points, not UTF-16 units, count; the first 2 × max units hold the first max code points.
  const head = [...t.slice(0, 2 * max)];
  if (head.length <= max && t.length <= 2 * max) return t;
  const cut = head.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, "")}…`;
}

/** The site of a URL: its host name without `www.`, or null when it is not a web address. */
export function siteOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    return u.hostname.replace(/^www\./iu, "") || null;
  } catch {
    return null;
  }
}

/**
 * A document's base name and short form: its outlet; else, for wire copy with
 * no outlet (an agency byline and no author), the agency; else the site of its
 * URL; else its title, shortened; else "Untitled" (its full name adds the first
 * words of its body). Never its file id alone.
 */
function baseName(doc: RashomonDocument): { name: string; short: string; lead?: string; source: NameSource } {
  const clean = (s: string | null | undefined) => (s ?? "").replace(/\s+/gu, " ").trim();
  const named = (name: string, source: NameSource) => ({ name, short: shorten(name, SHORT_LENGTH), source });
  if (clean(doc.outlet)) return named(clean(doc.outlet), "outlet");
  if (doc.agencies.length > 0 && doc.authors.length === 0 && !doc.url) return named(doc.agencies.map(clean).join(" / "), "agency");
  const site = siteOf(doc.url);
  if (site) return named(site, "site");
  if (clean(doc.title)) return named(shorten(clean(doc.title), NAME_LENGTH), "title");
  const first = doc.paragraphs.find((p) => p.kind !== "heading") ?? doc.paragraphs[0];
  const lead = first ? clean(doc.text.slice(first.span.start, first.span.end)) : "";
  return { name: "Untitled", short: "Untitled", lead: lead ? shorten(lead, 44) : undefined, source: "untitled" };
}

/** Makes names unique, ignoring case: the first keeps its name, later ones get " (2)", " (3)", ... */
function disambiguate(names: string[]): string[] {
  const taken = new Set(names.map((n) => n.toLowerCase()));
  const seen = new Map<string, number>();
  return names.map((n) => {
    const key = n.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count === 1) return n;
    let k = count;
    while (taken.has(`${key} (${k})`)) k++;
    taken.add(`${key} (${k})`);
    return `${n} (${k})`;
  });
}

/**
 * Names documents for a report: by outlet, else agency (wire copy), site, title,
 * else "Untitled" (see baseName); documents with the same name are told apart
 * as "Reuters (2)", and short names stay unique too. An id the list does not
 * hold is named by itself (it has nothing else).
 */
export function documentNames(documents: readonly RashomonDocument[]): DocumentNamer {
  const bases = documents.map(baseName);
  // Several untitled documents are numbered: "Untitled 1", "Untitled 2".
  const untitled = bases.filter((b) => b.source === "untitled");
  if (untitled.length > 1) untitled.forEach((b, k) => (b.name = b.short = `Untitled ${k + 1}`));
  const names = disambiguate(bases.map((b) => b.name));
  // The short form of "Reuters (2)" is the short form of "Reuters" with its "(2)".
  let shorts = names.map((n, i) => `${bases[i]!.short}${n.slice(bases[i]!.name.length)}`);
  // Short forms of distinct names can coincide ("Mexican president…"): those get a longer cut, then a number.
  const counts = new Map<string, number>();
  for (const s of shorts) counts.set(s.toLowerCase(), (counts.get(s.toLowerCase()) ?? 0) + 1);
  const clashes = shorts.map((s) => counts.get(s.toLowerCase())! > 1);
  shorts = disambiguate(shorts.map((s, i) => (clashes[i] ? shorten(names[i]!, SHORT_LENGTH * 2) : s)));
  const byId = new Map<string, DocumentName>();
  documents.forEach((d, i) => {
    const lead = bases[i]!.lead;
    // An untitled document's full name starts with its short one ("Untitled 2") and quotes its first words.
    const name = lead ? `${names[i]!}: “${lead}”` : names[i]!;
    if (!byId.has(d.id)) byId.set(d.id, { name, short: shorts[i]!, source: bases[i]!.source, id: d.id });
  });
  return (id) => byId.get(id) ?? { name: id, short: shorten(id, SHORT_LENGTH), source: "id", id };
}
