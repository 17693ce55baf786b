/**
 * Compiles the service (for the tests that start it) and brings up the Neo4j the suite runs
 * against: NEO4J_URI when set, otherwise a throw-away local server on a free port with a
 * temporary data directory, stopped and deleted at the end.
 *
 * TEST_NEO4J_ROUTING=1 runs the suite over a neo4j:// routing URI to that local server (a
 * one-member cluster to the driver), so every test goes through the driver's routing, as against
 * a cluster or Aura (docs/operations.md, "Several instances").
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { compileService } from "../../src/compile.js";
import { loadConfig } from "../../src/config.js";
import { createDriver, driverTimeouts, waitForDatabase, type DatabaseTarget } from "../../src/db/connect.js";
import { Neo4jExecutor } from "../../src/db/executor.js";
import { freePort, startLocalNeo4j } from "../../src/db/localNeo4j.js";
import { migrate } from "../../src/db/migrations.js";
import { defaultSeedDir, readSeedDir } from "../../src/seed/read.js";
import { loadCuratedGraph } from "../../src/seed/load.js";
import { deprecationAdvice, describeDeprecation, takeDeprecations, watchDeprecations } from "./deprecations.js";

export interface TestDatabase {
  uri: string;
  user: string;
  password: string;
  database: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: TestDatabase;
  }
}

export default async function setup(project: TestProject) {
  // The tests that start the service run what `npm start` runs: the compiled JavaScript.
  compileService();
  const config = loadConfig({ ...process.env, NODE_ENV: "test" });
  let target: DatabaseTarget;
  let cleanup = async () => {};
  if (config.NEO4J_URI) {
    target = { uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD ?? "", database: config.NEO4J_DATABASE };
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "meetgraph-test-"));
    const password = "test-password-" + process.pid;
    const local = await startLocalNeo4j({
      dataDir,
      boltPort: await freePort(),
      password,
      heap: config.NEO4J_HEAP,
      pageCache: "128m",
      startTimeoutMs: config.NEO4J_START_TIMEOUT_MS,
      progress: (message) => console.log(`[test neo4j] ${message}`),
    });
    const uri = process.env.TEST_NEO4J_ROUTING === "1" ? local.uri.replace(/^bolt:/, "neo4j:") : local.uri;
    target = { uri, user: "neo4j", password, database: "neo4j", local };
    cleanup = async () => {
      await local.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  }

  const driver = createDriver(target, driverTimeouts(config), config.NEO4J_NOTIFICATIONS);
  // The migrations' and the seed's Cypher is held to the same rule as the tests' (tests/support/failOnDeprecations.ts).
  const stopWatching = watchDeprecations();
  try {
    await waitForDatabase(driver, target, config.NEO4J_CONNECT_TIMEOUT_MS);
    const db = new Neo4jExecutor(driver, { database: target.database, queryTimeoutMs: 60_000 });
    await migrate(db);
    // The curated seed graph is the suite's fixture: tests read it and never delete it.
    await loadCuratedGraph(db, readSeedDir(defaultSeedDir));
    const deprecations = takeDeprecations().map(describeDeprecation);
    if (deprecations.length > 0) throw new Error(`${deprecationAdvice}:\n${deprecations.join("\n")}`);
  } catch (error) {
    await driver.close();
    await cleanup();
    throw error;
  } finally {
    stopWatching();
  }
  await driver.close();

  project.provide("neo4j", { uri: target.uri, user: target.user, password: target.password, database: target.database });
  return cleanup;
}
