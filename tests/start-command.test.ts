/** The start command as a user runs it, as a child process. */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
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

  it("says in one line which port is busy and which setting moves it, when PORT is taken", async () => {
    await withPortHeld(async (port) => {
      const service = startService({ ...suiteNeo4jSettings(), PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", SEED_ON_START: "false" });
      expect(await service.exited, service.output()).toBe(1);
      expect(service.output()).toMatch(
        new RegExp(
          `^\\[meetgraph\\] Port ${port} on 127\\.0\\.0\\.1 is already in use by another process: stop that process, or set PORT to a free port\\.$`,
          "m",
        ),
      );
      expect(service.output()).not.toMatch(/Unexpected failure|\n\s+at /);
    });
  }, 90_000);

  it("says the same of the local Neo4j's port, naming NEO4J_BOLT_PORT", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "meetgraph-busy-bolt-"));
    try {
      await withPortHeld(async (port) => {
        const service = startService({
          NEO4J_URI: "",
          NEO4J_BOLT_PORT: String(port),
          NEO4J_DATA_DIR: dataDir,
          NEO4J_PASSWORD: "busy-port-password",
          PORT: "0",
        });
        expect(await service.exited, service.output()).toBe(1);
        expect(service.output()).toMatch(
          new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use by another process: stop that process, or set NEO4J_BOLT_PORT to a free port\\.$`, "m"),
        );
        expect(service.output()).not.toMatch(/Unexpected failure|\n\s+at /);
      });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it("rejects a bad setting before touching any database", async () => {
    const service = startService({ PORT: "not-a-port" });
    expect(await service.exited).toBe(1);
    expect(service.output()).toMatch(/PORT: .*not-a-port/);
  }, 30_000);
});

/** Runs `body` while this process listens on a free port of 127.0.0.1, as another program might. */
async function withPortHeld(body: (port: number) => Promise<void>): Promise<void> {
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
  try {
    await body((holder.address() as net.AddressInfo).port);
  } finally {
    await new Promise((resolve) => holder.close(resolve));
  }
}
