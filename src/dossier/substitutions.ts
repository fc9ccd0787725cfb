import type { Discrepancy, DocumentSpan, Span } from "../model/index.js";
import { distance } from "fastest-levenshtein";
import type { ClaimView } from "./pair-features.js";

/** One word of a claim with its place in the document. */
interface Word {
  norm: string;
  raw: string;
  span: Span;
}

/** Fewest words two sentences must share, in order, around the one place where they differ. */
const MIN_SHARED = 6;
/** Longest substituted stretch (words) on either side. */
const MAX_SUBSTITUTED = 3;
/** Longest sentence compared (words): the comparison is quadratic in it. */
const MAX_WORDS = 80;

const DAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
const MONTH = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/;

/**
 * Conflicts of one word: two sentences of different documents that tell the
 * same thing in the same words except at one place (or at a name beside a
 * small detail), where one gives a name, a day, a month or a clock and the
 * other another (figures are compared by figure-discrepancies.ts) ("general
 * manager A.J. Smith" against "general manager A.J. Butler"; "signed on
 * Tuesday" against "signed on Monday"; "at 2:15 a.m." against "at 2:45 a.m.").
 * Sentences that agree word for word around the difference speak of the same
 * thing, so the difference is a conflict, not a detail, unless the two forms
 * are one name written two ways (a spelling, an abbreviation or acronym, a
 * title for a first name). Paraphrase and ordinary words are left alone.
 */
export function substitutionDiscrepancies(views: ClaimView[]): Discrepancy[] {
  const all = views.map((v) => tokenize(v.claim.text, v.claim.span.start));
  const wordsOf = (i: number): Word[] => all[i]!;
  const bySlot = new Map<string, Discrepancy>();
  for (const { i, j } of candidates(all)) {
    const a = views[i]!.claim, b = views[j]!.claim;
    if (a.document === b.document) continue;
    const wa = wordsOf(i), wb = wordsOf(j);
    if (wa.length > MAX_WORDS || wb.length > MAX_WORDS) continue;
    const diff = differingPlace(wa, wb);
    if (!diff) continue;
    const clockA = kindOf(diff.a, diff.b) ? null : clockAround(a.text, a.span.start, diff.a);
    const clockB = clockA ? clockAround(b.text, b.span.start, diff.b) : null;
    const kind = kindOf(diff.a, diff.b) ?? (clockA && clockB ? "date" : null);
    if (!kind) continue;
    // In a headline written in title case every word is capitalised: no sign of a name.
    if (kind === "person" && (titleCase(wa) || titleCase(wb))) continue;
    // A clock is shown and cited whole ("3: 10 p. m."), not by the digits that differ.
    const ta = clockA ? clockA.text : diff.a.map((w) => w.raw).join(" "), tb = clockB ? clockB.text : diff.b.map((w) => w.raw).join(" ");
    const sa: DocumentSpan = { document: a.document, span: clockA?.span ?? { start: diff.a[0]!.span.start, end: diff.a[diff.a.length - 1]!.span.end } };
    const sb: DocumentSpan = { document: b.document, span: clockB?.span ?? { start: diff.b[0]!.span.start, end: diff.b[diff.b.length - 1]!.span.end } };
    const topic = `${diff.before.map((w) => w.raw).join(" ")} … ${diff.after.map((w) => w.raw).join(" ")}`.trim();
    // Two names are one slot wherever the sentences name them ("A.J. Smith" / "A.J. Butler" in two wordings): one row.
    const values = [diff.a, diff.b].map((ws) => ws.map((w) => w.norm).join(" ")).sort().join("\u0000");
    const key = kind === "person" ? `${kind}\u0000${values}` : `${kind}\u0000${diff.before.map((w) => w.norm).join(" ")}\u0000${diff.after.map((w) => w.norm).join(" ")}`;
    const variant = kind === "person" ? spellingOf(ta, tb) : null;
    const d = bySlot.get(key) ?? { kind, topic: `${kindLabel(kind)}: ${topic}`, compatible: !!variant, ...(variant ? { reason: variant } : {}), sides: [] };
    for (const [text, ev] of [[ta, sa], [tb, sb]] as const) {
      const side = d.sides.find((s) => s.text.toLowerCase() === text.toLowerCase());
      if (side) {
        if (!side.documents.includes(ev.document)) side.documents.push(ev.document);
        if (!side.evidence.some((e) => e.document === ev.document && e.span.start === ev.span.start)) side.evidence.push(ev);
      } else d.sides.push({ text, documents: [ev.document], evidence: [ev] });
    }
    bySlot.set(key, d);
  }
  return [...bySlot.values()].filter((d) => d.sides.length >= 2 && new Set(d.sides.flatMap((s) => s.documents)).size >= 2);
}

