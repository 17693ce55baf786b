/**
 * Issue 8, graceful shutdown, with the start command as a user (or an orchestrator) runs it: on
 * SIGTERM the service stops accepting connections, lets the requests in flight finish within
 * SHUTDOWN_TIMEOUT_MS, closes the driver and exits 0.
 *
 * A request is kept in flight for as long as the test wants by holding, in a transaction of the
 * test's own, the curation lock the request needs (src/curation/transaction.ts). The request is
 * an update of a person who does not exist, so it writes nothing to the suite's graph.
 *
 * Issue 18: no answer is lost across the signal. Curators keep writing over keep-alive
 * connections while SIGTERM comes; every write either gets its whole answer or is refused before
 * it runs. The people they create are deleted at the end of each run (and have no country, so
 * no reader's query finds them meanwhile).
 */
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { Driver, Session, Transaction } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDriver } from "../src/db/connect.js";
import { CLEAN_UP, TEST_PREFIX } from "./support/curation.js";
import { send, sleep, waitUntil } from "./support/load.js";
import { startService, suiteNeo4jSettings } from "./support/startCommand.js";

const CURATOR_KEY = "shutdown-test-curator-key";
const UPDATE = `mutation ($id: ID!) { updatePerson(input: {id: $id, name: "Nobody"}) { person { id } errors { code } } }`;

const startCurationService = (env: Record<string, string>) =>
  startService({
    ...suiteNeo4jSettings(),
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    SEED_ON_START: "false",
    API_KEYS: `curator:write:${createHash("sha256").update(CURATOR_KEY).digest("hex")}`,
    ...env,
  });

let driver: Driver;
beforeAll(() => {
  driver = createDriver(inject("neo4j"));
});
afterAll(() => driver.close());

/** Holds the curation lock of person `id` until `release`: an update of that person waits for it. */
async function holdPersonLock(id: string): Promise<{ release: () => Promise<void>; session: Session; tx: Transaction }> {
  const session = driver.session();
  const tx = await session.beginTransaction();
  await tx.run("MERGE (lock:CurationLock {key: $key}) SET lock.lockedAt = datetime()", { key: `Person:${id}` });
  return {
    session,
    tx,
    release: async () => {
      if (tx.isOpen()) await tx.rollback(); // nothing of it stays
      await session.close();
    },
  };
}

/** True once the service's update is running in Neo4j (waiting for the lock). */
async function updateIsRunning(): Promise<boolean> {
  const session = driver.session();
  try {
    const result = await session.run("SHOW TRANSACTIONS YIELD metaData WHERE metaData.query = 'curation.updatePerson' RETURN count(*) AS n");
    return Number(result.records[0]!.get("n")) > 0;
  } finally {
    await session.close();
  }
}

async function connectionRefused(base: string): Promise<boolean> {
  try {
    await fetch(`${base}/health/live`);
    return false;
  } catch (error) {
    return /ECONNREFUSED/.test(String((error as { cause?: unknown }).cause ?? error));
  }
}

/**
 * The service (SHUTDOWN_TIMEOUT_MS as given) with an update in flight that waits for a lock the
 * test holds: `lock.release()` lets it finish.
 */
async function serviceWithUpdateInFlight(shutdownTimeoutMs: string) {
  const personId = `sd-nobody-${randomBytes(4).toString("hex")}`;
  const lock = await holdPersonLock(personId);
  const service = startCurationService({ SHUTDOWN_TIMEOUT_MS: shutdownTimeoutMs });
  try {
    const match = await service.waitFor(/GraphQL: (http:\/\/\S+)\/graphql/, 60_000);
    expect(match, service.output()).not.toBeNull();
    const base = match![1]!.replace("localhost", "127.0.0.1");
    const inFlight = send(`${base}/graphql`, { query: UPDATE, variables: { id: personId }, token: CURATOR_KEY });
    expect(await waitUntil(updateIsRunning, 20_000)).not.toBeNull();
    return { lock, service, base, inFlight };
  } catch (error) {
    await lock.release();
    service.child.kill("SIGKILL");
    throw error;
  }
}

describe("on SIGTERM", () => {
  it("stops accepting connections, lets the request in flight finish, and exits 0", async () => {
    const { lock, service, base, inFlight } = await serviceWithUpdateInFlight("30000");
    try {
      service.child.kill("SIGTERM");
      expect(await service.waitFor(/SIGTERM received/, 10_000)).not.toBeNull();
      expect(await waitUntil(() => connectionRefused(base), 5_000), "still accepting connections after SIGTERM").not.toBeNull();
      expect(service.child.exitCode, "exited with a request in flight").toBeNull();

      await lock.release();
      const answer = await inFlight;
      // The request completed: the service answered it (the person does not exist, so the update is refused, and nothing is written).
      expect(answer.code).toBeUndefined();
      expect(answer.data!.updatePerson.errors.length).toBeGreaterThan(0);

      expect(await service.exited).toBe(0);
      expect(service.output()).toMatch(/Stopped\./);
    } finally {
      await lock.release();
      service.child.kill("SIGKILL");
    }
  }, 120_000);

  it("closes a request still in flight after SHUTDOWN_TIMEOUT_MS, and still exits 0", async () => {
    const { lock, service, inFlight } = await serviceWithUpdateInFlight("2000");
    try {
      const signalledAt = Date.now();
      service.child.kill("SIGTERM");
      // The lock is never released: the request cannot finish, and the service does not wait for it past the bound.
      expect(await service.exited).toBe(0);
      const tookMs = Date.now() - signalledAt;
      expect(tookMs).toBeGreaterThanOrEqual(2_000);
      expect(tookMs).toBeLessThan(2_000 + 15_000);
      expect((await inFlight).code).toBe("TRANSPORT"); // its connection was closed
      console.log(`[shutdown] with a request stuck in flight, exited 0 after ${(tookMs / 1000).toFixed(1)} s (SHUTDOWN_TIMEOUT_MS=2000)`);
    } finally {
      await lock.release();
      service.child.kill("SIGKILL");
    }
  }, 120_000);
});

