import type { RashomonDocument, Story } from "../model/index.js";
import type { AnalyzeResult } from "../pipeline/index.js";
import { describeTime } from "../time/index.js";
import { Markdown, markdownCode, markdownList, md, mermaidLabel, rawMarkdown } from "./escape.js";
import { metadataRows } from "./metadata-rows.js";
import { sourcesParts, type TextPart } from "./sources-text.js";
import { roleBesides } from "./speaker.js";

/**
 * Renders an analysis as Markdown: stories first, then each document with its
 * metadata and clean body. Every field of the input goes through the `md` tag
 * (or `mermaidLabel` in the lineage diagram), never into the text as it is.
 */
export function renderMarkdown(result: Pick<AnalyzeResult, "documents" | "stories" | "messages">): string {
  const out: Markdown[] = [md`# Rashomon report`, md``];
  out.push(md`${result.documents.length} document(s), ${result.stories.length} stor${rawMarkdown(result.stories.length === 1 ? "y" : "ies")}.`, md``);
  const byId = new Map(result.documents.map((d) => [d.id, d]));
  for (const story of result.stories) out.push(...storyMarkdown(story, byId));
  for (const doc of result.documents) out.push(...documentMarkdown(doc));
  const errors = result.messages.filter((m) => m.severity !== "info");
  if (errors.length) {
    out.push(md`## Messages`, md``);
    for (const m of errors) out.push(md`- **${m.severity}** ${rawMarkdown(markdownCode(m.ruleId))}: ${m.reason}`);
    out.push(md``);
  }
  return out.join("\n");
}

function storyMarkdown(story: Story, byId: Map<string, RashomonDocument>): Markdown[] {
  const out = [md`## Story: ${story.title ?? story.id}`, md``];
  const outletOf = (id: string) => byId.get(id)?.outlet;
  out.push(md`Documents: ${markdownList(story.documents.map((id) => md`${id}${outletOf(id) ? md` (${outletOf(id)})` : ""}`), ", ")}`, md``);
  if (story.summary?.length) {
    out.push(md`### Summary`, md``);
    story.summary.forEach((x, i) => out.push(md`${i + 1}. ${x.text} ${cites(x.citations)}`));
    out.push(md``);
  }
  const corroborated = (story.facts ?? []).filter((f) => f.documents.length > 1);
  if (corroborated.length) {
    out.push(md`### Facts across outlets`, md``, md`| fact | documents | independent sources |`, md`|---|---|---|`);
    const label = (id: string) => byId.get(id)?.outlet ?? id;
    for (const f of corroborated) {
      const who = f.kind === "said" && f.slot && f.value ? md`${f.slot}: ` : f.kind === "number" && f.value ? md`**${f.value}** — ` : "";
      out.push(md`| ${who}${f.text} | ${markdownList(f.documents, ", ")} | ${f.independentSources}: ${parts(sourcesParts(f, label))} |`);
    }
    out.push(md``);
  }
  const unique = Object.entries(story.uniqueFacts ?? {});
  if (unique.length) {
    const facts = new Map((story.facts ?? []).map((f) => [f.id, f]));
    out.push(md`### Only one outlet reports`, md``);
    for (const [doc, ids] of unique) out.push(md`- **${doc}**: ${ids.length} fact(s), e.g. ${facts.get(ids[0]!)?.text ?? ""}`);
    out.push(md``);
  }
  if (story.discrepancies?.length) {
    out.push(md`### Where accounts differ`, md``);
    for (const d of story.discrepancies) {
      const verdict = d.compatible ? md`difference in detail${d.reason ? md`: ${d.reason}` : ""}` : md`conflict`;
      out.push(md`- **${d.kind}** (${verdict}): ${d.topic}`);
      for (const side of d.sides) {
        const text = d.kind === "date" ? describeTime(side.text) : side.text;
        out.push(md`  - “${text}”${side.according ? md` according to ${side.according}` : ""}: ${markdownList(side.documents, ", ")}`);
      }
    }
    out.push(md``);
  }
  if (story.timeline?.length) {
    out.push(md`### Timeline`, md``, md`| date | what | documents |`, md`|---|---|---|`);
    for (const e of story.timeline) {
      out.push(md`| ${describeTime(e.date)}${e.conflict ? md` (conflict)` : ""}${e.inferred ? md` (date inferred)` : ""} | ${e.text} | ${markdownList(e.documents, ", ")} |`);
    }
    out.push(md``);
  }
  if (story.utterances?.length) {
    out.push(md`### Quotes across outlets`, md``);
    for (const u of story.utterances) {
      out.push(md`- **${u.speaker?.name ?? "unknown speaker"}**${roleBesides(u.speaker) ? md` (${u.speaker!.role})` : ""}`);
      for (const v of u.variants) out.push(md`  - ${v.document}: “${v.text}”`);
      for (const d of u.differences) if (d.words.length) out.push(md`  - differs: ${markdownList(d.words, " / ")}`);
    }
    out.push(md``);
  }
  if (story.lineage?.edges.length) {
    out.push(md`### Lineage`, md``, ...mermaidLineage(story.lineage.edges), md``);
    out.push(md`Independent source groups: ${markdownList(story.lineage.independentGroups.map((g) => md`\\[${markdownList(g, ", ")}\\]`), " ")}`, md``);
  }
  return out;
}

