/**
 * The report's stylesheet (also the story page's), inlined so the page needs
 * nothing from the network: system fonts only, no image, no import.
 */
export const REPORT_STYLE = `
:root { --ink: #1d232a; --muted: #5d6670; --line: #d9dee3; --accent: #8a3b12; --bg: #fbfaf7; --paper: #fff; --soft: #f3efe6; --blue: #2d6a8a; --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
* { box-sizing: border-box; }
html { scroll-padding-top: 1rem; }
body { margin: 0; font: 16px/1.55 Georgia, "Times New Roman", serif; color: var(--ink); background: var(--bg); }
header.report-head { padding: 1.2rem 2rem; border-bottom: 3px double var(--line); background: var(--paper); }
header.report-head h1 { margin: 0; font-size: 1.6rem; letter-spacing: .02em; }
header.report-head p { margin: .2rem 0 0; color: var(--muted); }
main { max-width: 66rem; margin: 0 auto; padding: 1rem 2rem 5rem; }
h2 { border-bottom: 1px solid var(--line); padding-bottom: .3rem; margin: 2.2rem 0 .6rem; line-height: 1.25; }
h3 { margin: 1.8rem 0 .5rem; }
a { color: var(--accent); }
.note, .legend, .groups-title { color: var(--muted); font: .85rem/1.5 var(--sans); margin: .3rem 0 .5rem; }
.docid { font: 11px ui-monospace, monospace; color: var(--muted); background: #eef1f4; padding: 0 .3rem; border-radius: 3px; white-space: nowrap; }
.count { font: .8rem var(--sans); color: var(--muted); }

/* Table of contents */
nav.toc { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: .6rem 1.2rem .8rem; margin: 1rem 0 1.5rem; font: .92rem/1.5 var(--sans); }
nav.toc h2 { font: 600 .8rem var(--sans); text-transform: uppercase; letter-spacing: .08em; color: var(--muted); border: 0; margin: .2rem 0 .4rem; padding: 0; }
nav.toc > ol { margin: 0; padding: 0; list-style: none; display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: .4rem 2rem; }
nav.toc a { text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
.toc-story { font-weight: 600; }
.toc-parts, .toc-docs { margin: .2rem 0 0; padding: 0; list-style: none; }
.toc-parts li, .toc-docs li { display: inline; }
.toc-parts li + li::before, .toc-docs li + li::before { content: " · "; color: var(--muted); }
a.to-contents { position: fixed; right: 1rem; bottom: 1rem; z-index: 10; font: 600 .8rem var(--sans); background: var(--paper); border: 1px solid var(--line); border-radius: 999px; padding: .35rem .8rem; text-decoration: none; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
button.back-to { position: fixed; left: 1rem; bottom: 1rem; z-index: 10; font: 600 .85rem var(--sans); color: #fff; background: var(--ink); border: 0; border-radius: 999px; padding: .45rem 1rem; cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
button.back-to[hidden] { display: none; }

/* A story */
.story-meta { color: var(--muted); font: .9rem var(--sans); margin: 0 0 .4rem; }
ul.story-docs { list-style: none; padding: 0; margin: 0; font: .9rem/1.6 var(--sans); }
ul.story-docs li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
ul.story-docs .outlet { font-weight: 600; text-decoration: none; }
.doc-title { color: var(--ink); }
.when { color: var(--muted); font-size: .85em; white-space: nowrap; }
section.part { margin-top: 2rem; }
section.part > h3 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
.cite:target { background: #ffd966; outline: 2px solid #c98a00; border-radius: 2px; }
.cite, .cite-alias { scroll-margin-top: 30vh; }
a.cite-link { font: 11px/1.6 var(--sans); text-decoration: none; background: #eef1f4; padding: 0 .3rem; border-radius: 3px; color: var(--accent); white-space: nowrap; }
a.cite-link:hover, a.cite-link:focus { background: #ffe9a8; }
ol.summary { padding-left: 1.4rem; }
ol.summary li { margin-bottom: .45rem; }

/* Coverage matrix: filters are radio buttons that show or hide rows (no script) */
.filter { position: absolute; opacity: 0; width: 1px; height: 1px; }
.filter + label { display: inline-block; font: .85rem var(--sans); padding: .15rem .75rem; margin: 0 .25rem .5rem 0; border: 1px solid var(--line); border-radius: 999px; background: var(--paper); cursor: pointer; }
.filter:checked + label { background: var(--accent); border-color: var(--accent); color: #fff; }
.filter:checked + label .count { color: #fff; }
.filter:focus-visible + label { outline: 2px solid #c98a00; outline-offset: 2px; }
.f-corroborated:checked ~ .matrix tr.fact-row:not(.corroborated),
.f-unique:checked ~ .matrix tr.fact-row:not(.unique),
.f-disputed:checked ~ .matrix tr.fact-row:not(.disputed) { display: none; }
.matrix { max-height: min(78vh, 44rem); overflow: auto; border: 1px solid var(--line); border-radius: 6px; background: var(--paper); }
table.coverage { border-collapse: separate; border-spacing: 0; width: 100%; font: .88rem/1.45 var(--sans); }
table.coverage th, table.coverage td { border-bottom: 1px solid var(--line); padding: .35rem .45rem; vertical-align: top; }
table.coverage td + td, table.coverage th.doc + th.doc { border-left: 1px solid #eceff2; }
table.coverage thead th { position: sticky; top: 0; z-index: 2; background: #f3f1ec; vertical-align: bottom; border-bottom: 2px solid var(--line); }
table.coverage th.fact { position: sticky; left: 0; z-index: 1; min-width: 22rem; text-align: left; font-weight: normal; background: var(--paper); border-right: 2px solid var(--line); }
table.coverage thead th.fact { z-index: 3; background: #f3f1ec; font-weight: 600; }
table.coverage th.doc { width: 2.4rem; padding: .5rem .2rem; text-align: center; font-weight: 600; }
table.coverage th.doc > span { display: inline-block; writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; max-height: 10rem; overflow: hidden; text-overflow: ellipsis; font-size: .78rem; }
table.coverage td.has { text-align: center; background: var(--soft); }
table.coverage td.has a.cite-link { background: none; font-size: 14px; padding: 0; }
table.coverage tbody tr:hover > * { background: #fff6dc; }
.speaker { font-weight: 600; }
.badge { display: inline-block; font: 600 .7rem/1.5 var(--sans); padding: 0 .4rem; border-radius: 999px; background: #eef1f4; color: var(--muted); white-space: nowrap; }
.badge.n2, .badge.n3 { background: #e2efe5; color: #2f6b3a; }
.badge.disputed { background: #fdecea; color: #a23a2c; }
table.coverage .sources { display: block; color: var(--muted); font-size: .75rem; }

/* Where accounts differ */
.discrepancies { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 28rem), 1fr)); gap: .8rem; }
.discrepancy { border: 1px solid var(--line); border-left: 4px solid #c9a227; border-radius: 6px; padding: .4rem .9rem .6rem; background: var(--paper); }
.discrepancy.conflict { border-left-color: #c0392b; }
.discrepancy h4 { margin: .2rem 0 .4rem; font-size: 1rem; }
.discrepancy h4 .kind { font: 600 .7rem var(--sans); text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.discrepancy .label { display: block; font: .75rem var(--sans); color: var(--muted); font-weight: normal; }
ul.sides { list-style: none; margin: 0; padding: 0; font-size: .93rem; }
li.side { padding: .15rem 0 .15rem .6rem; border-left: 2px solid var(--line); margin: .3rem 0; }
.according { font: .8rem var(--sans); color: var(--muted); }

/* Timeline: a wide and a narrow axis; the container shows the one that fits */
.axis-wrap { container-type: inline-size; }
svg.axis { display: block; max-width: 100%; height: auto; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; }
svg.axis.narrow { display: none; }
@container (max-width: 36rem) { svg.axis.wide { display: none; } svg.axis.narrow { display: block; } }
svg.axis line.base { stroke: #7b8794; stroke-width: 1.5; }
svg.axis line.leader { stroke: #c3cad1; stroke-width: 1; }
svg.axis text { font: 11px var(--sans); fill: var(--ink); }
svg.axis circle { fill: var(--accent); stroke: #fff; stroke-width: 1.5; }
svg.axis .conflict circle { fill: #c0392b; }
table.timeline { border-collapse: collapse; width: 100%; font-size: .92rem; margin-top: .6rem; }
table.timeline td, table.timeline th { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
table.timeline th { font: 600 .8rem var(--sans); color: var(--muted); }
table.timeline td.when { white-space: nowrap; font: .85rem var(--sans); }
table.timeline td.who { font: .8rem var(--sans); }
tr.conflict td { background: #fdecea; }
a.doc-link { text-decoration: none; }

/* Quotes across outlets */
ul.utterances { list-style: none; padding: 0; margin: 0; }
li.utterance { margin: 0 0 .8rem; }
ul.variants { list-style: none; margin: .2rem 0 0; padding: 0; }
ul.variants li { display: grid; grid-template-columns: 10rem 1fr; gap: .8rem; padding: .1rem 0; border-top: 1px dotted var(--line); }
ul.variants .who { font: .82rem/1.9 var(--sans); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
mark { background: #ffe9a8; }
.role, .credit, .kind, .reported { font-size: .8rem; color: var(--muted); }

/* Lineage */
.lineage-part { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
.graph-wrap { overflow-x: auto; max-width: 100%; }
.lineage-notes { flex: 1 1 16rem; }
svg.lineage { display: block; max-width: 100%; height: auto; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; }
svg.lineage text { font: 12px var(--sans); fill: var(--ink); }
svg.lineage a.node text { fill: var(--accent); font-weight: 600; }
svg.lineage text.edge-label { font-size: 10.5px; fill: var(--muted); }
svg.lineage rect.edge-label { fill: var(--paper); }
svg.lineage .node rect { fill: #fff; stroke: var(--accent); stroke-width: 1.5; }
svg.lineage .node.source rect { fill: #eaf2f6; stroke: var(--blue); }
svg.lineage a.node:hover rect { fill: #fff6dc; }
svg.lineage path { fill: none; stroke: #8b96a1; stroke-width: 1.3; }
svg.lineage marker path { fill: #8b96a1; stroke: none; }
svg.lineage .edge.copy path, svg.lineage .edge.rewrite path { stroke: var(--accent); stroke-width: 2.2; }
svg.lineage .edge.cites path { stroke-dasharray: 4 3; }
.legend .key { display: inline-block; padding: 0 .4rem; border-radius: 4px; border: 1.5px solid var(--accent); background: #fff; margin-right: .4rem; }
.legend .key.source { border-color: var(--blue); background: #eaf2f6; }
ol.groups { margin: 0; padding-left: 1.6rem; font: .88rem var(--sans); }

/* Documents, each collapsed under its summary line */
article.document { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; margin: .6rem 0; }
article.document > details { margin: 0; }
article.document > details > summary { list-style: none; cursor: pointer; padding: .55rem 1rem .55rem 2rem; position: relative; color: var(--ink); }
article.document > details > summary::-webkit-details-marker { display: none; }
article.document > details > summary::before { content: "▸"; position: absolute; left: .8rem; top: .6rem; color: var(--accent); }
article.document > details[open] > summary::before { content: "▾"; }
article.document > details[open] > summary { border-bottom: 1px solid var(--line); }
article.document > details > :not(summary) { margin-left: 1.5rem; margin-right: 1.5rem; }
article.document h3 { display: inline; margin: 0; font-size: 1.05rem; }
.doc-name { font-weight: 700; }
article.document .doc-title { font-weight: normal; }
.doc-facts { display: block; font: .8rem var(--sans); color: var(--muted); }
table.meta { border-collapse: collapse; font-size: .9rem; margin: .8rem 0 1rem; }
table.meta th { text-align: left; color: var(--muted); font-weight: normal; padding: .1rem 1rem .1rem 0; vertical-align: top; }
table.meta td { overflow-wrap: anywhere; }
.standfirst { font-style: italic; font-size: 1.05rem; border-left: 3px solid var(--accent); padding-left: .8rem; }
.body h4 { margin: 1.2rem 0 .3rem; }
.captions, .quotes { font-size: .92rem; }
details { margin: .8rem 0; }
summary { cursor: pointer; color: var(--accent); }
pre.source { white-space: pre-wrap; font: 13px/1.5 ui-monospace, monospace; background: #f6f7f8; padding: .8rem; border-radius: 4px; max-height: 40rem; overflow: auto; }
del { text-decoration: line-through; color: #9a4a4a; background: #fbeaea; }
del .reason { display: inline-block; text-decoration: none; font-size: 11px; background: #9a4a4a; color: #fff; padding: 0 .3rem; margin-right: .3rem; border-radius: 3px; }

@media (max-width: 40rem) {
  header.report-head { padding: 1rem; }
  main { padding: .5rem 1rem 5rem; }
  table.coverage th.fact { min-width: 13rem; }
  ul.variants li { display: block; }
  ul.variants .who { display: inline; margin-right: .3rem; }
  ul.story-docs li { white-space: normal; }
  table.timeline thead { display: none; }
  table.timeline, table.timeline tbody, table.timeline tr, table.timeline td { display: block; }
  table.timeline tr { border-bottom: 1px solid var(--line); padding: .3rem 0; }
  table.timeline td { border: 0; padding: 0 .2rem; }
  table.timeline td.when { font-weight: 600; }
  table.timeline td.who::before { content: "Reported by "; color: var(--muted); }
  article.document > details > :not(summary) { margin-left: .8rem; margin-right: .8rem; }
}
@media print {
  .matrix { max-height: none; overflow: visible; }
  a.to-contents, button.back-to, .filter, .filter + label { display: none; }
}
`;
