/**
 * `<meta>` tags of a page, keyed by lower-cased `property` / `name` /
 * `itemprop` / `http-equiv`, values in document order.
 */
export type MetaTags = Map<string, string[]>;

/** Collects every `<meta>` tag value of a document (or of the given `<meta>` elements). Never throws. */
export function readMetaTags(document: Document, elements?: readonly Element[]): MetaTags {
  const out: MetaTags = new Map();
  let metas: readonly Element[] = [];
  try {
    metas = elements ?? Array.from(document.querySelectorAll("meta"));
  } catch {
    return out;
  }
  for (const m of metas.slice(0, 2000)) {
    const content = m.getAttribute("content") ?? m.getAttribute("value");
    if (content === null) continue;
    const value = content.replace(/\s+/g, " ").trim();
    if (!value) continue;
    for (const attr of ["property", "name", "itemprop", "http-equiv"]) {
      const k = m.getAttribute(attr);
      if (!k) continue;
      for (const key of k.toLowerCase().split(/\s+/).slice(0, 4)) {
        if (!key) continue;
        const list = out.get(key) ?? [];
        if (list.length < 20) list.push(value);
        out.set(key, list);
      }
    }
  }
  return out;
}

/** First value among `keys` (in priority order), with the key that gave it. */
export function firstMeta(tags: MetaTags, keys: readonly string[]): { value: string; key: string } | null {
  for (const k of keys) {
    const v = tags.get(k);
    if (v && v.length) return { value: v[0]!, key: k };
  }
  return null;
}

/** All values among `keys`, deduplicated, with the key of each. */
export function allMeta(tags: MetaTags, keys: readonly string[]): { value: string; key: string }[] {
  const out: { value: string; key: string }[] = [];
  const seen = new Set<string>();
  for (const k of keys) {
    for (const v of tags.get(k) ?? []) {
      if (seen.has(v)) continue;
      seen.add(v);
      out.push({ value: v, key: k });
    }
  }
  return out;
}

/**
 * `metadata:meta-date-names`: keys not in `known` that name a date by pattern
 * ("published", "w-published-date", "article:updated"), values with their keys,
 * in document order; a value must hold a digit.
 */
export function metaLike(tags: MetaTags, pattern: RegExp, known: readonly string[]): { value: string; key: string }[] {
  const out: { value: string; key: string }[] = [];
  for (const [k, vals] of tags) {
    if (known.includes(k) || !pattern.test(k)) continue;
    for (const v of vals) if (/\d/.test(v) && out.length < 10) out.push({ value: v, key: k });
  }
  return out;
}
