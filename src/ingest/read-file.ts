import { createReadStream } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import { concatChunks, IngestFailure, tooLargeReason } from "./sizes.js";

/** Plain words for file-system errors. */
export function fsReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case "ENOENT": return "no such file or directory";
    case "EACCES": case "EPERM": return "permission denied";
    case "EISDIR": return "is a directory";
    case "ENOTDIR": return "a part of the path is not a directory";
    case "ELOOP": return "too many symbolic links";
    case "EMFILE": case "ENFILE": return "too many open files";
    default: return e?.message ?? String(err);
  }
}

/** Whether a directory entry is skipped when walking: hidden names and node_modules. */
export function skippedName(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

/** One path found when expanding a spec: a file to read, or an error about it. */
export type WalkEntry = { path: string; error?: undefined } | { path: string; error: IngestFailure };

/**
 * Expands a path: a file yields itself; a directory yields its files
 * recursively, sorted by name (code-point order), skipping hidden entries and
 * node_modules, and never following a symbolic link back into a directory it is
 * already in. A path that cannot be read yields an error entry.
 */
export async function* walkPath(path: string, seen: Set<string> = new Set()): AsyncGenerator<WalkEntry> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    yield { path, error: new IngestFailure("ingest:unreadable", fsReason(err)) };
    return;
  }
  if (!info.isDirectory()) {
    yield { path };
    return;
  }
  let real: string;
  let names: string[];
  try {
    real = await realpath(path);
    names = await readdir(path);
  } catch (err) {
    yield { path, error: new IngestFailure("ingest:unreadable", fsReason(err)) };
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    if (skippedName(name)) continue;
    yield* walkPath(join(path, name), seen);
  }
}

/**
 * Reads a file whole, refusing it before reading when `stat` says it is over
 * the limit, and again while streaming (for pipes and files that grow).
 */
export async function readFileLimited(path: string, maxBytes: number): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw new IngestFailure("ingest:unreadable", fsReason(err));
  }
  if (info.isDirectory()) throw new IngestFailure("ingest:unreadable", "is a directory");
  if (info.isFile() && info.size > maxBytes) throw new IngestFailure("ingest:too-large", tooLargeReason(info.size, maxBytes));
  try {
    return await readStreamLimited(createReadStream(path), maxBytes);
  } catch (err) {
    if (err instanceof IngestFailure) throw err;
    throw new IngestFailure("ingest:unreadable", fsReason(err));
  }
}

/** Reads a stream to the end, failing once it passes `maxBytes`. */
export async function readStreamLimited(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    total += bytes.length;
    if (total > maxBytes) {
      (stream as { destroy?: () => void }).destroy?.();
      throw new IngestFailure("ingest:too-large", tooLargeReason(null, maxBytes));
    }
    chunks.push(bytes);
  }
  return concatChunks(chunks, total);
}
