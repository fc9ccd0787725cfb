/**
 * The frame of every page of the web UI: navigation, the app's own stylesheet
 * and script (served by the app, nothing from elsewhere), and a skip link.
 */
import { html, type Html } from "../../report/escape.js";

/** Options of a page. */
export interface PageOptions {
  /** Which navigation entry is current. */
  current?: "stories" | "search" | "feeds" | "ingest";
  /** Extra stylesheet text (the report's views on the story page). */
  extraStyle?: string;
  /** Extra script served at this path (the report's script on the story page). */
  extraScript?: string;
}

const NAV: [NonNullable<PageOptions["current"]>, string, string][] = [
  ["stories", "/", "Stories"],
  ["search", "/search", "Search"],
  ["feeds", "/feeds", "Feeds"],
  ["ingest", "/ingest", "Add articles"],
];

/** A whole page around `body`. */
export function page(title: string, body: Html, options: PageOptions = {}): string {
  const nav = NAV.map(([key, href, label]) => html`<a href="${href}" aria-current="${key === options.current ? "page" : "false"}">${label}</a>`);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Rashomon</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/app.css">
${options.extraStyle ? html`<link rel="stylesheet" href="/assets/report.css">` : ""}
<script src="/assets/app.js" defer></script>
${options.extraScript ? html`<script src="${options.extraScript}" defer></script>` : ""}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="app-header"><a class="brand" href="/">Rashomon</a><nav aria-label="Main">${nav}</nav></header>
<main id="main" tabindex="-1">
${body}
</main>
</body>
</html>
`.html;
}

/** A date as a reader sees it (the day, and the time when there is one). */
export function shownDate(iso: string | null): string {
  if (!iso) return "–";
  return iso.length > 10 ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso;
}
