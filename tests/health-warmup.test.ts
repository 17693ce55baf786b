/**
 * The warm-up before readiness (WARMUP_ON_START): the known queries run, with ids from the graph,
 * until Neo4j has planned their statements and replanned them with compiled expressions, before
 * /health/ready turns green.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Kind, parse } from "graphql";
import type { Driver, Session } from "neo4j-driver";
import { createDriver } from "../src/db/connect.js";
import { Neo4jExecutor } from "../src/db/executor.js";
import { NEO4J_EXPRESSION_RECOMPILATION_LIMIT, readSamples, warmupRequests, type WarmupRequest } from "../src/health/warmup.js";
import { loadManifest } from "../src/persisted/manifest.js";
import { createLogger } from "../src/logger.js";
import { exampleTabs } from "../src/playground/tabs.js";
import { createServer } from "../src/server.js";

const target = inject("neo4j");
const driver = createDriver(target);
const db = new Neo4jExecutor(driver, { database: target.database, queryTimeoutMs: 30_000 });
afterAll(() => driver.close());

/** The warm-up plans every known query on a fresh Neo4j, and runs each past its replanning: longer than a test's default on a busy machine. */
const WARMUP_TIMEOUT_MS = 300_000;

const operationType = (query: string) => parse(query).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.operation] : []))[0];
const operationName = (query: string) => parse(query).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value] : []))[0];

describe("the warm-up's requests", () => {
  it("fill each web app operation's variables with real ids from the graph, so its nested fields run too", async () => {
    const samples = await readSamples(db);
    const { requests, skipped } = warmupRequests(
      [...loadManifest().values()].map((query) => ({ name: "web", query })),
      samples,
    );
    expect(skipped).toEqual([]);
    const byName = new Map(requests.map((r) => [operationName(r.query), r.variables]));
    expect(byName.get("PersonPage")).toEqual({ id: "steve-witkoff" });
    expect(byName.get("PeopleSearch")).toMatchObject({ search: "Steve Witkoff" });
    const meetingId = byName.get("MeetingPage")?.id;
    const [meeting] = await db.read<{ found: boolean }>("test.meeting", "RETURN EXISTS { (:Meeting {id: $id}) } AS found", { id: meetingId });
    expect(meeting?.found).toBe(true);
  });

  it("leave out mutations, and documents with a required variable nothing can fill", () => {
    const { requests, skipped } = warmupRequests(
      [
        { name: "a write", query: "mutation { __typename }" },
        { name: "an unknown variable", query: "query ($when: Date!) { meetings(filter: {from: $when}) { totalCount } }" },
        { name: "its own example", query: "query ($when: Date!) { meetings(filter: {from: $when}) { totalCount } }", variables: { when: "2025" } },
      ],
      { person: "p" },
    );
    expect(requests).toEqual([{ query: expect.stringContaining("$when"), variables: { when: "2025" } }]);
    expect(skipped).toEqual(["an unknown variable"]);
  });
});

describe("with WARMUP_ON_START", () => {
  let server: Awaited<ReturnType<typeof createServer>>;
  let base = "";
  beforeAll(async () => {
    server = await createServer({ config: { NODE_ENV: "test", WARMUP_ON_START: true, HTTP_KEEP_ALIVE_TIMEOUT_MS: 1_000 }, db, logger: createLogger("silent") });
    base = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}`;
  });
  afterAll(() => server.stop());

  it("/health/ready stays red until the known queries have run, each without an error", { timeout: WARMUP_TIMEOUT_MS }, async () => {
    const before = await fetch(`${base}/health/ready`);
    expect(before.status).toBe(503);
    expect(await before.json()).toEqual({ status: "unavailable", reason: expect.stringMatching(/warming up/) });

    const report = await server.warmUp();
    // Every query the service knows: the web app's (its mutations are left out: they would write) and the Playground's tabs.
    const webQueries = [...loadManifest().values()].filter((query) => operationType(query) === "query").length;
    expect(report).toEqual({ documents: webQueries + exampleTabs.length, skipped: [], failed: 0 });
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
  });
});

/** `driver`, noting the text of every statement its sessions send (the service reads in auto-commit transactions: `session.run`). */
function notingStatements(driver: Driver, sent: Set<string>): Driver {
  return new Proxy(driver, {
    get(target, key) {
      if (key !== "session") return Reflect.get(target, key, target);
      return (...args: Parameters<Driver["session"]>) => {
        const session = target.session(...args);
        const run = session.run.bind(session);
        session.run = ((query: string, ...rest: unknown[]) => {
          sent.add(query);
          return (run as (...a: unknown[]) => ReturnType<Session["run"]>)(query, ...rest);
        }) as Session["run"];
        return session;
      };
    },
  });
}

/** How many times Neo4j ran each statement since `db.stats.collect('QUERIES')` (its own query collector), by text: summed over its entries (its key is more than the text). */
async function executionsByStatement(): Promise<Map<string, number>> {
  const rows = await db.read<{ query: string; executions: number }>(
    "test.queryStats",
    "CALL db.stats.retrieve('QUERIES') YIELD data RETURN data.query AS query, sum(data.invocationSummary.invocationCount) AS executions",
  );
  return new Map(rows.map((row) => [row.query, Number(row.executions)]));
}

describe("after the warm-up, the first users' requests", () => {
  const sent = new Set<string>();
  const noted = notingStatements(createDriver(target), sent);
  let server: Awaited<ReturnType<typeof createServer>>;
  let base = "";
  let requests: WarmupRequest[] = [];
  beforeAll(async () => {
    const notedDb = new Neo4jExecutor(noted, { database: target.database, queryTimeoutMs: 30_000 });
    server = await createServer({
      config: { NODE_ENV: "test", WARMUP_ON_START: true, HTTP_KEEP_ALIVE_TIMEOUT_MS: 1_000 },
      db: notedDb,
      logger: createLogger("silent"),
    });
    base = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}`;
    const known = [...[...loadManifest().values()].map((query) => ({ name: "web", query })), ...exampleTabs];
    requests = warmupRequests(known, await readSamples(db)).requests;
    await db.read("test.collectQueries", "CALL db.stats.clear('QUERIES') YIELD section CALL db.stats.collect('QUERIES') YIELD success RETURN success");
  });
  afterAll(async () => {
    await db.read("test.stopCollecting", "CALL db.stats.stop('QUERIES') YIELD success CALL db.stats.clear('QUERIES') YIELD section RETURN section");
    await server.stop();
    await noted.close();
  });

  it("send only statements Neo4j has already replanned with compiled expressions, so none of them pays for that", { timeout: WARMUP_TIMEOUT_MS }, async () => {
    await server.warmUp();
    sent.clear();
    for (const request of requests) {
      const response = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) });
      expect(response.status).toBe(200);
    }
    expect(sent.size).toBeGreaterThan(0);
    const executions = await executionsByStatement();
    // Neo4j replans a statement on its execution after the limit: a user's request must come after that one.
    const notYetReplanned = [...sent].filter((statement) => (executions.get(statement) ?? 0) < NEO4J_EXPRESSION_RECOMPILATION_LIMIT + 2);
    expect(notYetReplanned.map((statement) => `${executions.get(statement) ?? 0}× ${statement.replace(/\s+/g, " ").trim().slice(0, 100)}`)).toEqual([]);
  });
});
