import { createHash } from "node:crypto";

/**
 * The report's one inline script, for progressive enhancement only (the page
 * works without it): before an in-page link is followed it opens the closed
 * `<details>` around the target (a collapsed document), and it remembers the
 * link and where the page was, showing a fixed "Back to where you were" button
 * that scrolls back there and focuses the link.
 * It adds no handler attribute and loads nothing. A page places it at the end
 * of its body and allows it with REPORT_SCRIPT_HASH in its CSP (REPORT_CSP does).
 */
export const REPORT_SCRIPT = `(() => {
  "use strict";
  let from = null;
  const back = document.createElement("button");
  back.type = "button";
  back.className = "back-to";
  back.hidden = true;
  back.textContent = "\\u21a9 Back to where you were";
  document.body.append(back);
  const targetOf = (hash) => {
    try { return hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null; } catch { return null; }
  };
  const reveal = (el) => {
    if (!el) return;
    if (el.matches("article.document")) { const own = el.querySelector("details"); if (own) own.open = true; }
    for (let d = el.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) d.open = true;
  };
  document.addEventListener("click", (event) => {
    const a = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
    if (!a) return;
    reveal(targetOf(a.getAttribute("href")));
    from = { link: a, x: window.scrollX, y: window.scrollY };
    back.hidden = false;
  });
  back.addEventListener("click", () => {
    if (!from) return;
    window.scrollTo(from.x, from.y);
    from.link.focus({ preventScroll: true });
    from = null;
    back.hidden = true;
  });
  window.addEventListener("hashchange", () => {
    reveal(targetOf(location.hash));
    // Left by other means (the browser's back button): the remembered place no longer applies.
    if (from && location.hash !== from.link.getAttribute("href")) { from = null; back.hidden = true; }
  });
  reveal(targetOf(location.hash));
})();`;

/** The CSP source that allows exactly {@link REPORT_SCRIPT}: `'sha256-…'` of its text. */
export const REPORT_SCRIPT_HASH = `'sha256-${createHash("sha256").update(REPORT_SCRIPT, "utf8").digest("base64")}'`;
