/** Escapes text for HTML element content and attribute values (article text is untrusted). */
export function escapeHtml(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return value.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/** Escapes text for Markdown inline content so that article text cannot become markup. */
export function escapeMarkdown(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return value
    .replace(/[\\`*_{}[\]<>#|!~]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, " ");
}

/** A string safe to use as an HTML id: letters, digits, `-` and `_` only. */
export function htmlId(...parts: string[]): string {
  return parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, "_")).join("--");
}
