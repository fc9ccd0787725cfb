/** Default size limit for one input: 20 MiB. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** Default timeout for one URL (connect, redirects and body read together): 15 s. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** How many redirects a URL may take before it is given up. */
export const MAX_REDIRECTS = 5;

/** A byte count as people read it: `50.0 MB`, `12.3 kB`, `512 bytes` (decimal units). */
export function formatSize(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} bytes`;
}

/** A limit as it was most likely set: `20 MiB`, `64 KiB`, else `1000 bytes`. */
export function formatLimit(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** The reason given when an input is over the size limit. */
export function tooLargeReason(size: number | null, limit: number): string {
  return size === null
    ? `too large (more than the ${formatLimit(limit)} limit)`
    : `too large (${formatSize(size)} > ${formatLimit(limit)} limit)`;
}

/** Thrown inside the ingest stage for a reason about one input; turned into an InputError by the caller. */
export class IngestFailure extends Error {
  constructor(
    readonly ruleId: string,
    reason: string,
  ) {
    super(reason);
    this.name = "IngestFailure";
  }
}

/** Concatenates byte chunks into one buffer. */
export function concatChunks(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
