/**
 * JSON-LD reading: every `<script type="application/ld+json">` block is
 * parsed on its own (a broken block is reported and skipped), `@graph` and
 * nested arrays are flattened, and the best article-like node is chosen.
 */

/** What the JSON-LD blocks say about the article. */
export interface JsonLdArticle {
  type: string;
  headline: string | null;
  /** Author names as given (persons and organizations), in order. */
  authors: string[];
  /** Author names whose node was typed Organization. */
  organizationAuthors: string[];
  publisher: string | null;
  /** Whether the publisher node is typed Person (personal sites). */
  publisherIsPerson: boolean;
  published: string | null;
  modified: string | null;
  section: string | null;
  language: string | null;
  url: string | null;
  description: string | null;
}

/** JSON-LD findings for a page: the chosen article node plus page-wide facts. */
export interface JsonLdResult {
  article: JsonLdArticle | null;
  /** Name of a WebSite / Organization node, a fallback for the outlet. */
  siteName: string | null;
  /** Number of script blocks that failed to parse. */
  broken: number;
}

type Node = Record<string, unknown>;

const ARTICLE_TYPES: Record<string, number> = {
  newsarticle: 10, reportagenewsarticle: 10, analysisnewsarticle: 10, opinionnewsarticle: 10,
  reviewnewsarticle: 10, backgroundnewsarticle: 10, livebloggosting: 8, liveblogposting: 8,
  article: 9, blogposting: 9, scholarlyarticle: 8, techarticle: 8, socialmediaposting: 6, report: 6,
  medicalwebpage: 5, webpage: 3, itempage: 3, aboutpage: 1, collectionpage: 1, review: 4, recipe: 4, howto: 4,
  medicalscholarlyarticle: 8, posting: 6, creativework: 2, videoobject: 1,
};

function typesOf(n: Node): string[] {
  const t = n["@type"];
  const arr = Array.isArray(t) ? t : [t];
  return arr.filter((x): x is string => typeof x === "string").map((x) => x.replace(/^.*[/#:]/, "").toLowerCase());
}

const ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“",
  ndash: "–", mdash: "—", hellip: "…", eacute: "é", egrave: "è", aacute: "á", iacute: "í", oacute: "ó", uacute: "ú",
  ntilde: "ñ", ouml: "ö", uuml: "ü", auml: "ä", ccedil: "ç", laquo: "«", raquo: "»", copy: "©", reg: "®", trade: "™",
};

/** Decodes HTML character references that CMSs leave inside JSON-LD strings. */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Text value of a JSON-LD property: strings, `{name}`/`{@value}` objects, first of arrays. */
function text(v: unknown, depth = 0): string | null {
  if (depth > 4 || v === null || v === undefined) return null;
  if (typeof v === "string") return decodeEntities(v).replace(/\s+/g, " ").trim() || null;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) {
    for (const x of v) { const t = text(x, depth + 1); if (t) return t; }
    return null;
  }
  if (typeof v === "object") {
    const o = v as Node;
    return text(o["name"] ?? o["@value"] ?? o["headline"], depth + 1);
  }
  return null;
}

function flatten(v: unknown, out: Node[], depth = 0): void {
  if (depth > 8 || out.length > 500 || v === null || typeof v !== "object") return;
  if (Array.isArray(v)) { for (const x of v) flatten(x, out, depth + 1); return; }
  const n = v as Node;
  out.push(n);
  if (n["@graph"]) flatten(n["@graph"], out, depth + 1);
  // Article nodes nested as mainEntity / mainEntityOfPage / hasPart.
  for (const k of ["mainEntity", "mainEntityOfPage", "hasPart", "itemListElement"]) {
    const c = n[k];
    if (c && typeof c === "object") flatten(c, out, depth + 1);
  }
  // `metadata:ld-blog-post`: a Blog whose `blogPost` holds a single post is that post's page
  // (a list of several is an index page, whose posts are not the page's article).
  const bp = n["blogPost"];
  if (bp && typeof bp === "object" && (!Array.isArray(bp) || bp.length === 1)) flatten(bp, out, depth + 1);
}

function authorNames(v: unknown, byId: Map<string, Node>, out: { names: string[]; orgs: string[] }, depth = 0): void {
  if (depth > 5 || v === null || v === undefined) return;
  if (typeof v === "string") { const t = text(v); if (t) out.names.push(t); return; }
  if (Array.isArray(v)) { for (const x of v) authorNames(x, byId, out, depth + 1); return; }
  if (typeof v !== "object") return;
  let n = v as Node;
  const id = typeof n["@id"] === "string" ? (n["@id"] as string) : null;
  if (id && !n["name"] && byId.has(id)) n = byId.get(id)!;
  const name = text(n["name"]) ?? [text(n["givenName"]), text(n["familyName"])].filter(Boolean).join(" ");
  if (!name) return;
  out.names.push(name);
  const ts = typesOf(n);
  if (!ts.includes("person") && ts.some((t) => t === "organization" || t === "newsmediaorganization" || t === "corporation")) out.orgs.push(name);
}

function parseBlock(raw: string): unknown {
  const cleaned = raw.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, "").replace(/^\s*<!--|-->\s*$/g, "").trim();
  try {
    return JSON.parse(cleaned);
  } catch {
    // Common breakage: raw control characters (newlines, tabs) inside strings.
    // eslint-disable-next-line no-control-regex
    return JSON.parse(cleaned.replace(/[\u0000-\u001f]+/g, " "));
  }
}

