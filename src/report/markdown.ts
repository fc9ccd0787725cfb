import type { RashomonDocument, Story } from "../model/index.js";
import type { AnalyzeResult } from "../pipeline/index.js";
import { describeTime } from "../time/index.js";
import { escapeMarkdown as md } from "./escape.js";
import { sourcesText } from "./html/dossier-section.js";
import { metadataRows } from "./metadata-rows.js";

/** Renders an analysis as Markdown: stories first, then each document with its metadata and clean body. */
export function renderMarkdown(result: Pick<AnalyzeResult, "documents" | "stories" | "messages">): string {
  const out: string[] = ["# Rashomon report", ""];
  out.push(`${result.documents.length} document(s), ${result.stories.length} stor${result.stories.length === 1 ? "y" : "ies"}.`, "");
  const byId = new Map(result.documents.map((d) => [d.id, d]));
  for (const story of result.stories) out.push(...storyMarkdown(story, byId));
  for (const doc of result.documents) out.push(...documentMarkdown(doc));
  const errors = result.messages.filter((m) => m.severity !== "info");
  if (errors.length) {
    out.push("## Messages", "");
    for (const m of errors) out.push(`- **${m.severity}** \`${m.ruleId}\`: ${md(m.reason)}`);
    out.push("");
  }
  return out.join("\n");
}

function storyMarkdown(story: Story, byId: Map<string, RashomonDocument>): string[] {
  const out = [`## Story: ${md(story.title ?? story.id)}`, ""];
  out.push(`Documents: ${story.documents.map((id) => `${md(id)}${byId.get(id)?.outlet ? ` (${md(byId.get(id)!.outlet)})` : ""}`).join(", ")}`, "");
  if (story.summary?.length) {
    out.push("### Summary", "");
    story.summary.forEach((x, i) => out.push(`${i + 1}. ${md(x.text)} ${cites(x.citations)}`));
    out.push("");
  }
  const corroborated = (story.facts ?? []).filter((f) => f.documents.length > 1);
  if (corroborated.length) {
    out.push("### Facts across outlets", "", "| fact | documents | independent sources |", "|---|---|---|");
    const label = (id: string) => byId.get(id)?.outlet ?? id;
    for (const f of corroborated) {
      const who = f.kind === "said" && f.slot ? `${md(f.slot)}: ` : "";
      out.push(`| ${who}${md(f.text)} | ${f.documents.map(md).join(", ")} | ${f.independentSources}: ${md(sourcesText(f, label))} |`);
    }
    out.push("");
  }
  const unique = Object.entries(story.uniqueFacts ?? {});
  if (unique.length) {
    const byId = new Map((story.facts ?? []).map((f) => [f.id, f]));
    out.push("### Only one outlet reports", "");
    for (const [doc, ids] of unique) out.push(`- **${md(doc)}**: ${ids.length} fact(s), e.g. ${md(byId.get(ids[0]!)?.text ?? "")}`);
    out.push("");
  }
  if (story.discrepancies?.length) {
    out.push("### Where accounts differ", "");
    for (const d of story.discrepancies) {
      out.push(`- **${md(d.kind)}** (${d.compatible ? `difference in detail${d.reason ? `: ${md(d.reason)}` : ""}` : "conflict"}): ${md(d.topic)}`);
      for (const side of d.sides) {
        const text = d.kind === "date" ? describeTime(side.text) : side.text;
        out.push(`  - “${md(text)}”${side.according ? ` according to ${md(side.according)}` : ""}: ${side.documents.map(md).join(", ")}`);
      }
    }
    out.push("");
  }
  if (story.timeline?.length) {
    out.push("### Timeline", "", "| date | what | documents |", "|---|---|---|");
    for (const e of story.timeline) {
      out.push(`| ${md(describeTime(e.date))}${e.conflict ? " (conflict)" : ""} | ${md(e.text)} | ${e.documents.map(md).join(", ")} |`);
    }
    out.push("");
  }
  if (story.utterances?.length) {
    out.push("### Quotes across outlets", "");
    for (const u of story.utterances) {
      out.push(`- **${md(u.speaker?.name ?? "unknown speaker")}**${u.speaker?.role ? ` (${md(u.speaker.role)})` : ""}`);
      for (const v of u.variants) out.push(`  - ${md(v.document)}: “${md(v.text)}”`);
      for (const d of u.differences) if (d.words.length) out.push(`  - differs: ${d.words.map(md).join(" / ")}`);
    }
    out.push("");
  }
  if (story.lineage?.edges.length) {
    out.push("### Lineage", "", "```mermaid", "graph LR");
    for (const e of story.lineage.edges) out.push(`  ${mermaidId(e.from)}["${mermaidLabel(e.from)}"] -->|${e.kind}| ${mermaidId(e.to)}["${mermaidLabel(e.to)}"]`);
    out.push("```", "");
    out.push(`Independent source groups: ${story.lineage.independentGroups.map((g) => `[${g.map(md).join(", ")}]`).join(" ")}`, "");
  }
  return out;
}

function cites(citations: { document: string; span: { start: number; end: number } }[]): string {
  return citations.map((c) => `[${md(c.document)}:${c.span.start}-${c.span.end}]`).join(" ");
}

function mermaidId(id: string): string {
  return `n_${id.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

function mermaidLabel(id: string): string {
  return id.replace(/["\]\[]/g, "'");
}

function documentMarkdown(doc: RashomonDocument): string[] {
  const out = [`## ${md(doc.title ?? `(untitled) ${doc.id}`)}`, ""];
  for (const [k, v] of metadataRows(doc)) out.push(`- **${k.toLowerCase()}**: ${md(v)}`);
  out.push("");
  if (doc.standfirst) out.push(`> ${md(doc.standfirst)}`, "");
  for (const p of doc.paragraphs) {
    const text = md(doc.text.slice(p.span.start, p.span.end));
    out.push(p.kind === "heading" ? `### ${text}` : text, "");
  }
  if (doc.captions.length) {
    out.push("**Captions**", "");
    for (const c of doc.captions) out.push(`- ${md(c.text)}${c.credit ? ` (credit: ${md(c.credit)})` : ""}`);
    out.push("");
  }
  if (doc.quotes?.length) {
    out.push("**Quotes**", "");
    for (const q of doc.quotes) {
      const who = q.speaker ? `${q.speaker.name}${q.speaker.role ? `, ${q.speaker.role}` : ""}` : "unattributed";
      out.push(`- ${md(who)} (${q.kind}${q.reportedBy ? `, reported in ${md(q.reportedBy)}` : ""}): “${md(q.text)}”`);
    }
    out.push("");
  }
  if (doc.removed.length) out.push(`Removed ${doc.removed.length} block(s) of clutter: ${[...new Set(doc.removed.map((r) => r.reason))].map(md).join(", ")}.`, "");
  return out;
}
