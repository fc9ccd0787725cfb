import type { Block, Label } from "./blocks.js";

/** Context a block rule may look at: all blocks, in order. */
export interface RuleContext {
  blocks: Block[];
}

/** A small classifier rule, tried in order; the first that answers labels the block. */
export interface BlockRule {
  id: string;
  test(block: Block, ctx: RuleContext): Label | null;
}

// Every pattern below is anchored and bounded, and is only run on short
// blocks (see `short`), so none can backtrack badly on long input.
const SKIP = /^(?:\d{1,3}[.)]\s*)?skip (?:to|next|navigation|the|over|ad|this)\b/i;
const RELATED = new RegExp(
  "^(?:top stories|top story|most watched(?: today)?|most read|most popular|most viewed|more videos|more video|" +
    "more stories(?: from .{1,40})?|more from .{1,40}|more on this(?: story| topic)?|related(?: articles| stories| news| content| posts| coverage| topics| videos| links)?|" +
    "recommended(?: for you| stories| articles| reading| videos)?|you may also like|you might also like|also read|also on .{1,30}|" +
    "latest(?: news| stories| headlines| videos)?|trending(?: now| stories| news)?|popular(?: now| stories| news)?|editor'?s picks|" +
    "what to read next|read next|up next|don'?t miss|in case you missed it|from around the web|sponsored(?: content| stories| links)?|" +
    "promoted(?: stories| content)?|around the web|see also|further reading|more news|more headlines|other news|" +
    "recent posts|recent articles|related posts|similar articles|you may be interested in|more in .{1,40}|" +
    "[\\p{L}\\p{N}]{1,30}['’]s top stor(?:y|ies)|comments?|\\d{1,5} comments?|leave a (?:comment|reply)|join the conversation|" +
    "share this (?:article|story|page)|weitere artikel|lesen sie auch|mehr zum thema|" +
    "à lire aussi|lire aussi|sur le même sujet|noticias relacionadas|te puede interesar|leia também|leggi anche)[:.!]?$",
  "iu",
);
const RELATED_LEAD = /^(?:related|more|recommended|further) [\p{L}\p{N} '’&,-]{1,60}:$/iu;
const URL_LINE = /^(?:https?:\/\/|www\.)\S{1,2000}$/i;
const MORE_OUTLET = /^more (?:[\p{Lu}][\p{L}\p{N}&.'’-]{0,20}\s?){1,4}$/u;
const FEEDBACK = /^(?:submit a correction|accessibility feedback|report an? (?:error|typo|correction|issue)|send (?:us )?feedback|suggest a correction|corrections? policy|contact (?:us|the editor)|ethics policy|editorial standards)\.?$/i;
const DURATION = /^\d{1,2}:\d{2}(?::\d{2})?$/;
const VIDEO = /^(?:this browser does not support the video element\.?|your browser (?:does not|doesn'?t) support (?:the )?(?:video|html5 video|this video).{0,60}|video (?:is )?(?:unavailable|not available).{0,40}|(?:play|watch) (?:video|now)|now playing|watch:.{0,200}|video:.{0,200}|(?:please )?enable javascript.{0,80}|autoplay.{0,40})$/i;
const RELTIME = /^(?:updated |posted |published )?(?:\d{1,3}\s?(?:s|m|min|mins|h|hr|hrs|d|w|wk|mo|y)|an? (?:hour|minute|day|week)|\d{1,3}\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)) ago(?:\s{1,3}(?:at\s{1,3})?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?)?$|^(?:just now|yesterday)$/i;
// Comment sections: "34 responses to ...", "[ 167 comments ]", "Gary M on September 17, 2018 at 8:50 pm said:", "Rating: 36 Votes".
const COMMENTS = /^(?:\[\s?)?(?:\d{1,6}\s+)?(?:(?:top rated |show |view |load |hide |add a |post a |write a |latest |reader )?comments?|responses?|replies|reactions?)(?:\s?\(\d{1,6}\))?(?:\s?\])?(?:\s+(?:to|on|for)\b.{0,120})?$|\bcomments? feed\b|^(?:rating|votes?|likes?|score):\s?\d{1,6}(?:\s\w{1,10})?$|^.{1,80}\s(?:says|said|wrote|writes|replied):$|\b(?:leave|post|add|write) a (?:comment|reply)\b|\bno comments yet\b|\bcancel reply\b/i;
const SOCIAL = new Set("facebook twitter x pinterest email e-mail mail linkedin whatsapp reddit print share tweet messenger sms copy link instagram youtube tumblr flipboard telegram pocket comments comment save".split(" "));
const COOKIE = /\bcookies?\b/i;
const COOKIE_CTX = /\b(?:we use|uses|use of|accept|consent|privacy|by continuing|browsing)\b/i;
const BOILER = new RegExp(
  "^(?:advertisement|advertising|ad|sponsored|scroll to continue(?: with content)?|continue reading(?: below)?|read more|read full (?:story|article)|" +
    "click (?:here|to) .{0,80}|.{0,80}\\(opens in (?:a )?new window\\)|permalink|reply|report(?: abuse)?|flag|loading\\.{0,3}|print|email|e-mail|facebook|twitter|whatsapp|linkedin|pinterest|reddit|telegram|flipboard|copy link|" +
    "share (?:on|via|to) .{1,30}|share(?: this)?|tweet|follow us.{0,60}|follow .{1,30} on .{1,30}|subscribe.{0,80}|sign (?:in|up|out).{0,60}|log ?(?:in|out).{0,40}|" +
    "register.{0,40}|menu|search|home|close|back to top|next|previous|prev|more|show more|load more|see more|view (?:all|more).{0,40}|" +
    "(?:©|\\(c\\)|copyright).{0,200}|all rights reserved.{0,100}|.{0,150}all rights reserved\\.?|privacy (?:policy|notice).{0,60}|terms (?:of (?:use|service)|and conditions).{0,60}|" +
    "image|photo|video|audio|listen(?: to this article)?.{0,30}|download .{0,40}|get the app.{0,40}|open in app|" +
    "we value your privacy.{0,200}|manage (?:cookies|preferences|consent)|accept(?: all)?(?: cookies)?|reject all|got it|ok|okay|" +
    "tags?:.{0,200}|topics?:.{0,200}|filed under:?.{0,200}|categories?:.{0,200}|posted in .{0,100}|source:.{0,100}|" +
    "(?:\\d{1,3}\\s*)?(?:shares?|views?|likes?|reads?)|min(?:ute)? read|\\d{1,3} min(?:ute)?s? read|" +
    "(?:\\d{1,3}\\s?/\\s?\\d{1,3})|page \\d{1,4}(?: of \\d{1,4})?)[.!:]?$",
  "iu",
);
// Promotions and cross-links written as sentences, matched anywhere in a short block.
const PROMO = /\bnewsletters?\b|\bsubscribe\b|\bsign up\b|\bin your inbox\b|\bshare (?:it|this) with\b|\bfollow (?:us|[\p{L} ]{1,40}) on (?:facebook|twitter|instagram|linkedin)\b|\bsave my name\b|\bnotify me\b|\bbreaking news (?:alerts|emails)\b|\bdownload (?:our|the) app\b|\bsupport (?:our|independent) journalism\b|\bsupport [\p{L}]{1,20} so we\b/iu;
const LEAD_IN = /^\[?(?:read more|related|mehr|más|plus|leia mais|leggi anche|lesen sie auch|see more|see also|also read|also see|recommended|more|read next|watch|listen|click here|image caption|image copyright|media caption|photo|source|getty images)\s?:/i;
const BULLET = /^(?:[-•*·▪►◦–]|\d{1,3}[.)])\s+/u;

function short(b: Block, max = 200): boolean {
  return b.text.length <= max;
}
function stripBullet(s: string): string {
  return s.replace(BULLET, "");
}
function neighbour(ctx: RuleContext, b: Block, d: number): Block | undefined {
  return ctx.blocks[b.index + d];
}
function isDuration(b: Block | undefined): boolean {
  return !!b && b.text.length <= 8 && DURATION.test(b.text);
}
function titleLike(b: Block | undefined): boolean {
  return !!b && b.text.length <= 160 && !/[.…]$/u.test(b.text);
}

/** A comma-separated keyword list: "How to retire early,Early retirement,Retiring early,...". */
function tagList(text: string): boolean {
  if (/[.!?]$/.test(text)) return false;
  const items = text.split(/\s?[,|]\s?/);
  return items.length >= 5 && items.every((x) => x.length > 0 && x.length <= 40 && x.split(" ").length <= 5);
}

/** Clutter rules in the order they are tried. */
export const CLUTTER_RULES: BlockRule[] = [
  { id: "clean:nav-skip", test: (b) => (short(b, 160) && SKIP.test(b.text) ? { role: "clutter", reason: "navigation", rule: "clean:nav-skip" } : null) },
  {
    id: "clean:related-header",
    test: (b) => (short(b, 80) && (RELATED.test(stripBullet(b.text)) || MORE_OUTLET.test(b.text) || RELATED_LEAD.test(b.text)) ? { role: "clutter", reason: "related-links", rule: "clean:related-header", breaker: true } : null),
  },
  { id: "clean:comments", test: (b) => (short(b, 200) && COMMENTS.test(b.text) ? { role: "clutter", reason: "comments", rule: "clean:comments", breaker: true } : null) },
  { id: "clean:feedback", test: (b) => (short(b, 80) && FEEDBACK.test(b.text) ? { role: "clutter", reason: "feedback", rule: "clean:feedback", breaker: true } : null) },
  { id: "clean:video-duration", test: (b) => (isDuration(b) ? { role: "clutter", reason: "video", rule: "clean:video-duration" } : null) },
  { id: "clean:video-widget", test: (b) => (short(b, 300) && VIDEO.test(b.text) ? { role: "clutter", reason: "video", rule: "clean:video-widget" } : null) },
  { id: "clean:relative-time", test: (b) => (short(b, 40) && RELTIME.test(b.text) ? { role: "clutter", reason: "teaser", rule: "clean:relative-time", breaker: true } : null) },
  {
    id: "clean:video-title",
    test: (b, ctx) => {
      // The title of an embedded video sits next to its duration.
      if (!titleLike(b)) return null;
      const prev = neighbour(ctx, b, -1), next = neighbour(ctx, b, 1);
      const owner = prev ? neighbour(ctx, prev, -1) : undefined;
      const ownedByPrevious = !!owner && !owner.label && titleLike(owner);
      if (isDuration(next) || (isDuration(prev) && !ownedByPrevious)) return { role: "clutter", reason: "video", rule: "clean:video-title" };
      return null;
    },
  },
  {
    id: "clean:teaser",
    test: (b, ctx) => {
      // A truncated summary ("...") or headline next to a "3h ago" stamp.
      if (!short(b, 600)) return null;
      const truncated = /(?:\.\.\.|…)$/u.test(b.text);
      if (!truncated && !titleLike(b)) return null;
      const near = [1, 2, -1].some((d) => {
        const o = neighbour(ctx, b, d);
        return !!o && o.text.length <= 40 && RELTIME.test(o.text);
      });
      return near ? { role: "clutter", reason: "teaser", rule: "clean:teaser" } : null;
    },
  },
  {
    id: "clean:cookie-banner",
    test: (b) => (short(b, 700) && COOKIE.test(b.text) && COOKIE_CTX.test(b.text) ? { role: "clutter", reason: "cookie-banner", rule: "clean:cookie-banner" } : null),
  },
  { id: "clean:url-line", test: (b) => (short(b, 2100) && URL_LINE.test(b.text) ? { role: "clutter", reason: "link", rule: "clean:url-line" } : null) },
  { id: "clean:tag-list", test: (b) => (short(b, 500) && tagList(b.text) ? { role: "clutter", reason: "tags", rule: "clean:tag-list" } : null) },
  {
    id: "clean:social",
    test: (b) => {
      if (!short(b, 120)) return null;
      const ws = b.text.toLowerCase().split(/[\s,|•·/]+/).filter(Boolean);
      return ws.length >= 2 && ws.every((w) => SOCIAL.has(w)) ? { role: "clutter", reason: "share-buttons", rule: "clean:social" } : null;
    },
  },
  { id: "clean:promo", test: (b) => (short(b, 250) && (PROMO.test(b.text) || LEAD_IN.test(b.text)) ? { role: "clutter", reason: "boilerplate", rule: "clean:promo" } : null) },
  { id: "clean:boilerplate", test: (b) => (short(b, 260) && BOILER.test(stripBullet(b.text)) ? { role: "clutter", reason: "boilerplate", rule: "clean:boilerplate" } : null) },
];

/** Whether a block starts with a list bullet. */
export function isBullet(text: string): boolean {
  return BULLET.test(text.slice(0, 8));
}

/** Applies the rules to every unlabelled block, first answer wins. */
export function applyRules(rules: readonly BlockRule[], ctx: RuleContext): void {
  for (const b of ctx.blocks) {
    if (b.label) continue;
    for (const r of rules) {
      const l = r.test(b, ctx);
      if (l) {
        b.label = l;
        break;
      }
    }
  }
}

/** Labels later copies of a block already seen (menus and teasers printed twice). */
export function markRepeats(blocks: readonly Block[]): void {
  // Copies are labelled here; inside the article's main run they are kept
  // again (an article may repeat its own lines: interview questions, recipe steps).
  const seen = new Map<string, Block>();
  for (const b of blocks) {
    if (b.text.length > 3000 || b.text.length < 12) continue;
    const key = b.text.toLowerCase().replace(/\s+/g, " ");
    const first = seen.get(key);
    if (first) {
      if (!b.label || b.label.role === "paragraph") b.label = { role: "clutter", reason: "repeated", rule: "clean:repeated" };
    } else seen.set(key, b);
  }
}
