/**
 * The warm-up before readiness (WARMUP_ON_START): the known queries run, with ids from the graph,
 * before /health/ready turns green.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Kind, parse } from "graphql";
import { createDriver } from "../src/db/connect.js";
import { Neo4jExecutor } from "../src/db/executor.js";
import { readSamples, warmupRequests } from "../src/health/warmup.js";
import { loadManifest } from "../src/persisted/manifest.js";
import { createLogger } from "../src/logger.js";
import { exampleTabs } from "../src/playground/tabs.js";
import { createServer } from "../src/server.js";

const target = inject("neo4j");
const driver = createDriver(target);
const db = new Neo4jExecutor(driver, { database: target.database, queryTimeoutMs: 30_000 });
afterAll(() => driver.close());

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

  it("/health/ready stays red until the known queries have run, each without an error", async () => {
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
