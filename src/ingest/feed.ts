import { XMLBuilder, XMLParser } from "fast-xml-parser";
import { normalizeDate } from "../metadata/index.js";
import { readProlog } from "./prolog.js";

/** One item of an RSS or Atom feed, as read from the feed. */
export interface FeedItem {
  title: string | null;
  link: string | null;
  guid: string | null;
  /** The raw date string and its ISO form (null when it does not parse). */
  publishedRaw: string | null;
  published: string | null;
  updated: string | null;
  byline: string | null;
  /** The item's content, or null when it carries none. */
  content: string | null;
  contentFormat: "html" | "text";
}

/** A parsed feed: its title (the outlet) and its items. */
export interface Feed {
  kind: "rss" | "atom" | "rdf";
  title: string | null;
  items: FeedItem[];
}

type Node = unknown;
type Obj = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  isArray: (name) => name === "item" || name === "entry" || name === "link",
});

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_" });

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** The text of a node: a string, or an element's `#text`. */
function textOf(node: Node): string | null {
  if (Array.isArray(node)) return node.length > 0 ? textOf(node[0]) : null;
  if (typeof node === "string") return node.trim() || null;
  if (typeof node === "number" || typeof node === "boolean") return String(node);
  if (isObj(node)) return textOf(node["#text"]);
  return null;
}

function attr(node: Node, name: string): string | null {
  return isObj(node) && typeof node[`@_${name}`] === "string" ? (node[`@_${name}`] as string) : null;
}

const HAS_TAG = /<[A-Za-z!/]/;

/** An Atom text construct (`type` text, html or xhtml) as content and its format. */
function atomContent(node: Node): { content: string | null; format: "html" | "text" } {
  if (node === undefined || node === null) return { content: null, format: "text" };
  if (attr(node, "src")) return { content: null, format: "html" };
  const type = (attr(node, "type") ?? "text").toLowerCase();
  if (type === "xhtml" && isObj(node)) {
    const inner: Obj = {};
    for (const [k, v] of Object.entries(node)) if (!k.startsWith("@_")) inner[k] = v;
    const html = String(builder.build(inner)).trim();
    return { content: html || null, format: "html" };
  }
  const text = textOf(node);
  return { content: text, format: type === "html" || type === "text/html" || (text !== null && type !== "text" && HAS_TAG.test(text)) ? "html" : "text" };
}

/** RSS content: HTML when it holds a tag, else plain text. */
function rssContent(...nodes: Node[]): { content: string | null; format: "html" | "text" } {
  for (const n of nodes) {
    const text = textOf(n);
    if (text) return { content: text, format: HAS_TAG.test(text) ? "html" : "text" };
  }
  return { content: null, format: "text" };
}

function atomLink(links: Node): string | null {
  const list = Array.isArray(links) ? links : links === undefined ? [] : [links];
  let fallback: string | null = null;
  for (const l of list) {
    const href = attr(l, "href") ?? (typeof l === "string" ? l : null);
    if (!href) continue;
    const rel = attr(l, "rel");
    if (rel === null || rel === "alternate") return href;
    fallback ??= href;
  }
  return fallback;
}

function rssLink(links: Node): string | null {
  const list = Array.isArray(links) ? links : [links];
  for (const l of list) {
    const t = textOf(l) ?? attr(l, "href");
    if (t) return t;
  }
  return null;
}

function dated(raw: string | null): { publishedRaw: string | null; published: string | null } {
  return { publishedRaw: raw, published: normalizeDate(raw) };
}

function rssItem(it: Obj): FeedItem {
  const { content, format } = rssContent(it["content:encoded"], it["description"]);
  const guid = textOf(it["guid"]);
  let link = rssLink(it["link"]);
  if (!link && guid && /^https?:\/\//.test(guid) && attr(it["guid"], "isPermaLink") !== "false") link = guid;
  return {
    title: textOf(it["title"]), link, guid,
    ...dated(textOf(it["pubDate"]) ?? textOf(it["dc:date"])),
    updated: normalizeDate(textOf(it["atom:updated"]) ?? textOf(it["dcterms:modified"])),
    byline: textOf(it["dc:creator"]) ?? textOf(it["author"]),
    content, contentFormat: format,
  };
}

function atomEntry(e: Obj): FeedItem {
  let { content, format } = atomContent(e["content"]);
  if (content === null) ({ content, format } = atomContent(e["summary"]));
  const authors = Array.isArray(e["author"]) ? e["author"] : e["author"] === undefined ? [] : [e["author"]];
  const names = authors.map((a) => textOf(isObj(a) ? a["name"] : a)).filter((n): n is string => n !== null);
  return {
    title: atomContent(e["title"]).content, link: atomLink(e["link"]), guid: textOf(e["id"]),
    ...dated(textOf(e["published"]) ?? textOf(e["updated"])),
    updated: normalizeDate(textOf(e["updated"])),
    byline: names.length > 0 ? names.join(", ") : null,
    content, contentFormat: format,
  };
}

const asList = (v: unknown): Obj[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(isObj);

/** The most doctype a feed may carry once its comments are cut (entity declarations; real ones are a few KB). */
export const MAX_DOCTYPE_CHARS = 1024 * 1024;

/**
 * The feed as the parser reads it: the prolog cut to its XML declaration and
 * doctype (comments, processing instructions and whitespace before the root,
 * and comments inside the doctype, mean nothing to a feed and may be of any
 * length). Throws when the doctype itself is over {@link MAX_DOCTYPE_CHARS}.
 */
function withoutProlog(xml: string): string {
  const prolog = readProlog(xml, true);
  if (prolog.rootAt <= 0) return xml;
  if (prolog.doctype.length > MAX_DOCTYPE_CHARS) {
    throw new Error(`its DOCTYPE holds ${(prolog.doctype.length / 1e6).toFixed(1)} MB of declarations (more than 1 MB is not read)`);
  }
  return prolog.declaration + prolog.doctype + xml.slice(prolog.rootAt);
}

/**
 * Parses an RSS 2.0, Atom or RSS 1.0 (RDF) feed with fast-xml-parser (entity
 * expansion and nesting bounded by its defaults), after a prolog of any length.
 * Throws on XML it cannot read.
 */
export function parseFeed(xml: string): Feed {
  const doc = parser.parse(withoutProlog(xml), true) as Obj;
  if (isObj(doc["rss"])) {
    const channel = asList((doc["rss"] as Obj)["channel"])[0] ?? {};
    return { kind: "rss", title: textOf(channel["title"]), items: asList(channel["item"]).map(rssItem) };
  }
  if (isObj(doc["feed"])) {
    const feed = doc["feed"] as Obj;
    return { kind: "atom", title: atomContent(feed["title"]).content, items: asList(feed["entry"]).map(atomEntry) };
  }
  if (isObj(doc["rdf:RDF"])) {
    const rdf = doc["rdf:RDF"] as Obj;
    const channel = asList(rdf["channel"])[0] ?? {};
    return { kind: "rdf", title: textOf(channel["title"]), items: asList(rdf["item"]).map(rssItem) };
  }
  throw new Error("no rss, feed or rdf:RDF root element");
}
