import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// Each file fails when its tests sent Cypher that Neo4j reports as deprecated.
const project = { testTimeout: 30_000, hookTimeout: 180_000, pool: "forks", setupFiles: "tests/support/failOnDeprecations.ts" } as const;
// Node loads graphql's CommonJS build for the service and Apollo; Vite would give the tests' copy
// of src/ the ESM build: a second graphql, whose types the schema's instanceof checks refuse.
const resolve = { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }] };
// Curation tests write to the graph; the others read the seed graph as it is. So they run after
// the others have finished (a later group), and clean up what they wrote (tests/support/curation.ts).
const writers = "tests/curation-*.test.ts";
// The suite's final integrity check: `npm run db:check` on the graph as every other test left it.
const integrity = "tests/db-check.test.ts";

export default defineConfig({
  test: {
    // One real Neo4j for the whole run: started (or taken from NEO4J_URI) and seeded once.
    globalSetup: ["tests/support/globalSetup.ts"],
    reporters: ["default", "./tests/support/summaryReporter.ts"],
    projects: [
      { resolve, test: { ...project, name: "readers", include: ["tests/**/*.test.ts"], exclude: [writers, integrity] } },
      { resolve, test: { ...project, name: "writers", include: [writers], sequence: { groupOrder: 1 } } },
      { resolve, test: { ...project, name: "integrity", include: [integrity], sequence: { groupOrder: 2 } } },
    ],
  },
});
