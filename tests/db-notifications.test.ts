/**
 * Neo4j's notifications (NEO4J_NOTIFICATIONS): off in production, where they would cost bytes
 * with every answer; in the tests on at WARNING, and a statement using a deprecated feature fails
 * the test file that sent it (tests/support/failOnDeprecations.ts).
 */
import { afterAll, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { createDriver, defaultDriverTimeouts } from "../src/db/connect.js";
import { Neo4jExecutor } from "../src/db/executor.js";
import { describeDeprecation, takeDeprecations } from "./support/deprecations.js";

/** `id()` has been deprecated since Neo4j 5 (elementId() replaces it): a statement Neo4j warns about. */
const DEPRECATED = "MATCH (n) WHERE id(n) = -1 RETURN n";

function executorWith(notifications: "OFF" | "WARNING") {
  const target = inject("neo4j");
  const driver = createDriver(target, defaultDriverTimeouts, notifications);
  afterAll(() => driver.close());
  return new Neo4jExecutor(driver, { database: target.database, queryTimeoutMs: 30_000 });
}

describe("Neo4j's notifications", () => {
  it("are off in production and on at WARNING in the tests, unless NEO4J_NOTIFICATIONS says otherwise", () => {
    expect(loadConfig({ NODE_ENV: "production" }).NEO4J_NOTIFICATIONS).toBe("OFF");
    expect(loadConfig({ NODE_ENV: "development" }).NEO4J_NOTIFICATIONS).toBe("OFF");
    expect(loadConfig({ NODE_ENV: "test" }).NEO4J_NOTIFICATIONS).toBe("WARNING");
    expect(loadConfig({ NODE_ENV: "production", NEO4J_NOTIFICATIONS: "WARNING" }).NEO4J_NOTIFICATIONS).toBe("WARNING");
    expect(() => loadConfig({ NEO4J_NOTIFICATIONS: "LOUD" })).toThrow(/NEO4J_NOTIFICATIONS/);
  });

  const warned = executorWith("WARNING");
  const silent = executorWith("OFF");

  it("report a statement that uses a deprecated feature, by the statement's name, when on", async () => {
    await warned.read("deprecated id()", DEPRECATED);
    const deprecations = takeDeprecations();
    expect(deprecations.map((d) => d.query)).toEqual(["deprecated id()"]);
    expect(describeDeprecation(deprecations[0]!)).toMatch(/^deprecated id\(\): .*\bid\b.*\(line 1, column \d+\)$/);
  });

  it("are not sent at all when off", async () => {
    await silent.read("deprecated id(), notifications off", DEPRECATED);
    expect(takeDeprecations()).toEqual([]);
  });

  it("report nothing for a statement without deprecated features", async () => {
    await warned.read("elementId()", "MATCH (n) WHERE elementId(n) = $id RETURN n", { id: "none" });
    expect(takeDeprecations()).toEqual([]);
  });
});
