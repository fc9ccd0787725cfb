/**
 * The server's metrics in the Prometheus text format (version 0.0.4): library
 * size, requests, ingest latency and feed errors.
 */

/** Upper bounds (seconds) of the ingest latency histogram. */
const BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Counters and histograms kept in memory by one server process. */
export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly ingestCounts = BUCKETS.map(() => 0);
  private ingestSum = 0;
  private ingestTotal = 0;
  documentsAdded = 0;
  ingestFailures = 0;

  /** Counts one answered request by method, route and status. */
  request(method: string, route: string, status: number): void {
    const key = `method="${method}",route="${route.replace(/["\\\n]/g, "")}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
  }

  /** Records one committed ingest: its duration and the documents it added. */
  ingest(seconds: number, added: number, failed: number): void {
    this.ingestSum += seconds;
    this.ingestTotal++;
    BUCKETS.forEach((b, i) => {
      if (seconds <= b) this.ingestCounts[i]!++;
    });
    this.documentsAdded += added;
    this.ingestFailures += failed;
  }

  /** The exposition text, with the library's gauges and the feeds' error counts given by the caller. */
  render(library: { documents: number; stories: number }, feeds: { total: number; failing: number; errors: number }): string {
    const lines = [
      "# HELP rashomon_documents Documents in the library.",
      "# TYPE rashomon_documents gauge",
      `rashomon_documents ${library.documents}`,
      "# HELP rashomon_stories Stories in the library.",
      "# TYPE rashomon_stories gauge",
      `rashomon_stories ${library.stories}`,
      "# HELP rashomon_documents_added_total Documents this process added.",
      "# TYPE rashomon_documents_added_total counter",
      `rashomon_documents_added_total ${this.documentsAdded}`,
      "# HELP rashomon_ingest_failures_total Inputs this process could not add.",
      "# TYPE rashomon_ingest_failures_total counter",
      `rashomon_ingest_failures_total ${this.ingestFailures}`,
      "# HELP rashomon_ingest_seconds Time from request to commit of an ingest.",
      "# TYPE rashomon_ingest_seconds histogram",
      ...BUCKETS.map((b, i) => `rashomon_ingest_seconds_bucket{le="${b}"} ${this.ingestCounts[i]}`),
      `rashomon_ingest_seconds_bucket{le="+Inf"} ${this.ingestTotal}`,
      `rashomon_ingest_seconds_sum ${this.ingestSum.toFixed(6)}`,
      `rashomon_ingest_seconds_count ${this.ingestTotal}`,
      "# HELP rashomon_feeds Subscribed feeds.",
      "# TYPE rashomon_feeds gauge",
      `rashomon_feeds ${feeds.total}`,
      "# HELP rashomon_feeds_failing Feeds whose last poll failed.",
      "# TYPE rashomon_feeds_failing gauge",
      `rashomon_feeds_failing ${feeds.failing}`,
      "# HELP rashomon_feed_errors Consecutive poll errors summed over feeds.",
      "# TYPE rashomon_feed_errors gauge",
      `rashomon_feed_errors ${feeds.errors}`,
      "# HELP process_resident_memory_bytes Resident memory of the server process.",
      "# TYPE process_resident_memory_bytes gauge",
      `process_resident_memory_bytes ${process.memoryUsage.rss()}`,
      "# HELP nodejs_heap_used_bytes JavaScript heap in use (the server's thread).",
      "# TYPE nodejs_heap_used_bytes gauge",
      `nodejs_heap_used_bytes ${process.memoryUsage().heapUsed}`,
      "# HELP rashomon_http_requests_total Requests answered, by method, route and status.",
      "# TYPE rashomon_http_requests_total counter",
      ...[...this.requests].map(([k, v]) => `rashomon_http_requests_total{${k}} ${v}`),
    ];
    return `${lines.join("\n")}\n`;
  }
}
