/**
 * A story's view as the server shows it, built once per version of the story
 * (on the story worker) and kept in a small LRU. A story's view depends only on
 * its documents: an entry is checked again (by its documents' ids, one cheap
 * query) only after the library's generation moved. When a story changed, its
 * old view is served while the new one builds, so readers never wait for a
 * rebuild; only the first reader of a story waits for its first build.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import type { Context } from "hono";
import { membersKey } from "../store/queries.js";
import { viewFromStored, type BuiltView } from "../library/story-view.js";
import type { Store } from "../store/store.js";
import type { StoryBuilder } from "./story-builder.js";

/** One story as built (see `BuiltView`: fragment, JSON report, facts), with its rendered forms. */
export interface StoryView extends BuiltView {
  id: string;
  /** Rendered forms by name (`json`, `md`, `html`, `page`, and `.gz` of each), filled on first use. */
  rendered: Map<string, Uint8Array<ArrayBuffer>>;
}

interface Entry {
  key: string;
  generation: number;
  view: StoryView;
  /** When its view was built (ms). */
  builtAt: number;
  /** Its approximate size in memory, in bytes. */
  weight: number;
}

/** Approximate memory of a view: its fragment (two bytes a character, and once more as a rendered page) and its gzipped report. */
function weightOf(view: StoryView): number {
  return 3 * view.fragment.length + 4 * view.jsonGz.length;
}

/** Least time between two builds of one story: a story that a feed updates every second is rebuilt at most this often. */
export const MIN_REBUILD_MS = 10_000;

/** The cache of story views. */
export class StoryViews {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<StoryView | null>>();
  builds = 0;

  private weight = 0;

  /** `budget` bounds the views kept, in approximate bytes (default 192 MiB), `capacity` their number. */
  constructor(
    private readonly store: Store, private readonly builder: StoryBuilder, private readonly generation: () => number,
    private readonly capacity = 200, private readonly budget = 192 * 1024 * 1024,
  ) {}

  /**
   * The story's view, or null when the library has no such story. With `fresh`,
   * a changed story's new view is awaited (the API answers what is committed);
   * without, its last view is served while the new one builds (the pages).
   */
  async get(id: string, fresh = false): Promise<StoryView | null> {
    const g = this.generation();
    const hit = this.entries.get(id);
    if (hit && hit.generation === g && g >= 0) return this.touch(id, hit).view;
    const members = await this.store.storyMembers(id);
    if (!members) {
      this.entries.delete(id);
      return null;
    }
    const key = membersKey(members.documents);
    if (hit && hit.key === key) {
      hit.generation = g;
      return this.touch(id, hit).view;
    }
    if (hit && fresh) this.pending.delete(id); // a delayed rebuild does not hold up a reader who needs the committed state
    // A changed story: its last view while the new one builds, no sooner than MIN_REBUILD_MS after the last build.
    const wait = hit && !fresh ? Math.max(0, hit.builtAt + MIN_REBUILD_MS - Date.now()) : 0;
    if (!hit && !this.pending.has(id)) {
      // Built before, by this process or another one, and still current: read, not built again.
      // A stale one is what pages show while the story is built again (API reads wait).
      const stored = await this.store.getStoryView(id);
      if (stored) {
        const view: StoryView = { ...viewFromStored(stored.view, stored.report), id, rendered: new Map() };
        this.touch(id, { key: stored.key, generation: g, view, builtAt: Date.parse(stored.builtAt) || 0, weight: weightOf(view) });
        if (stored.key === key) return view;
        if (!fresh) {
          this.startBuild(id, key, g, members.summary, 0);
          return view;
        }
      }
    }
    const building = this.pending.get(id) ?? this.startBuild(id, key, g, members.summary, wait);
    return hit && !fresh ? hit.view : building;
  }

  private startBuild(id: string, key: string, g: number, summary: Parameters<StoryBuilder["build"]>[0]["summary"], delayMs: number): Promise<StoryView | null> {
    const work = (async () => {
      if (delayMs > 0) {
        await new Promise((r) => setTimeout(r, delayMs).unref());
        // Read again: more documents may have joined while it waited.
        const members = await this.store.storyMembers(id);
        if (!members) return null;
        ({ summary } = members);
        key = membersKey(members.documents);
        g = this.generation();
      }
      const documents = await this.store.getDocuments(id);
      const { viewGz, ...built } = await this.builder.build({ summary, documents });
      this.builds++;
      const view: StoryView = { ...built, id, rendered: new Map() };
      // Kept in the library, so a restarted server or another process reads it instead of building it again.
      this.store.putStoryView(id, { key, builtAt: new Date().toISOString(), view: viewGz, report: built.jsonGz }).catch(() => {});
      this.touch(id, { key, generation: g, view, builtAt: Date.now(), weight: weightOf(view) });
      return view;
    })().finally(() => this.pending.delete(id));
    // A failed rebuild behind a served view is reported when the story is next read without a view.
    work.catch(() => {});
    this.pending.set(id, work);
    return work;
  }

  private touch(id: string, entry: Entry): Entry {
    const old = this.entries.get(id);
    if (old) this.weight -= old.weight;
    this.entries.delete(id);
    this.entries.set(id, entry);
    this.weight += entry.weight;
    // Least recently read first; the entry just read stays.
    while (this.entries.size > 1 && (this.entries.size > this.capacity || this.weight > this.budget)) {
      const [oldest, e] = this.entries.entries().next().value!;
      this.weight -= e.weight;
      this.entries.delete(oldest);
    }
    return entry;
  }

  /** The story's JSON report (`{documents, stories, messages}`), as text. */
  static json(view: StoryView): string {
    return gunzipSync(view.jsonGz).toString("utf8");
  }

  /** A rendered form of a view, made once and kept as bytes (and gzipped, for clients that take it). */
  static render(view: StoryView, form: string, make: () => string, gzip = false): Uint8Array<ArrayBuffer> {
    const key = gzip ? `${form}.gz` : form;
    let out = view.rendered.get(key);
    if (out === undefined) {
      const plain = gzip ? StoryViews.render(view, form, make) : new TextEncoder().encode(make());
      view.rendered.set(key, (out = gzip ? new Uint8Array(gzipSync(plain, { level: 6 })) : plain));
    }
    return out;
  }
}

/** Answers with a rendered form of a view, gzipped when the client accepts it. */
export function sendView(c: Context, view: StoryView, form: string, type: string, make: () => string, headers: Record<string, string> = {}): Response {
  const gzip = /\bgzip\b/.test(c.req.header("accept-encoding") ?? "");
  // The JSON report is kept gzipped only: sent as it is, or unzipped for each client that takes no gzip.
  const body = form === "json" ? (gzip ? new Uint8Array(view.jsonGz) : new TextEncoder().encode(make())) : StoryViews.render(view, form, make, gzip);
  return c.body(body, 200, { "content-type": type, vary: "accept-encoding", ...(gzip ? { "content-encoding": "gzip" } : {}), ...headers });
}
