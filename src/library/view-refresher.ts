/**
 * Keeping stored story views current where documents are added (`rashomon
 * worker`): a story's view is rebuilt when the story changes, debounced, so a
 * story that gains a document a second is rebuilt at most once per delay, and
 * readers (servers, `rashomon story`) find it built.
 */
import type { Store } from "../store/store.js";
import { membersKey } from "../store/queries.js";
import { buildStoryView } from "./story-view.js";

/** Rebuilds the stored views of changed stories, each no sooner than `delayMs` after its first change. */
export class ViewRefresher {
  private readonly due = new Map<string, number>();
  built = 0;

  constructor(private readonly store: Store, private readonly delayMs = 10_000, private readonly now: () => number = Date.now) {}

  /** Notes stories that changed. */
  touched(stories: Iterable<string>): void {
    const at = this.now() + this.delayMs;
    for (const id of stories) if (!this.due.has(id)) this.due.set(id, at);
  }

  /** Stories waiting for a rebuild. */
  get pending(): number {
    return this.due.size;
  }

  /** Rebuilds the views that are due (all of them with `all`), unless stopped; returns how many were built. */
  async refreshDue(all = false, stopped: () => boolean = () => false): Promise<number> {
    let n = 0;
    const now = this.now();
    for (const [id, at] of [...this.due]) {
      if (stopped()) break;
      if (!all && at > now) continue;
      this.due.delete(id);
      const members = await this.store.storyMembers(id);
      if (!members) continue; // merged into another story meanwhile
      const key = membersKey(members.documents);
      if ((await this.store.getStoryView(id))?.key === key) continue;
      const documents = await this.store.getDocuments(id);
      const { viewGz, jsonGz } = buildStoryView({ summary: members.summary, documents });
      await this.store.putStoryView(id, { key, builtAt: new Date().toISOString(), view: viewGz, report: jsonGz });
      n++;
    }
    this.built += n;
    return n;
  }
}
