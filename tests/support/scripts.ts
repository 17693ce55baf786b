/** Runs one of the project's command-line scripts, as a user would, against the suite's Neo4j. */
import { spawnSync } from "node:child_process";
import { inject } from "vitest";

export function runScript(script: string, ...args: string[]): { code: number | null; output: string } {
  const neo4j = inject("neo4j");
  const result = spawnSync("node_modules/.bin/tsx", [script, ...args], {
    env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, output: result.stdout + result.stderr };
}
