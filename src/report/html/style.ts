/** The report's stylesheet, inlined so the page needs nothing from the network. */
export const STYLE = `
:root { --ink: #1d232a; --muted: #5d6670; --line: #d9dee3; --accent: #8a3b12; --bg: #fbfaf7; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 Georgia, "Times New Roman", serif; color: var(--ink); background: var(--bg); }
header { padding: 1.5rem 2rem; border-bottom: 3px double var(--line); background: #fff; }
header h1 { margin: 0; font-size: 1.6rem; letter-spacing: .02em; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 2rem 4rem; }
h2 { border-bottom: 1px solid var(--line); padding-bottom: .3rem; margin-top: 2.5rem; }
h3 { margin-top: 1.8rem; }
.document { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.5rem; margin: 1.5rem 0; }
.docid { font: 12px ui-monospace, monospace; color: var(--muted); background: #eef1f4; padding: 0 .35rem; border-radius: 3px; }
table.meta { border-collapse: collapse; font-size: .9rem; margin: .5rem 0 1rem; }
table.meta th { text-align: left; color: var(--muted); font-weight: normal; padding: .1rem 1rem .1rem 0; vertical-align: top; }
.standfirst { font-style: italic; font-size: 1.05rem; border-left: 3px solid var(--accent); padding-left: .8rem; }
.body h4 { margin: 1.2rem 0 .3rem; }
.captions, .quotes { font-size: .92rem; }
.credit, .role, .kind, .reported { font-size: .8rem; color: var(--muted); }
.speaker { font-weight: bold; }
details { margin: .8rem 0; }
summary { cursor: pointer; color: var(--accent); }
pre.source { white-space: pre-wrap; font: 13px/1.5 ui-monospace, monospace; background: #f6f7f8; padding: .8rem; border-radius: 4px; max-height: 40rem; overflow: auto; }
del { text-decoration: line-through; color: #9a4a4a; background: #fbeaea; }
del .reason { display: inline-block; text-decoration: none; font-size: 11px; background: #9a4a4a; color: #fff; padding: 0 .3rem; margin-right: .3rem; border-radius: 3px; }
svg.axis, svg.lineage { width: 100%; height: auto; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
svg line { stroke: #7b8794; stroke-width: 1.5; }
svg text { font: 11px sans-serif; fill: var(--ink); }
svg circle { fill: var(--accent); }
svg circle.conflict { fill: #c0392b; }
svg .node.source circle { fill: #2d6a8a; }
svg .edge.copy line { stroke: #8a3b12; stroke-width: 2.5; }
svg .edge.cites line { stroke-dasharray: 4 3; }
table.timeline { border-collapse: collapse; width: 100%; font-size: .92rem; }
table.timeline td, table.timeline th { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
tr.conflict td { background: #fdecea; }
mark { background: #ffe9a8; }
.utterances > li { margin-bottom: .8rem; }
.cite:target { background: #ffd966; outline: 2px solid #c98a00; border-radius: 2px; }
a.cite-link { font: 11px ui-monospace, monospace; text-decoration: none; background: #eef1f4; padding: 0 .25rem; border-radius: 3px; color: var(--accent); }
ol.summary li { margin-bottom: .5rem; }
table.coverage { border-collapse: collapse; font-size: .85rem; width: 100%; }
table.coverage th, table.coverage td { border: 1px solid var(--line); padding: .25rem .4rem; vertical-align: top; }
table.coverage td.has { text-align: center; background: #f3efe6; }
table.coverage .sources { display: block; color: var(--muted); font-size: .75rem; }
.discrepancy { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; margin: .8rem 0; background: #fff; }
.discrepancy.conflict { border-color: #c0392b; }
.discrepancy .label { font-size: .75rem; font-weight: normal; color: var(--muted); }
.sides { display: flex; gap: 1rem; flex-wrap: wrap; }
.side { flex: 1 1 12rem; background: #f6f7f8; padding: .3rem .7rem; border-radius: 4px; }
.side .by { font-size: .8rem; }
`;
