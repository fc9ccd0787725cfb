/**
 * The web UI's stylesheet and script, served from the app itself. The script
 * only enhances: live story list updates (server-sent events), and everything
 * works without it.
 */

/** The app's stylesheet. */
export const APP_CSS = `
:root { --ink: #1d232a; --muted: #5d6670; --line: #d9dee3; --accent: #8a3b12; --bg: #fbfaf7; --focus: #1a5fb4; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
.skip:focus { left: .5rem; z-index: 10; }
.app-header { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; padding: .8rem 1.2rem; background: #fff; border-bottom: 3px double var(--line); }
.brand { font: bold 1.3rem Georgia, serif; color: var(--ink); text-decoration: none; }
.app-header nav { display: flex; flex-wrap: wrap; gap: .3rem 1rem; }
.app-header nav a { text-decoration: none; padding: .1rem .2rem; }
.app-header nav a[aria-current="page"] { border-bottom: 2px solid var(--accent); font-weight: 600; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.2rem 4rem; }
h1 { font: 1.6rem Georgia, serif; margin: .6rem 0 1rem; }
form.filters, form.inline { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: .5rem 0 1rem; }
label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); gap: .15rem; }
input, textarea, select, button { font: inherit; padding: .35rem .5rem; border: 1px solid #aab2ba; border-radius: 4px; background: #fff; color: var(--ink); }
button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
button.secondary { background: #fff; color: var(--accent); }
textarea { width: 100%; min-height: 8rem; }
.story-list { list-style: none; padding: 0; margin: 0; }
.story-list li { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .7rem 1rem; margin: .6rem 0; }
.story-list h2 { font-size: 1.1rem; margin: 0 0 .2rem; }
.meta, .hint { color: var(--muted); font-size: .85rem; }
.pill { display: inline-block; background: #eef1f4; border-radius: 999px; padding: 0 .5rem; font-size: .8rem; margin: .1rem .2rem .1rem 0; }
.pager { display: flex; gap: 1rem; margin: 1rem 0; }
.live { font-size: .85rem; color: var(--muted); }
.live.updated { color: #1e7d32; }
table.feeds { border-collapse: collapse; width: 100%; font-size: .9rem; }
table.feeds th, table.feeds td { border-bottom: 1px solid var(--line); padding: .35rem .4rem; text-align: left; vertical-align: top; }
.table-wrap { overflow-x: auto; }
.status-ok { color: #1e7d32; }
.status-error { color: #b3261e; }
.notice { background: #fff7e0; border: 1px solid #e8c66a; padding: .6rem .9rem; border-radius: 6px; }
.error-box { background: #fdecea; border: 1px solid #e0a29b; padding: .6rem .9rem; border-radius: 6px; }
.doc-text { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.3rem; white-space: pre-wrap; font: 1.02rem/1.6 Georgia, serif; overflow-wrap: anywhere; }
.doc-text .quote { background: #fff3c4; }
.doc-text .time { border-bottom: 2px solid #2d6a8a; }
.doc-text .claim { text-decoration: underline dotted #8a3b12; text-underline-offset: 3px; }
.doc-text .removed { color: #9a4a4a; background: #fbeaea; text-decoration: line-through; }
.doc-text :target, .doc-text .hit { outline: 2px solid #c98a00; background: #ffd966; }
.legend span { margin-right: 1rem; font-size: .85rem; }
.legend .quote { background: #fff3c4; } .legend .time { border-bottom: 2px solid #2d6a8a; } .legend .claim { text-decoration: underline dotted #8a3b12; } .legend .removed { color: #9a4a4a; background: #fbeaea; text-decoration: line-through; }
.hits { list-style: none; padding: 0; }
.hits li { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .6rem .9rem; margin: .5rem 0; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0 0 .6rem; }
/* The page's h1 is the story's title: the report view's own heading would repeat it. */
.story-page section.story > h2:first-child { display: none; }
@media (max-width: 480px) { main { padding: .6rem .7rem 3rem; } h1 { font-size: 1.3rem; } }
`;

/** The app's script: live updates of the story list, and a status line. */
export const APP_JS = `
(function () {
  "use strict";
  var list = document.getElementById("story-list");
  var status = document.getElementById("live-status");
  if (!list || !window.EventSource) return;
  var source = new EventSource("/api/v1/events");
  var refreshing = false;
  function refresh() {
    if (refreshing) return;
    refreshing = true;
    fetch(location.pathname + location.search, { headers: { "accept": "text/html" } })
      .then(function (r) { return r.text(); })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, "text/html");
        var fresh = doc.getElementById("story-list");
        var count = doc.getElementById("story-count");
        if (fresh) list.replaceChildren.apply(list, Array.prototype.slice.call(fresh.childNodes).map(function (n) { return document.importNode(n, true); }));
        var here = document.getElementById("story-count");
        if (count && here) here.textContent = count.textContent;
        if (status) { status.textContent = "Updated " + new Date().toLocaleTimeString(); status.classList.add("updated"); }
      })
      .catch(function () {})
      .then(function () { refreshing = false; });
  }
  source.addEventListener("library", refresh);
  source.addEventListener("hello", function () { if (status) status.textContent = "Live: new stories appear here as they arrive."; });
})();
`;