/** Reads all JSON-LD blocks of a document (or the given ld+json script elements). Never throws. */
export function readJsonLd(document: Document, ldScripts?: readonly Element[]): JsonLdResult {
  const nodes: Node[] = [];
  let broken = 0;
  let scripts: readonly Element[] = [];
  try {
    scripts = ldScripts ?? Array.from(document.querySelectorAll("script")).filter((s) =>
      (s.getAttribute("type") ?? "").toLowerCase().includes("ld+json"));
  } catch {
    scripts = [];
  }
  for (const s of scripts.slice(0, 50)) {
    const raw = s.textContent ?? "";
    if (raw.length > 2_000_000) { broken++; continue; }
    try {
      flatten(parseBlock(raw), nodes);
    } catch {
      broken++;
    }
  }
  const byId = new Map<string, Node>();
  for (const n of nodes) if (typeof n["@id"] === "string" && Object.keys(n).length > 2) byId.set(n["@id"] as string, n);

  let best: Node | null = null;
  let bestScore = 0;
  let siteName: string | null = null;
  for (const n of nodes) {
    const ts = typesOf(n);
    if (!siteName && ts.some((t) => t === "website" || t === "newsmediaorganization")) siteName = text(n["name"]);
    let score = Math.max(0, ...ts.map((t) => ARTICLE_TYPES[t] ?? 0));
    if (!score) continue;
    if (n["headline"]) score += 2;
    if (n["author"]) score += 2;
    if (n["datePublished"]) score += 1;
    if (score > bestScore) { best = n; bestScore = score; }
  }
  if (!siteName) {
    for (const n of nodes) {
      if (typesOf(n).includes("organization")) { siteName = text(n["name"]); if (siteName) break; }
    }
  }
  if (!best) return { article: null, siteName, broken };

  const au = { names: [] as string[], orgs: [] as string[] };
  authorNames(best["author"] ?? best["creator"], byId, au);
  let publisher: string | null = null;
  let publisherIsPerson = false;
  const pub0 = best["publisher"];
  const pub = Array.isArray(pub0) ? pub0[0] : pub0;
  if (pub && typeof pub === "object") {
    const p = pub as Node;
    const ref = typeof p["@id"] === "string" && !p["name"] ? byId.get(p["@id"] as string) : p;
    publisher = ref ? text(ref["name"]) : null;
    publisherIsPerson = !!ref && typesOf(ref).includes("person");
  } else {
    publisher = text(pub);
  }
  let isPartOfName: string | null = null;
  const part = best["isPartOf"];
  if (part && typeof part === "object" && !Array.isArray(part)) {
    const p = part as Node;
    const ref = typeof p["@id"] === "string" && !p["name"] ? byId.get(p["@id"] as string) : p;
    if (ref && typesOf(ref).includes("website")) isPartOfName = text(ref["name"]);
  }
  const mainUrl = best["url"] ?? (typeof best["mainEntityOfPage"] === "string" ? best["mainEntityOfPage"] : (best["mainEntityOfPage"] as Node | undefined)?.["@id"]);
  return {
    article: {
      type: typesOf(best)[0] ?? "",
      headline: text(best["headline"]) ?? text(best["name"]),
      authors: au.names,
      organizationAuthors: au.orgs,
      publisher,
      publisherIsPerson,
      published: text(best["datePublished"]) ?? text(best["dateCreated"]) ?? text(best["uploadDate"]),
      modified: text(best["dateModified"]),
      section: text(best["articleSection"]),
      language: text(best["inLanguage"]),
      url: typeof mainUrl === "string" ? mainUrl : null,
      description: text(best["description"]),
    },
    siteName: siteName ?? isPartOfName,
    broken,
  };
}