/**
 * The lineage as a Mermaid graph in a code fence. Nodes are numbered (`n0`, `n1`,
 * ...) so that ids differing only in punctuation stay apart, and each is declared
 * once with its id as an escaped label: no field can end the label, the line or the fence.
 */
function mermaidLineage(edges: { from: string; to: string; kind: string }[]): Markdown[] {
  const nodes = new Map<string, string>();
  for (const e of edges) for (const id of [e.from, e.to]) if (!nodes.has(id)) nodes.set(id, `n${nodes.size}`);
  return [
    rawMarkdown("```mermaid"),
    rawMarkdown("graph LR"),
    ...[...nodes].map(([id, node]) => rawMarkdown(`  ${node}["${mermaidLabel(id)}"]`)),
    ...edges.map((e) => rawMarkdown(`  ${nodes.get(e.from)} -->|${mermaidLabel(e.kind)}| ${nodes.get(e.to)}`)),
    rawMarkdown("```"),
  ];
}

function cites(citations: { document: string; span: { start: number; end: number } }[]): Markdown {
  return markdownList(citations.map((c) => md`\\[${c.document}:${c.span.start}-${c.span.end}\\]`), " ");
}

/** A sentence of the report's own words and fields, the fields escaped. */
function parts(list: TextPart[]): Markdown {
  return markdownList(list.map((p) => (p.field ? p.text : rawMarkdown(p.text))), "");
}

function documentMarkdown(doc: RashomonDocument): Markdown[] {
  const out = [md`## ${doc.title ?? md`(untitled) ${doc.id}`}`, md``];
  for (const [k, v] of metadataRows(doc)) out.push(md`- **${k.toLowerCase()}**: ${v}`);
  out.push(md``);
  if (doc.standfirst) out.push(md`> ${doc.standfirst}`, md``);
  for (const p of doc.paragraphs) {
    const text = doc.text.slice(p.span.start, p.span.end);
    out.push(p.kind === "heading" ? md`### ${text}` : md`${text}`, md``);
  }
  if (doc.captions.length) {
    out.push(md`**Captions**`, md``);
    for (const c of doc.captions) out.push(md`- ${c.text}${c.credit ? md` (credit: ${c.credit})` : ""}`);
    out.push(md``);
  }
  if (doc.quotes?.length) {
    out.push(md`**Quotes**`, md``);
    for (const q of doc.quotes) {
      const who = q.speaker ? md`${q.speaker.name}${roleBesides(q.speaker) ? md`, ${q.speaker.role}` : ""}` : md`unattributed`;
      out.push(md`- ${who} (${q.kind}${q.reportedBy ? md`, reported in ${q.reportedBy}` : ""}): “${q.text}”`);
    }
    out.push(md``);
  }
  if (doc.removed.length) out.push(md`Removed ${doc.removed.length} block(s) of clutter: ${markdownList([...new Set(doc.removed.map((r) => r.reason))], ", ")}.`, md``);
  return out;
}
