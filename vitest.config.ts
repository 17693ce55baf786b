import { defineConfig } from "vitest/config";

const project = { testTimeout: 30_000, hookTimeout: 180_000, pool: "forks" } as const;
// Curation tests write to the graph; the others read the seed graph as it is. So they run after
// the others have finished (a later group), and clean up what they wrote (tests/support/curation.ts).
const writers = "tests/curation-*.test.ts";

export default defineConfig({
  test: {
    // One real Neo4j for the whole run: started (or taken from NEO4J_URI) and seeded once.
    globalSetup: ["tests/support/globalSetup.ts"],
    reporters: ["default", "./tests/support/summaryReporter.ts"],
    projects: [
      { test: { ...project, name: "readers", include: ["tests/**/*.test.ts"], exclude: [writers] } },
      { test: { ...project, name: "writers", include: [writers], sequence: { groupOrder: 1 } } },
    ],
  },
});
