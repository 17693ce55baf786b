/** The start command (`npm start`) as a user or an orchestrator runs it: a child process whose output the test reads. */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { inject } from "vitest";
import { compiledPath } from "../../src/compile.js";
import { waitUntil } from "./load.js";

/** The settings that point a service at the suite's Neo4j. */
export function suiteNeo4jSettings(): Record<string, string> {
  const neo4j = inject("neo4j");
  return { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database };
}

/** Runs what `npm start` runs, the compiled src/main.ts (the global setup compiles it), with `env` over the test's environment (logs silent). */
export function startService(env: Record<string, string>) {
  const child = spawn(process.execPath, [compiledPath("src/main.ts")], {
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  /** The first match of `pattern` in the output so far, waiting up to `timeoutMs` (null if it never came or the process ended). */
  const waitFor = async (pattern: RegExp, timeoutMs: number) => {
    await waitUntil(() => pattern.test(output) || child.exitCode !== null, timeoutMs);
    return pattern.exec(output);
  };
  return { child, exited, waitFor, output: () => output };
}
