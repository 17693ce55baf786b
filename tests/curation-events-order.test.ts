/**
 * Subscription events of concurrent writes (src/events/changes.ts): what each write's events need
 * is read from the database as soon as the write is reported, beside the other writes' reads,
 * while the events still go out in the order the writes were reported.
 */
import { afterAll, expect, inject, it } from "vitest";
import { createDriver } from "../src/db/connect.js";
import { Neo4jExecutor } from "../src/db/executor.js";
import { InProcessBus } from "../src/events/bus.js";
import { publishCommits } from "../src/events/changes.js";
import { personTopic } from "../src/events/topics.js";
import { createLogger } from "../src/logger.js";
import { testId } from "./support/curation.js";

const target = inject("neo4j");
const driver = createDriver(target);
afterAll(() => driver.close());

/** The suite's Neo4j, counting the reads that are running at once. */
class ReadsInFlight extends Neo4jExecutor {
  running = 0;
  most = 0;
  override async read<T extends Record<string, unknown>>(name: string, cypher: string, params?: Record<string, unknown>): Promise<T[]> {
    this.most = Math.max(this.most, ++this.running);
    try {
      return await super.read<T>(name, cypher, params);
    } finally {
      this.running -= 1;
    }
  }
}

it("reads concurrent writes' events side by side and publishes them in the order the writes committed", async () => {
  const db = new ReadsInFlight(driver, { database: target.database, queryTimeoutMs: 30_000 });
  const bus = new InProcessBus();
  const personId = testId("person");
  const events = bus.subscribe(personTopic(personId));
  const publish = publishCommits(bus, db, createLogger("silent"));
  const actors = Array.from({ length: 8 }, (_, i) => `curator-${i}`);

  await Promise.all(actors.map((actor) => publish({ mutation: "updatePerson", actor, id: personId, entityIds: [personId] })));

  expect(db.most).toBeGreaterThan(1);
  const received = [];
  for (const _ of actors) received.push(((await events.next()).value as { actor: string }).actor);
  expect(received).toEqual(actors);
  await events.return();
  await bus.close();
});
