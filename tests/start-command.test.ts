/** The start command as a user runs it, as a child process. */
import { describe, expect, it } from "vitest";
import { startService, suiteNeo4jSettings } from "./support/startCommand.js";

describe("npm start", () => {
  it("serves GraphQL against NEO4J_URI without starting a local Neo4j, and stops cleanly on SIGTERM", async () => {
    const service = startService({
      ...suiteNeo4jSettings(),
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
