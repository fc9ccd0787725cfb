/**
 * Live feeds: the poller that keeps a library's subscribed RSS/Atom feeds
 * ingested (subscriptions and their status live in the library, `store/feeds.ts`),
 * and the checks it shares with the server (private addresses, canonical links).
 */
export { FeedPoller, backoffSeconds, DEFAULT_PER_HOST_DELAY_MS, DEFAULT_MAX_BACKOFF_SECONDS, type FeedPollerOptions, type PollOutcome } from "./poller.js";
export { checkPublicUrl, privateAddressKind, type Lookup } from "./public-url.js";
export { canonicalUrl, pageCanonical, isTrackingParam } from "./canonical.js";
export { HostGate, GateClosed, hostOf } from "./host-gate.js";
export { httpGet, HttpFailure, type HttpAnswer, type HttpSettings } from "./http.js";
export type { Feed, FeedStore, PollRecord, AddFeedOptions } from "../store/feeds.js";
export { FeedInputError, DEFAULT_FEED_INTERVAL_SECONDS } from "../store/feeds.js";
