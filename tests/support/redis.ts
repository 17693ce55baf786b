/**
 * A real Redis for the tests that run several instances: Debian's `redis-server` on a free port,
 * with a temporary directory and no persistence, stopped (and its directory deleted) after the
 * file's tests. `stop` and `start` again on the same port stand for an outage and a recovery.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll } from "vitest";
import { freePort } from "../../src/db/localNeo4j.js";

const REDIS_SERVER = process.env.REDIS_SERVER ?? "redis-server";

export interface TestRedis {
  url: string;
  /** Stops the server (SIGTERM) and waits until it has exited. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty (nothing was persisted), and waits until it answers. */
  start(): Promise<void>;
}

/** Call at the top of a test file: a Redis for its tests. Register it before the instances that use it. */
export function useRedis(): TestRedis {
  let dir = "";
  let port = 0;
  let server: ChildProcess | null = null;
  const redis: TestRedis = {
    url: "",
    async start() {
      const started = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no"], {
        stdio: "ignore",
      });
      server = started;
      // Should the test process end without its afterAll (a crash, a timeout's kill), the server goes with it.
      const orphaned = () => started.kill("SIGKILL");
      process.once("exit", orphaned);
      started.once("exit", () => process.removeListener("exit", orphaned));
      const failed = new Promise<never>((_, reject) => {
        started.once("error", (error) =>
          reject(new Error(`Could not start ${REDIS_SERVER} (${error.message}): install it (apt-get install redis-server) or set REDIS_SERVER to its path.`)),
        );
      });
      await Promise.race([waitForPing(redis.url), failed]);
    },
    async stop() {
      const running = server;
      server = null;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGTERM");
      await exited;
    },
  };
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "meetgraph-redis-"));
    port = await freePort();
    redis.url = `redis://127.0.0.1:${port}`;
    await redis.start();
  });
  afterAll(async () => {
    await redis.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return redis;
}

async function waitForPing(url: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => {});
  try {
    while (Date.now() < deadline) {
      try {
        await client.connect();
        if ((await client.ping()) === "PONG") return;
      } catch {
        client.disconnect();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    throw new Error(`redis-server did not answer at ${url} within ${timeoutMs} ms.`);
  } finally {
    client.disconnect();
  }
}
