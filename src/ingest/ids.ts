import { basename, extname } from "node:path";

/** Keeps an id readable and safe in file names and URLs. */
function tidy(id: string): string {
  // Cut first: `-+$` retried at every dash of a long dash run would be quadratic.
  const t = id.slice(0, 120).replace(/[^A-Za-z0-9._~-]+/g, "-").replace(/^-+|-+$/g, "");
  return t || "input";
}

/** A file's id: its name without the extension (`seeds/000_ab.txt` → `000_ab`). */
export function idFromPath(path: string): string {
  const name = basename(path);
  const ext = extname(name);
  return tidy(ext && ext !== name ? name.slice(0, -ext.length) : name);
}

/**
 * A URL's id: its last path segment without the extension, else its host
 * (`https://x.com/news/mexico-troops.html` → `mexico-troops`).
 */
export function idFromUrl(url: string): string {
  try {
    const u = new URL(url);
    const segments = u.pathname.split("/").filter((s) => s !== "");
    const last = segments.length > 0 ? decodeURIComponent(segments[segments.length - 1]!) : "";
    const stem = last.replace(/\.[A-Za-z0-9]{1,6}$/, "");
    if (stem && !/^(?:index|default)$/i.test(stem)) return tidy(stem);
    if (segments.length > 1) return tidy(decodeURIComponent(segments[segments.length - 2]!));
    return tidy(u.hostname);
  } catch {
    return tidy(url);
  }
}

/** An id given in a record (a string or a number), else null. */
export function givenId(v: unknown): string | null {
  if (typeof v === "string" && v.trim() !== "") return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}
