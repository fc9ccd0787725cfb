/**
 * Streamed server rendering (React 18 and the frameworks on it) sends the page
 * shell first with a placeholder `<template id="B:n">` followed by fallback
 * markup (spinners, grey boxes) up to a `<!--/$-->` comment, and later the real
 * content as `<div hidden id="S:n">`, which a script moves into the
 * placeholder. Without scripts the article sits in a hidden div at the end of
 * the body and is read as invisible. This does the move the script would do.
 * Ids are hexadecimal (React writes `id.toString(16)`), and a segment may also
 * fill a `<template id="P:n">` placed inside another segment (`$RS`), with no
 * fallback markup after it.
 */

const SEGMENT = /^S:([0-9a-f]{1,6})$/;
/** Fallback siblings looked at before giving up on finding the end marker. */
const MAX_FALLBACK = 200;
/** Segments handled on one page. */
const MAX_SEGMENTS = 500;

/** Moves streamed segments (`div[hidden]#S:n`) into their placeholders (`template#B:n`); returns how many were moved. */
export function revealStreamedSegments(document: Document): number {
  const body = document.body;
  if (!body) return 0;
  const segments = [...body.querySelectorAll("div[hidden]")].filter((d) => SEGMENT.test(d.id)).slice(0, MAX_SEGMENTS);
  let moved = 0;
  for (const seg of segments) {
    const n = SEGMENT.exec(seg.id)![1]!;
    const boundary = document.getElementById(`B:${n}`);
    const slot = boundary?.localName === "template" ? boundary : document.getElementById(`P:${n}`);
    if (slot && slot.localName === "template" && slot.parentNode) {
      // Drop a boundary's fallback, between the placeholder and its end comment, when the comment is found.
      const fallback: Node[] = [];
      let end = false;
      for (let s = slot === boundary ? slot.nextSibling : null; s && fallback.length < MAX_FALLBACK; s = s.nextSibling) {
        if (s.nodeType === 8 && (s as Comment).data === "/$") { end = true; break; }
        fallback.push(s);
      }
      if (end) for (const f of fallback) f.parentNode?.removeChild(f);
      const parent = slot.parentNode;
      while (seg.firstChild) parent.insertBefore(seg.firstChild, slot);
      parent.removeChild(slot);
      seg.parentNode?.removeChild(seg);
    } else {
      // No placeholder: the content is still the page's, shown where it is.
      seg.removeAttribute("hidden");
    }
    moved++;
  }
  return moved;
}
