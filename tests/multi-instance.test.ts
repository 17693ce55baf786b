/**
 * Two instances of the service against one Neo4j and one Redis (issue 23): what one instance
 * learns about a client, the other knows: its rate-limit bucket and the persisted queries it
 * registered. Losing Redis degrades each instance to its own state, with a warning and no
 * errors; when Redis is back, the state is shared again.
 */
import { createHash } from "node:crypto";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { createDriver } from "../src/db/connect.js";
import { Neo4jExecutor } from "../src/db/executor.js";
import { createServer } from "../src/server.js";
import { useRedis } from "./support/redis.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
/** Each scenario is its own client (its own API key), so each starts with a full bucket. */
const clients = ["shared-limit", "outage-limit", "restored-limit", "queries"] as const;
type Client = (typeof clients)[number];
const keyOf = (client: Client) => `${client}-multi-instance-test-key`;
const API_KEYS = loadConfig({ API_KEYS: clients.map((client) => `${client}:read:${sha256(keyOf(client))}`).join(",") }).API_KEYS;
const BURST = 5;

interface Instance {
  url: string;
  origin: string;
  /** What it logged: pino's JSON lines, parsed. */
  log: { level: number; msg: string }[];
  stop(): Promise<void>;
}

async function startInstance(redisUrl: string): Promise<Instance> {
  const target = inject("neo4j");
  const driver = createDriver(target);
  const db = new Neo4jExecutor(driver, { database: target.database, queryTimeoutMs: 30_000 });
  const log: Instance["log"] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => log.push(JSON.parse(line)) });
  const config = {
    NODE_ENV: "test",
    HTTP_KEEP_ALIVE_TIMEOUT_MS: 1_000,
    REDIS_URL: redisUrl,
    API_KEYS,
    RATE_LIMIT_PER_MINUTE: 6,
    RATE_LIMIT_BURST: BURST,
  } as const;
  const server = await createServer({ config, db, logger });
  const port = await server.listen(0, "127.0.0.1");
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/graphql`,
    origin,
    log,
    stop: async () => {
      await server.stop();
      await driver.close();
    },
  };
}

async function post(instance: Instance, client: Client, payload: Record<string, unknown>) {
  const response = await fetch(instance.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", authorization: `Bearer ${keyOf(client)}` },
    body: JSON.stringify(payload),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: { extensions?: Record<string, any> }[] }) };
}

const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });
const codeOf = (answer: { errors?: { extensions?: Record<string, any> }[] }) => answer.errors?.[0]?.extensions?.code;

/** Registers a new query (unique to the call) on `on` and returns its hash and the answer it gives. */
async function registerQuery(on: Instance, label: string) {
  const query = `query ${label} { person(id: "steve-witkoff") { name } }`;
  const hash = sha256(query);
  const registered = await post(on, "queries", { query, extensions: persisted(hash) });
  expect(registered.data).toEqual({ person: { name: "Steve Witkoff" } });
  return hash;
}

/** Statuses of `count` requests from `client`, sent alternately to the instances. */
async function alternate(instances: Instance[], client: Client, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await post(instances[i % instances.length]!, client, { query: "{ __typename }" })).status);
  return statuses;
}

async function readiness(instance: Instance) {
  const response = await fetch(`${instance.origin}/health/ready`);
  return { httpStatus: response.status, body: (await response.json()) as { status: string; warnings?: string[] } };
}

/** Waits until `check` holds (polled every 50 ms), or fails after `timeoutMs`. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const redisWarnings = (instance: Instance) => instance.log.filter((line) => line.level === 40 && /Redis is unreachable/.test(line.msg));

describe("two instances sharing one Redis", () => {
  const redis = useRedis();
  let a: Instance;
  let b: Instance;
  beforeAll(async () => {
    [a, b] = await Promise.all([startInstance(redis.url), startInstance(redis.url)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it("run a persisted query registered on A from its hash alone on B", async () => {
    const hash = await registerQuery(a, "RegisteredOnA");
    const onB = await post(b, "queries", { extensions: persisted(hash) });
    expect(onB.errors).toBeUndefined();
    expect(onB.data).toEqual({ person: { name: "Steve Witkoff" } });
  });

  it("hold a client alternating between them to one rate limit: the burst, not twice the burst", async () => {
    expect(await alternate([a, b], "shared-limit", BURST + 2)).toEqual([...Array(BURST).fill(200), 429, 429]);
  });

  it("are ready and ok without warnings while Redis answers", async () => {
    for (const instance of [a, b]) expect(await readiness(instance)).toEqual({ httpStatus: 200, body: { status: "ok" } });
  });

  describe("when Redis goes away", () => {
    beforeAll(async () => {
      await redis.stop();
      await eventually(async () => (await readiness(a)).body.warnings !== undefined && (await readiness(b)).body.warnings !== undefined);
    });

    it("stay ready, and say on /health/ready that state is per instance", async () => {
      for (const instance of [a, b]) {
        expect(await readiness(instance)).toEqual({
          httpStatus: 200,
          body: { status: "ok", warnings: [expect.stringMatching(/Redis is unreachable since .*per instance/)] },
        });
      }
    });

    it("answer without errors, each instance limiting on its own (so twice the burst across two)", async () => {
      expect(await alternate([a, b], "outage-limit", 2 * BURST + 2)).toEqual([...Array(2 * BURST).fill(200), 429, 429]);
    });

    it("keep the persisted queries each registered, which the other then does not know", async () => {
      const hash = await registerQuery(a, "RegisteredDuringOutage");
      expect((await post(a, "queries", { extensions: persisted(hash) })).data).toEqual({ person: { name: "Steve Witkoff" } });
      expect(codeOf(await post(b, "queries", { extensions: persisted(hash) }))).toBe("PERSISTED_QUERY_NOT_FOUND");
    });

    it("log one warning each for the outage, however many requests and reconnection attempts it lasts", async () => {
      // ioredis tries to reconnect every 2 s at most: by now each instance has tried several times.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(redisWarnings(a)).toHaveLength(1);
      expect(redisWarnings(b)).toHaveLength(1);
    });
  });

  describe("when Redis is back", () => {
    beforeAll(async () => {
      await redis.start();
      await eventually(async () => (await readiness(a)).body.warnings === undefined && (await readiness(b)).body.warnings === undefined);
    });

    it("log that state is shared again, and share it", async () => {
      for (const instance of [a, b]) expect(instance.log.filter((line) => /Redis is back/.test(line.msg))).toHaveLength(1);
      const hash = await registerQuery(a, "RegisteredAfterOutage");
      expect((await post(b, "queries", { extensions: persisted(hash) })).data).toEqual({ person: { name: "Steve Witkoff" } });
      expect(await alternate([a, b], "restored-limit", BURST + 1)).toEqual([...Array(BURST).fill(200), 429]);
    });
  });
});
