/** The start command as a user runs it, as a child process. */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, inject, it } from "vitest";

const tsx = "node_modules/.bin/tsx";

function startService(env: Record<string, string>) {
  const child = spawn(tsx, ["src/main.ts"], { env: { ...process.env, LOG_LEVEL: "silent", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const waitFor = async (pattern: RegExp, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(output) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
    return pattern.exec(output);
  };
  return { child, exited, waitFor, output: () => output };
}

describe("npm start", () => {
  it("serves GraphQL against NEO4J_URI without starting a local Neo4j, and stops cleanly on SIGTERM", async () => {
    const neo4j = inject("neo4j");
    const service = startService({
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
      PORT: "0",
      HOST: "127.0.0.1",
      NODE_ENV: "test",
    });
    const match = await service.waitFor(/GraphQL: (http:\/\/\S+)/, 60_000);
    expect(match, service.output()).not.toBeNull();
    expect(service.output()).not.toMatch(/Starting Neo4j/);

    const response = await fetch(match![1]!, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ health { database } }" }),
    });
    expect(await response.json()).toMatchObject({ data: { health: { database: true } } });

    service.child.kill("SIGTERM");
    expect(await service.exited).toBe(0);
    expect(service.output()).toMatch(/Stopped\./);
  }, 90_000);

  it("gives up on an unreachable NEO4J_URI quickly, saying what to check", async () => {
    const started = Date.now();
    const service = startService({ NEO4J_URI: "bolt://127.0.0.1:9", NEO4J_PASSWORD: "whatever-password", NEO4J_CONNECT_TIMEOUT_MS: "3000" });
    expect(await service.exited).toBe(1);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(service.output()).toMatch(/Could not reach Neo4j at bolt:\/\/127\.0\.0\.1:9 within 3 s/);
    expect(service.output()).not.toMatch(/\n\s+at /); // no stack trace
  }, 60_000);

  it("rejects a bad setting before touching any database", async () => {
    const service = startService({ PORT: "not-a-port" });
    expect(await service.exited).toBe(1);
    expect(service.output()).toMatch(/PORT: .*not-a-port/);
  }, 30_000);
});
