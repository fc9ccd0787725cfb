import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 120_000, // per-call time limits are CPU-time checks (test/support/time-limit.ts); this only catches hangs
    hookTimeout: 60_000,
    pool: "forks",
  },
});
