/**
 * `metadata:site-owner`: the author of a page on a person's own site, when no byline,
 * author tag or JSON-LD author names anyone. A personal site names its owner where a
 * company site names itself: in `og:site_name`, the `<title>` suffix ("Go ahead, self-host
 * Postgres | Pierce Freeman"), the feed's title, the link to the front page and the
 * footer's copyright ("© 2025 Toby Hede."). The owner is taken only when the name reads as
 * a person's (two or three capitalized words, no company word) and is confirmed: the
 * site's host carries it (pollybarks.com, pierce.dev, owain.bearblog.dev), or two of those
 * places name it; none of its words stands in lower case in the page's prose ("Menlo
 * Coaching" beside "coaching"); and the page speaks in the first person singular. A company
 * named after a person can still pass: the reader is the last resort, after every other
 * source (see html-metadata.ts). Site-independent.
 */

import { clean } from "./html-noise.js";
import { firstMeta, type MetaTags } from "./html-meta-tags.js";

/** Words that make a name a company's, a publication's or a place's rather than a person's. */
const ORG_WORDS = new Set([
  "inc", "llc", "ltd", "co", "corp", "company", "group", "gmbh", "plc", "pc", "pllc", "lp", "llp", "sa", "ag",
  "blog", "news", "magazine", "journal", "times", "post", "daily", "weekly", "review", "press", "media", "studio",
  "studios", "lab", "labs", "team", "staff", "editorial", "editors", "solutions", "services", "consulting", "agency",
  "partners", "associates", "academy", "institute", "university", "college", "school", "center", "centre", "clinic",
  "health", "healthcare", "hospital", "dental", "dentistry", "law", "legal", "bank", "capital", "finance", "financial",
  "insurance", "realty", "construction", "design", "digital", "marketing", "software", "systems", "technologies",
  "tech", "cloud", "data", "network", "online", "store", "shop", "official", "foundation", "society", "club", "hub",
  "guide", "guides", "home", "house", "kitchen", "garden", "life", "living", "travel", "fitness", "coffee", "wine",
  "world", "global", "int", "intl", "international", "national", "american", "united", "city", "county", "state", "the", "and", "of",
  "for", "by", "with", "our", "my", "your", "web", "site", "podcast", "radio", "tv", "channel", "project", "notes",
]);

/** A person-like name: two or three capitalized words (hyphens and apostrophes allowed), no company word. */
function personLike(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 3 || name.length > 40) return false;
  return words.every((w) => /^\p{Lu}[\p{Ll}'’-]{1,20}$/u.test(w) && !ORG_WORDS.has(w.toLowerCase()));
}

/** "Colin Watson's blog", "Jane Doe » Feed", "Jane Doe - RSS": the name alone. */
function stripSiteWords(s: string): string {
  return clean(s)
    .replace(/\s?[»|–—-]?\s?(?:rss|atom|feed|comments feed|posts)(?:\s?\d(?:\.\d)?)?$/i, "")
    .replace(/['’]s\s(?:blog|website|site|homepage|home page|notes|journal|weblog)$/i, "")
    .trim();
}

/** The letters of a string, lower case, accents dropped. */
const letters = (s: string): string => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z]/g, "");

/** Whether a host (or a "~user" path) spells the name: "pollybarks", "pierce", "artmann", "jdoe", "janedoe". */
function hostSpells(name: string, url: string | null | undefined): boolean {
  if (!url) return false;
  let host = "", path = "";
  try { const u = new URL(url); host = u.hostname.toLowerCase(); path = u.pathname; } catch { return false; }
  const labels = host.split(".").slice(0, -1).filter((l) => l !== "www" && l.length >= 3);
  const user = /^\/~([\w.-]{3,40})/.exec(path)?.[1];
  if (user) labels.push(user);
  const words = name.split(/\s+/).map(letters).filter(Boolean);
  if (words.length < 2) return false; // a name in another script: the host cannot spell it
  const first = words[0]!, last = words[words.length - 1]!;
  const forms = new Set([words.join(""), `${first}${last}`, `${first[0]}${last}`, `${last}${first}`]);
  if (first.length >= 4) forms.add(first);
  if (last.length >= 4) forms.add(last);
  return labels.some((l) => {
    const k = letters(l);
    return forms.has(k);
  });
}

function safeAll(root: ParentNode, sel: string): Element[] {
  try { return Array.from(root.querySelectorAll(sel)); } catch { return []; }
}

/** Where each candidate name was seen (one entry per kind of place). */
function candidates(document: Document, meta: MetaTags, titleText: string | null, url: string | null | undefined): Map<string, Set<string>> {
  const seen = new Map<string, Set<string>>();
  const add = (raw: string | null | undefined, place: string): void => {
    const n = stripSiteWords(raw ?? "");
    if (!personLike(n)) return;
    const set = seen.get(n) ?? new Set<string>();
    set.add(place);
    seen.set(n, set);
  };
  const siteName = firstMeta(meta, ["og:site_name"])?.value;
  // A site that names itself, and not as a person: no owner to find (and no scan of the page).
  if (siteName && !personLike(stripSiteWords(siteName))) return seen;
  add(siteName, "site-name");
  if (titleText) {
    const parts = clean(titleText).split(/\s(?:[|–—·»:]|-)\s/);
    if (parts.length >= 2) { add(parts[parts.length - 1], "title"); add(parts[0], "title"); }
  }
  const head = document.head;
  for (const l of head ? safeAll(head, 'link[rel~="alternate"][title]').slice(0, 6) : []) {
    if (/rss|atom/i.test(l.getAttribute("type") ?? "")) add(l.getAttribute("title"), "feed");
  }
  let origin = "";
  try { origin = url ? new URL(url).origin : ""; } catch { origin = ""; }
  // One scan of the body for both the front-page links and the footers.
  const sel = ["footer", `a[href="/"]`, ...(origin ? [`a[href="${origin}"]`, `a[href="${origin}/"]`] : [])].join(", ");
  const found = safeAll(document.body ?? document, sel);
  for (const a of found.filter((e) => e.tagName.toLowerCase() === "a").slice(0, 6)) add(a.textContent, "home-link");
  for (const f of found.filter((e) => e.tagName.toLowerCase() === "footer").slice(-3)) {
    const t = clean(f.textContent).slice(0, 2000);
    const m = /(?:©|\(c\)|copyright)\s?(?:©\s?)?(?:\d{4}(?:\s?[-–]\s?\d{4})?\s?)?(?:by\s)?(\p{Lu}[\p{L}'’-]{1,20}(?:\s\p{Lu}[\p{L}'’-]{1,20}){1,2})/iu.exec(t);
    if (m) add(m[1], "copyright");
  }
  return seen;
}