/** Most candidates one sentence is compared with. */
const MAX_CANDIDATES = 100;

/** Pairs of sentences that share two runs of three words: the only ones that can differ at a single place. */
function candidates(all: Word[][]): { i: number; j: number }[] {
  const index = new Map<string, number[]>();
  all.forEach((ws, i) => {
    if (ws.length > MAX_WORDS) return;
    const seen = new Set<string>();
    for (let k = 0; k + 2 < ws.length; k++) {
      const key = `${ws[k]!.norm} ${ws[k + 1]!.norm} ${ws[k + 2]!.norm}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = index.get(key) ?? [];
      if (list.length < 50) list.push(i);
      index.set(key, list);
    }
  });
  const out: { i: number; j: number }[] = [];
  all.forEach((ws, i) => {
    const shared = new Map<number, number>();
    const seen = new Set<string>();
    for (let k = 0; k + 2 < ws.length && ws.length <= MAX_WORDS; k++) {
      const key = `${ws[k]!.norm} ${ws[k + 1]!.norm} ${ws[k + 2]!.norm}`;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const j of index.get(key) ?? []) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    let n = 0;
    for (const [j, c] of shared) if (c >= 2 && n++ < MAX_CANDIDATES) out.push({ i, j });
  });
  return out;
}

function tokenize(text: string, offset: number): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}.’'-]*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0].replace(/[.’'-]+$/u, "");
    out.push({ raw, norm: raw.toLowerCase().replace(/[’']s$/u, "").replace(/\./g, ""), span: { start: offset + m.index, end: offset + m.index + raw.length } });
  }
  return out;
}

/** Where two sentences differ: the words of each side there, and up to four words around it in the first sentence. */
interface Substitution {
  before: Word[];
  after: Word[];
  a: Word[];
  b: Word[];
}

/**
 * The place two word lists differ, when they share a common prefix and suffix
 * of at least {@link MIN_SHARED} words in all: one place of at most
 * {@link MAX_SUBSTITUTED} words on each side, or else a name beside a detail
 * (see {@link nameBesideDetail}). Linear in the lengths but for that second case.
 */
function differingPlace(a: Word[], b: Word[]): Substitution | null {
  let p = 0;
  while (p < a.length && p < b.length && a[p]!.norm === b[p]!.norm) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s]!.norm === b[b.length - 1 - s]!.norm) s++;
  // A difference in the first word may be only its capital ("Warship Sukanya" against "INS Sukanya"): not a name.
  if (p === 0 || p + s < MIN_SHARED) return null;
  const da = a.slice(p, a.length - s), db = b.slice(p, b.length - s);
  if (da.length === 0 || db.length === 0) return null;
  if (da.length <= MAX_SUBSTITUTED && db.length <= MAX_SUBSTITUTED) return place(a, p, da, db);
  return nameBesideDetail(a, p, da, db);
}

/** The substitution of `da` by `db` at word `at` of `a`. */
function place(a: Word[], at: number, da: Word[], db: Word[]): Substitution {
  const end = at + da.length;
  return { before: a.slice(Math.max(0, at - 4), at), after: a.slice(end, Math.min(a.length, end + 4)), a: da, b: db };
}

/** Longest middle (words on each side) searched for a shared run by {@link nameBesideDetail}. */
const MAX_MIDDLE = 10;

/**
 * Two places of difference inside the middles `ma` / `mb` (which start at word
 * `p`), one a name against a name and the other a detail that is not ("team
 * general manager A.J. Smith" against "Chargers general manager A.J. Butler":
 * "team" / "Chargers" is a detail, "Smith" / "Butler" the conflict), with two
 * or more shared words between them. Returns the name place, or null (two names
 * against two names say nothing certain).
 */
function nameBesideDetail(a: Word[], p: number, ma: Word[], mb: Word[]): Substitution | null {
  if (ma.length > MAX_MIDDLE || mb.length > MAX_MIDDLE) return null;
  // The longest run the two middles share (first found on ties): it splits them into two places.
  let best = { i: 0, j: 0, n: 0 };
  for (let i = 0; i < ma.length; i++) {
    for (let j = 0; j < mb.length; j++) {
      let n = 0;
      while (i + n < ma.length && j + n < mb.length && ma[i + n]!.norm === mb[j + n]!.norm) n++;
      if (n > best.n) best = { i, j, n };
    }
  }
  if (best.n < 2) return null;
  const first = { a: ma.slice(0, best.i), b: mb.slice(0, best.j) };
  const second = { a: ma.slice(best.i + best.n), b: mb.slice(best.j + best.n) };
  const names = (h: { a: Word[]; b: Word[] }) => h.a.length > 0 && h.b.length > 0 && h.a.length <= MAX_SUBSTITUTED && h.b.length <= MAX_SUBSTITUTED && kindOf(h.a, h.b) === "person";
  const small = (h: { a: Word[]; b: Word[] }) => h.a.length <= 2 && h.b.length <= 2;
  const [conflict, detail] = names(second) && !names(first) ? [second, first] : names(first) && !names(second) ? [first, second] : [null, null];
  if (!conflict || !small(detail!)) return null;
  return place(a, conflict === first ? p : p + best.i + best.n, conflict.a, conflict.b);
}

/** What kind of slot two substituted stretches fill, or null when they are not names, days, months or figures. */
function kindOf(a: Word[], b: Word[]): Discrepancy["kind"] | null {
  const all = [...a, ...b];
  if (all.every((w) => DAY.test(w.norm) || MONTH.test(w.norm) || /^\d{1,2}$/.test(w.norm)) && all.some((w) => DAY.test(w.norm) || MONTH.test(w.norm))) return "date";
  const name = (ws: Word[]) => ws.every((w) => /^\p{Lu}/u.test(w.raw) && !DAY.test(w.norm) && !MONTH.test(w.norm));
  if (name(a) && name(b)) return "person";
  return null;
}

/**
 * The clock a substituted stretch of digits belongs to ("at 3:10 p.m." against
 * "at 3:40 p.m.", also "3: 10 p. m." in tokenised text), with its span in the
 * document, or null when the digits are not a clock's hour or minutes. Two
 * clocks for one moment of otherwise identical sentences are a conflict of time.
 */
function clockAround(text: string, offset: number, ws: Word[]): { text: string; span: Span } | null {
  if (!ws.length || !ws.every((w) => /^\d{1,2}$/.test(w.raw))) return null;
  const from = ws[0]!.span.start - offset, to = ws[ws.length - 1]!.span.end - offset;
  const re = /\d{1,2}\s?:\s?\d{2}(?:\s?[ap]\.?\s?m\b\.?)?/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index <= from && to <= m.index + m[0].length) {
      const clock = m[0].replace(/\.$/, "");
      return { text: clock, span: { start: offset + m.index, end: offset + m.index + clock.length } };
    }
  }
  return null;
}

/** Whether most words of four letters or more are capitalised ("Woman Killed In Queens Hit And Run"). */
function titleCase(ws: Word[]): boolean {
  const long = ws.filter((w) => w.raw.length >= 4 && /^\p{L}/u.test(w.raw));
  return long.length >= 3 && long.filter((w) => /^\p{Lu}/u.test(w.raw)).length >= long.length * 0.7;
}

/**
 * Whether two written forms are one name: an abbreviation ("Lt" for
 * "Lieutenant", "Sgt." for "Sergeant": the short form's letters in order in
 * the long one, from its first) or a spelling variant of a long word
 * ("Advisors" / "Advisers", "Organisation" / "Organization": one letter apart
 * in six or more). A difference in detail then, not two names.
 */
function spellingOf(a: string, b: string): string | null {
  const x = a.toLowerCase().replace(/\./g, ""), y = b.toLowerCase().replace(/\./g, "");
  if (x === y) return "spelling";
  // A title where the other writes a first name ("Mr Pigeon" / "Luke Pigeon"): one person, named two ways.
  if (TITLE.test(x) !== TITLE.test(y)) return "a title for a first name";
  // An acronym and the words it stands for ("CHP" / "California Highway Patrol").
  const [sa, la] = a.length <= b.length ? [a, b] : [b, a];
  if (/^\p{Lu}{2,6}$/u.test(sa.replace(/\./g, "")) && (la.match(/\b\p{Lu}/gu) ?? []).join("") === sa.replace(/\./g, "")) return "abbreviation";
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (!/\s/.test(long) && short.length >= 2 && short.length <= 4 && short[0] === long[0] && long.length > short.length + 1) {
    let k = 0;
    for (const ch of long) if (ch === short[k]) k++;
    if (k === short.length) return "abbreviation";
  }
  if (short.length >= 6 && distance(x, y) <= 1) return "spelling";
  // One letter more or less in a name of three letters or more ("Rait" / "Raite", "Jon" / "John").
  if (short.length >= 3 && long.length === short.length + 1 && !/\s/.test(long) && distance(x, y) === 1) return "spelling";
  return null;
}

/** Titles that stand where a first name could ("Mr", "Mrs", "Dr"). */
const TITLE = /^(?:mr|mrs|ms|miss|dr|sir|dame|lady|lord|prof|professor)$/;

function kindLabel(kind: Discrepancy["kind"]): string {
  return kind === "date" ? "when" : "which name";
}
