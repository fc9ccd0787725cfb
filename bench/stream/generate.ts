/**
 * Synthetic news stream for bench:stream: stories of twelve event types with
 * random names, places and numbers, spread over simulated days; each story has
 * a wire original, verbatim copies, copies cut in half or with added
 * paragraphs, rewrites (synonyms swapped, sentences dropped) and independent
 * articles. Texts are regenerated from seeds so nothing large is held in memory.
 */

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYL = ["ka", "lo", "mi", "ren", "tas", "vo", "bel", "dra", "sun", "per", "gal", "nor", "ti", "zan", "mor", "lei", "qua", "fen", "ost", "ri", "va", "hel", "dun", "ces"];
const TYPES = [
  ["earthquake", "magnitude", "tremor", "rescuers", "collapsed", "aftershocks", "epicentre", "buildings"],
  ["election", "ballots", "voters", "turnout", "candidate", "coalition", "polls", "parliament"],
  ["strike", "union", "workers", "wages", "walkout", "negotiations", "picket", "factory"],
  ["trial", "jury", "verdict", "prosecutors", "defendant", "testimony", "court", "sentence"],
  ["flood", "river", "levee", "evacuated", "rainfall", "submerged", "emergency", "villages"],
  ["merger", "shares", "acquisition", "shareholders", "deal", "regulators", "valuation", "board"],
  ["wildfire", "blaze", "firefighters", "hectares", "winds", "containment", "smoke", "evacuation"],
  ["protest", "demonstrators", "police", "march", "tear", "square", "arrests", "crowd"],
  ["crash", "aircraft", "passengers", "runway", "investigators", "wreckage", "airline", "pilot"],
  ["summit", "leaders", "agreement", "delegations", "talks", "communique", "trade", "ministers"],
  ["outbreak", "cases", "virus", "hospital", "vaccination", "patients", "health", "quarantine"],
  ["heist", "robbers", "vault", "jewels", "suspects", "getaway", "detectives", "stolen"],
];
const FILLER = [
  "Officials said more information would be released later in the day.",
  "The situation remained tense into the evening, according to residents.",
  "Local broadcasters interrupted regular programming to cover the events.",
  "Analysts said the developments could have wider consequences for the region.",
  "Neighbours gathered outside to share what they had seen and heard.",
  "It was not immediately clear how long the disruption would last.",
];
const SYN: Record<string, string> = { said: "stated", officials: "authorities", later: "afterwards", residents: "locals", region: "area", police: "officers", people: "citizens", more: "further", began: "started", morning: "dawn" };

function word(r: () => number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += SYL[Math.floor(r() * SYL.length)];
  return s[0]!.toUpperCase() + s.slice(1);
}

/** One story's fixed facts. */
export interface StoryFacts { type: number; person: string; person2: string; place: string; org: string; num: number; num2: number }

/** The facts of story `k` (deterministic). */
export function storyFacts(k: number): StoryFacts {
  const r = rng(k * 7919 + 17);
  return {
    type: Math.floor(r() * TYPES.length), person: `${word(r, 2)} ${word(r, 3)}`, person2: `${word(r, 2)} ${word(r, 2)}`,
    place: word(r, 3), org: `${word(r, 2)} ${["Group", "Council", "Ministry", "Institute"][Math.floor(r() * 4)]}`,
    num: 2 + Math.floor(r() * 900), num2: 10 + Math.floor(r() * 5000),
  };
}

// Common English words to vary independent writing (so that independent articles share facts, not sentences).
const COMMON = (
  "about after again against almost already although always among another around because before behind below beside between beyond " +
  "during early either enough every except first follow further given great half heavy hours inside instead large later least " +
  "little local major many meanwhile minor months nearly never often other outside overall perhaps quickly rather recent " +
  "several short since small some soon still strong sudden though through today toward under unless until various whole within " +
  "without yesterday whether while across ahead along amid anyway apart aside broad clear close common entire final former full " +
  "general high last late main most new next official open past public real second single special total usual wide young"
).split(" ");

function sentence(f: StoryFacts, r: () => number): string {
  const v = TYPES[f.type]!;
  const c = () => COMMON[Math.floor(r() * COMMON.length)]!;
  const w = () => (r() < 0.5 ? v[Math.floor(r() * v.length)]! : `${c()} ${v[Math.floor(r() * v.length)]!}`);
  const forms = [
    () => `${f.person} said the ${w()} in ${f.place} involved ${f.num} ${w()} and that the ${w()} began early in the morning.`,
    () => `In ${f.place}, the ${f.org} reported ${f.num2} ${w()} after the ${w()}, while ${f.person2} called for calm.`,
    () => `The ${w()} near ${f.place} drew attention from the ${f.org}, which said ${w()} and ${w()} were being assessed.`,
    () => `${f.person2} told reporters that ${w()} in ${f.place} had reached ${f.num} and that ${f.person} would speak later.`,
    () => `Figures from the ${f.org} put the number of ${w()} at ${f.num2}, up from earlier estimates in ${f.place}.`,
    () => `${c()[0]!.toUpperCase()}${c().slice(1)} ${w()} ${c()} ${f.place} ${c()} ${c()} ${w()} ${c()}.`,
    () => (r() < 0.2 ? FILLER[Math.floor(r() * FILLER.length)]! : `${f.person} ${c()} ${w()} ${c()} ${c()} ${f.num2} ${c()}.`),
  ];
  return forms[Math.floor(r() * forms.length)]!();
}

