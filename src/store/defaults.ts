/** Library defaults, in a module of their own so that the command line reads them without loading a database driver. */

/** The library file used when no --db is given. */
export const DEFAULT_LIBRARY = "rashomon.db";

/** How long a writer waits for another writer's lock before it gives up, in ms. */
export const DEFAULT_LOCK_TIMEOUT_MS = 60_000;