/** What became of one write, as its client saw it. */
type WriteOutcome =
  | { id: string; kind: "acknowledged" }
  | { id: string; kind: "refused"; status: number; code: string | undefined }
  /** No connection could be made: the request was never sent. */
  | { id: string; kind: "not connected" }
  /** The connection closed (or failed) before a whole answer came: the client cannot tell whether it ran. */
  | { id: string; kind: "lost"; error: string }
  | { id: string; kind: "unexpected"; status: number; body: string };

const CREATE = `mutation ($id: ID!) { createPerson(input: {id: $id, name: "Shutdown test writer"}) { person { id } errors { code } } }`;

/** One createPerson over `agent`'s keep-alive connections. */
function createPerson(agent: http.Agent, base: string, id: string): Promise<WriteOutcome> {
  const body = JSON.stringify({ query: CREATE, variables: { id } });
  return new Promise((resolve) => {
    const req = http.request(`${base}/graphql`, {
      method: "POST",
      agent,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), authorization: `Bearer ${CURATOR_KEY}` },
    });
    req.on("error", (error: NodeJS.ErrnoException) =>
      resolve(error.code === "ECONNREFUSED" ? { id, kind: "not connected" } : { id, kind: "lost", error: String(error) }),
    );
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("error", (error) => resolve({ id, kind: "lost", error: String(error) }));
      res.on("end", () => {
        const answer = JSON.parse(text) as { data?: { createPerson?: { person: { id: string } | null } }; errors?: { extensions?: { code?: string } }[] };
        if (res.statusCode === 200 && answer.data?.createPerson?.person?.id === id) resolve({ id, kind: "acknowledged" });
        else if (res.statusCode === 503) resolve({ id, kind: "refused", status: 503, code: answer.errors?.[0]?.extensions?.code });
        else resolve({ id, kind: "unexpected", status: res.statusCode ?? 0, body: text });
      });
    });
    req.end(body);
  });
}

/** The ids among `ids` that are people in the database. */
async function peopleStored(ids: string[]): Promise<Set<string>> {
  const { records } = await driver.executeQuery("MATCH (p:Person) WHERE p.id IN $ids RETURN p.id AS id", { ids });
  return new Set(records.map((record) => record.get("id") as string));
}

describe("on SIGTERM, with curators writing over keep-alive connections", () => {
  const RUNS = 4;
  const CURATORS = 8;

  it("answers every write it ran, refuses the others before running them, and loses none", async () => {
    const totals = { acknowledged: 0, refused: 0, afterSignal: 0 };
    for (let run = 1; run <= RUNS; run++) {
      const prefix = `${TEST_PREFIX}sd-${randomBytes(4).toString("hex")}-`;
      const service = startCurationService({ NODE_ENV: "production", RATE_LIMIT_PER_MINUTE: "0" });
      const agent = new http.Agent({ keepAlive: true, maxSockets: CURATORS });
      try {
        const match = await service.waitFor(/GraphQL: (http:\/\/\S+)\/graphql/, 60_000);
        expect(match, service.output()).not.toBeNull();
        const base = match![1]!.replace("localhost", "127.0.0.1");

        const outcomes: WriteOutcome[] = [];
        let signalledAt = Infinity;
        let next = 0;
        const curator = async () => {
          for (;;) {
            const sentAt = Date.now();
            const outcome = await createPerson(agent, base, `${prefix}${next++}`);
            outcomes.push(outcome);
            if (sentAt >= signalledAt) totals.afterSignal++;
            if (outcome.kind !== "acknowledged") return;
            // A curator looks at the answer before writing again: when the signal comes, some connections are idle, some busy.
            await sleep(Math.random() * 30);
          }
        };
        const curators = Array.from({ length: CURATORS }, curator);
        // Every curator's connection is open and has answered before the signal comes.
        expect(await waitUntil(() => outcomes.length >= CURATORS * 3, 30_000), "the writes before the signal").not.toBeNull();
        signalledAt = Date.now();
        service.child.kill("SIGTERM");
        await Promise.all(curators);
        expect(await service.exited, service.output()).toBe(0);

        const lost = outcomes.filter((outcome) => outcome.kind === "lost" || outcome.kind === "unexpected");
        expect(lost, "writes whose answer never came").toEqual([]);
        const refused = outcomes.filter((outcome) => outcome.kind === "refused");
        for (const outcome of refused) expect(outcome).toMatchObject({ status: 503, code: "SHUTTING_DOWN" });

        const acknowledged = outcomes.filter((outcome) => outcome.kind === "acknowledged").map((outcome) => outcome.id);
        const stored = await peopleStored(outcomes.map((outcome) => outcome.id));
        expect([...stored].sort(), "acknowledged writes are stored, and nothing else").toEqual([...acknowledged].sort());
        totals.acknowledged += acknowledged.length;
        totals.refused += refused.length;
      } finally {
        agent.destroy();
        service.child.kill("SIGKILL");
        await driver.executeQuery(CLEAN_UP, { prefix });
      }
    }
    console.log(
      `[shutdown] ${RUNS} runs, ${CURATORS} keep-alive curators each: ${totals.acknowledged} writes acknowledged (and stored), ${totals.refused} refused with 503 SHUTTING_DOWN (none stored), ${totals.afterSignal} sent after the signal, none lost`,
    );
  }, 300_000);
});
