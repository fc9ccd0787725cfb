import type { Block } from "./blocks.js";
import { isBullet } from "./rules.js";
import { bioLine, bylineLine, bylineNames, creditLine, dateLine, editorLine, postedLine, sectionLine } from "./fields.js";

function prosey(b: Block): boolean {
  return b.text.length >= 70 && /[.!?"”’…]$/u.test(b.text) && b.text.split(/\s+/).length >= 8;
}

/** Labels lines that are metadata wherever they stand: dates, "By ..." bylines, editors, wire credits. */
export function labelFieldLines(blocks: readonly Block[]): void {
  for (const b of blocks) {
    if (b.label || b.text.length > 120) continue;
    const date = dateLine(b.text) ?? postedLine(b.text);
    if (date) b.label = { role: "field", field: date, rule: "clean:date-line" };
    else if (editorLine(b.text)) b.label = { role: "field", field: "editor", rule: "clean:editor-line" };
    else if (creditLine(b.text)) b.label = { role: "field", field: "credit", rule: "clean:credit-line" };
    else if (bylineLine(b.text, false)) b.label = { role: "field", field: "byline", rule: "clean:byline" };
  }
  // A name line next to a date line is a byline ("Karl Sexton" above "May 3, 2025").
  for (const b of blocks) {
    if (b.label) continue;
    const near = [blocks[b.index - 1], blocks[b.index + 1]].some((o) => o?.label?.rule === "clean:date-line");
    if (near && bylineLine(b.text, true)) b.label = { role: "field", field: "byline", rule: "clean:byline-near-date" };
  }
}

function titleLike(b: Block): boolean {
  const t = b.text;
  if (t.length > 250) return false; // before splitting: a 20 MB line is no title, and its words would take gigabytes
  const n = t.split(/\s+/).length;
  return n >= 3 && n <= 30 && t.length <= 250 && !/[.,;:…]["”’»)]*$/u.test(t) && !isBullet(t) && pipes(t) < 2 && /^[\p{Lu}\p{N}"“‘'¿¡]/u.test(t);
}

/** A site's name above its menu ("Vell Harbour Courier" over "News | Sport | Weather"): short, no sentence, followed by navigation. */
function masthead(b: Block, next: Block | undefined): boolean {
  if (b.text.length > 60) return false; // before splitting, as in titleLike
  const words = b.text.split(/\s+/);
  return !!next && menuLine(next) && b.text.length <= 60 && words.length <= 5 && !isBullet(b.text) &&
    words.every((w) => /^[\p{Lu}\p{N}&]/u.test(w) || /^(?:of|the|and|de|del|la|le|el|di)$/.test(w));
}

/** A menu: labeled navigation or tags, or short items between " | " separators. */
function menuLine(b: Block): boolean {
  const reason = b.label?.role === "clutter" ? b.label.reason : null;
  return reason === "navigation" || reason === "tags" || (b.text.length <= 200 && pipes(b.text) >= 2);
}

const pipes = (t: string): number => t.split(" | ").length - 1;

/**
 * Finds the title (the first headline-like line before any prose) and the
 * standfirst (a prose block right after it that metadata lines or a photo part
 * from the body). Seed 004 begins with prose, so it has no title.
 */
export function labelTitle(blocks: readonly Block[]): void {
  let title: Block | null = null;
  for (const b of blocks.slice(0, 60)) {
    if (b.label) continue;
    if (masthead(b, blocks[b.index + 1])) {
      b.label = { role: "field", field: "outlet", rule: "clean:masthead" };
      continue;
    }
    if (titleLike(b)) { title = b; break; }
    if (prosey(b) || b.text.length > 250) return;
  }
  if (!title) return;
  title.label = { role: "title", rule: "clean:title", field: "title" };
  const prev = blocks[title.index - 1];
  if (prev && !prev.label && sectionLine(prev.text)) prev.label = { role: "field", field: "section", rule: "clean:section-before-title" };
  // Standfirst.
  for (let i = title.index + 1; i < Math.min(blocks.length, title.index + 9); i++) {
    const b = blocks[i]!;
    if (b.label || !prosey(b)) {
      if (!b.label && b.text.length >= 70) return;
      continue;
    }
    if (b.text.length > 600) return;
    for (let j = i + 1; j < Math.min(blocks.length, i + 4); j++) {
      const o = blocks[j]!;
      if (o.label && (o.label.role === "field" || o.label.role === "caption")) {
        b.label = { role: "standfirst", rule: "clean:standfirst", field: "standfirst" };
        return;
      }
      if (o.label || o.text.length >= 70) return;
    }
    return;
  }
}

/** Labels section lines among the metadata lines before the body, and author bios after it. */
export function labelHeadAndTail(blocks: readonly Block[], run: [number, number] | null): void {
  const first = run ? run[0] : blocks.length;
  const last = run ? run[1] : -1;
  let section = blocks.some((b) => b.label?.field === "section");
  for (let i = 0; i < first && !section; i++) {
    const b = blocks[i]!;
    if (b.label || !sectionLine(b.text) || !isBullet(b.text)) continue;
    const near = [blocks[i - 1], blocks[i + 1]].some((o) => o?.label?.role === "field" || o?.label?.role === "standfirst");
    if (near) { b.label = { role: "field", field: "section", rule: "clean:section-bullet" }; section = true; }
  }
  const authors = blocks.filter((b) => b.label?.field === "byline").flatMap((b) => bylineNames(b.text));
  for (let i = Math.max(0, last + 1); i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.label) continue;
    if (bioLine(b.text, authors)) b.label = { role: "field", field: "author-bio", rule: "clean:author-bio" };
  }
}
