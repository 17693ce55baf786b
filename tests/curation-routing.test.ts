/**
 * A Neo4j cluster by configuration (issue 23): the service with a `neo4j://` routing URI, against
 * the suite's single Neo4j, which answers the routing protocol as a one-member cluster. The driver
 * then fetches a routing table and routes each session by its access mode, as it would against a
 * cluster or Aura: reads and a write go through that code path here. (With TEST_NEO4J_ROUTING=1
 * the whole suite runs this way: tests/support/globalSetup.ts.)
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseApiKey } from "../src/auth/credentials.js";
import { createDriver } from "../src/db/connect.js";
import { Neo4jExecutor } from "../src/db/executor.js";
import { createLogger } from "../src/logger.js";
import { createServer } from "../src/server.js";
import { CLEAN_UP, TEST_PREFIX, testId } from "./support/curation.js";

const WRITER_KEY = "routing-test-writer-key";
const API_KEYS = [parseApiKey(`router:write:${createHash("sha256").update(WRITER_KEY).digest("hex")}`)];

describe("the service over a neo4j:// routing URI", () => {
  const target = inject("neo4j");
  const routingUri = target.uri.replace(/^bolt(\+s|\+ssc)?:/, "neo4j$1:");
  const driver = createDriver({ ...target, uri: routingUri });
  const db = new Neo4jExecutor(driver, { database: target.database, queryTimeoutMs: 30_000 });
  let url = "";
  let stop = async () => {};
  beforeAll(async () => {
    const server = await createServer({ config: { NODE_ENV: "test", HTTP_KEEP_ALIVE_TIMEOUT_MS: 1_000, API_KEYS }, db, logger: createLogger("silent") });
    url = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}/graphql`;
    stop = () => server.stop();
  });
  afterAll(async () => {
    await db.write("test.cleanUp", CLEAN_UP, { prefix: TEST_PREFIX });
    await stop();
    await driver.close();
  });

  async function query(text: string, variables: Record<string, unknown> = {}, token?: string) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query: text, variables }),
    });
    return (await response.json()) as { data?: any; errors?: unknown[] };
  }

  it("answers reads", async () => {
    const answer = await query(`{ person(id: "vladimir-putin") { name counterparts(filter: {from: "2025", to: "2025"}) { person { id } } } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.person.name).toBe("Vladimir Putin");
    expect(answer.data.person.counterparts.map((c: { person: { id: string } }) => c.person.id)).toContain("steve-witkoff");
  });

  it("writes, and reads the write back in the same request and the next", async () => {
    const id = testId("person");
    const created = await query(
      `mutation($input: PersonInput!) { createPerson(input: $input) { person { id name } errors { code } } }`,
      { input: { id, name: "Routing Test" } },
      WRITER_KEY,
    );
    expect(created.data).toEqual({ createPerson: { person: { id, name: "Routing Test" }, errors: [] } });
    expect((await query(`query($id: ID!) { person(id: $id) { name } }`, { id })).data).toEqual({ person: { name: "Routing Test" } });
  });

  it("went through the driver's routing: it holds a routing table for the database, naming the server as reader and writer", () => {
    // Not public API: the driver says nothing else about routing. The test's point is that this path ran.
    const provider = (driver as unknown as { _connectionProvider?: { _routingTableRegistry?: { get(database: string): RoutingTable | undefined } } })
      ._connectionProvider;
    const table = provider?._routingTableRegistry?.get(target.database);
    const address = new URL(target.uri).host;
    expect(table?.readers.map(String)).toContain(address);
    expect(table?.writers.map(String)).toContain(address);
  });
});

interface RoutingTable {
  readers: unknown[];
  writers: unknown[];
}