/** A paragraph set for story facts from seed `s`. */
function paragraphs(f: StoryFacts, s: number, n: number): string[] {
  const r = rng(s);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`${sentence(f, r)} ${sentence(f, r)} ${sentence(f, r)}`);
  return out;
}

/** Independent writing: free word order around the story's facts, no shared templates. */
function freeParagraphs(f: StoryFacts, s: number, n: number): string[] {
  const r = rng(s);
  const v = TYPES[f.type]!;
  const facts = [f.person, f.person2, f.place, f.org, String(f.num), String(f.num2)];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const sentences: string[] = [];
    for (let j = 0; j < 3; j++) {
      const words: string[] = [];
      const len = 8 + Math.floor(r() * 8);
      for (let k = 0; k < len; k++) {
        const x = r();
        words.push(x < 0.15 ? facts[Math.floor(r() * facts.length)]! : x < 0.4 ? v[Math.floor(r() * v.length)]! : COMMON[Math.floor(r() * COMMON.length)]!);
      }
      const t = words.join(" ");
      sentences.push(t[0]!.toUpperCase() + t.slice(1) + ".");
    }
    out.push(sentences.join(" "));
  }
  return out;
}

/** Kinds of generated article. */
export type Kind = "wire" | "copy" | "half" | "extended" | "rewrite" | "independent";

/** One article to generate: its story, kind, time and seed. */
export interface Spec { id: string; story: number; kind: Kind; time: number; seed: number }

/** The wire original of a story. */
export function wireText(k: number): string {
  const f = storyFacts(k);
  return `${f.place.toUpperCase()} (Wire) — ` + paragraphs(f, k * 31 + 5, 8).join("\n\n");
}

/** Generates an article's text from its spec. */
export function articleText(sp: Spec): string {
  const f = storyFacts(sp.story);
  const r = rng(sp.seed);
  const header = `Outlet ${Math.floor(r() * 500)} | ${["News", "World", "Local", "Live"][Math.floor(r() * 4)]}\n\n`;
  switch (sp.kind) {
    case "wire":
      return wireText(sp.story);
    case "copy":
      return header + wireText(sp.story) + "\n\nShare this article";
    case "half": {
      const p = wireText(sp.story).split("\n\n");
      return header + p.slice(0, 4).join("\n\n");
    }
    case "extended": {
      const p = wireText(sp.story).split("\n\n");
      const extra = paragraphs(f, sp.seed, 3);
      return header + [...p.slice(0, 5), ...extra, ...p.slice(5)].join("\n\n");
    }
    case "rewrite": {
      const p = wireText(sp.story).split("\n\n").filter(() => r() < 0.6);
      // A rewrite keeps the facts, swaps words and reorders sentences.
      return header + p.map((x) => x.replace(/\b[a-z]{4,10}\b/g, (w) => SYN[w] ?? (r() < 0.5 ? COMMON[Math.floor(r() * COMMON.length)]! : w)).split(". ").reverse().join(". ")).join("\n\n");
    }
    default:
      return header + freeParagraphs(f, sp.seed, 5 + Math.floor(r() * 4)).join("\n\n");
  }
}

/** Specs of `n` articles over `days` days, sorted by time then id. */
export function generateSpecs(n: number, days: number, seed = 1): Spec[] {
  const r = rng(seed);
  const specs: Spec[] = [];
  const span = days * 86_400_000;
  const start = Date.UTC(2025, 0, 1);
  let k = 0;
  while (specs.length < n) {
    const size = Math.min(n - specs.length, 1 + Math.floor(-Math.log(1 - r()) * 30));
    const t0 = start + Math.floor(r() * (span - 2 * 86_400_000));
    const dur = 86_400_000 * (0.5 + r() * 1.5);
    const times = Array.from({ length: size }, (_, i) => (i === 0 ? t0 : t0 + Math.floor(r() * dur))).sort((a, b) => a - b);
    for (let i = 0; i < size; i++) {
      const x = r();
      const kind: Kind = i === 0 ? "wire" : x < 0.12 ? "copy" : x < 0.22 ? "half" : x < 0.3 ? "extended" : x < 0.4 ? "rewrite" : "independent";
      specs.push({ id: `a${String(specs.length).padStart(6, "0")}`, story: k, kind, time: times[i]!, seed: Math.floor(r() * 2 ** 31) });
    }
    k++;
  }
  return specs.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
}
