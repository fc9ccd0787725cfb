/**
 * The key a feed item is known by: its link made canonical (absolute, host in
 * lower case, no fragment, no tracking parameters), or the page's own
 * `<link rel="canonical">` once the page is fetched.
 */

/** Query parameters that only track a click and never change the page. */
const TRACKING = new Set([
  "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
  "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "wt_mc", "cmpid", "ocid", "ncid", "sr_share", "at_medium", "at_campaign",
]);

/** Whether a query parameter only tracks the click (`utm_*`, `fbclid`, ...). */
export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith("utm_") || TRACKING.has(n);
}

/**
 * `link` (resolved against `base`) as an item key: an http(s) URL with its host
 * in lower case, default port, fragment and tracking parameters dropped. Null
 * when it is not an http(s) URL.
 */
export function canonicalUrl(link: string, base?: string | null): string | null {
  let u: URL;
  try {
    u = new URL(link.trim(), base ?? undefined);
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  u.hash = "";
  u.hostname = u.hostname.toLowerCase().replace(/\.$/, "");
  if (u.search) {
    const kept = [...u.searchParams].filter(([k]) => !isTrackingParam(k));
    if (kept.length !== [...u.searchParams].length) {
      u.search = "";
      for (const [k, v] of kept) u.searchParams.append(k, v);
    }
  }
  return u.href.replace(/\?$/, "");
}

/** How much of a page is searched for its canonical link (it belongs in the head). */
const HEAD_CHARS = 256 * 1024;

const ATTRIBUTE = /([^\s"'<>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;

function decodeEntities(s: string): string {
  return s.replace(/&amp;/gi, "&").replace(/&#38;/g, "&").replace(/&quot;/gi, '"').replace(/&#39;|&apos;/gi, "'");
}

/**
 * The page's `<link rel="canonical" href>` made canonical against the page's
 * URL, or null when it has none (or not an http(s) one).
 */
export function pageCanonical(html: string, pageUrl: string): string | null {
  const head = html.slice(0, HEAD_CHARS);
  for (const m of head.matchAll(/<link\b([^>]{0,4096})>/gi)) {
    let rel: string | null = null;
    let href: string | null = null;
    for (const a of m[1]!.matchAll(ATTRIBUTE)) {
      const name = a[1]!.toLowerCase();
      const value = a[2] ?? a[3] ?? a[4] ?? "";
      if (name === "rel") rel = value;
      else if (name === "href") href = value;
    }
    if (rel && href && rel.toLowerCase().split(/\s+/).includes("canonical")) return canonicalUrl(decodeEntities(href), pageUrl);
  }
  return null;
}
