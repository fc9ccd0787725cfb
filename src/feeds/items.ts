/**
 * What a feed item becomes: its key (canonical URL), and the input to ingest,
 * made from its own content or from the page it links to.
 */
import { createHash } from "node:crypto";
import { feedGiven, feedPageInput, type RawInput } from "../ingest/index.js";
import type { FeedItem } from "../ingest/feed.js";
import { idFromUrl } from "../ingest/ids.js";
import { InputError, MessageBag, type Message } from "../model/index.js";
import { canonicalUrl, pageCanonical } from "./canonical.js";
import type { HttpAnswer } from "./http.js";

/** One item of a polled feed, with the key it is known by. */
export interface ItemRef {
  item: FeedItem;
  /** 1-based position in the feed document. */
  position: number;
  /** The canonical link, when the item has an http(s) one. */
  link: string | null;
  /** The canonical link, else `guid:<guid>`, else a hash of the item's title and content. */
  key: string;
}

const sha = (s: string): string => createHash("sha256").update(s).digest("hex");

/** The items of a feed with their keys, each key once (the first item that has it). */
export function itemRefs(items: readonly FeedItem[], feedUrl: string): ItemRef[] {
  const seen = new Set<string>();
  const out: ItemRef[] = [];
  items.forEach((item, i) => {
    const link = item.link ? canonicalUrl(item.link, feedUrl) : null;
    const key = link ?? (item.guid ? `guid:${item.guid}` : `sha256:${sha(`${item.title ?? ""}\0${item.content ?? ""}`)}`);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ item, position: i + 1, link, key });
  });
  return out;
}

/**
 * A document id for an item key: the URL's readable id and a short hash of the
 * whole key, so that two outlets' `/live-updates` never share an id.
 */
export function itemId(key: string): string {
  const stem = /^https?:\/\//.test(key) ? idFromUrl(key) : "item";
  return `${stem}-${sha(key).slice(0, 8)}`;
}

/** Where an item is said to come from in messages: its link, else the feed and its position. */
function inputName(ref: ItemRef, feedUrl: string): string {
  return ref.link ?? `${feedUrl}#${ref.position}`;
}

function dateMessages(ref: ItemRef, input: string): Message[] {
  const bag = new MessageBag(input);
  const raw = ref.item.publishedRaw;
  if (raw && !ref.item.published) bag.warn("ingest:bad-date", `item ${ref.position}: date "${raw.slice(0, 60)}" is not one we can read; ignored`);
  return bag.messages;
}

/** The input of an item that carries its content. */
export function contentInput(ref: ItemRef, feedUrl: string, outlet: string | null): RawInput {
  const input = inputName(ref, feedUrl);
  return {
    id: itemId(ref.key), input, format: ref.item.contentFormat, content: ref.item.content ?? "",
    url: ref.link, given: feedGiven(ref.item, outlet, ref.link), messages: dateMessages(ref, input),
  };
}

/** An item's fetched page as an input, keyed by the page's canonical link when it gives one. */
export interface PageInput {
  raw: RawInput;
  /** The page's `<link rel=canonical>` (made canonical), else its final URL's canonical form. */
  key: string;
}

/**
 * The input an item's fetched page makes (with the item's title, date, outlet
 * and byline), or the error that stops it (not a page, binary, empty...).
 */
export async function pageInput(ref: ItemRef, feedUrl: string, outlet: string | null, page: HttpAnswer, maxBytes: number): Promise<PageInput | InputError> {
  const input = inputName(ref, feedUrl);
  const r = await feedPageInput({ input, id: itemId(ref.key) }, page, feedGiven(ref.item, outlet, ref.link), dateMessages(ref, input), maxBytes);
  if (r === null) return new InputError(input, "feeds:not-a-page", `its page ${page.finalUrl} is a feed or records, not an article`);
  if (!r.ok) return r.error;
  const key = (r.item.format === "html" ? pageCanonical(r.item.content, page.finalUrl) : null) ?? canonicalUrl(page.finalUrl) ?? ref.key;
  return { raw: { ...r.item, id: itemId(key), given: { ...r.item.given, url: key } }, key };
}
