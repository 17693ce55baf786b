import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // One real Neo4j for the whole run: started (or taken from NEO4J_URI) and seeded once.
    globalSetup: ["tests/support/globalSetup.ts"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: "forks",
    reporters: ["default", "./tests/support/summaryReporter.ts"],
  },
});
