import type { Story, Utterance } from "../../model/index.js";
import { balanceBidi, blockText, html, rawHtml, type Html } from "../escape.js";
import { docLink } from "./anchors.js";
import { roleBesides } from "../speaker.js";
import type { DocumentNamer } from "./document-names.js";

/**
 * A quote with the words that differ between variants highlighted: one field in
 * pieces, so its direction controls are balanced over the whole quote (the caller
 * isolates it) and the pieces are escaped, not isolated one by one.
 */
function markWords(text: string, words: Set<string>): Html {
  const balanced = balanceBidi(text);
  if (words.size === 0) return blockText(balanced);
  return html`${balanced
    .split(/(\s+)/)
    .map((t) => (words.has(t.toLowerCase().replace(/[^\p{L}\p{N}'’-]/gu, "")) ? html`<mark>${blockText(t)}</mark>` : blockText(t)))}`;
}

function utterance(u: Utterance, names: DocumentNamer): Html {
  const words = new Set(u.differences.flatMap((d) => d.words.map((w) => w.toLowerCase())));
  const variants = u.variants.map((v) => html`<li><span class="who">${docLink(v.document, names)}</span> <q><bdi>${markWords(v.text, words)}</bdi></q></li>`);
  return html`<li class="utterance"><span class="speaker">${u.speaker?.name ?? "unknown speaker"}</span>${roleBesides(u.speaker) ? html` <span class="role">${u.speaker!.role}</span>` : ""}<ul class="variants">${variants}</ul></li>`;
}

/**
 * The quotes part of a story: each utterance several documents quote, with the
 * words that differ marked; utterances only one document quotes are listed
 * after them, collapsed.
 */
export function quotesSection(story: Story, names: DocumentNamer): Html {
  const list = story.utterances ?? [];
  const shared = list.filter((u) => new Set(u.variants.map((v) => v.document)).size > 1);
  const single = list.filter((u) => !shared.includes(u));
  const rest = single.length
    ? html`<details class="single-quotes"><summary>${single.length} quote${single.length === 1 ? "" : rawHtml("s")} from one document only</summary><ul class="utterances">${single.map((u) => utterance(u, names))}</ul></details>`
    : "";
  return html`${shared.length ? html`<ul class="utterances">${shared.map((u) => utterance(u, names))}</ul>` : ""}${rest}`;
}
