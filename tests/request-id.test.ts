/**
 * Request ids (issue 23): every response carries `x-request-id`, the client's own when it sent a
 * sane one, otherwise a new one; and every Cypher transaction of the request carries it in its
 * metadata, where Neo4j shows it (SHOW TRANSACTIONS) while the transaction runs.
 */
import neo4j from "neo4j-driver";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createContext } from "../src/context.js";
import { createDriver } from "../src/db/connect.js";
import { Neo4jExecutor } from "../src/db/executor.js";
import { createServer } from "../src/server.js";
import { useApi } from "./support/api.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("x-request-id", () => {
  const api = useApi();
  const origin = () => new URL(api.url).origin;
  const idOf = async (path: string, init: RequestInit = {}) => (await fetch(`${origin()}${path}`, init)).headers.get("x-request-id");
  const graphql = (headers: Record<string, string> = {}): RequestInit => ({
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: "{ __typename }" }),
  });

  it("is a new UUID on every response when the client sends none, GraphQL or not", async () => {
    const ids = [await idOf("/graphql", graphql()), await idOf("/graphql", graphql()), await idOf("/health/live"), await idOf("/no-such-page")];
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("is the client's own when it is sane", async () => {
    expect(await idOf("/graphql", graphql({ "x-request-id": "lb-7f3a:0042" }))).toBe("lb-7f3a:0042");
  });

  it("replaces one that is too long or has spaces or quotes, rather than refusing the request", async () => {
    for (const insane of ["x".repeat(129), "two words", 'quote"d']) {
      const response = await fetch(api.url, graphql({ "x-request-id": insane }));
      expect(response.status).toBe(200);
      expect(response.headers.get("x-request-id")).toMatch(UUID);
    }
  });
});

describe("a request's Cypher", () => {
  const api = useApi();

  it("carries the request id in its transaction metadata, as SHOW TRANSACTIONS shows while it runs", async () => {
    const target = inject("neo4j");
    const observer = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password));
    const requestId = `request-id-test-${process.pid}`;
    try {
      const context = createContext(api.db.forRequest(requestId));
      // Long enough to be seen running, and stopped as soon as it has been.
      const slow = context.db
        .read("requestIdProbe", "UNWIND range(1, 200000000) AS n WITH n WHERE n < 0 RETURN count(n) AS none")
        .catch((error: unknown) => error);
      let seen: Record<string, unknown> | undefined;
      const deadline = Date.now() + 15_000;
      while (!seen && Date.now() < deadline) {
        const { records } = await observer.executeQuery(
          "SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.requestId = $requestId RETURN transactionId, metaData",
          { requestId },
          { database: target.database },
        );
        if (records[0]) {
          seen = records[0].get("metaData");
          await observer.executeQuery("TERMINATE TRANSACTIONS $id", { id: records[0].get("transactionId") }, { database: target.database });
        } else await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await slow;
      expect(seen).toEqual({ app: "meetgraph", query: "requestIdProbe", requestId });
    } finally {
      await observer.close();
    }
  });
});

describe("the log", () => {
  const lines: Record<string, unknown>[] = [];
  let origin = "";
  let stop = async () => {};
  beforeAll(async () => {
    const target = inject("neo4j");
    const driver = createDriver(target);
    const db = new Neo4jExecutor(driver, { database: target.database, queryTimeoutMs: 30_000 });
    const logger = pino({ level: "debug" }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const server = await createServer({ config: { NODE_ENV: "test", HTTP_KEEP_ALIVE_TIMEOUT_MS: 1_000 }, db, logger });
    origin = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}`;
    stop = async () => {
      await server.stop();
      await driver.close();
    };
  });
  afterAll(() => stop());

  /** A service whose database does not exist: every read fails in a way no client code describes, an unexpected error. */
  async function serviceWithoutItsDatabase() {
    const target = inject("neo4j");
    const driver = createDriver(target);
    const db = new Neo4jExecutor(driver, { database: "no-such-database", queryTimeoutMs: 30_000 });
    const logger = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const server = await createServer({ config: { NODE_ENV: "test", HTTP_KEEP_ALIVE_TIMEOUT_MS: 1_000 }, db, logger });
    return {
      url: `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}/graphql`,
      stop: async () => {
        await server.stop();
        await driver.close();
      },
    };
  }

  it("names the request on the line of an unexpected error, as on its other lines", async () => {
    const broken = await serviceWithoutItsDatabase();
    try {
      const response = await fetch(broken.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": "unexpected-error-test-1" },
        body: JSON.stringify({ query: `{ person(id: "steve-witkoff") { name } }` }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect(body.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
      await expect
        .poll(() => lines.find((line) => line.msg === "unexpected error while resolving"))
        .toMatchObject({ level: 50, requestId: "unexpected-error-test-1" });
    } finally {
      await broken.stop();
    }
  });

  it("has a line for each request (at debug level) with its id, method, path, status and duration", async () => {
    await fetch(`${origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "log-line-test-1" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    await expect
      .poll(() => lines.find((line) => line.requestId === "log-line-test-1"))
      .toMatchObject({ level: 20, msg: "request", method: "POST", path: "/graphql", status: 200, ms: expect.any(Number) });
  });
});