/**
 * Whether a word of the name stands in the page's text in lower case ("Menlo Coaching"
 * beside "coaching", "Bread Dad" beside "bread"): then the name is made of common words, a
 * company's or a site's, not a person's.
 */
function commonWordIn(name: string, text: string): boolean {
  return name.split(/\s+/).some((w) => {
    const lw = w.toLowerCase().replace(/[’']s$/, "");
    if (lw.length < 2) return false;
    const esc = lw.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
    // In prose only: "tobyhede@GitHub", "toby/hede" and "artmann.se" are handles and hosts.
    return new RegExp(`(?:^|[\\s(“"‘])${esc}(?=[\\s,;:!?)”"’]|\\.(?:\\s|$)|$)`, "u").test(text);
  });
}

/**
 * Whether the page speaks in the first person singular ("I", "my", "me"; "ich", "yo", "je",
 * "я" …) at least as often as in the plural ("we", "our", "us"; "wir", "nosotros", "nous",
 * "ми" …), five times at least: one person's page, not a company's.
 */
function firstPerson(text: string): boolean {
  const count = (re: RegExp): number => (text.match(re) ?? []).length;
  // English, German, Spanish, French, Ukrainian.
  const i = count(/(?:^|\s)(?:I|I['’]m|I['’]ve|I['’]d|I['’]ll|[Mm]y|me|[Ii]ch|[Mm]ein(?:e|en|em|er)?|mich|mir|[Yy]o|[Mm]is?|[Jj]e|[Jj]['’]\p{L}+|[Mm]on|[Mm]a|[Mm]es|moi|[Яя]|[Мм]ій|[Мм]оя|[Мм]оє|[Мм]ої|[Мм]ене|[Мм]ені)(?=[\s,.!?;:])/gu);
  const we = count(/(?:^|\s)(?:[Ww]e|[Ww]e['’]re|[Ww]e['’]ve|[Oo]ur|us|[Ww]ir|[Uu]nser(?:e|en|em|er)?|uns|[Nn]osotros|[Nn]uestr[oa]s?|[Nn]ous|[Nn]otre|[Nn]os|[Мм]и|[Нн]аш(?:а|е|і)?|нас|нам)(?=[\s,.!?;:])/gu);
  return i >= 5 && i >= we;
}

/**
 * The owner of a personal site, or null (see the module doc). `titleText`: the page's
 * `<title>`; `url`: the page's address; `bodyText`: the page's text (read only when a
 * candidate is found).
 */
export function siteOwner(document: Document, meta: MetaTags, titleText: string | null, url: string | null | undefined, bodyText: () => string): string | null {
  try {
    const found = candidates(document, meta, titleText, url);
    let best: string | null = null;
    let bestScore = 0;
    let text: string | null = null;
    for (const [name, places] of found) {
      const score = (hostSpells(name, url) ? 1 : 0) + places.size;
      if (score < 2 || score <= bestScore) continue;
      text ??= bodyText();
      if (commonWordIn(name, text) || !firstPerson(text)) continue;
      best = name;
      bestScore = score;
    }
    return best;
  } catch {
    return null;
  }
}
