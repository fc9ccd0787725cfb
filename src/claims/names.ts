import type { Span } from "../model/index.js";

/** Capitalized words that start sentences rather than names. */
const STARTERS = new Set([
  "The", "A", "An", "But", "And", "In", "On", "At", "As", "After", "Before", "While", "When", "Since", "Her", "His", "Their",
  "Its", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "You", "Despite", "According", "During",
  "However", "Over", "Doubling", "Elsewhere", "Later", "Responding", "Tensions", "Hundreds", "Some", "Many", "No", "Yes",
]);
const JOINERS = new Set(["of", "de", "del", "la", "von", "van", "al", "bin"]);

/**
 * Names mentioned in a stretch of text: runs of capitalized words, with lowercase
 * joiners inside ("Gulf of Mexico"), sentence starters dropped. A light stand-in
 * where the entities stage has not resolved a mention.
 */
export function findNames(text: string, within: Span): { name: string; span: Span }[] {
  const out: { name: string; span: Span }[] = [];
  const re = /[\p{L}’'.-]+/gu;
  const slice = text.slice(within.start, within.end);
  let run: { words: string[]; start: number; end: number } | null = null;
  const flush = () => {
    if (!run) return;
    while (run.words.length && JOINERS.has(run.words[run.words.length - 1]!)) run.words.pop();
    if (run.words.length) {
      const name = run.words.join(" ").replace(/[’']s$/, "").replace(/\.$/, "");
      if (name.length > 1) out.push({ name, span: { start: within.start + run.start, end: within.start + run.start + name.length } });
    }
    run = null;
  };
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const w = m[0];
    const gap = run ? slice.slice(run.end, m.index) : "";
    const contiguous = run !== null && /^ $/.test(gap);
    const capital = /^\p{Lu}/u.test(w);
    if (capital && !(STARTERS.has(w) && !contiguous)) {
      if (run && contiguous) {
        run.words.push(w);
        run.end = m.index + w.length;
      } else {
        flush();
        run = { words: [w], start: m.index, end: m.index + w.length };
      }
    } else if (run && contiguous && JOINERS.has(w)) {
      run.words.push(w);
      run.end = m.index + w.length;
    } else {
      flush();
    }
  }
  flush();
  return out;
}
